import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { rotaAssignments } from './staffing.tables.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let tenantId: string;
let staffId: string;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], username: 'st_staff', password })).id;
  await buildUser(database.db, { tenantId, roles: ['service_lead'], username: 'st_lead', password });
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], username: 'st_nav', password });
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00+01:00') });
});
afterAll(() => database.close());

async function as(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

const period = { from: '2026-11-30', to: '2026-12-06' };
const assignments = () => database.db.select().from(rotaAssignments).where(eq(rotaAssignments.tenantId, tenantId));

describe('staffing routes', () => {
  it('asks for login first and refuses NAV with 403', async () => {
    expect((await t.client().get('/api/staffing/rota?from=2026-11-30&to=2026-12-06')).status).toBe(401);
    expect((await (await as('st_nav')).get('/api/staffing/rota?from=2026-11-30&to=2026-12-06')).status).toBe(403);
  });

  it('answers a bad period with 400', async () => {
    const res = await (await as('st_staff')).get('/api/staffing/rota?from=2026-12-06&to=2026-11-30');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['to']);
  });

  it('refuses staff generating (403); the lead generates (201) and staff read it with its warnings (200)', async () => {
    expect((await (await as('st_staff')).post('/api/staffing/rota/generate', period)).status).toBe(403);
    expect(await assignments()).toHaveLength(0);
    const generated = await (await as('st_lead')).post('/api/staffing/rota/generate', period);
    expect(generated.status).toBe(201);
    const rota = await (await as('st_staff')).get(`/api/staffing/rota?from=${period.from}&to=${period.to}`);
    expect(rota.status).toBe(200);
    expect(rota.body.days).toHaveLength(7);
    // Two people, one a weekend: the weekend shifts are short.
    expect(rota.body.warnings.length).toBeGreaterThan(0);
  });

  it('adds by hand (201), refuses a second shift that day (409), removes (200) and answers an unknown one with 404', async () => {
    const lead = await as('st_lead');
    await lead.delete('/api/staffing/assignments/00000000-0000-4000-8000-000000000000').then((r) => expect(r.status).toBe(404));
    const rows = await assignments();
    // Two people for three weekday places: both are on every weekday.
    const taken = rows.find((r) => r.userId === staffId && r.day === '2026-12-01')!;
    expect((await lead.delete(`/api/staffing/assignments/${taken.id}`)).status).toBe(200);
    const added = await lead.post('/api/staffing/assignments', { day: '2026-12-01', shift: 'evening', userId: staffId });
    expect(added.status).toBe(201);
    expect((await lead.post('/api/staffing/assignments', { day: '2026-12-01', shift: 'day', userId: staffId })).status).toBe(409);
  });

  it('moves someone to another weekend group (200) and answers group 5 with 400', async () => {
    const lead = await as('st_lead');
    expect((await lead.put(`/api/staffing/members/${staffId}/weekend-group`, { weekendGroup: 3 })).status).toBe(200);
    const bad = await lead.put(`/api/staffing/members/${staffId}/weekend-group`, { weekendGroup: 4 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['weekendGroup']);
  });

  it('reads the pattern (200) and lets only the lead change it', async () => {
    const pattern = { weekday: { day: 2, evening: 1, night: 0 }, weekend: { day: 2, evening: 1, night: 0 }, reason: 'Som før.', validFrom: '2026-12-01' };
    expect((await (await as('st_staff')).get('/api/staffing/pattern')).status).toBe(200);
    expect((await (await as('st_staff')).put('/api/staffing/pattern', pattern)).status).toBe(403);
    expect((await (await as('st_lead')).put('/api/staffing/pattern', pattern)).status).toBe(200);
  });
});
