import { and, asc, eq, gt, inArray, isNull, lt, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { reusableQuery, type Placeholders } from '../../platform/db/reusable-query.ts';
import { people } from '../people/people.tables.ts';
import { houses, rooms } from '../rooms/rooms.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { offers } from '../allocation/allocation.tables.ts';
import { houseRulesAcceptances, houseRulesVersions } from '../agreements/agreements.tables.ts';
import { inventoryChecks, inventoryItems, keyIssues, roomKeys, stays } from './stays.tables.ts';
import { keyLosses } from './keys.tables.ts';

// SQL of the stays feature. Offers, referrals, rooms and people are read here with this feature's own
// read-only queries; they are written only through their own services.

const partner = alias(people, 'partner');

const householdNames = {
  personGivenName: people.givenName,
  personFamilyName: people.familyName,
  partnerGivenName: partner.givenName,
  partnerFamilyName: partner.familyName,
};

// ---- check-in -----------------------------------------------------------------------------------

/** Holds the offer row until the transaction ends, so two check-ins of one offer queue up. */
export async function lockOffer(db: Db, tenantId: string, offerId: string): Promise<boolean> {
  const rows = await db
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.tenantId, tenantId), eq(offers.id, offerId)))
    .for('update');
  return rows.length > 0;
}

/**
 * Locks the room's row for the rest of the transaction: check-ins into one room queue here, in the
 * same order as every other check-in (offer, then room), instead of meeting in the stays constraint
 * and the room update in different orders (a deadlock, seen as a 500 under heavy contention).
 */
export async function lockRoom(db: Db, tenantId: string, roomId: string): Promise<void> {
  await db.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, roomId))).for('update');
}

/** An offer with its referral's household, its room and the room's house. */
export async function findOfferForCheckIn(db: Db, tenantId: string, offerId: string) {
  const [row] = await db
    .select({
      offerId: offers.id,
      status: offers.status,
      fromOn: offers.fromOn,
      plannedEndOn: offers.plannedEndOn,
      referralId: referrals.id,
      personId: referrals.personId,
      partnerPersonId: referrals.partnerPersonId,
      ...householdNames,
      roomId: rooms.id,
      roomName: rooms.name,
      roomState: rooms.state,
      takesCouples: rooms.takesCouples,
      houseName: houses.name,
    })
    .from(offers)
    .innerJoin(referrals, eq(referrals.id, offers.referralId))
    .innerJoin(people, eq(people.id, referrals.personId))
    .leftJoin(partner, eq(partner.id, referrals.partnerPersonId))
    .innerJoin(rooms, eq(rooms.id, offers.roomId))
    .innerJoin(houses, eq(houses.id, rooms.houseId))
    .where(and(eq(offers.tenantId, tenantId), eq(offers.id, offerId)));
  return row;
}

export async function findStayIdForOffer(db: Db, tenantId: string, offerId: string) {
  const [row] = await db
    .select({ id: stays.id })
    .from(stays)
    .where(and(eq(stays.tenantId, tenantId), eq(stays.offerId, offerId)))
    // After a room move several rows share the offer: the first is the check-in (the agreement's stay).
    .orderBy(asc(stays.checkedInAt))
    .limit(1);
  return row?.id ?? null;
}

export async function insertStay(db: Db, row: typeof stays.$inferInsert) {
  const [created] = await db.insert(stays).values(row).returning({ id: stays.id });
  return created!;
}

// ---- keys ---------------------------------------------------------------------------------------

const openIssue = alias(keyIssues, 'open_issue');

const keyColumns = {
  id: roomKeys.id,
  keyNumber: roomKeys.keyNumber,
  door: roomKeys.door,
  roomId: roomKeys.roomId,
  issuedAt: openIssue.issuedAt,
  issuedToStayId: openIssue.stayId,
  // A key reported lost is never handed out again (keys.service.ts).
  lostAt: keyLosses.reportedAt,
};

function keysWithOpenIssue(db: Db) {
  return db
    .select(keyColumns)
    .from(roomKeys)
    .leftJoin(openIssue, and(eq(openIssue.keyId, roomKeys.id), isNull(openIssue.returnedAt)))
    .leftJoin(keyLosses, eq(keyLosses.keyId, roomKeys.id));
}

/**
 * The keys a check-in into a room can hand out: the room's own keys and the front-door keys shared
 * by the house (registered without a room), each with its present holder if any.
 */
export async function listKeysForRoom(db: Db, tenantId: string, roomId: string, options: { includeShared?: boolean } = {}) {
  return keysWithOpenIssue(db)
    .where(
      and(
        eq(roomKeys.tenantId, tenantId),
        options.includeShared ? or(eq(roomKeys.roomId, roomId), and(isNull(roomKeys.roomId), eq(roomKeys.door, 'front_door'))) : eq(roomKeys.roomId, roomId),
      ),
    )
    .orderBy(asc(roomKeys.door), asc(roomKeys.keyNumber));
}

export async function findKeys(db: Db, tenantId: string, keyIds: string[]) {
  if (keyIds.length === 0) return [];
  return keysWithOpenIssue(db).where(and(eq(roomKeys.tenantId, tenantId), inArray(roomKeys.id, keyIds)));
}

export async function insertKey(db: Db, row: typeof roomKeys.$inferInsert) {
  const [created] = await db.insert(roomKeys).values(row).returning({ id: roomKeys.id, keyNumber: roomKeys.keyNumber, door: roomKeys.door, roomId: roomKeys.roomId });
  return created!;
}

export async function insertKeyIssues(db: Db, rows: (typeof keyIssues.$inferInsert)[]) {
  if (rows.length) await db.insert(keyIssues).values(rows);
}

// ---- inventory ----------------------------------------------------------------------------------

export async function listInventoryItems(db: Db, tenantId: string, roomId: string) {
  return db
    .select({ id: inventoryItems.id, roomId: inventoryItems.roomId, name: inventoryItems.name, condition: inventoryItems.condition })
    .from(inventoryItems)
    .where(and(eq(inventoryItems.tenantId, tenantId), eq(inventoryItems.roomId, roomId)))
    .orderBy(asc(inventoryItems.name), asc(inventoryItems.id));
}

export async function insertInventoryItem(db: Db, row: typeof inventoryItems.$inferInsert) {
  const [created] = await db
    .insert(inventoryItems)
    .values(row)
    .returning({ id: inventoryItems.id, roomId: inventoryItems.roomId, name: inventoryItems.name, condition: inventoryItems.condition });
  return created!;
}

export async function insertInventoryChecks(db: Db, rows: (typeof inventoryChecks.$inferInsert)[]) {
  if (rows.length) await db.insert(inventoryChecks).values(rows);
}

/** The item's present condition follows the latest check. */
export async function setInventoryCondition(db: Db, tenantId: string, itemId: string, condition: (typeof inventoryItems.$inferSelect)['condition']) {
  await db
    .update(inventoryItems)
    .set({ condition })
    .where(and(eq(inventoryItems.tenantId, tenantId), eq(inventoryItems.id, itemId), ne(inventoryItems.condition, condition)));
}

// ---- one stay -----------------------------------------------------------------------------------

export async function findStay(db: Db, tenantId: string, stayId: string) {
  const [row] = await db
    .select({
      id: stays.id,
      roomId: stays.roomId,
      roomName: rooms.name,
      houseName: houses.name,
      personId: stays.personId,
      partnerPersonId: stays.partnerPersonId,
      ...householdNames,
      referralId: stays.referralId,
      offerId: stays.offerId,
      startOn: stays.startOn,
      plannedEndOn: stays.plannedEndOn,
      endOn: stays.endOn,
      checkedInAt: stays.checkedInAt,
    })
    .from(stays)
    .innerJoin(rooms, eq(rooms.id, stays.roomId))
    .innerJoin(houses, eq(houses.id, rooms.houseId))
    .innerJoin(people, eq(people.id, stays.personId))
    .leftJoin(partner, eq(partner.id, stays.partnerPersonId))
    .where(and(eq(stays.tenantId, tenantId), eq(stays.id, stayId)));
  return row;
}

export async function listStayKeys(db: Db, stayId: string) {
  return db
    .select({ id: roomKeys.id, keyNumber: roomKeys.keyNumber, door: roomKeys.door, issuedAt: keyIssues.issuedAt, returnedAt: keyIssues.returnedAt })
    .from(keyIssues)
    .innerJoin(roomKeys, eq(roomKeys.id, keyIssues.keyId))
    .where(eq(keyIssues.stayId, stayId))
    .orderBy(asc(roomKeys.door), asc(roomKeys.keyNumber));
}

export async function listStayInventoryChecks(db: Db, stayId: string, kind: 'check_in' | 'move_out') {
  return db
    .select({ itemId: inventoryChecks.itemId, name: inventoryItems.name, condition: inventoryChecks.condition, note: inventoryChecks.note })
    .from(inventoryChecks)
    .innerJoin(inventoryItems, eq(inventoryItems.id, inventoryChecks.itemId))
    .where(and(eq(inventoryChecks.stayId, stayId), eq(inventoryChecks.kind, kind)))
    .orderBy(asc(inventoryItems.name));
}

export async function findHouseRulesAcceptance(db: Db, stayId: string) {
  const [row] = await db
    .select({ versionId: houseRulesVersions.id, version: houseRulesVersions.version, acceptedAt: houseRulesAcceptances.acceptedAt })
    .from(houseRulesAcceptances)
    .innerJoin(houseRulesVersions, eq(houseRulesVersions.id, houseRulesAcceptances.versionId))
    .where(eq(houseRulesAcceptances.stayId, stayId))
    .orderBy(sql`${houseRulesVersions.version} desc`)
    .limit(1);
  return row;
}

// ---- the board ----------------------------------------------------------------------------------

/**
 * Every room of the tenant with its house and, when someone lives there, the open stay and the
 * household's names: one query for the whole board.
 */
const boardRooms = reusableQuery((db, p: Placeholders<{ tenantId: string }>) =>
  db
    .select({
      id: rooms.id,
      houseId: houses.id,
      houseName: houses.name,
      name: rooms.name,
      capacity: rooms.capacity,
      isCrisisRoom: rooms.isCrisisRoom,
      takesCouples: rooms.takesCouples,
      state: rooms.state,
      outOfServiceReason: rooms.outOfServiceReason,
      outOfServiceFromOn: rooms.outOfServiceFromOn,
      outOfServiceToOn: rooms.outOfServiceToOn,
      stayId: stays.id,
      personId: stays.personId,
      partnerPersonId: stays.partnerPersonId,
      startOn: stays.startOn,
      plannedEndOn: stays.plannedEndOn,
      ...householdNames,
    })
    .from(rooms)
    .innerJoin(houses, eq(houses.id, rooms.houseId))
    .leftJoin(stays, and(eq(stays.roomId, rooms.id), isNull(stays.endOn)))
    .leftJoin(people, eq(people.id, stays.personId))
    .leftJoin(partner, eq(partner.id, stays.partnerPersonId))
    .where(eq(rooms.tenantId, p.tenantId))
    .orderBy(asc(houses.name), asc(rooms.sortOrder), asc(rooms.name)),
);

export async function listBoardRooms(db: Db, tenantId: string) {
  return boardRooms(db, { tenantId });
}

/**
 * Accepted offers not yet checked in whose from-date is on or before `untilOn`, by from-date.
 * Driven by the referrals still waiting for their check-in (referral status `accepted`; check-in moves
 * it to `checked_in` in the same transaction), so the cost follows today's arrivals, not every offer
 * in the service's history (at national scale, with row-level security, 29 ms → 0.3 ms; docs/scaling.md).
 */
const arrivalsQuery = (inWindow: boolean) =>
  reusableQuery((db, p: Placeholders<{ tenantId: string; untilOn: string; fromOn: string }>) =>
    db
      .select({
        offerId: offers.id,
        referralId: offers.referralId,
        roomId: offers.roomId,
        roomName: rooms.name,
        fromOn: offers.fromOn,
        plannedEndOn: offers.plannedEndOn,
        personId: referrals.personId,
        partnerPersonId: referrals.partnerPersonId,
        ...householdNames,
      })
      .from(offers)
      .innerJoin(referrals, eq(referrals.id, offers.referralId))
      .innerJoin(people, eq(people.id, referrals.personId))
      .leftJoin(partner, eq(partner.id, referrals.partnerPersonId))
      .innerJoin(rooms, eq(rooms.id, offers.roomId))
      .where(
        and(
          eq(referrals.tenantId, p.tenantId),
          // The statuses are literals, not parameters: the plan PostgreSQL keeps for the prepared statement
          // then knows that 'accepted' is rare and stays on the index (1.2 → 0.3 ms a board read).
          sql`${referrals.status} = 'accepted'`,
          eq(offers.tenantId, p.tenantId),
          sql`${offers.status} = 'accepted'`,
          lte(offers.fromOn, p.untilOn),
          inWindow ? gt(offers.plannedEndOn, p.fromOn) : undefined,
          notExists(db.select({ one: sql`1` }).from(stays).where(eq(stays.offerId, offers.id))),
        ),
      )
      .orderBy(asc(offers.fromOn), asc(rooms.sortOrder)),
  );
const arrivalsUntil = arrivalsQuery(false);
const arrivalsInWindow = arrivalsQuery(true);

export async function listArrivals(db: Db, tenantId: string, untilOn: string, fromOn?: string) {
  return fromOn === undefined ? arrivalsUntil(db, { tenantId, untilOn, fromOn: '' }) : arrivalsInWindow(db, { tenantId, untilOn, fromOn });
}

/** Stays that overlap the days [fromOn, toOn), with the household's names, for the calendar. */
export async function listStaysInWindow(db: Db, tenantId: string, fromOn: string, toOn: string) {
  return db
    .select({
      id: stays.id,
      roomId: stays.roomId,
      personId: stays.personId,
      partnerPersonId: stays.partnerPersonId,
      startOn: stays.startOn,
      plannedEndOn: stays.plannedEndOn,
      endOn: stays.endOn,
      ...householdNames,
    })
    .from(stays)
    .innerJoin(people, eq(people.id, stays.personId))
    .leftJoin(partner, eq(partner.id, stays.partnerPersonId))
    .where(
      and(
        eq(stays.tenantId, tenantId),
        lt(stays.startOn, toOn),
        // An open stay lasts at least until its planned end (and until today if it has run over).
        or(isNull(stays.endOn), gt(stays.endOn, fromOn)),
      ),
    )
    .orderBy(asc(stays.startOn));
}

// ---- the fire list ------------------------------------------------------------------------------

export async function listHousesForFireList(db: Db, tenantId: string) {
  return db
    .select({ id: houses.id, name: houses.name, streetAddress: houses.streetAddress, postalCode: houses.postalCode, city: houses.city })
    .from(houses)
    .where(eq(houses.tenantId, tenantId))
    .orderBy(asc(houses.name), asc(houses.createdAt));
}

/** Who lives in the house right now: open stays that have begun, with room and names. */
export async function listPeopleInHouse(db: Db, tenantId: string, today: string) {
  return db
    .select({
      stayId: stays.id,
      houseId: rooms.houseId,
      roomName: rooms.name,
      personId: stays.personId,
      partnerPersonId: stays.partnerPersonId,
      ...householdNames,
    })
    .from(stays)
    .innerJoin(rooms, eq(rooms.id, stays.roomId))
    .innerJoin(people, eq(people.id, stays.personId))
    .leftJoin(partner, eq(partner.id, stays.partnerPersonId))
    .where(and(eq(stays.tenantId, tenantId), isNull(stays.endOn), lte(stays.startOn, today)))
    .orderBy(asc(rooms.sortOrder), asc(rooms.name));
}

/** Is any of these people (as resident or partner) in an open stay already? */
export async function findOpenStayOfPeople(db: Db, tenantId: string, personIds: string[]) {
  const [row] = await db
    .select({ id: stays.id })
    .from(stays)
    .where(
      and(
        eq(stays.tenantId, tenantId),
        isNull(stays.endOn),
        or(inArray(stays.personId, personIds), inArray(stays.partnerPersonId, personIds)),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

/** A room of the tenant (for the keys and inventory pages). */
export async function findRoomOfTenant(db: Db, tenantId: string, roomId: string) {
  const [row] = await db
    .select({ id: rooms.id, name: rooms.name })
    .from(rooms)
    .where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, roomId)));
  return row;
}
