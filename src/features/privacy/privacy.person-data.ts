import { sql } from 'drizzle-orm';
import type { PersonDataSection } from './person-data.ts';
import { ANONYMISED } from './person-data.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { accessGrants, anonymisedPeople } from './privacy.tables.ts';

export const privacyPersonData: PersonDataSection = {
  key: 'access',
  title: { nb: 'Tilgangslogg og åpninger av lukket journal', en: 'Access log and openings of the closed record' },
  tables: [
    // The audit log holds field names and purposes, never values: it stays as it is (it proves who
    // looked, also after anonymisation; the person id in it then points at an anonymous row).
    { table: auditEvents, match: (id) => sql`${auditEvents.personId} = ${id}` },
    { table: accessGrants, match: (id) => sql`${accessGrants.personId} = ${id}`, anonymise: { reason: ANONYMISED, reviewNote: null } },
    { table: anonymisedPeople, match: (id) => sql`${anonymisedPeople.personId} = ${id}` },
  ],
};
