import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { settings } from '../../platform/notifications/notifications.tables.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from './stays.factory.ts';
import { stayExtensions } from './moving-on.tables.ts';

// Routes of extensions, the stay clock, the inbox and the clock settings: auth, refusals, error shape.

let database: Database;
let t: ReturnType<typeof createTestApp>;
let stayId: string;
let personId: string;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  const tenantId = (await buildTenant(database.db)).id;
  await buildUser(database.db, { tenantId, roles: ['staff'], username: 'ext_staff', password });
  await buildUser(database.db, { tenantId, roles: ['service_lead'], username: 'ext_lead', password });
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], username: 'ext_nav', password });
  const house = await buildHouse(database.db, { tenantId });
  const room = await buildRoom(database.db, { house, name: 'H7' });
  personId = (await buildPerson(database.db, { tenantId })).id;
  stayId = (await buildStay(database.db, { tenantId, roomId: room.id, personId, startOn: '2026-11-24', plannedEndOn: '2027-02-24' })).id;
  t = createTestApp(database, { now: () => new Date('2027-02-20T10:00:00Z') });
});
afterAll(() => database.close());

async function as(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

describe('extension, clock, inbox and settings routes', () => {
  it('ask for login first', async () => {
    const anonymous = t.client();
    for (const path of [`/api/stays/${stayId}/clock`, `/api/stays/${stayId}/extensions`, '/api/inbox', '/api/inbox/unread-count', '/api/settings/clock']) {
      expect((await anonymous.get(path)).status).toBe(401);
    }
    expect((await anonymous.post(`/api/stays/${stayId}/extensions`, { newPlannedEndOn: '2027-03-31', reason: 'x' })).status).toBe(401);
  });

  it('refuse roles without the permission with 403', async () => {
    const staff = await as('ext_staff');
    const res = await staff.post(`/api/stays/${stayId}/extensions`, { newPlannedEndOn: '2027-03-31', reason: 'Trenger mer tid.' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth.forbidden');
    expect((await staff.put('/api/settings/clock', { warningWeeks: [8], reason: 'x' })).status).toBe(403);
    const nav = await as('ext_nav');
    expect((await nav.get('/api/inbox')).status).toBe(403);
    expect((await nav.get(`/api/stays/${stayId}/clock`)).status).toBe(403);
  });

  it('answer bad input with 400 and a Norwegian message per field, writing nothing', async () => {
    const lead = await as('ext_lead');
    const res = await lead.post(`/api/stays/${stayId}/extensions`, { newPlannedEndOn: '31.03.2027', reason: '  ' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['newPlannedEndOn', 'reason']);
    expect(res.body.error.fields.reason).toMatch(/[Mm]å fylles ut|Påkrevd|påkrevd/);
    const settingsRes = await lead.put('/api/settings/clock', { warningWeeks: [8, 8, 60], reason: 'Test' });
    expect(settingsRes.status).toBe(400);
    expect(settingsRes.body.error.fields).toHaveProperty('warningWeeks.2');
    expect(await database.db.select().from(stayExtensions).where(eq(stayExtensions.stayId, stayId))).toHaveLength(0);
    expect(await database.db.select().from(settings)).toHaveLength(0);
  });

  it('answer a rule refusal with 422 and an unknown stay or message with 404', async () => {
    const lead = await as('ext_lead');
    const refused = await lead.post(`/api/stays/${stayId}/extensions`, { newPlannedEndOn: '2027-02-01', reason: 'Kortere?' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'extension.not_later', fields: { newPlannedEndOn: expect.any(String) } });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await lead.get(`/api/stays/${unknown}/clock`)).status).toBe(404);
    expect((await lead.post(`/api/inbox/${unknown}/read`)).status).toBe(404);
  });

  it('extend as service lead (201), then the clock and the person show it', async () => {
    const lead = await as('ext_lead');
    const res = await lead.post(`/api/stays/${stayId}/extensions`, { newPlannedEndOn: '2027-03-31', reason: 'Har fått bolig fra 1. april.' });
    expect(res.status).toBe(201);
    const staff = await as('ext_staff');
    const clock = await staff.get(`/api/stays/${stayId}/clock`);
    expect(clock.status).toBe(200);
    expect(clock.body).toMatchObject({ plannedEndOn: '2027-03-31', coveredUntil: '2027-03-31', overdueWithoutExtension: false });
    expect((await staff.get(`/api/people/${personId}/stay-clock`)).body.stay.extensions).toHaveLength(1);
    expect((await staff.get('/api/inbox')).body).toEqual({ unreadCount: 0, messages: [] });
  });
});
