import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { inventoryItems, keyIssues, roomKeys } from './stays.tables.ts';
import { buildKey, buildStay } from './stays.factory.ts';
import { inventoryItemInput, registerKeyInput } from './stays.schema.ts';
import { addInventoryItem, listRoomInventory, listRoomKeys, registerRoomKey } from './stays.equipment.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let housingOfficeId: string;
let adminId: string;
let house: { id: string; tenantId: string };

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  housingOfficeId = (await buildUser(database.db, { tenantId, roles: ['housing_office'] })).id;
  adminId = (await buildUser(database.db, { tenantId, roles: ['admin'] })).id;
  house = await buildHouse(database.db, { tenantId });
});
afterAll(() => database.close());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('keys', () => {
  it('registers keys of a room (audited) and lists them with whether they are handed out', async () => {
    const room = await buildRoom(database.db, { house });
    const ctx = await contextFor(database, housingOfficeId);
    const key = await registerRoomKey(ctx, room.id, registerKeyInput.parse({ keyNumber: ' H1-A ', door: 'room' }));
    expect(key).toMatchObject({ keyNumber: 'H1-A', door: 'room', roomId: room.id, issued: false });
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, key.id))).toEqual([
      expect.objectContaining({ action: 'key.register', actorUserId: housingOfficeId, details: { roomId: room.id, door: 'room' } }),
    ]);

    const front = await registerRoomKey(ctx, room.id, registerKeyInput.parse({ keyNumber: 'Y-1', door: 'front_door' }));
    const stay = await buildStay(database.db, { tenantId, roomId: room.id, personId: (await buildPerson(database.db, { tenantId })).id, startOn: '2026-11-01' });
    await database.db.insert(keyIssues).values({ tenantId, keyId: front.id, stayId: stay.id, issuedAt: new Date('2026-11-01T12:00:00Z') });

    const list = await listRoomKeys(await contextFor(database, staffId), room.id);
    expect(list.map((k) => [k.keyNumber, k.door, k.issued, k.issuedToStayId])).toEqual([
      ['Y-1', 'front_door', true, stay.id],
      ['H1-A', 'room', false, null],
    ]);
  });

  it('refuses a key number already registered (409, naming the field) and writes nothing', async () => {
    const room = await buildRoom(database.db, { house });
    const existing = await buildKey(database.db, { tenantId, roomId: room.id });
    const err = await rejection(registerRoomKey(await contextFor(database, staffId), room.id, registerKeyInput.parse({ keyNumber: existing.keyNumber, door: 'room' })));
    expect(err).toMatchObject({ code: 'key.duplicate_number', status: 409, fields: { keyNumber: expect.stringMatching(/allerede/) } });
    expect(await database.db.select().from(roomKeys).where(eq(roomKeys.roomId, room.id))).toHaveLength(1);
  });

  it('refuses a role without key:manage, a room of another municipality, and bad input', async () => {
    const room = await buildRoom(database.db, { house });
    expect((await rejection(registerRoomKey(await contextFor(database, adminId), room.id, { keyNumber: 'Z', door: 'room' }))).status).toBe(403);
    expect((await rejection(listRoomKeys(await contextFor(database, adminId), room.id))).status).toBe(403);
    const foreign = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId: (await buildTenant(database.db)).id }) });
    expect((await rejection(registerRoomKey(await contextFor(database, staffId), foreign.id, { keyNumber: 'Z', door: 'room' }))).code).toBe('room.not_found');
    expect(await database.db.select().from(roomKeys).where(eq(roomKeys.roomId, foreign.id))).toEqual([]);
    expect(registerKeyInput.safeParse({ keyNumber: '', door: 'window' }).error!.issues.map((i) => i.path.join('.'))).toEqual(['keyNumber', 'door']);
  });
});

describe('inventory', () => {
  it("adds items to a room's list (audited) and lists them by name", async () => {
    const room = await buildRoom(database.db, { house });
    const ctx = await contextFor(database, staffId);
    const bed = await addInventoryItem(ctx, room.id, inventoryItemInput.parse({ name: 'Seng' }));
    await addInventoryItem(ctx, room.id, inventoryItemInput.parse({ name: 'Gardiner', condition: 'worn' }));
    expect(bed).toMatchObject({ roomId: room.id, name: 'Seng', condition: 'good' });
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, bed.id))).toEqual([
      expect.objectContaining({ action: 'inventory.add', details: { roomId: room.id, condition: 'good' } }),
    ]);
    const list = await listRoomInventory(await contextFor(database, adminId), room.id);
    expect(list.map((i) => [i.name, i.condition])).toEqual([
      ['Gardiner', 'worn'],
      ['Seng', 'good'],
    ]);
  });

  it('refuses a role without inventory:write and bad input; writes nothing', async () => {
    const room = await buildRoom(database.db, { house });
    expect((await rejection(addInventoryItem(await contextFor(database, adminId), room.id, { name: 'Stol', condition: 'good' }))).status).toBe(403);
    expect(inventoryItemInput.safeParse({ name: ' ', condition: 'broken' }).error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'validation.required'],
      ['condition', expect.any(String)],
    ]);
    expect(await database.db.select().from(inventoryItems).where(eq(inventoryItems.roomId, room.id))).toEqual([]);
  });
});
