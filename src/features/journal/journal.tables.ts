import { pgTable, uuid, text, timestamp, boolean, date, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { stays } from '../stays/stays.tables.ts';

export const journalEntryTypes = ['conversation', 'phone_call', 'meeting', 'service_contact', 'note'] as const;
export const contactedServices = ['nav', 'health_care', 'mental_health_substance', 'housing_office', 'landlord', 'other'] as const;

/**
 * The journal of a resident. Entries are never edited or deleted: a correction is a new entry that
 * references the one it corrects. Sensitive entries (health, substance use) are shown only to roles
 * with journal:read:sensitive.
 */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    stayId: uuid('stay_id').references(() => stays.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    type: text('type', { enum: journalEntryTypes }).notNull(),
    service: text('service', { enum: contactedServices }),
    present: text('present'),
    body: text('body').notNull(),
    isSensitive: boolean('is_sensitive').notNull().default(false),
    correctsEntryId: uuid('corrects_entry_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
  },
  (t) => [
    index('journal_entries_person_idx').on(t.personId, t.occurredAt),
    // "Is this entry corrected, and by which?" is asked for every entry listed; without this index
    // each asks the whole table (1.8 s for one resident's 15 entries at 217 000 entries).
    index('journal_entries_corrects_idx').on(t.correctsEntryId).where(sql`${t.correctsEntryId} is not null`),
    check('journal_service_contact_names_service', sql`${t.type} <> 'service_contact' or ${t.service} is not null`),
  ],
);

export const goalProgress = ['not_started', 'in_progress', 'achieved', 'dropped'] as const;

/** Goals of the agreement, with their progress; each change of progress is a row in goal_events. */
export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    stayId: uuid('stay_id').references(() => stays.id),
    title: text('title').notNull(),
    progress: text('progress', { enum: goalProgress }).notNull().default('not_started'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('goals_person_idx').on(t.personId)],
);

export const goalEvents = pgTable('goal_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  goalId: uuid('goal_id').notNull().references(() => goals.id),
  at: timestamp('at', { withTimezone: true }).notNull(),
  by: uuid('by').references(() => users.id),
  progress: text('progress', { enum: goalProgress }).notNull(),
  note: text('note'),
});

/** Tasks with an assignee and a due date: "my tasks", "overdue", and per resident on the board. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').references(() => people.id),
    stayId: uuid('stay_id').references(() => stays.id),
    goalId: uuid('goal_id').references(() => goals.id),
    title: text('title').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('tasks_tenant_open_idx').on(t.tenantId, t.dueOn).where(sql`${t.doneAt} is null`), index('tasks_assignee_idx').on(t.assigneeId)],
);
