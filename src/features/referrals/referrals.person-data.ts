import { sql } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { referrals } from './referrals.tables.ts';

/** The person's referrals (as applicant or partner); the referrals of a person, for the other sections. */
export const referralIdsOf = (id: string) => sql`(select r.id from referrals r where r.person_id = ${id} or r.partner_person_id = ${id})`;

export const referralsPersonData: PersonDataSection = {
  key: 'referrals',
  title: { nb: 'Henvisninger fra NAV', en: 'Referrals from NAV' },
  tables: [
    {
      table: referrals,
      match: (id) => sql`(${referrals.personId} = ${id} or ${referrals.partnerPersonId} = ${id})`,
      // The situation code, dates and consent flag stay (statistics); what was written about the person goes.
      anonymise: { situationOther: null, needs: null, consentScope: null },
    },
  ],
};
