import { sql } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { ANONYMISED } from '../privacy/person-data.ts';
import { shiftLogEntries, shiftLogEntryPeople } from './shift-log.tables.ts';

// Shift-log entries that name the person. An entry is the shift's record and may name others, so an
// erasure removes the person's link, not the entry; retention blanks the text (shift and time stay).
export const shiftLogPersonData: PersonDataSection = {
  key: 'shift-log',
  title: { nb: 'Vaktbok: innførsler der personen er nevnt', en: 'Shift log: entries that name the person' },
  tables: [
    {
      table: shiftLogEntries,
      match: (id) => sql`${shiftLogEntries.id} in (select sp.entry_id from shift_log_entry_people sp where sp.person_id = ${id})`,
      anonymise: { body: ANONYMISED },
      keepOnErasure: true,
    },
    { table: shiftLogEntryPeople, match: (id) => sql`${shiftLogEntryPeople.personId} = ${id}` },
  ],
};
