import { pgTable, uuid, text, timestamp, jsonb, index } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';

/**
 * "Break the glass": a staff member opened a closed record (a former resident) with a stated reason.
 * The grant is for one user and one person and lasts the rest of the day (Europe/Oslo). Every grant
 * is listed for the service lead, who marks it reviewed.
 */
export const accessGrants = pgTable(
  'access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
  },
  (t) => [
    index('access_grants_user_person_idx').on(t.userId, t.personId, t.expiresAt),
    index('access_grants_tenant_review_idx').on(t.tenantId, t.reviewedAt),
  ],
);

/**
 * One row per run of retention: a dry run (what would be anonymised), an anonymisation run (the
 * daily job), or an erasure on request (with the reason). What it found or did, as counts.
 */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
    kind: text('kind', { enum: ['dry_run', 'anonymise', 'erasure'] }).notNull(),
    reason: text('reason'),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    summary: jsonb('summary').$type<Record<string, number>>().notNull(),
  },
  (t) => [index('retention_runs_tenant_idx').on(t.tenantId, t.ranAt)],
);

/** People whose record has been anonymised (the row in `people` stays, so statistics still count). */
export const anonymisedPeople = pgTable('anonymised_people', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  anonymisedAt: timestamp('anonymised_at', { withTimezone: true }).notNull(),
  runId: uuid('run_id').references(() => retentionRuns.id),
});
