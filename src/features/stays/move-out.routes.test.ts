import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildHouse } from '../rooms/rooms.factory.ts';
import { stays } from './stays.tables.ts';
import { moveOuts } from './moving-on.tables.ts';
import { buildReadyRoom, buildResident } from './move-out.factory.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let leadId: string;
let house: { id: string; tenantId: string };
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  const tenantId = (await buildTenant(database.db)).id;
  await buildUser(database.db, { tenantId, roles: ['staff'], username: 'moveout_staff', password });
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], username: 'moveout_nav', password });
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  house = await buildHouse(database.db, { tenantId, name: 'Rutehuset' });
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00Z') });
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

const someId = '00000000-0000-4000-8000-000000000000';

describe('moving-on routes', () => {
  it('asks for login first', async () => {
    const client = t.client();
    for (const path of [`/api/stays/${someId}/move-out`, `/api/stays/${someId}/room-move`, `/api/people/${someId}/belongings`, '/api/keys/not-returned', '/api/belongings/past-keep-until']) {
      expect((await client.get(path)).status).toBe(401);
    }
    expect((await client.post(`/api/stays/${someId}/move-out`, {})).status).toBe(401);
  });

  it('refuses the NAV caseworker with 403', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const nav = await loggedIn('moveout_nav');
    expect((await nav.post(`/api/stays/${r.stay.id}/move-out`, { destination: 'private_rental', wasPlanned: true })).status).toBe(403);
    expect((await nav.get(`/api/stays/${r.stay.id}/move-out`)).status).toBe(403);
    expect((await nav.post(`/api/people/${r.person.id}/belongings`, { description: 'A', location: 'B', keepUntilOn: '2026-12-31' })).status).toBe(403);
  });

  it('answers bad move-out input with 400 and Norwegian messages per field, and writes nothing', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const res = await (await loggedIn('moveout_staff')).post(`/api/stays/${r.stay.id}/move-out`, { movedOutOn: '31.11.2026', destination: 'hotel' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      movedOutOn: 'Skriv datoen som dd.mm.åååå.',
      destination: 'Velg hvor beboeren flyttet.',
      wasPlanned: 'Svar ja eller nei.',
    });
    expect(await database.db.select().from(moveOuts).where(eq(moveOuts.stayId, r.stay.id))).toEqual([]);
  });

  it('moves a resident (201), refuses a taken room (409), records the move-out (201) and refuses it twice (409)', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const other = await buildResident(database.db, { house, decidedBy: leadId, givenName: 'Ola' });
    const target = await buildReadyRoom(database.db, { house });
    const staff = await loggedIn('moveout_staff');

    const options = await staff.get(`/api/stays/${r.stay.id}/room-move`);
    expect(options.status).toBe(200);
    expect(options.body.rooms.map((room: { id: string }) => room.id)).toContain(target.room.id);

    const taken = await staff.post(`/api/stays/${r.stay.id}/room-move`, { toRoomId: other.room.id, reason: 'Bytte' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'stay.room_taken', message: expect.stringContaining('Hybelen er allerede tatt') });

    const moved = await staff.post(`/api/stays/${r.stay.id}/room-move`, { toRoomId: target.room.id, reason: 'Bytte', keyIds: [target.key.id] });
    expect(moved.status).toBe(201);
    const newStayId = moved.body.toStayId as string;
    expect(moved.body.stay).toMatchObject({ roomId: target.room.id, clock: { latestEndOn: '2027-02-01' } });

    const view = await staff.get(`/api/stays/${newStayId}/move-out`);
    expect(view.status).toBe(200);
    const body = {
      destination: 'municipal_rental',
      wasPlanned: true,
      returnedKeyIds: view.body.heldKeys.map((k: { id: string }) => k.id),
      roomChecked: true,
      inventory: [],
      belongings: [{ description: 'Sykkel', location: 'Bod 1', keepUntilOn: '2026-12-26' }],
    };
    const out = await staff.post(`/api/stays/${newStayId}/move-out`, body);
    expect(out.status).toBe(201);
    expect(out.body).toMatchObject({ destinationGroup: 'permanent', keysReturned: true, nights: 25 });
    expect((await database.db.select().from(stays).where(eq(stays.id, newStayId)))[0]!.endOn).toBe('2026-11-26');
    expect((await staff.post(`/api/stays/${newStayId}/move-out`, body)).status).toBe(409);

    const belongings = await staff.get(`/api/people/${r.person.id}/belongings`);
    expect(belongings.body.map((b: { description: string }) => b.description)).toEqual(['Sykkel']);
    const picked = await staff.post(`/api/belongings/${belongings.body[0].id}/picked-up`, {});
    expect([picked.status, picked.body.pickedUpOn]).toEqual([200, '2026-11-26']);
  });

  it('refuses a move-out before the stay began with 400 on the date', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const res = await (await loggedIn('moveout_staff')).post(`/api/stays/${r.stay.id}/move-out`, { movedOutOn: '2026-10-01', destination: 'unknown', wasPlanned: false });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'move_out.before_start', fields: { movedOutOn: expect.any(String) } });
  });

  it('refuses a couple into a single room with 422', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId, couple: true });
    const single = await buildReadyRoom(database.db, { house });
    const res = await (await loggedIn('moveout_staff')).post(`/api/stays/${r.stay.id}/room-move`, { toRoomId: single.room.id, reason: 'Bytte' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('room_move.room_not_for_couples');
  });
});
