import { sql } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { ANONYMISED } from '../privacy/person-data.ts';
import { goalEvents, goals, journalEntries, tasks } from './journal.tables.ts';

export const journalPersonData: PersonDataSection = {
  key: 'journal',
  title: { nb: 'Journal, mål og oppgaver', en: 'Journal, goals and tasks' },
  tables: [
    {
      table: journalEntries,
      match: (id) => sql`${journalEntries.personId} = ${id}`,
      anonymise: { body: ANONYMISED, present: null },
      // Sensitive entries (health, substance use) only for those who may read them; others see a count.
      restricted: { permission: 'journal:read:sensitive', rows: sql`${journalEntries.isSensitive}` },
    },
    { table: goals, match: (id) => sql`${goals.personId} = ${id}`, anonymise: { title: ANONYMISED } },
    { table: goalEvents, match: (id) => sql`${goalEvents.goalId} in (select g.id from goals g where g.person_id = ${id})`, anonymise: { note: null } },
    { table: tasks, match: (id) => sql`${tasks.personId} = ${id}`, anonymise: { title: ANONYMISED } },
  ],
};
