import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildPerson } from './people.factory.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let personId: string;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  const tenantId = (await buildTenant(database.db)).id;
  await buildUser(database.db, { tenantId, roles: ['staff'], username: 'timeline_staff', password });
  await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], username: 'timeline_nav', password });
  personId = (await buildPerson(database.db, { tenantId })).id;
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00Z') });
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

describe('timeline route', () => {
  it('asks for login, refuses NAV, checks the id, and answers staff', async () => {
    expect((await t.client().get(`/api/people/${personId}/timeline`)).status).toBe(401);
    expect((await (await loggedIn('timeline_nav')).get(`/api/people/${personId}/timeline`)).status).toBe(403);
    const staff = await loggedIn('timeline_staff');
    expect((await staff.get('/api/people/not-a-uuid/timeline')).status).toBe(400);
    expect((await staff.get('/api/people/00000000-0000-4000-8000-000000000000/timeline')).status).toBe(404);
    const res = await staff.get(`/api/people/${personId}/timeline`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ personId, events: [], hidden: [] });
  });
});
