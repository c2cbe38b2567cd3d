import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { patrolRounds } from './patrols.tables.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let tenantId: string;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  await buildUser(database.db, { tenantId, roles: ['staff'], username: 'pt_staff', password });
  await buildUser(database.db, { tenantId, roles: ['service_lead'], username: 'pt_lead', password });
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], username: 'pt_nav', password });
  t = createTestApp(database, { now: () => new Date('2026-11-27T09:00:00+01:00') });
});
afterAll(() => database.close());

async function as(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

const round = { patrolledOn: '2026-11-27', patrolledTime: '02:10', guardName: 'Vekter Hansen' };

describe('patrol routes', () => {
  it('asks for login first and refuses NAV with 403', async () => {
    expect((await t.client().get('/api/patrols')).status).toBe(401);
    expect((await (await as('pt_nav')).get('/api/patrols')).status).toBe(403);
  });

  it('answers bad input with 400 and writes nothing', async () => {
    const res = await (await as('pt_staff')).post('/api/patrols', { ...round, guardName: '', patrolledOn: '27.11.2026' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['guardName', 'patrolledOn']);
    expect(await database.db.select().from(patrolRounds).where(eq(patrolRounds.tenantId, tenantId))).toHaveLength(0);
  });

  it('registers a round (201) and shows last night one round short (200)', async () => {
    const staff = await as('pt_staff');
    expect((await staff.post('/api/patrols', round)).status).toBe(201);
    const overview = await staff.get('/api/patrols');
    expect(overview.status).toBe(200);
    expect(overview.body.nightsWithMissingRounds[0]).toBe('2026-11-26');
  });

  it('lets the lead change the expected rounds (200), refuses staff (403) and a second change the same day (409)', async () => {
    const body = { expectedRounds: 3, reason: 'Tre runder i desember.', validFrom: '2026-12-01' };
    expect((await (await as('pt_staff')).put('/api/patrols/expected-rounds', body)).status).toBe(403);
    const lead = await as('pt_lead');
    expect((await lead.put('/api/patrols/expected-rounds', body)).status).toBe(200);
    expect((await lead.put('/api/patrols/expected-rounds', body)).status).toBe(409);
    expect((await lead.put('/api/patrols/expected-rounds', { ...body, expectedRounds: 0 })).status).toBe(400);
  });
});
