import { pgTable, uuid, text, timestamp, date, boolean, index } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';

/**
 * The security company's night rounds (nattrunder). `night_of` is the date the night started (a round
 * at 02:10 on the 27th belongs to the night of the 26th). The guard is the security company's person,
 * named as text (they have no user here); `created_by` is who registered it (the guard's own
 * registration through staff, or staff on their behalf). A finding may need an incident (avvik):
 * `needs_incident` and a note now; `incident_id` will reference incidents once that feature has landed.
 */
export const patrolRounds = pgTable(
  'patrol_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    nightOf: date('night_of').notNull(),
    patrolledAt: timestamp('patrolled_at', { withTimezone: true }).notNull(),
    guardName: text('guard_name').notNull(),
    findings: text('findings'),
    needsIncident: boolean('needs_incident').notNull().default(false),
    incidentNote: text('incident_note'),
    incidentId: uuid('incident_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
  },
  (t) => [index('patrol_rounds_tenant_night_idx').on(t.tenantId, t.nightOf)],
);
