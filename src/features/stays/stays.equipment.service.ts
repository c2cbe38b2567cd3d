import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { roomsError } from '../rooms/rooms.errors.ts';
import { staysError } from './stays.errors.ts';
import * as q from './stays.queries.ts';
import type { InventoryItemInput, InventoryItemOutput, KeyDoor, KeyOutput, RegisterKeyInput } from './stays.schema.ts';

// The keys and the inventory list of a room: what check-in hands out and goes through.

async function assertRoom(ctx: Ctx, tenantId: string, roomId: string) {
  if (!(await q.findRoomOfTenant(ctx.db, tenantId, roomId))) throw roomsError('room.not_found');
}

const toKeyOutput = (k: Awaited<ReturnType<typeof q.listKeysForRoom>>[number]): KeyOutput => ({
  id: k.id,
  keyNumber: k.keyNumber,
  door: k.door as KeyDoor,
  roomId: k.roomId,
  issued: k.issuedAt !== null,
  issuedAt: k.issuedAt?.toISOString() ?? null,
  issuedToStayId: k.issuedToStayId,
});

/** The room's keys (room door and front door), each with whether it is handed out now. */
export async function listRoomKeys(ctx: Ctx, roomId: string): Promise<KeyOutput[]> {
  const user = requirePermission(ctx, 'key:manage');
  return inTransaction(ctx, async (tx) => {
    await assertRoom(tx, user.tenantId, roomId);
    return (await q.listKeysForRoom(tx.db, user.tenantId, roomId)).map(toKeyOutput);
  });
}

/** Registers a key of the room by its number; numbers are unique in the municipality. */
export async function registerRoomKey(ctx: Ctx, roomId: string, input: RegisterKeyInput): Promise<KeyOutput> {
  const user = requirePermission(ctx, 'key:manage');
  return inTransaction(ctx, async (tx) => {
    await assertRoom(tx, user.tenantId, roomId);
    let created;
    try {
      // A savepoint, so the transaction can still answer after the unique index refuses the number.
      created = await tx.db.transaction((sp) => q.insertKey(sp as unknown as Db, { tenantId: user.tenantId, roomId, ...input }));
    } catch (err) {
      if (!isUniqueViolation(err, 'room_keys_number_unique')) throw err;
      throw staysError('key.duplicate_number', { fields: { keyNumber: staysError.definitions['key.duplicate_number'][tx.locale] } });
    }
    await recordEvent(tx, { action: 'key.register', entityType: 'room_key', entityId: created.id, details: { roomId, door: input.door } });
    return { ...created, door: created.door as KeyDoor, issued: false, issuedAt: null, issuedToStayId: null };
  });
}

/** The room's inventory list with each item's present condition. */
export async function listRoomInventory(ctx: Ctx, roomId: string): Promise<InventoryItemOutput[]> {
  const user = requirePermission(ctx, 'room:read');
  return inTransaction(ctx, async (tx) => {
    await assertRoom(tx, user.tenantId, roomId);
    return q.listInventoryItems(tx.db, user.tenantId, roomId);
  });
}

export async function addInventoryItem(ctx: Ctx, roomId: string, input: InventoryItemInput): Promise<InventoryItemOutput> {
  const user = requirePermission(ctx, 'inventory:write');
  return inTransaction(ctx, async (tx) => {
    await assertRoom(tx, user.tenantId, roomId);
    const item = await q.insertInventoryItem(tx.db, { tenantId: user.tenantId, roomId, name: input.name, condition: input.condition });
    await recordEvent(tx, { action: 'inventory.add', entityType: 'inventory_item', entityId: item.id, details: { roomId, condition: input.condition } });
    return item;
  });
}
