import { pgTable, uuid, text, timestamp, boolean, date, integer, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { stays } from '../stays/stays.tables.ts';

/** A follow-up agreement after moving in to the new home: period, contact frequency, contact person. */
export const aftercareAgreements = pgTable(
  'aftercare_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    stayId: uuid('stay_id').references(() => stays.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    contactFrequency: text('contact_frequency').notNull(),
    contactPersonId: uuid('contact_person_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('aftercare_agreements_person_idx').on(t.personId), check('aftercare_period', sql`${t.endsOn} > ${t.startsOn}`)],
);

/** Planned follow-ups 1, 3 and 6 months after moving out, each answering "still housed?". */
export const aftercareFollowUps = pgTable(
  'aftercare_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    stayId: uuid('stay_id').references(() => stays.id),
    monthsAfter: integer('months_after').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    stillHoused: boolean('still_housed'),
    notes: text('notes'),
    doneBy: uuid('done_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('aftercare_follow_ups_unique').on(t.stayId, t.monthsAfter),
    index('aftercare_follow_ups_due_idx').on(t.tenantId, t.dueOn),
  ],
);

/** The weekly meeting place (felles treffsted) for former residents, with an attendance register. */
export const meetingSessions = pgTable(
  'meeting_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    heldOn: date('held_on').notNull(),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('meeting_sessions_day_unique').on(t.tenantId, t.heldOn)],
);

export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    sessionId: uuid('session_id').notNull().references(() => meetingSessions.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  },
  (t) => [uniqueIndex('meeting_attendance_unique').on(t.sessionId, t.personId)],
);
