import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { people } from '../people/people.tables.ts';
import { houses, rooms } from '../rooms/rooms.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import {
  complaintEvents,
  complaints,
  decisions,
  offers,
  screenings,
  waitingListEntries,
  waitingListEvents,
} from './allocation.tables.ts';

// Allocation reads a few columns of the referral, the person, the room and its house to decide and
// to write the letter; those features own their rows and allocation never writes them (the
// referral's status changes through setReferralStatus).

export type DecisionRow = typeof decisions.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;
export type ComplaintRow = typeof complaints.$inferSelect;
export type WaitingListEntryRow = typeof waitingListEntries.$inferSelect;

const referralColumns = {
  id: referrals.id,
  personId: referrals.personId,
  status: referrals.status,
  receivedAt: referrals.receivedAt,
  nowhereToSleepTonight: referrals.nowhereToSleepTonight,
  navOffice: referrals.navOffice,
  givenName: people.givenName,
  familyName: people.familyName,
  birthDateOn: people.birthDateOn,
};
export type ReferralForAllocation = Awaited<ReturnType<typeof findReferral>> & {};

/** A referral of the tenant with its applicant's name; `lock` queues concurrent decisions on it. */
export async function findReferral(db: Db, tenantId: string, referralId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select(referralColumns)
    .from(referrals)
    .innerJoin(people, eq(people.id, referrals.personId))
    .where(and(eq(referrals.tenantId, tenantId), eq(referrals.id, referralId)));
  const [row] = options.lock ? await query.for('update', { of: referrals }) : await query;
  return row;
}

/** The newest screening of a referral: a decision rests on it. */
export async function findLatestScreening(db: Db, tenantId: string, referralId: string) {
  const [row] = await db
    .select({
      id: screenings.id,
      screenedAt: screenings.screenedAt,
      screenedByName: users.displayName,
      result: screenings.result,
      exceptions: screenings.exceptions,
      justification: screenings.justification,
      note: screenings.note,
    })
    .from(screenings)
    .leftJoin(users, eq(users.id, screenings.screenedBy))
    .where(and(eq(screenings.tenantId, tenantId), eq(screenings.referralId, referralId)))
    .orderBy(desc(screenings.screenedAt), desc(screenings.id))
    .limit(1);
  return row;
}

export async function findRoomWithHouse(db: Db, tenantId: string, roomId: string) {
  const [row] = await db
    .select({
      id: rooms.id,
      name: rooms.name,
      state: rooms.state,
      outOfServiceFromOn: rooms.outOfServiceFromOn,
      outOfServiceToOn: rooms.outOfServiceToOn,
      houseName: houses.name,
    })
    .from(rooms)
    .innerJoin(houses, eq(houses.id, rooms.houseId))
    .where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, roomId)));
  return row;
}

/**
 * Whether someone else has the room in the period: a stay (still open: until its planned end) or an
 * open, unexpired offer to another referral. Check-in has the database's exclusion constraint as the
 * final word; this lets the decision say so before anyone is promised the room.
 */
export async function isRoomTaken(
  db: Db,
  tenantId: string,
  roomId: string,
  period: { fromOn: string; plannedEndOn: string },
  referralId: string,
  now: Date,
): Promise<boolean> {
  const [stay] = await db
    .select({ id: stays.id })
    .from(stays)
    .where(
      and(
        eq(stays.tenantId, tenantId),
        eq(stays.roomId, roomId),
        lt(stays.startOn, period.plannedEndOn),
        sql`coalesce(${stays.endOn}, ${stays.plannedEndOn}) > ${period.fromOn}`,
      ),
    )
    .limit(1);
  if (stay) return true;
  const [offer] = await db
    .select({ id: offers.id })
    .from(offers)
    .where(
      and(
        eq(offers.tenantId, tenantId),
        eq(offers.roomId, roomId),
        eq(offers.status, 'open'),
        gt(offers.expiresAt, now),
        ne(offers.referralId, referralId),
        lt(offers.fromOn, period.plannedEndOn),
        gt(offers.plannedEndOn, period.fromOn),
      ),
    )
    .limit(1);
  return !!offer;
}

export async function insertDecision(db: Db, row: typeof decisions.$inferInsert) {
  const [created] = await db.insert(decisions).values(row).returning();
  return created!;
}

export async function insertOffer(db: Db, row: typeof offers.$inferInsert) {
  const [created] = await db.insert(offers).values(row).returning();
  return created!;
}

export async function findOpenOffer(db: Db, tenantId: string, referralId: string) {
  const [row] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.tenantId, tenantId), eq(offers.referralId, referralId), eq(offers.status, 'open')));
  return row;
}

export async function findOffer(db: Db, tenantId: string, offerId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(offers).where(and(eq(offers.tenantId, tenantId), eq(offers.id, offerId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateOffer(db: Db, offerId: string, values: Partial<typeof offers.$inferInsert>) {
  const [row] = await db.update(offers).set(values).where(eq(offers.id, offerId)).returning();
  return row!;
}

/** Open offers whose time has run out; locked and skipped if another run already holds them. */
export async function listExpiredOpenOffers(db: Db, tenantId: string, now: Date) {
  return db
    .select()
    .from(offers)
    .where(and(eq(offers.tenantId, tenantId), eq(offers.status, 'open'), lte(offers.expiresAt, now)))
    .orderBy(asc(offers.expiresAt))
    .for('update', { skipLocked: true });
}

const decidedBy = alias(users, 'decided_by_user');

export async function listDecisions(db: Db, tenantId: string, referralId: string) {
  return db
    .select({
      decision: decisions,
      decidedByName: decidedBy.displayName,
      roomName: rooms.name,
      houseName: houses.name,
    })
    .from(decisions)
    .leftJoin(decidedBy, eq(decidedBy.id, decisions.decidedBy))
    .leftJoin(rooms, eq(rooms.id, decisions.roomId))
    .leftJoin(houses, eq(houses.id, rooms.houseId))
    .where(and(eq(decisions.tenantId, tenantId), eq(decisions.referralId, referralId)))
    .orderBy(desc(decisions.decidedAt), desc(decisions.id));
}

/** One decision with everything its letter needs: the person, the place, the municipality. */
export async function findDecisionForLetter(db: Db, tenantId: string, decisionId: string) {
  const [row] = await db
    .select({
      decision: decisions,
      decidedByName: decidedBy.displayName,
      tenantName: tenants.name,
      personId: referrals.personId,
      givenName: people.givenName,
      familyName: people.familyName,
      birthDateOn: people.birthDateOn,
      navOffice: referrals.navOffice,
      roomName: rooms.name,
      houseName: houses.name,
      streetAddress: houses.streetAddress,
      postalCode: houses.postalCode,
      city: houses.city,
    })
    .from(decisions)
    .innerJoin(tenants, eq(tenants.id, decisions.tenantId))
    .innerJoin(referrals, eq(referrals.id, decisions.referralId))
    .innerJoin(people, eq(people.id, referrals.personId))
    .leftJoin(decidedBy, eq(decidedBy.id, decisions.decidedBy))
    .leftJoin(rooms, eq(rooms.id, decisions.roomId))
    .leftJoin(houses, eq(houses.id, rooms.houseId))
    .where(and(eq(decisions.tenantId, tenantId), eq(decisions.id, decisionId)));
  return row;
}

export async function findDecision(db: Db, tenantId: string, decisionId: string) {
  const [row] = await db
    .select({ decision: decisions, personId: referrals.personId })
    .from(decisions)
    .innerJoin(referrals, eq(referrals.id, decisions.referralId))
    .where(and(eq(decisions.tenantId, tenantId), eq(decisions.id, decisionId)));
  return row;
}

const respondedBy = alias(users, 'responded_by_user');

export async function listOffers(db: Db, tenantId: string, where: { referralId?: string; offerId?: string; decisionId?: string }) {
  return db
    .select({ offer: offers, roomName: rooms.name, houseName: houses.name, respondedByName: respondedBy.displayName })
    .from(offers)
    .innerJoin(rooms, eq(rooms.id, offers.roomId))
    .innerJoin(houses, eq(houses.id, rooms.houseId))
    .leftJoin(respondedBy, eq(respondedBy.id, offers.respondedBy))
    .where(
      and(
        eq(offers.tenantId, tenantId),
        where.referralId ? eq(offers.referralId, where.referralId) : undefined,
        where.offerId ? eq(offers.id, where.offerId) : undefined,
        where.decisionId ? eq(offers.decisionId, where.decisionId) : undefined,
      ),
    );
}
export type OfferListRow = Awaited<ReturnType<typeof listOffers>>[number];

const registeredBy = alias(users, 'registered_by_user');

export async function listComplaints(db: Db, tenantId: string, where: { decisionIds?: string[]; complaintId?: string }) {
  if (where.decisionIds && where.decisionIds.length === 0) return [];
  return db
    .select({ complaint: complaints, registeredByName: registeredBy.displayName, decidedAt: decisions.decidedAt })
    .from(complaints)
    .innerJoin(decisions, eq(decisions.id, complaints.decisionId))
    .leftJoin(registeredBy, eq(registeredBy.id, complaints.registeredBy))
    .where(
      and(
        eq(complaints.tenantId, tenantId),
        where.decisionIds ? inArray(complaints.decisionId, where.decisionIds) : undefined,
        where.complaintId ? eq(complaints.id, where.complaintId) : undefined,
      ),
    )
    .orderBy(asc(complaints.receivedOn), asc(complaints.registeredAt));
}
export type ComplaintListRow = Awaited<ReturnType<typeof listComplaints>>[number];

export async function listComplaintEvents(db: Db, tenantId: string, complaintIds: string[]) {
  if (complaintIds.length === 0) return [];
  return db
    .select({
      id: complaintEvents.id,
      complaintId: complaintEvents.complaintId,
      at: complaintEvents.at,
      byName: users.displayName,
      status: complaintEvents.status,
      note: complaintEvents.note,
    })
    .from(complaintEvents)
    .leftJoin(users, eq(users.id, complaintEvents.by))
    .where(and(eq(complaintEvents.tenantId, tenantId), inArray(complaintEvents.complaintId, complaintIds)))
    // Steps recorded in the same instant keep the order of the path.
    .orderBy(
      asc(complaintEvents.at),
      sql`case ${complaintEvents.status} when 'received' then 0 when 'reassessed' then 1 when 'sent_to_statsforvalteren' then 2 else 3 end`,
      asc(complaintEvents.id),
    );
}
export type ComplaintEventRow = Awaited<ReturnType<typeof listComplaintEvents>>[number];

export async function findComplaint(db: Db, tenantId: string, complaintId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(complaints).where(and(eq(complaints.tenantId, tenantId), eq(complaints.id, complaintId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function insertComplaint(db: Db, row: typeof complaints.$inferInsert) {
  const [created] = await db.insert(complaints).values(row).returning();
  return created!;
}

export async function updateComplaintStatus(db: Db, complaintId: string, status: ComplaintRow['status']) {
  await db.update(complaints).set({ status }).where(eq(complaints.id, complaintId));
}

export async function insertComplaintEvent(db: Db, row: typeof complaintEvents.$inferInsert) {
  await db.insert(complaintEvents).values(row);
}

// ─── Waiting list ───────────────────────────────────────────────────────────

// Most urgent first, then longest waiting; the position is the row number in that order.
const urgencyRank = sql`case ${waitingListEntries.urgency} when 'tonight' then 0 when 'this_week' then 1 else 2 end`;

/** The open entries of the waiting list in their order, each with its position and the applicant's name. */
export async function listWaitingList(db: Db, tenantId: string) {
  return db
    .select({
      entryId: waitingListEntries.id,
      referralId: waitingListEntries.referralId,
      personId: referrals.personId,
      position: sql<number>`(row_number() over (order by ${urgencyRank}, ${waitingListEntries.addedAt}, ${waitingListEntries.id}))::int`,
      givenName: people.givenName,
      familyName: people.familyName,
      urgency: waitingListEntries.urgency,
      reason: waitingListEntries.reason,
      addedAt: waitingListEntries.addedAt,
    })
    .from(waitingListEntries)
    .innerJoin(referrals, eq(referrals.id, waitingListEntries.referralId))
    .innerJoin(people, eq(people.id, referrals.personId))
    .where(and(eq(waitingListEntries.tenantId, tenantId), isNull(waitingListEntries.removedAt)))
    .orderBy(urgencyRank, asc(waitingListEntries.addedAt), asc(waitingListEntries.id));
}
export type WaitingListRow = Awaited<ReturnType<typeof listWaitingList>>[number];

export async function findWaitingListEntry(db: Db, tenantId: string, entryId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select({ entry: waitingListEntries, personId: referrals.personId, referralStatus: referrals.status })
    .from(waitingListEntries)
    .innerJoin(referrals, eq(referrals.id, waitingListEntries.referralId))
    .where(and(eq(waitingListEntries.tenantId, tenantId), eq(waitingListEntries.id, entryId)));
  const [row] = options.lock ? await query.for('update', { of: waitingListEntries }) : await query;
  return row;
}

export async function findOpenWaitingListEntry(db: Db, tenantId: string, referralId: string) {
  const [row] = await db
    .select()
    .from(waitingListEntries)
    .where(and(eq(waitingListEntries.tenantId, tenantId), eq(waitingListEntries.referralId, referralId), isNull(waitingListEntries.removedAt)));
  return row;
}

export async function insertWaitingListEntry(db: Db, row: typeof waitingListEntries.$inferInsert) {
  const [created] = await db.insert(waitingListEntries).values(row).returning();
  return created!;
}

export async function updateWaitingListEntry(db: Db, entryId: string, values: Partial<typeof waitingListEntries.$inferInsert>) {
  const [row] = await db.update(waitingListEntries).set(values).where(eq(waitingListEntries.id, entryId)).returning();
  return row!;
}

export async function insertWaitingListEvent(db: Db, row: typeof waitingListEvents.$inferInsert) {
  await db.insert(waitingListEvents).values(row);
}

export async function listWaitingListEvents(db: Db, tenantId: string, entryId: string) {
  return db
    .select({
      id: waitingListEvents.id,
      at: waitingListEvents.at,
      byName: users.displayName,
      change: waitingListEvents.change,
      details: waitingListEvents.details,
    })
    .from(waitingListEvents)
    .leftJoin(users, eq(users.id, waitingListEvents.by))
    .where(and(eq(waitingListEvents.tenantId, tenantId), eq(waitingListEvents.entryId, entryId)))
    // Changes made in one request share their instant; keep them in the order they are made.
    .orderBy(
      asc(waitingListEvents.at),
      sql`case ${waitingListEvents.change} when 'added' then 0 when 'urgency_changed' then 1 when 'reason_changed' then 2 else 3 end`,
      asc(waitingListEvents.id),
    );
}

/** The name of the municipality's service for letters that name no room: its house, if it has one. */
export async function findServiceName(db: Db, tenantId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: houses.name }).from(houses).where(eq(houses.tenantId, tenantId)).orderBy(asc(houses.createdAt)).limit(1);
  return row?.name;
}
