import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { moveOutDestinations } from '../stays/moving-on.tables.ts';
import { aftercareAgreements, meetingSessions } from './aftercare.tables.ts';
import { buildMeetingSession, buildMoveOut } from './aftercare.factory.ts';
import { moveOutDestinationValues } from './aftercare.schema.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let tenantId: string;
let staffId: string;
let formerId: string;
let residentId: string;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], username: 'aftercare_staff', password })).id;
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], username: 'aftercare_nav', password });
  const house = await buildHouse(database.db, { tenantId });
  const former = await buildPerson(database.db, { tenantId, givenName: 'Frida', familyName: 'Tidligere' });
  const stay = await buildStay(database.db, { tenantId, roomId: (await buildRoom(database.db, { house })).id, personId: former.id, startOn: '2026-08-01', plannedEndOn: '2026-11-01' });
  await buildMoveOut(database.db, { tenantId, stayId: stay.id, movedOutOn: '2026-10-20' });
  formerId = former.id;
  const resident = await buildPerson(database.db, { tenantId });
  await buildStay(database.db, { tenantId, roomId: (await buildRoom(database.db, { house })).id, personId: resident.id, startOn: '2026-11-01', plannedEndOn: '2027-02-01' });
  residentId = resident.id;
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00Z') });
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

describe('aftercare routes', () => {
  it('keeps the browser list of destinations equal to the table’s', () => {
    expect([...moveOutDestinationValues]).toEqual([...moveOutDestinations]);
  });

  it('asks for login first', async () => {
    expect((await t.client().get('/api/aftercare/follow-ups')).status).toBe(401);
    expect((await t.client().get(`/api/people/${formerId}/previous-stays`)).status).toBe(401);
  });

  it('refuses NAV with 403', async () => {
    const nav = await loggedIn('aftercare_nav');
    expect((await nav.get('/api/aftercare/follow-ups')).status).toBe(403);
    expect((await nav.get('/api/aftercare/sessions')).status).toBe(403);
    expect((await nav.get(`/api/people/${formerId}/previous-stays`)).status).toBe(403);
  });

  it('answers bad input with 400 and a message per field, and writes nothing', async () => {
    const staff = await loggedIn('aftercare_staff');
    const res = await staff.post('/api/aftercare/agreements', { personId: formerId, startsOn: '2026-12-01', endsOn: '2026-11-01', contactFrequency: '', contactPersonId: staffId });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ contactFrequency: 'Må fylles ut.', endsOn: 'Sluttdatoen må være etter startdatoen.' });
    expect(await database.db.select().from(aftercareAgreements).where(eq(aftercareAgreements.personId, formerId))).toHaveLength(0);
    const session = await staff.post('/api/aftercare/sessions', { heldOn: '31.12.2026' });
    expect(session.status).toBe(400);
    expect(session.body.error.fields).toEqual({ heldOn: 'Skriv datoen som dd.mm.åååå.' });
    expect(await database.db.select().from(meetingSessions).where(eq(meetingSessions.tenantId, tenantId))).toHaveLength(0);
  });

  it('makes an agreement (201), and refuses a second one for the same stay (409)', async () => {
    const staff = await loggedIn('aftercare_staff');
    const body = { personId: formerId, startsOn: '2026-10-21', endsOn: '2027-04-20', contactFrequency: 'Hver uke', contactPersonId: staffId };
    const made = await staff.post('/api/aftercare/agreements', body);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ personId: formerId, isCurrent: true });
    const again = await staff.post('/api/aftercare/agreements', body);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/allerede en ettervernsavtale/);
  });

  it('refuses to register a current resident at the meeting place with 422', async () => {
    const staff = await loggedIn('aftercare_staff');
    const session = await buildMeetingSession(database.db, { tenantId, heldOn: '2026-11-25' });
    const res = await staff.post(`/api/aftercare/sessions/${session.id}/attendance`, { personId: residentId });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/tidligere beboere/);
    const ok = await staff.post(`/api/aftercare/sessions/${session.id}/attendance`, { personId: formerId });
    expect(ok.status).toBe(200);
    expect(ok.body.attendeeCount).toBe(1);
    const dup = await staff.post('/api/aftercare/sessions', { heldOn: '2026-11-25' });
    expect(dup.status).toBe(409);
  });

  it('finds former residents with POST (names never in a URL)', async () => {
    const staff = await loggedIn('aftercare_staff');
    const res = await staff.post('/api/aftercare/former-residents/search', { query: 'frida' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ personId: formerId, name: 'Frida Tidligere', lastMovedOutOn: '2026-10-20' }]);
  });
});

describe('former resident search input', () => {
  it('says how many letters are needed', async () => {
    const staff = await loggedIn('aftercare_staff');
    const res = await staff.post('/api/aftercare/former-residents/search', { query: 'f' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ query: 'Må ha minst 2 tegn.' });
  });
});
