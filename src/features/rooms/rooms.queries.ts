import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { houses, rooms, roomStateChanges } from './rooms.tables.ts';

export type HouseRow = typeof houses.$inferSelect;
export type RoomRow = typeof rooms.$inferSelect;

const houseColumns = {
  id: houses.id,
  name: houses.name,
  streetAddress: houses.streetAddress,
  postalCode: houses.postalCode,
  city: houses.city,
};

const roomColumns = {
  id: rooms.id,
  houseId: rooms.houseId,
  name: rooms.name,
  capacity: rooms.capacity,
  isCrisisRoom: rooms.isCrisisRoom,
  takesCouples: rooms.takesCouples,
  state: rooms.state,
  outOfServiceReason: rooms.outOfServiceReason,
  outOfServiceFromOn: rooms.outOfServiceFromOn,
  outOfServiceToOn: rooms.outOfServiceToOn,
  sortOrder: rooms.sortOrder,
};

export type HouseListRow = Awaited<ReturnType<typeof listHouses>>[number];
export type RoomListRow = Awaited<ReturnType<typeof listRooms>>[number];

export async function listHouses(db: Db, tenantId: string) {
  return db.select(houseColumns).from(houses).where(eq(houses.tenantId, tenantId)).orderBy(asc(houses.name), asc(houses.createdAt));
}

/** Every room of the tenant, with the time of its latest state change (when it got its present state). */
export async function listRooms(db: Db, tenantId: string, houseId?: string) {
  const latest = db
    .select({ roomId: roomStateChanges.roomId, at: max(roomStateChanges.changedAt).as('state_since') })
    .from(roomStateChanges)
    .where(eq(roomStateChanges.tenantId, tenantId))
    .groupBy(roomStateChanges.roomId)
    .as('latest_state_change');
  return db
    .select({ ...roomColumns, stateSince: latest.at })
    .from(rooms)
    .leftJoin(latest, eq(latest.roomId, rooms.id))
    .where(and(eq(rooms.tenantId, tenantId), houseId ? eq(rooms.houseId, houseId) : undefined))
    .orderBy(asc(rooms.sortOrder), asc(rooms.name));
}

export async function findHouse(db: Db, tenantId: string, id: string) {
  const [row] = await db.select(houseColumns).from(houses).where(and(eq(houses.tenantId, tenantId), eq(houses.id, id)));
  return row;
}

export async function insertHouse(db: Db, row: typeof houses.$inferInsert) {
  const [created] = await db.insert(houses).values(row).returning(houseColumns);
  return created!;
}

export async function updateHouseRow(db: Db, tenantId: string, id: string, values: Partial<typeof houses.$inferInsert>) {
  const [row] = await db
    .update(houses)
    .set(values)
    .where(and(eq(houses.tenantId, tenantId), eq(houses.id, id)))
    .returning(houseColumns);
  return row;
}

/** A room of the tenant; `lock` holds the row until the transaction ends, so two state changes queue up. */
export async function findRoom(db: Db, tenantId: string, id: string, options: { lock?: boolean } = {}) {
  const query = db.select(roomColumns).from(rooms).where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function insertRoom(db: Db, row: typeof rooms.$inferInsert) {
  const [created] = await db.insert(rooms).values(row).returning(roomColumns);
  return created!;
}

export async function updateRoomRow(db: Db, tenantId: string, id: string, values: Partial<typeof rooms.$inferInsert>) {
  const [row] = await db
    .update(rooms)
    .set(values)
    .where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, id)))
    .returning(roomColumns);
  return row;
}

export async function insertStateChange(db: Db, row: typeof roomStateChanges.$inferInsert) {
  await db.insert(roomStateChanges).values(row);
}

/** A room's state changes, newest first, with the name of whoever made each. */
export async function listStateChanges(db: Db, tenantId: string, roomId: string) {
  return db
    .select({
      id: roomStateChanges.id,
      changedAt: roomStateChanges.changedAt,
      changedByName: users.displayName,
      fromState: roomStateChanges.fromState,
      toState: roomStateChanges.toState,
      reason: roomStateChanges.reason,
      fromOn: roomStateChanges.fromOn,
      toOn: roomStateChanges.toOn,
    })
    .from(roomStateChanges)
    .leftJoin(users, eq(users.id, roomStateChanges.changedBy))
    .where(and(eq(roomStateChanges.tenantId, tenantId), eq(roomStateChanges.roomId, roomId)))
    .orderBy(desc(roomStateChanges.changedAt), desc(roomStateChanges.id));
}
