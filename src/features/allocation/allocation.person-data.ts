import { sql } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { ANONYMISED } from '../privacy/person-data.ts';
import { referralIdsOf } from '../referrals/referrals.person-data.ts';
import { complaintEvents, complaints, decisions, offers, screenings, waitingListEntries, waitingListEvents } from './allocation.tables.ts';

const decisionIdsOf = (id: string) => sql`(select d.id from decisions d where d.referral_id in ${referralIdsOf(id)})`;

export const allocationPersonData: PersonDataSection = {
  key: 'allocation',
  title: { nb: 'Kartlegging, vedtak, tilbud, venteliste og klager', en: 'Screening, decisions, offers, waiting list and complaints' },
  tables: [
    { table: screenings, match: (id) => sql`${screenings.referralId} in ${referralIdsOf(id)}`, anonymise: { justification: null, note: null } },
    {
      table: decisions,
      match: (id) => sql`${decisions.referralId} in ${referralIdsOf(id)}`,
      anonymise: { reasons: ANONYMISED, exceptionJustification: null },
    },
    { table: offers, match: (id) => sql`${offers.referralId} in ${referralIdsOf(id)}`, anonymise: { declineReason: null } },
    {
      table: waitingListEntries,
      match: (id) => sql`${waitingListEntries.referralId} in ${referralIdsOf(id)}`,
      anonymise: { reason: ANONYMISED, removalReason: null },
    },
    {
      table: waitingListEvents,
      match: (id) => sql`${waitingListEvents.entryId} in (select w.id from waiting_list_entries w where w.referral_id in ${referralIdsOf(id)})`,
    },
    { table: complaints, match: (id) => sql`${complaints.decisionId} in ${decisionIdsOf(id)}`, anonymise: { summary: ANONYMISED } },
    {
      table: complaintEvents,
      match: (id) => sql`${complaintEvents.complaintId} in (select c.id from complaints c where c.decision_id in ${decisionIdsOf(id)})`,
      anonymise: { note: null },
    },
  ],
};
