import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildKey } from '../stays/stays.factory.ts';
import { incidents } from './incidents.tables.ts';

// Status codes of the incident, risk-analysis, key and room-condition routes.

let database: Database;
let t: ReturnType<typeof createTestApp>;
let tenantId: string;
let roomId: string;
let keyId: string;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  await buildUser(database.db, { tenantId, roles: ['staff'], username: 'safety_staff', password });
  await buildUser(database.db, { tenantId, roles: ['service_lead'], username: 'safety_lead', password });
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], username: 'safety_nav', password });
  const room = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId }) });
  roomId = room.id;
  keyId = (await buildKey(database.db, { tenantId, roomId })).id;
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00Z') });
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

const body = { location: 'common_area', type: 'fire_alarm', severity: 'medium', description: 'Brannalarm fra kjøkkenet.' };

describe('incident routes', () => {
  it('ask for login first (401) and refuse NAV (403)', async () => {
    expect((await t.client().get('/api/incidents')).status).toBe(401);
    expect((await t.client().get('/api/risk/analysis')).status).toBe(401);
    const nav = await loggedIn('safety_nav');
    expect((await nav.get('/api/incidents')).status).toBe(403);
    expect((await nav.post('/api/incidents', body)).status).toBe(403);
    expect((await nav.get('/api/risk/analysis')).status).toBe(403);
    expect((await nav.get('/api/keys')).status).toBe(403);
  });

  it('answers bad input with 400 and a message per field, and writes nothing', async () => {
    const staff = await loggedIn('safety_staff');
    const res = await staff.post('/api/incidents', { location: 'room', severity: 'extreme', description: '' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['description', 'severity', 'type']);
    expect(res.body.error.fields.type).toBe('Velg hva slags avvik det er.');
    expect(await database.db.select().from(incidents).where(eq(incidents.tenantId, tenantId))).toEqual([]);
    expect((await staff.get('/api/incidents?from=2026-12-01&to=2026-11-01')).status).toBe(400);
  });

  it('staff record (201) and read (200); only the lead closes (403 for staff, 200 for the lead, 422 after)', async () => {
    const staff = await loggedIn('safety_staff');
    const created = await staff.post('/api/incidents', body);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await staff.get(`/api/incidents/${id}`)).body).toMatchObject({ id, type: 'fire_alarm', status: 'open' });
    expect((await staff.get('/api/incidents?status=open')).body.map((i: { id: string }) => i.id)).toContain(id);
    expect((await staff.post(`/api/incidents/${id}/close`, { closingNote: 'ok' })).status).toBe(403);
    const lead = await loggedIn('safety_lead');
    expect((await lead.post(`/api/incidents/${id}/close`, { closingNote: 'Alarmen var falsk.' })).status).toBe(200);
    expect((await lead.post(`/api/incidents/${id}/measures`, { description: 'x' })).status).toBe(422);
    expect((await lead.get('/api/incidents/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // The lead's follow-up forms get leads and hazards without any resident; staff do not get them.
    expect((await staff.get('/api/incidents/follow-up-options')).status).toBe(403);
    const options = await lead.get('/api/incidents/follow-up-options');
    expect(options.status).toBe(200);
    expect(Object.keys(options.body).sort()).toEqual(['hazards', 'leads']);
    expect(options.body.leads).toHaveLength(1);
  });

  it('the risk analysis: staff read, the lead adds a hazard (201) and sets the threshold (204); staff may not (403)', async () => {
    const staff = await loggedIn('safety_staff');
    const lead = await loggedIn('safety_lead');
    expect((await staff.post('/api/risk/hazards', { title: 'Brann', probability: 3, consequence: 5 })).status).toBe(403);
    expect((await lead.post('/api/risk/hazards', { title: 'Brann', probability: 6, consequence: 5 })).status).toBe(400);
    expect((await lead.post('/api/risk/hazards', { title: 'Brann', probability: 3, consequence: 5 })).status).toBe(201);
    expect((await lead.put('/api/risk/threshold', { threshold: 11, reason: 'Som Bodø.' })).status).toBe(204);
    expect((await lead.put('/api/risk/threshold', { threshold: 12, reason: 'Igjen samme dag.' })).status).toBe(409);
    const analysis = await staff.get('/api/risk/analysis');
    expect(analysis.status).toBe(200);
    expect(analysis.body).toMatchObject({ threshold: 11, hazards: [{ title: 'Brann', risk: 15, needsMeasures: true }] });
  });

  it('keys and room condition: the register (200), report lost (201, then 409), the condition of a room (200)', async () => {
    const staff = await loggedIn('safety_staff');
    expect((await staff.get('/api/keys')).status).toBe(200);
    expect((await staff.post(`/api/keys/${keyId}/lost`, { description: '' })).status).toBe(400);
    expect((await staff.post(`/api/keys/${keyId}/lost`, { description: 'Mistet.' })).status).toBe(201);
    expect((await staff.post(`/api/keys/${keyId}/lost`, { description: 'Mistet.' })).status).toBe(409);
    const condition = await staff.get(`/api/rooms/${roomId}/condition`);
    expect(condition.status).toBe(200);
    expect(condition.body).toMatchObject({ roomId, items: [] });
  });
});
