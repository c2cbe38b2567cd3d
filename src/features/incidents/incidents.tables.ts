import { pgTable, uuid, text, timestamp, date, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { agreements } from '../agreements/agreements.tables.ts';
import { roomKeys, inventoryItems } from '../stays/stays.tables.ts';
import { hazards } from '../risk/risk.tables.ts';

export const incidentTypes = [
  'house_rule_breach',
  'threat_violence',
  'fire_alarm',
  'damage',
  'drugs',
  'health_emergency',
  'theft',
  'patrol_finding',
  'other',
] as const;
export const incidentSeverities = ['low', 'medium', 'high', 'critical'] as const;
export const incidentStatuses = ['open', 'follow_up', 'closed'] as const;
export const incidentLocations = ['room', 'common_area', 'outside'] as const;

/**
 * An incident or deviation (avvik) under the service's plan for deviations: recorded by anyone on
 * staff, followed up and closed by the service lead. It may be a breach of a resident's agreement,
 * realise a hazard of the risk analysis, concern a key (lost) or an inventory item (damage).
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    location: text('location', { enum: incidentLocations }).notNull(),
    roomId: uuid('room_id').references(() => rooms.id),
    locationNote: text('location_note'),
    type: text('type', { enum: incidentTypes }).notNull(),
    severity: text('severity', { enum: incidentSeverities }).notNull(),
    description: text('description').notNull(),
    immediateAction: text('immediate_action'),
    status: text('status', { enum: incidentStatuses }).notNull().default('open'),
    assignedTo: uuid('assigned_to').references(() => users.id),
    followUpDueOn: date('follow_up_due_on'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    closingNote: text('closing_note'),
    agreementId: uuid('agreement_id').references(() => agreements.id),
    hazardId: uuid('hazard_id').references(() => hazards.id),
    keyId: uuid('key_id').references(() => roomKeys.id),
    inventoryItemId: uuid('inventory_item_id').references(() => inventoryItems.id),
    reportedBy: uuid('reported_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('incidents_tenant_occurred_idx').on(t.tenantId, t.occurredAt),
    index('incidents_hazard_idx').on(t.hazardId),
    check('incidents_closed_has_time', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
  ],
);

/** The people involved: residents (linked to their record), staff (users), or others by free text. */
export const incidentPeople = pgTable(
  'incident_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id),
    kind: text('kind', { enum: ['resident', 'staff', 'other'] }).notNull(),
    personId: uuid('person_id').references(() => people.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name'),
  },
  (t) => [
    index('incident_people_incident_idx').on(t.incidentId),
    index('incident_people_person_idx').on(t.personId),
    check(
      'incident_people_one_reference',
      sql`(${t.kind} = 'resident' and ${t.personId} is not null) or (${t.kind} = 'staff' and ${t.userId} is not null) or (${t.kind} = 'other' and ${t.name} is not null)`,
    ),
  ],
);

/** Measures recorded during the follow-up, in order. */
export const incidentMeasures = pgTable(
  'incident_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id),
    description: text('description').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [index('incident_measures_incident_idx').on(t.incidentId)],
);

/**
 * E-mail alerts of severe incidents to the service lead, written in the incident's transaction and
 * sent by the incident-alerts job (an outbox: an e-mail never goes out for an incident that was rolled
 * back, and one that fails is tried again). The e-mail carries type, severity and a link, no names.
 */
export const incidentAlerts = pgTable(
  'incident_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('incident_alerts_unique').on(t.incidentId, t.userId)],
);
