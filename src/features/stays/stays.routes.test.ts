import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { stays } from './stays.tables.ts';
import { buildHouseRules, buildOffer } from './stays.factory.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let tenantId: string;
let leadId: string;
let roomId: string;
let rulesId: string;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  await buildUser(database.db, { tenantId, roles: ['staff'], username: 'stays_staff', password });
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], username: 'stays_nav', password });
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  const house = await buildHouse(database.db, { tenantId, name: 'Rutehuset' });
  roomId = (await buildRoom(database.db, { house, name: 'H1' })).id;
  rulesId = (await buildHouseRules(database.db, { tenantId, version: 1 })).id;
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00Z') });
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

async function acceptedOffer(status: 'accepted' | 'open' = 'accepted') {
  const person = await buildPerson(database.db, { tenantId, givenName: 'Kari', familyName: 'Rute' });
  return (await buildOffer(database.db, { tenantId, roomId, personId: person.id, decidedBy: leadId, status })).offer;
}

const body = (keyNumber: string) => ({ newKeys: [{ keyNumber, door: 'room' }], houseRulesVersionId: rulesId, houseRulesAccepted: true });

describe('stays routes', () => {
  it('asks for login first', async () => {
    for (const path of ['/api/board', '/api/board/calendar', '/api/fire-list']) {
      const res = await t.client().get(path);
      expect(res.status).toBe(401);
    }
  });

  it('refuses the NAV caseworker the board and the fire list with 403', async () => {
    const nav = await loggedIn('stays_nav');
    expect((await nav.get('/api/board')).status).toBe(403);
    expect((await nav.get('/api/fire-list')).status).toBe(403);
  });

  it('answers bad check-in input with 400 and a Norwegian message per field, and writes nothing', async () => {
    const offer = await acceptedOffer();
    const res = await (await loggedIn('stays_staff')).post(`/api/offers/${offer.id}/check-in`, { startOn: '31.11.2026', houseRulesVersionId: rulesId, houseRulesAccepted: false });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toMatchObject({
      startOn: 'Skriv datoen som dd.mm.åååå.',
      houseRulesAccepted: 'Beboeren må ha lest og godtatt husordensreglene.',
    });
    expect(await database.db.select().from(stays).where(eq(stays.offerId, offer.id))).toEqual([]);
  });

  it('refuses an offer that is not accepted with 422', async () => {
    const offer = await acceptedOffer('open');
    const res = await (await loggedIn('stays_staff')).post(`/api/offers/${offer.id}/check-in`, body('R-0'));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('stay.offer_not_accepted');
  });

  it('checks in (201), shows the stay, the board and the fire list; a second household into the room gets 409', async () => {
    const staff = await loggedIn('stays_staff');
    const first = await acceptedOffer();
    const prep = await staff.get(`/api/offers/${first.id}/check-in`);
    expect(prep.status).toBe(200);
    expect(prep.body).toMatchObject({ offerId: first.id, houseRules: { id: rulesId, version: 1 }, stayId: null });

    const res = await staff.post(`/api/offers/${first.id}/check-in`, body('R-1'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ roomId, personName: 'Kari Rute', startOn: '2026-11-26', keys: [expect.objectContaining({ keyNumber: 'R-1' })] });

    const second = await acceptedOffer();
    const taken = await staff.post(`/api/offers/${second.id}/check-in`, body('R-2'));
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'stay.room_taken', message: expect.stringMatching(/^Hybelen er allerede tatt for denne perioden/) });

    expect((await staff.get(`/api/stays/${res.body.id}`)).body).toMatchObject({ id: res.body.id, clock: { nightsSoFar: 0 } });
    const board = await staff.get('/api/board');
    expect(board.status).toBe(200);
    expect(board.body.rooms).toEqual([expect.objectContaining({ id: roomId, state: 'occupied', resident: expect.objectContaining({ personName: 'Kari Rute' }) })]);
    const fire = await staff.get('/api/fire-list');
    expect(fire.body).toMatchObject({ peopleCount: 1, houses: [expect.objectContaining({ name: 'Rutehuset', residents: [expect.objectContaining({ roomName: 'H1', personName: 'Kari Rute' })] })] });
  });

  it('takes a calendar start date and refuses a bad one with 400', async () => {
    const staff = await loggedIn('stays_staff');
    const cal = await staff.get('/api/board/calendar?from=2026-12-02');
    expect(cal.status).toBe(200);
    expect(cal.body).toMatchObject({ from: '2026-11-30', to: '2027-01-11' });
    expect((await staff.get('/api/board/calendar?from=2.12.2026')).status).toBe(400);
  });

  it('registers and lists keys and inventory; a duplicate key number is 409', async () => {
    const staff = await loggedIn('stays_staff');
    expect((await staff.post(`/api/rooms/${roomId}/keys`, { keyNumber: 'K-9', door: 'front_door' })).status).toBe(201);
    expect((await staff.post(`/api/rooms/${roomId}/keys`, { keyNumber: 'K-9', door: 'room' })).status).toBe(409);
    expect((await staff.post(`/api/rooms/${roomId}/keys`, { keyNumber: '', door: 'room' })).body.error.fields).toEqual({ keyNumber: 'Må fylles ut.' });
    expect((await staff.get(`/api/rooms/${roomId}/keys`)).body).toContainEqual(expect.objectContaining({ keyNumber: 'K-9', issued: false }));
    expect((await staff.post(`/api/rooms/${roomId}/inventory`, { name: 'Skrivebord' })).status).toBe(201);
    expect((await staff.get(`/api/rooms/${roomId}/inventory`)).body).toEqual([expect.objectContaining({ name: 'Skrivebord', condition: 'good' })]);
  });
});
