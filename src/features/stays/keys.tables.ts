import { pgTable, uuid, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { roomKeys, keyIssues } from './stays.tables.ts';
import { incidents } from '../incidents/incidents.tables.ts';

/** A key reported lost (or stolen): once per key, with the incident it created. A lost key is never handed out again. */
export const keyLosses = pgTable(
  'key_losses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    keyId: uuid('key_id').notNull().references(() => roomKeys.id),
    keyIssueId: uuid('key_issue_id').references(() => keyIssues.id),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    reportedBy: uuid('reported_by').references(() => users.id),
  },
  (t) => [uniqueIndex('key_losses_one_per_key').on(t.keyId)],
);
