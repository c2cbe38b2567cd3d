import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildHouse, buildRoom } from './rooms.factory.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let houseId: string;
let roomId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await buildTenant(database.db);
  await buildUser(database.db, { tenantId: tenant.id, roles: ['staff'], username: 'rooms_staff', password: 'correct horse battery' });
  await buildUser(database.db, { tenantId: tenant.id, roles: ['service_lead'], username: 'rooms_lead', password: 'correct horse battery' });
  const house = await buildHouse(database.db, { tenantId: tenant.id, name: 'Rutehuset' });
  houseId = house.id;
  roomId = (await buildRoom(database.db, { house, name: 'H1' })).id;
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00Z') });
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, 'correct horse battery');
  return client;
}

describe('rooms routes', () => {
  it('asks for login first', async () => {
    const res = await t.client().get('/api/houses');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.unauthenticated');
  });

  it('lists houses with rooms for staff', async () => {
    const res = await (await loggedIn('rooms_staff')).get('/api/houses');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([expect.objectContaining({ id: houseId, name: 'Rutehuset', rooms: [expect.objectContaining({ id: roomId, name: 'H1', state: 'ready' })] })]);
  });

  it('refuses staff a new house with 403 and a clear message', async () => {
    const res = await (await loggedIn('rooms_staff')).post('/api/houses', { name: 'X', streetAddress: 'Gata 1', postalCode: '8006', city: 'Bodø' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/ikke tilgang/);
  });

  it('answers bad input with 400 and a Norwegian message per field', async () => {
    const lead = await loggedIn('rooms_lead');
    const house = await lead.post('/api/houses', { name: '', streetAddress: 'Gata 1', postalCode: '80', city: 'Bodø' });
    expect(house.status).toBe(400);
    expect(house.body.error.fields).toEqual({ name: 'Må fylles ut.', postalCode: 'Postnummeret har 4 siffer.' });

    const state = await (await loggedIn('rooms_staff')).post(`/api/rooms/${roomId}/state`, { state: 'out_of_service', fromDate: '2026-12-01', toDate: '2026-11-01' });
    expect(state.status).toBe(400);
    expect(state.body.error.fields).toEqual({
      reason: 'Skriv hvorfor hybelen er ute av drift.',
      toDate: 'Til-datoen kan ikke være før fra-datoen.',
    });
    expect((await lead.get(`/api/rooms/${roomId}/state-history`)).body).toEqual([]);
  });

  it('refuses a duplicate room name with 409 and the field', async () => {
    const res = await (await loggedIn('rooms_lead')).post(`/api/houses/${houseId}/rooms`, { name: 'H1', capacity: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'room.duplicate_name', fields: { name: expect.stringMatching(/annet navn/) } });
  });

  it("refuses 'occupied' by hand with 422, then takes a state change and shows it in the history", async () => {
    const staff = await loggedIn('rooms_staff');
    const occupied = await staff.post(`/api/rooms/${roomId}/state`, { state: 'occupied' });
    expect(occupied.status).toBe(422);
    expect(occupied.body.error.code).toBe('room.occupied_by_hand');
    const cleaning = await staff.post(`/api/rooms/${roomId}/state`, { state: 'cleaning' });
    expect(cleaning.status).toBe(200);
    expect(cleaning.body).toMatchObject({ state: 'cleaning', stateSince: '2026-11-26T10:00:00.000Z' });
    const history = await staff.get(`/api/rooms/${roomId}/state-history`);
    expect(history.body).toEqual([expect.objectContaining({ fromState: 'ready', toState: 'cleaning' })]);
  });

  it('answers an unknown room with 404', async () => {
    const res = await (await loggedIn('rooms_staff')).get('/api/rooms/00000000-0000-4000-8000-000000000000/state-history');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('room.not_found');
  });
});
