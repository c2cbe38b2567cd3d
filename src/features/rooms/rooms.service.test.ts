import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { houses, rooms, roomStateChanges } from './rooms.tables.ts';
import { buildHouse, buildRoom } from './rooms.factory.ts';
import { changeRoomStateInput, houseInput, roomInput } from './rooms.schema.ts';
import {
  changeRoomState,
  createHouse,
  createRoom,
  getRoomStateHistory,
  listHousesWithRooms,
  updateHouse,
  updateRoom,
} from './rooms.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let housingOfficeId: string;
let adminId: string;
let navId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], displayName: 'Siri Ansatt' })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'], displayName: 'Lars Leder' })).id;
  housingOfficeId = (await buildUser(database.db, { tenantId, roles: ['housing_office'] })).id;
  adminId = (await buildUser(database.db, { tenantId, roles: ['admin'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
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

const auditFor = (entityId: string) => database.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
const historyFor = (roomId: string) => database.db.select().from(roomStateChanges).where(eq(roomStateChanges.roomId, roomId));
const roomRow = async (roomId: string) => (await database.db.select().from(rooms).where(eq(rooms.id, roomId)))[0]!;

const house = (overrides: Record<string, unknown> = {}) =>
  houseInput.parse({ name: 'Bolig Nu', streetAddress: 'Kongens gate 60', postalCode: '8006', city: 'Bodø', ...overrides });
const room = (overrides: Record<string, unknown> = {}) => roomInput.parse({ name: 'H1', capacity: 1, ...overrides });
const state = (overrides: Record<string, unknown>) => changeRoomStateInput.parse(overrides);

describe('listHousesWithRooms', () => {
  it("lists the tenant's houses with their rooms in order, and nothing of another municipality", async () => {
    const tenant = await buildTenant(database.db);
    const userId = (await buildUser(database.db, { tenantId: tenant.id, roles: ['housing_office'] })).id;
    const h = await buildHouse(database.db, { tenantId: tenant.id, name: 'Huset' });
    await buildRoom(database.db, { house: h, name: 'H2', sortOrder: 2 });
    await buildRoom(database.db, { house: h, name: 'H1', sortOrder: 1, isCrisisRoom: true });
    const otherTenant = await buildTenant(database.db);
    await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId: otherTenant.id }) });

    const list = await listHousesWithRooms(await contextFor(database, userId));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: h.id, name: 'Huset', postalCode: '8006', city: 'Bodø' });
    expect(list[0]!.rooms.map((r) => [r.name, r.state, r.isCrisisRoom])).toEqual([
      ['H1', 'ready', true],
      ['H2', 'ready', false],
    ]);
  });

  it('refuses a role without room:read, and anyone not logged in', async () => {
    expect((await rejection(listHousesWithRooms(await contextFor(database, navId)))).status).toBe(403);
    expect((await rejection(listHousesWithRooms(await contextFor(database, null)))).status).toBe(401);
  });
});

describe('createHouse and updateHouse', () => {
  it('registers a house and audits it', async () => {
    const created = await createHouse(await contextFor(database, leadId), house({ name: 'Nytt hus' }));
    expect(created).toMatchObject({ name: 'Nytt hus', streetAddress: 'Kongens gate 60', rooms: [] });
    expect(await auditFor(created.id)).toEqual([expect.objectContaining({ action: 'house.create', actorUserId: leadId, tenantId })]);
  });

  it('changes a house and names the changed fields in the audit row', async () => {
    const h = await buildHouse(database.db, { tenantId });
    const updated = await updateHouse(await contextFor(database, adminId), h.id, house({ name: h.name, streetAddress: h.streetAddress, city: 'Saltstraumen', postalCode: '8056' }));
    expect(updated).toMatchObject({ city: 'Saltstraumen', postalCode: '8056' });
    const [event] = await auditFor(h.id);
    expect(event).toMatchObject({ action: 'house.update', details: { changed: ['postalCode', 'city'] } });
  });

  it('refuses staff (who may change states, not houses) and writes nothing', async () => {
    const before = await database.db.select().from(houses);
    const err = await rejection(createHouse(await contextFor(database, staffId), house()));
    expect(err.code).toBe('auth.forbidden');
    expect(await database.db.select().from(houses)).toHaveLength(before.length);
  });

  it('treats a house of another municipality as not found, and leaves it unchanged', async () => {
    const other = await buildHouse(database.db, { tenantId: (await buildTenant(database.db)).id, city: 'Tromsø' });
    const err = await rejection(updateHouse(await contextFor(database, leadId), other.id, house()));
    expect(err.code).toBe('house.not_found');
    expect(err.status).toBe(404);
    expect((await database.db.select().from(houses).where(eq(houses.id, other.id)))[0]!.city).toBe('Tromsø');
  });

  it('the shared schema wants a four-digit postal code and every field', () => {
    const result = houseInput.safeParse({ name: ' ', streetAddress: 'Gata 1', postalCode: '80065', city: 'Bodø' });
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'validation.required'],
      ['postalCode', 'rooms.validation.postalCode'],
    ]);
  });
});

describe('createRoom and updateRoom', () => {
  it('adds a ready room, with its first history row and an audit row', async () => {
    const h = await buildHouse(database.db, { tenantId });
    const ctx = await contextFor(database, leadId, { now: new Date('2026-11-20T09:00:00Z') });
    const created = await createRoom(ctx, h.id, room({ name: 'H7', capacity: 2, takesCouples: true, sortOrder: 7 }));
    expect(created).toMatchObject({ houseId: h.id, name: 'H7', capacity: 2, takesCouples: true, isCrisisRoom: false, state: 'ready', stateSince: '2026-11-20T09:00:00.000Z' });
    expect(await historyFor(created.id)).toEqual([expect.objectContaining({ fromState: null, toState: 'ready', changedBy: leadId })]);
    expect(await auditFor(created.id)).toEqual([expect.objectContaining({ action: 'room.create', details: { houseId: h.id } })]);
  });

  it('refuses a second room with the same name in a house with 409, naming the field, and adds nothing', async () => {
    const h = await buildHouse(database.db, { tenantId });
    await buildRoom(database.db, { house: h, name: 'H1' });
    const ctx = await contextFor(database, leadId);
    const err = await rejection(createRoom(ctx, h.id, room({ name: 'H1' })));
    expect(err.code).toBe('room.duplicate_name');
    expect(err.status).toBe(409);
    expect(err.fields).toEqual({ name: 'Det finnes allerede en hybel med dette navnet i huset. Velg et annet navn.' });
    expect(await database.db.select().from(rooms).where(eq(rooms.houseId, h.id))).toHaveLength(1);
    // Another house may use the name.
    const other = await buildHouse(database.db, { tenantId });
    expect((await createRoom(ctx, other.id, room({ name: 'H1' }))).name).toBe('H1');
  });

  it('refuses renaming a room to a name the house already has', async () => {
    const h = await buildHouse(database.db, { tenantId });
    await buildRoom(database.db, { house: h, name: 'A' });
    const b = await buildRoom(database.db, { house: h, name: 'B' });
    const err = await rejection(updateRoom(await contextFor(database, leadId), b.id, room({ name: 'A' })));
    expect(err.status).toBe(409);
    expect((await roomRow(b.id)).name).toBe('B');
    expect(await auditFor(b.id)).toEqual([]);
  });

  it('changes capacity and features, keeps the state, and audits the changed fields', async () => {
    const h = await buildHouse(database.db, { tenantId });
    const r = await buildRoom(database.db, { house: h, name: 'H3', state: 'cleaning', sortOrder: 3 });
    const updated = await updateRoom(await contextFor(database, adminId), r.id, room({ name: 'H3', capacity: 2, takesCouples: true, sortOrder: 3 }));
    expect(updated).toMatchObject({ capacity: 2, takesCouples: true, state: 'cleaning' });
    expect((await auditFor(r.id))[0]!.details).toEqual({ changed: ['capacity', 'takesCouples'] });
  });

  it('adds no room to a house of another municipality', async () => {
    const other = await buildHouse(database.db, { tenantId: (await buildTenant(database.db)).id });
    const err = await rejection(createRoom(await contextFor(database, leadId), other.id, room()));
    expect(err.code).toBe('house.not_found');
    expect(await database.db.select().from(rooms).where(eq(rooms.houseId, other.id))).toEqual([]);
  });

  it('refuses staff', async () => {
    const h = await buildHouse(database.db, { tenantId });
    expect((await rejection(createRoom(await contextFor(database, staffId), h.id, room()))).status).toBe(403);
  });

  it('the shared schema: couples need two places; capacity is 1 or 2', () => {
    expect(roomInput.safeParse({ name: 'H1', capacity: 1, takesCouples: true }).error!.issues).toEqual([
      expect.objectContaining({ path: ['takesCouples'], message: 'rooms.validation.couplesNeedTwo' }),
    ]);
    expect(roomInput.safeParse({ name: 'H1', capacity: 3 }).error!.issues[0]).toMatchObject({ path: ['capacity'], message: 'rooms.validation.capacity' });
    expect(roomInput.safeParse({ name: 'H1', capacity: 1, sortOrder: 1.5 }).error!.issues[0]).toMatchObject({ path: ['sortOrder'] });
  });
});

describe('changeRoomState', () => {
  it('marks a room for cleaning: history row (who, when, from, to) and audit row', async () => {
    const r = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId }) });
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-26T09:15:00Z') });
    const updated = await changeRoomState(ctx, r.id, state({ state: 'cleaning' }));
    expect(updated).toMatchObject({ state: 'cleaning', stateSince: '2026-11-26T09:15:00.000Z', outOfServiceReason: null });
    expect(await historyFor(r.id)).toEqual([
      expect.objectContaining({ changedBy: staffId, changedAt: new Date('2026-11-26T09:15:00Z'), fromState: 'ready', toState: 'cleaning', reason: null, fromOn: null, toOn: null, tenantId }),
    ]);
    expect(await auditFor(r.id)).toEqual([
      expect.objectContaining({ action: 'room.state_change', actorUserId: staffId, kind: 'write', details: { from: 'ready', to: 'cleaning' } }),
    ]);
  });

  it('takes a room out of service with reason and dates, then back to ready; the history keeps both', async () => {
    const r = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId }) });
    const out = await changeRoomState(
      await contextFor(database, leadId, { now: new Date('2026-11-26T08:00:00Z') }),
      r.id,
      state({ state: 'out_of_service', reason: 'Vannskade på badet', fromDate: '2026-11-26', toDate: '2026-12-10' }),
    );
    expect(out).toMatchObject({ state: 'out_of_service', outOfServiceReason: 'Vannskade på badet', outOfServiceFrom: '2026-11-26', outOfServiceTo: '2026-12-10' });

    const back = await changeRoomState(await contextFor(database, staffId, { now: new Date('2026-12-10T12:00:00Z') }), r.id, state({ state: 'ready' }));
    expect(back).toMatchObject({ state: 'ready', outOfServiceReason: null, outOfServiceFrom: null, outOfServiceTo: null });
    expect(await roomRow(r.id)).toMatchObject({ outOfServiceReason: null, outOfServiceFromOn: null, outOfServiceToOn: null });

    const history = await getRoomStateHistory(await contextFor(database, housingOfficeId), r.id);
    expect(history).toEqual([
      { id: expect.any(String), changedAt: '2026-12-10T12:00:00.000Z', changedByName: 'Siri Ansatt', fromState: 'out_of_service', toState: 'ready', reason: null, fromDate: null, toDate: null },
      {
        id: expect.any(String),
        changedAt: '2026-11-26T08:00:00.000Z',
        changedByName: 'Lars Leder',
        fromState: 'ready',
        toState: 'out_of_service',
        reason: 'Vannskade på badet',
        fromDate: '2026-11-26',
        toDate: '2026-12-10',
      },
    ]);
    // The free-text reason stays in the room's history, not in the audit log.
    expect(JSON.stringify(await auditFor(r.id))).not.toContain('Vannskade');
  });

  it('lets an out-of-service period be corrected (new to-date) as a new history row', async () => {
    const r = await buildRoom(database.db, {
      house: await buildHouse(database.db, { tenantId }),
      state: 'out_of_service',
      outOfServiceReason: 'Maling',
      outOfServiceFromOn: '2026-11-20',
    });
    const updated = await changeRoomState(await contextFor(database, staffId), r.id, state({ state: 'out_of_service', reason: 'Maling', fromDate: '2026-11-20', toDate: '2026-11-30' }));
    expect(updated.outOfServiceTo).toBe('2026-11-30');
    expect(await historyFor(r.id)).toEqual([expect.objectContaining({ fromState: 'out_of_service', toState: 'out_of_service', toOn: '2026-11-30' })]);
  });

  it("refuses 'occupied' by hand with a clear 422, and changes nothing", async () => {
    const r = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId }) });
    const err = await rejection(changeRoomState(await contextFor(database, staffId), r.id, state({ state: 'occupied' })));
    expect(err.code).toBe('room.occupied_by_hand');
    expect(err.status).toBe(422);
    expect(err.definition.nb).toMatch(/flytter inn/);
    expect((await roomRow(r.id)).state).toBe('ready');
    expect(await historyFor(r.id)).toEqual([]);
    expect(await auditFor(r.id)).toEqual([]);
  });

  it('leaves an occupied room alone: its state follows check-in and move-out', async () => {
    const r = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId }), state: 'occupied' });
    const err = await rejection(changeRoomState(await contextFor(database, staffId), r.id, state({ state: 'cleaning' })));
    expect(err.code).toBe('room.occupied');
    expect(err.status).toBe(422);
    expect((await roomRow(r.id)).state).toBe('occupied');
  });

  it('refuses a change to the state the room already has', async () => {
    const r = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId }) });
    const err = await rejection(changeRoomState(await contextFor(database, staffId), r.id, state({ state: 'ready' })));
    expect(err.code).toBe('room.state_unchanged');
    expect(await historyFor(r.id)).toEqual([]);
  });

  it('refuses roles without room:state (housing office, administrator) and changes nothing', async () => {
    const r = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId }) });
    for (const userId of [housingOfficeId, adminId]) {
      const err = await rejection(changeRoomState(await contextFor(database, userId), r.id, state({ state: 'cleaning' })));
      expect(err.code).toBe('auth.forbidden');
    }
    expect((await roomRow(r.id)).state).toBe('ready');
    expect(await historyFor(r.id)).toEqual([]);
    expect(await auditFor(r.id)).toEqual([]);
  });

  it('treats a room of another municipality as not found', async () => {
    const r = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId: (await buildTenant(database.db)).id }) });
    const ctx = await contextFor(database, staffId);
    expect((await rejection(changeRoomState(ctx, r.id, state({ state: 'cleaning' })))).code).toBe('room.not_found');
    expect((await rejection(getRoomStateHistory(ctx, r.id))).code).toBe('room.not_found');
    expect((await roomRow(r.id)).state).toBe('ready');
    expect(await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, r.id), eq(auditEvents.tenantId, tenantId)))).toEqual([]);
  });
});

describe('the state schema shared by form and API', () => {
  const issues = (value: unknown) => changeRoomStateInput.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]);

  it('out of service needs a reason and a from-date', () => {
    expect(issues({ state: 'out_of_service', reason: '  ' })).toEqual([
      ['reason', 'rooms.validation.reasonRequired'],
      ['fromDate', 'rooms.validation.fromDateRequired'],
    ]);
  });

  it('the to-date may not be before the from-date, but may be the same day', () => {
    expect(issues({ state: 'out_of_service', reason: 'Maling', fromDate: '2026-12-01', toDate: '2026-11-30' })).toEqual([['toDate', 'rooms.validation.toBeforeFrom']]);
    expect(issues({ state: 'out_of_service', reason: 'Maling', fromDate: '2026-12-01', toDate: '2026-12-01' })).toBeUndefined();
  });

  it('refuses impossible dates and dates for other states', () => {
    expect(issues({ state: 'out_of_service', reason: 'Maling', fromDate: '2026-02-30' })).toEqual([['fromDate', 'validation.invalidDate']]);
    expect(issues({ state: 'cleaning', fromDate: '2026-12-01' })).toEqual([['fromDate', 'rooms.validation.datesOnlyOutOfService']]);
  });
});
