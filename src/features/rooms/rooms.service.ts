import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { roomsError } from './rooms.errors.ts';
import * as q from './rooms.queries.ts';
import type {
  ChangeRoomStateInput,
  HouseInput,
  HouseOutput,
  RoomInput,
  RoomOutput,
  RoomState,
  RoomStateChangeOutput,
} from './rooms.schema.ts';

function toRoomOutput(row: q.RoomListRow): RoomOutput {
  return {
    id: row.id,
    houseId: row.houseId,
    name: row.name,
    capacity: row.capacity,
    isCrisisRoom: row.isCrisisRoom,
    takesCouples: row.takesCouples,
    state: row.state,
    outOfServiceReason: row.outOfServiceReason,
    outOfServiceFrom: row.outOfServiceFromOn,
    outOfServiceTo: row.outOfServiceToOn,
    stateSince: row.stateSince ? row.stateSince.toISOString() : null,
    sortOrder: row.sortOrder,
  };
}

function toHouseOutput(row: q.HouseListRow, rooms: q.RoomListRow[]): HouseOutput {
  return {
    id: row.id,
    name: row.name,
    streetAddress: row.streetAddress,
    postalCode: row.postalCode,
    city: row.city,
    rooms: rooms.filter((r) => r.houseId === row.id).map(toRoomOutput),
  };
}

/** Names of the fields whose value differs; the audit row gets these, never the values. */
function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  return Object.entries(after)
    .filter(([k, v]) => before[k] !== v)
    .map(([k]) => k);
}

// The unique index on (house, name) is the final word, also when two people name a room at once.
async function orDuplicateName<T>(ctx: Ctx, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (!isUniqueViolation(err, 'rooms_house_name_unique')) throw err;
    throw roomsError('room.duplicate_name', { fields: { name: roomsError.definitions['room.duplicate_name'][ctx.locale] } });
  }
}

async function loadRoom(ctx: Ctx, tenantId: string, roomId: string): Promise<RoomOutput> {
  const room = await q.findRoom(ctx.db, tenantId, roomId);
  if (!room) throw roomsError('room.not_found');
  const [withSince] = (await q.listRooms(ctx.db, tenantId, room.houseId)).filter((r) => r.id === roomId);
  return toRoomOutput(withSince!);
}

/** The tenant's houses, each with its rooms in their order and present state. */
export async function listHousesWithRooms(ctx: Ctx): Promise<HouseOutput[]> {
  const user = requirePermission(ctx, 'room:read');
  return inTransaction(ctx, async (tx) => {
    const houses = await q.listHouses(tx.db, user.tenantId);
    const rooms = await q.listRooms(tx.db, user.tenantId);
    return houses.map((h) => toHouseOutput(h, rooms));
  });
}

export async function createHouse(ctx: Ctx, input: HouseInput): Promise<HouseOutput> {
  const user = requirePermission(ctx, 'room:write');
  return inTransaction(ctx, async (tx) => {
    const row = await q.insertHouse(tx.db, { tenantId: user.tenantId, ...input, createdAt: tx.now });
    await recordEvent(tx, { action: 'house.create', entityType: 'house', entityId: row.id });
    return toHouseOutput(row, []);
  });
}

export async function updateHouse(ctx: Ctx, houseId: string, input: HouseInput): Promise<HouseOutput> {
  const user = requirePermission(ctx, 'room:write');
  return inTransaction(ctx, async (tx) => {
    const before = await q.findHouse(tx.db, user.tenantId, houseId);
    if (!before) throw roomsError('house.not_found');
    const row = await q.updateHouseRow(tx.db, user.tenantId, houseId, input);
    await recordEvent(tx, { action: 'house.update', entityType: 'house', entityId: houseId, details: { changed: changedFields(before, input) } });
    return toHouseOutput(row!, await q.listRooms(tx.db, user.tenantId, houseId));
  });
}

/** Adds a room to a house; it starts ready, and that first state is the first row of its history. */
export async function createRoom(ctx: Ctx, houseId: string, input: RoomInput): Promise<RoomOutput> {
  const user = requirePermission(ctx, 'room:write');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findHouse(tx.db, user.tenantId, houseId))) throw roomsError('house.not_found');
    const row = await orDuplicateName(
      tx,
      q.insertRoom(tx.db, { tenantId: user.tenantId, houseId, ...input, state: 'ready', createdAt: tx.now }),
    );
    await q.insertStateChange(tx.db, {
      tenantId: user.tenantId,
      roomId: row.id,
      changedAt: tx.now,
      changedBy: user.id,
      fromState: null,
      toState: 'ready',
    });
    await recordEvent(tx, { action: 'room.create', entityType: 'room', entityId: row.id, details: { houseId } });
    return loadRoom(tx, user.tenantId, row.id);
  });
}

/** Changes a room's name, capacity, features or order. Its state is changed by changeRoomState only. */
export async function updateRoom(ctx: Ctx, roomId: string, input: RoomInput): Promise<RoomOutput> {
  const user = requirePermission(ctx, 'room:write');
  return inTransaction(ctx, async (tx) => {
    const before = await q.findRoom(tx.db, user.tenantId, roomId, { lock: true });
    if (!before) throw roomsError('room.not_found');
    await orDuplicateName(tx, q.updateRoomRow(tx.db, user.tenantId, roomId, input));
    await recordEvent(tx, { action: 'room.update', entityType: 'room', entityId: roomId, details: { changed: changedFields(before, input) } });
    return loadRoom(tx, user.tenantId, roomId);
  });
}

/**
 * Marks a room ready, for cleaning or out of service. Every change is a history row (who, when,
 * from, to, why, dates) and an audit event. 'Occupied' belongs to check-in and move-out, so it is
 * neither set nor lifted here.
 */
export async function changeRoomState(ctx: Ctx, roomId: string, input: ChangeRoomStateInput): Promise<RoomOutput> {
  const user = requirePermission(ctx, 'room:state');
  if (input.state === 'occupied') throw roomsError('room.occupied_by_hand', { fields: { state: roomsError.definitions['room.occupied_by_hand'][ctx.locale] } });
  return inTransaction(ctx, async (tx) => {
    const room = await q.findRoom(tx.db, user.tenantId, roomId, { lock: true });
    if (!room) throw roomsError('room.not_found');
    if (room.state === 'occupied') throw roomsError('room.occupied');
    // Out of service → out of service is allowed: it corrects the reason or the dates.
    if (room.state === input.state && input.state !== 'out_of_service') throw roomsError('room.state_unchanged');
    const outOfService = input.state === 'out_of_service';
    await q.updateRoomRow(tx.db, user.tenantId, roomId, {
      state: input.state,
      outOfServiceReason: outOfService ? input.reason! : null,
      outOfServiceFromOn: outOfService ? input.fromDate! : null,
      outOfServiceToOn: outOfService ? (input.toDate ?? null) : null,
    });
    await q.insertStateChange(tx.db, {
      tenantId: user.tenantId,
      roomId,
      changedAt: tx.now,
      changedBy: user.id,
      fromState: room.state,
      toState: input.state,
      reason: input.reason ?? null,
      fromOn: outOfService ? input.fromDate! : null,
      toOn: outOfService ? (input.toDate ?? null) : null,
    });
    // The reason is free text and stays in the room's history; the audit row holds the states only.
    await recordEvent(tx, { action: 'room.state_change', entityType: 'room', entityId: roomId, details: { from: room.state, to: input.state } });
    return loadRoom(tx, user.tenantId, roomId);
  });
}

/** A room's state changes, newest first. */
export async function getRoomStateHistory(ctx: Ctx, roomId: string): Promise<RoomStateChangeOutput[]> {
  const user = requirePermission(ctx, 'room:read');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findRoom(tx.db, user.tenantId, roomId))) throw roomsError('room.not_found');
    const rows = await q.listStateChanges(tx.db, user.tenantId, roomId);
    return rows.map((r) => ({
      id: r.id,
      changedAt: r.changedAt.toISOString(),
      changedByName: r.changedByName,
      fromState: r.fromState,
      toState: r.toState,
      reason: r.reason,
      fromDate: r.fromOn,
      toDate: r.toOn,
    }));
  });
}

/**
 * Check-in's door to the room state: marks the room occupied inside the caller's transaction, with a
 * history row and an audit event like every other state change. Only check-in calls it (the stays
 * service, which has loaded the offer and refused a room out of service); it returns the state the
 * room had before.
 */
export async function markRoomOccupiedAtCheckIn(ctx: Ctx, roomId: string, stayId: string): Promise<RoomState> {
  const user = requirePermission(ctx, 'stay:check_in');
  return inTransaction(ctx, async (tx) => {
    const room = await q.findRoom(tx.db, user.tenantId, roomId, { lock: true });
    if (!room) throw roomsError('room.not_found');
    if (room.state === 'occupied') return room.state;
    await q.updateRoomRow(tx.db, user.tenantId, roomId, { state: 'occupied', outOfServiceReason: null, outOfServiceFromOn: null, outOfServiceToOn: null });
    await q.insertStateChange(tx.db, { tenantId: user.tenantId, roomId, changedAt: tx.now, changedBy: user.id, fromState: room.state, toState: 'occupied' });
    await recordEvent(tx, { action: 'room.state_change', entityType: 'room', entityId: roomId, details: { from: room.state, to: 'occupied', stayId } });
    return room.state;
  });
}

/**
 * Room moves' and move-outs' door to the room state, inside the caller's transaction: the room a
 * household leaves goes to cleaning (then "ready" through changeRoomState), the room they move to
 * becomes occupied. History row and audit event as for every other change; returns the state before.
 */
export async function markRoomForStayChange(
  ctx: Ctx,
  roomId: string,
  change: { stayId: string; cause: 'room_move' | 'move_out'; to: 'occupied' | 'cleaning' },
): Promise<RoomState> {
  const user = requirePermission(ctx, change.cause === 'room_move' ? 'stay:move' : 'stay:move_out');
  if (change.cause === 'move_out' && change.to !== 'cleaning') throw new Error('a move-out only vacates a room');
  return inTransaction(ctx, async (tx) => {
    const room = await q.findRoom(tx.db, user.tenantId, roomId, { lock: true });
    if (!room) throw roomsError('room.not_found');
    if (room.state === change.to) return room.state;
    await q.updateRoomRow(tx.db, user.tenantId, roomId, { state: change.to, outOfServiceReason: null, outOfServiceFromOn: null, outOfServiceToOn: null });
    await q.insertStateChange(tx.db, { tenantId: user.tenantId, roomId, changedAt: tx.now, changedBy: user.id, fromState: room.state, toState: change.to });
    await recordEvent(tx, {
      action: 'room.state_change',
      entityType: 'room',
      entityId: roomId,
      details: { from: room.state, to: change.to, stayId: change.stayId, cause: change.cause },
    });
    return room.state;
  });
}
