import { sql } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { stayIdsOf } from '../stays/stays.person-data.ts';
import { agreements, houseRulesAcceptances } from './agreements.tables.ts';

export const agreementsPersonData: PersonDataSection = {
  key: 'agreements',
  title: { nb: 'Bo- og oppfølgingsavtaler og husordensregler', en: 'Housing and follow-up agreements and house rules' },
  tables: [
    // The agreement's text (goals, follow-up plan, contacts) is about the person; its period and dates stay.
    { table: agreements, match: (id) => sql`${agreements.stayId} in ${stayIdsOf(id)}`, anonymise: { content: { anonymised: true } } },
    { table: houseRulesAcceptances, match: (id) => sql`${houseRulesAcceptances.stayId} in ${stayIdsOf(id)}` },
  ],
};
