import { pgTable, uuid, text, timestamp, date, index, primaryKey } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';

export const shiftTypes = ['day', 'evening', 'night'] as const;

/**
 * The shift log (vaktbok): what happened on a shift, written by staff for the next shift. Entries are
 * never edited or deleted: a correction is a new entry that references the one it corrects (the
 * self-reference is a foreign key in the custom migration, as for the journal).
 * `shift_date` is the day the shift started: a night shift from 23:00 on the 26th is the 26th's night.
 * `incident_id` will reference incidents (avvik) once that feature has landed; no foreign key yet.
 */
export const shiftLogEntries = pgTable(
  'shift_log_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    shiftDate: date('shift_date').notNull(),
    shift: text('shift', { enum: shiftTypes }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    body: text('body').notNull(),
    incidentId: uuid('incident_id'),
    correctsEntryId: uuid('corrects_entry_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
  },
  (t) => [index('shift_log_entries_tenant_time_idx').on(t.tenantId, t.occurredAt), index('shift_log_entries_shift_idx').on(t.tenantId, t.shiftDate, t.shift)],
);

/** Residents an entry is about (optional); reading an entry that names a resident is logged in their access log. */
export const shiftLogEntryPeople = pgTable(
  'shift_log_entry_people',
  {
    entryId: uuid('entry_id').notNull().references(() => shiftLogEntries.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.personId] }), index('shift_log_entry_people_person_idx').on(t.personId)],
);
