import { pgTable, uuid, text, timestamp, integer, boolean, date, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';

export const houses = pgTable(
  'houses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    name: text('name').notNull(),
    streetAddress: text('street_address').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The board and the room lists start from the service's houses (a shared deployment holds every
  // municipality's: without it, a scan of all of them on every board read).
  (t) => [index('houses_tenant_idx').on(t.tenantId)],
);

export const roomStates = ['ready', 'occupied', 'cleaning', 'out_of_service'] as const;

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    houseId: uuid('house_id').notNull().references(() => houses.id),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    isCrisisRoom: boolean('is_crisis_room').notNull().default(false),
    takesCouples: boolean('takes_couples').notNull().default(false),
    state: text('state', { enum: roomStates }).notNull().default('ready'),
    outOfServiceReason: text('out_of_service_reason'),
    outOfServiceFromOn: date('out_of_service_from_on'),
    outOfServiceToOn: date('out_of_service_to_on'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rooms_house_name_unique').on(t.houseId, t.name),
    check('rooms_capacity_range', sql`${t.capacity} between 1 and 2`),
    check('rooms_couples_need_two', sql`not ${t.takesCouples} or ${t.capacity} = 2`),
    check(
      'rooms_out_of_service_has_reason',
      sql`${t.state} <> 'out_of_service' or (${t.outOfServiceReason} is not null and ${t.outOfServiceFromOn} is not null)`,
    ),
  ],
);

// Every state change is a row: who, when, from what, to what, and why.
export const roomStateChanges = pgTable(
  'room_state_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    roomId: uuid('room_id').notNull().references(() => rooms.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    fromState: text('from_state', { enum: roomStates }),
    toState: text('to_state', { enum: roomStates }).notNull(),
    reason: text('reason'),
    fromOn: date('from_on'),
    toOn: date('to_on'),
  },
  (t) => [index('room_state_changes_room_idx').on(t.roomId, t.changedAt)],
);
