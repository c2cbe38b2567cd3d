import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildPerson } from '../people/people.factory.ts';
import { shiftLogEntries } from './shift-log.tables.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let tenantId: string;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  await buildUser(database.db, { tenantId, roles: ['staff'], username: 'sl_staff', password });
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], username: 'sl_nav', password });
  t = createTestApp(database, { now: () => new Date('2026-11-26T16:00:00+01:00') });
});
afterAll(() => database.close());

async function as(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

const entry = { shiftDate: '2026-11-26', shift: 'day', occurredTime: '10:00', body: 'Rolig formiddag.' };

describe('shift-log routes', () => {
  it('asks for login first', async () => {
    expect((await t.client().get('/api/shift-log/handover')).status).toBe(401);
  });

  it('refuses NAV with 403', async () => {
    expect((await (await as('sl_nav')).get('/api/shift-log/handover')).status).toBe(403);
    expect((await (await as('sl_nav')).post('/api/shift-log', entry)).status).toBe(403);
  });

  it('answers bad input with 400 and a field map, writing nothing', async () => {
    const res = await (await as('sl_staff')).post('/api/shift-log', { ...entry, shift: 'morgen', occurredTime: '25:00', body: '' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['body', 'occurredTime', 'shift']);
    expect(await database.db.select().from(shiftLogEntries).where(eq(shiftLogEntries.tenantId, tenantId))).toHaveLength(0);
  });

  it('writes (201) naming a resident, shows it in the handover (200), corrects once (201) and refuses a second correction (409)', async () => {
    const person = await buildPerson(database.db, { tenantId, givenName: 'Per', familyName: 'Hansen' });
    const staff = await as('sl_staff');
    const written = await staff.post('/api/shift-log', { ...entry, personIds: [person.id] });
    expect(written.status).toBe(201);
    const handover = await staff.get('/api/shift-log/handover');
    expect(handover.status).toBe(200);
    expect(handover.body.shifts[0].entries[0]).toMatchObject({ id: written.body.id, people: [{ id: person.id, name: 'Per Hansen' }] });
    expect((await staff.post(`/api/shift-log/${written.body.id}/corrections`, { ...entry, body: 'Rolig formiddag, ett besøk.' })).status).toBe(201);
    expect((await staff.post(`/api/shift-log/${written.body.id}/corrections`, entry)).status).toBe(409);
    expect((await staff.post('/api/shift-log/00000000-0000-4000-8000-000000000000/corrections', entry)).status).toBe(404);
  });

  it('shows a day (200) and answers a date that is not one with 400', async () => {
    const staff = await as('sl_staff');
    expect((await staff.get('/api/shift-log/day?day=2026-11-26')).status).toBe(200);
    const bad = await staff.get('/api/shift-log/day?day=26.11.2026');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['day']);
  });

  it('lists the residents in the house (200)', async () => {
    const res = await (await as('sl_staff')).get('/api/shift-log/residents');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
  });
});
