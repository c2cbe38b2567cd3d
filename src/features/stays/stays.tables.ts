import { pgTable, uuid, text, timestamp, date, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { offers } from '../allocation/allocation.tables.ts';

/**
 * A stay (opphold) of a household in a room, from the check-in day to the check-out day (end_on is
 * null while they live there). A stay from day A to day B has B − A nights. The database refuses two
 * stays in one room at once (stays_no_overlap, migration 0004) and two open stays for one person.
 */
export const stays = pgTable(
  'stays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    roomId: uuid('room_id').notNull().references(() => rooms.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    partnerPersonId: uuid('partner_person_id').references(() => people.id),
    referralId: uuid('referral_id').references(() => referrals.id),
    offerId: uuid('offer_id').references(() => offers.id),
    startOn: date('start_on').notNull(),
    plannedEndOn: date('planned_end_on').notNull(),
    endOn: date('end_on'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    checkedInBy: uuid('checked_in_by').references(() => users.id),
  },
  (t) => [
    index('stays_tenant_room_idx').on(t.tenantId, t.roomId, t.startOn),
    index('stays_person_idx').on(t.personId),
    // The board's current residents, per service, without walking every open stay in the country.
    index('stays_tenant_open_idx').on(t.tenantId, t.roomId).where(sql`${t.endOn} is null`),
    // "Has this offer been checked in?" (the board's arrivals) and "stays of a partner" (the timeline).
    index('stays_offer_idx').on(t.offerId),
    index('stays_partner_idx').on(t.partnerPersonId).where(sql`${t.partnerPersonId} is not null`),
    uniqueIndex('stays_one_open_per_person').on(t.personId).where(sql`${t.endOn} is null`),
    check('stays_end_after_start', sql`${t.endOn} is null or ${t.endOn} >= ${t.startOn}`),
    check('stays_planned_end_after_start', sql`${t.plannedEndOn} > ${t.startOn}`),
  ],
);

/** Keys (nøkler): each physical key by number, which door it opens, and who holds it. */
export const roomKeys = pgTable(
  'room_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    keyNumber: text('key_number').notNull(),
    door: text('door').notNull(),
    roomId: uuid('room_id').references(() => rooms.id),
  },
  (t) => [uniqueIndex('room_keys_number_unique').on(t.tenantId, t.keyNumber)],
);

export const keyIssues = pgTable(
  'key_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    keyId: uuid('key_id').notNull().references(() => roomKeys.id),
    stayId: uuid('stay_id').references(() => stays.id),
    personId: uuid('person_id').references(() => people.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('key_issues_one_holder').on(t.keyId).where(sql`${t.returnedAt} is null`)],
);

/** The inventory list of a room, and its condition as checked at check-in and move-out. */
export const inventoryItems = pgTable('inventory_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  roomId: uuid('room_id').notNull().references(() => rooms.id),
  name: text('name').notNull(),
  condition: text('condition', { enum: ['good', 'worn', 'damaged', 'missing'] }).notNull().default('good'),
});

export const inventoryChecks = pgTable(
  'inventory_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    stayId: uuid('stay_id').notNull().references(() => stays.id),
    itemId: uuid('item_id').notNull().references(() => inventoryItems.id),
    kind: text('kind', { enum: ['check_in', 'move_out'] }).notNull(),
    condition: text('condition', { enum: ['good', 'worn', 'damaged', 'missing'] }).notNull(),
    note: text('note'),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    checkedBy: uuid('checked_by').references(() => users.id),
  },
  (t) => [index('inventory_checks_stay_idx').on(t.stayId)],
);
