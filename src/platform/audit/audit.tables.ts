import { pgTable, uuid, text, timestamp, jsonb, index } from 'drizzle-orm/pg-core';
import { tenants } from '../db/tenants.tables.ts';
import { users } from '../auth/auth.tables.ts';

// One row per write (kind 'write') and per read of a person's record (kind 'read').
// person_id is set whenever the event concerns a person, so their access log is one index scan.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind', { enum: ['read', 'write'] }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    personId: uuid('person_id'),
    purpose: text('purpose'),
    // Field names changed, never values: the log must not become a second copy of personal data.
    details: jsonb('details').$type<Record<string, unknown>>(),
    requestId: text('request_id'),
  },
  (t) => [
    // (…, at, id): the access log and the audit list page newest first on (at, id) straight from the index.
    index('audit_events_person_idx').on(t.personId, t.at, t.id),
    index('audit_events_tenant_at_idx').on(t.tenantId, t.at, t.id),
  ],
);
