import { pgTable, uuid, text, timestamp, boolean, date, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { stays } from './stays.tables.ts';

/**
 * An extension (forlengelse) is a decision by the service lead: a reason and a new planned end.
 * Stays over three months are an exception in law, so each one is a row, never an overwrite.
 */
export const stayExtensions = pgTable(
  'stay_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    stayId: uuid('stay_id').notNull().references(() => stays.id),
    decidedBy: uuid('decided_by').notNull().references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    previousPlannedEndOn: date('previous_planned_end_on').notNull(),
    newPlannedEndOn: date('new_planned_end_on').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    index('stay_extensions_stay_idx').on(t.stayId),
    check('stay_extensions_later', sql`${t.newPlannedEndOn} > ${t.previousPlannedEndOn}`),
  ],
);

/**
 * A room move during a stay: the stay in the old room ends on the move date and a new stay row in the
 * new room starts that day (so the no-overlap constraint guards the new room exactly as at check-in).
 * The resident's stay, for the three-month clock, runs from the first row of the chain.
 */
export const roomMoves = pgTable(
  'room_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    fromStayId: uuid('from_stay_id').notNull().references(() => stays.id),
    toStayId: uuid('to_stay_id').notNull().references(() => stays.id),
    fromRoomId: uuid('from_room_id').notNull().references(() => rooms.id),
    toRoomId: uuid('to_room_id').notNull().references(() => rooms.id),
    movedOn: date('moved_on').notNull(),
    reason: text('reason').notNull(),
    movedBy: uuid('moved_by').references(() => users.id),
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('room_moves_from_unique').on(t.fromStayId), uniqueIndex('room_moves_to_unique').on(t.toStayId)],
);

// Where the household went: categories that map to KOSTRA / the national homelessness survey and to
// the international (ETHOS-light) outcome groups used in the monthly report.
export const moveOutDestinations = [
  'private_rental',
  'municipal_rental',
  'owned_home',
  'permanent_with_family',
  'temporary_with_family_friends',
  'other_temporary_accommodation',
  'institution_treatment',
  'prison',
  'homeless',
  'deceased',
  'other',
  'unknown',
] as const;

/** Move-out (utflytting): date, destination, planned or not, keys, room check, damage; once per stay. */
export const moveOuts = pgTable(
  'move_outs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    stayId: uuid('stay_id').notNull().references(() => stays.id),
    movedOutOn: date('moved_out_on').notNull(),
    destination: text('destination', { enum: moveOutDestinations }).notNull(),
    destinationNote: text('destination_note'),
    wasPlanned: boolean('was_planned').notNull(),
    keysReturned: boolean('keys_returned').notNull(),
    roomChecked: boolean('room_checked').notNull(),
    damageNotes: text('damage_notes'),
    movingHelp: boolean('moving_help').notNull().default(false),
    furnitureObtained: text('furniture_obtained'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('move_outs_stay_unique').on(t.stayId)],
);

/** Belongings kept for a resident: what, where, until when, and when picked up. */
export const storedBelongings = pgTable(
  'stored_belongings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    stayId: uuid('stay_id').references(() => stays.id),
    description: text('description').notNull(),
    location: text('location').notNull(),
    storedOn: date('stored_on').notNull(),
    keepUntilOn: date('keep_until_on').notNull(),
    pickedUpOn: date('picked_up_on'),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [index('stored_belongings_person_idx').on(t.personId)],
);
