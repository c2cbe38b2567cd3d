import { pgTable, uuid, text, timestamp, date, integer, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { shiftTypes } from '../shift-log/shift-log.tables.ts';

/**
 * Staff on the rota and their weekend group: each person works every fourth weekend, so the staff
 * are split into four groups (0–3) and group g works the weekends whose rota week number mod 4 is g.
 * A member keeps their group from one period to the next; new members join the smallest group.
 */
export const rotaMembers = pgTable(
  'rota_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    weekendGroup: integer('weekend_group').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('rota_members_user_unique').on(t.tenantId, t.userId), check('rota_members_weekend_group_range', sql`${t.weekendGroup} between 0 and 3`)],
);

export const assignmentSources = ['generated', 'manual'] as const;

/** Who works which shift on which day. One row per person and shift; a person has one shift a day. */
export const rotaAssignments = pgTable(
  'rota_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    day: date('day').notNull(),
    shift: text('shift', { enum: shiftTypes }).notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    source: text('source', { enum: assignmentSources }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
  },
  (t) => [uniqueIndex('rota_assignments_person_day_unique').on(t.tenantId, t.day, t.userId), index('rota_assignments_tenant_day_idx').on(t.tenantId, t.day)],
);
