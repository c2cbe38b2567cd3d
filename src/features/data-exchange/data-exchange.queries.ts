import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { houses, rooms, roomStateChanges } from '../rooms/rooms.tables.ts';
import { people } from '../people/people.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { decisions, offers } from '../allocation/allocation.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { moveOuts } from '../stays/moving-on.tables.ts';
import { exchangeMappings, exchangeEntities } from './data-exchange.tables.ts';
import type { ExchangeEntity } from './data-exchange.schema.ts';

/** Only one import per tenant at a time, so two uploads of one file cannot both create rows. */
export async function lockTenantImports(db: Db, tenantId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`data-import:${tenantId}`}))`);
}

export async function loadMappings(db: Db, tenantId: string) {
  const rows = await db
    .select({ entity: exchangeMappings.entity, externalId: exchangeMappings.externalId, internalId: exchangeMappings.internalId })
    .from(exchangeMappings)
    .where(eq(exchangeMappings.tenantId, tenantId));
  const byEntity = Object.fromEntries(exchangeEntities.map((e) => [e, new Map<string, string>()])) as Record<ExchangeEntity, Map<string, string>>;
  for (const r of rows) byEntity[r.entity].set(r.externalId, r.internalId);
  return byEntity;
}

export async function insertMappings(db: Db, rows: (typeof exchangeMappings.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(exchangeMappings).values(rows.slice(i, i + 500));
}

/** What the tenant already has, as much as the import's checks need (ids, periods, numbers). */
export async function loadExistingState(db: Db, tenantId: string) {
  const [houseRows, roomRows, personRows, referralRows, decisionRows, offerRows, stayRows] = await Promise.all([
    db.select({ id: houses.id }).from(houses).where(eq(houses.tenantId, tenantId)),
    db.select({ id: rooms.id, houseId: rooms.houseId, name: rooms.name, takesCouples: rooms.takesCouples }).from(rooms).where(eq(rooms.tenantId, tenantId)),
    db.select({ id: people.id, nationalIdSealed: people.nationalIdSealed }).from(people).where(eq(people.tenantId, tenantId)),
    db.select({ id: referrals.id, personId: referrals.personId }).from(referrals).where(eq(referrals.tenantId, tenantId)),
    db.select({ id: decisions.id, referralId: decisions.referralId }).from(decisions).where(eq(decisions.tenantId, tenantId)),
    db.select({ id: offers.id, decisionId: offers.decisionId }).from(offers).where(eq(offers.tenantId, tenantId)),
    db
      .select({ id: stays.id, roomId: stays.roomId, personId: stays.personId, partnerPersonId: stays.partnerPersonId, startOn: stays.startOn, endOn: stays.endOn })
      .from(stays)
      .where(eq(stays.tenantId, tenantId)),
  ]);
  return { houseRows, roomRows, personRows, referralRows, decisionRows, offerRows, stayRows };
}
/** The state the import plan checks against, identity numbers opened by the service (stored encrypted). */
export type ExistingState = Omit<Awaited<ReturnType<typeof loadExistingState>>, 'personRows'> & {
  personRows: { id: string; nationalId: string | null }[];
};

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

export const insertHouses = (db: Db, rows: (typeof houses.$inferInsert)[]) => insertChunked(rows, (c) => db.insert(houses).values(c));
export const insertRooms = (db: Db, rows: (typeof rooms.$inferInsert)[]) => insertChunked(rows, (c) => db.insert(rooms).values(c));
export const insertPeople = (db: Db, rows: (typeof people.$inferInsert)[]) => insertChunked(rows, (c) => db.insert(people).values(c));
export const insertReferrals = (db: Db, rows: (typeof referrals.$inferInsert)[]) => insertChunked(rows, (c) => db.insert(referrals).values(c));
export const insertDecisions = (db: Db, rows: (typeof decisions.$inferInsert)[]) => insertChunked(rows, (c) => db.insert(decisions).values(c));
export const insertOffers = (db: Db, rows: (typeof offers.$inferInsert)[]) => insertChunked(rows, (c) => db.insert(offers).values(c));
export const insertStays = (db: Db, rows: (typeof stays.$inferInsert)[]) => insertChunked(rows, (c) => db.insert(stays).values(c));
export const insertMoveOuts = (db: Db, rows: (typeof moveOuts.$inferInsert)[]) => insertChunked(rows, (c) => db.insert(moveOuts).values(c));

/** A room that gets a stay still open is occupied, with the change in its history like any other. */
export async function markRoomsOccupied(db: Db, tenantId: string, roomIds: string[], at: Date, by: string) {
  for (const roomId of roomIds) {
    const [room] = await db.select({ state: rooms.state }).from(rooms).where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, roomId)));
    if (!room || room.state === 'occupied') continue;
    await db.update(rooms).set({ state: 'occupied', outOfServiceReason: null, outOfServiceFromOn: null, outOfServiceToOn: null }).where(eq(rooms.id, roomId));
    await db.insert(roomStateChanges).values({ tenantId, roomId, changedAt: at, changedBy: by, fromState: room.state, toState: 'occupied', reason: 'import' });
  }
}

// ---- export ----

export async function exportRows(db: Db, tenantId: string) {
  const [houseRows, roomRows, personRows, referralRows, decisionRows, stayRows] = await Promise.all([
    db.select().from(houses).where(eq(houses.tenantId, tenantId)),
    db.select().from(rooms).where(eq(rooms.tenantId, tenantId)),
    db.select().from(people).where(eq(people.tenantId, tenantId)),
    db.select().from(referrals).where(eq(referrals.tenantId, tenantId)),
    db
      .select({ decision: decisions, offer: offers })
      .from(decisions)
      .leftJoin(offers, eq(offers.decisionId, decisions.id))
      .where(eq(decisions.tenantId, tenantId)),
    db
      .select({ stay: stays, moveOut: moveOuts, offerDecisionId: offers.decisionId })
      .from(stays)
      .leftJoin(moveOuts, eq(moveOuts.stayId, stays.id))
      .leftJoin(offers, eq(offers.id, stays.offerId))
      .where(eq(stays.tenantId, tenantId)),
  ]);
  return { houseRows, roomRows, personRows, referralRows, decisionRows, stayRows };
}
export type ExportRows = Awaited<ReturnType<typeof exportRows>>;
