import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { accessGrants } from './privacy.tables.ts';
import { buildFormerResident } from './privacy.factory.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let personId: string;
const users: Record<string, string> = {};
const password = 'personvern-passord-test';

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00+01:00') });
  const tenantId = (await buildTenant(database.db)).id;
  for (const role of ['staff', 'service_lead', 'nav_caseworker']) users[role] = (await buildUser(database.db, { tenantId, roles: [role], password })).username;
  const staff = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  personId = (await buildFormerResident(database.db, { tenantId, staffId: staff, startOn: '2026-01-05', movedOutOn: '2026-03-10' })).person.id;
});
afterAll(() => database.close());

const as = async (role: string) => {
  const client = t.client();
  await client.login(users[role]!, password);
  return client;
};

describe('privacy routes', () => {
  it('answers a closed record with 403 and the code the page shows the break-the-glass dialog for', async () => {
    const res = await (await as('staff')).get(`/api/people/${personId}?purpose=follow_up`);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'privacy.record_closed', message: expect.stringContaining('Journalen er lukket') });
  });

  it('refuses breaking the glass without a reason (400) and changes nothing', async () => {
    const res = await (await as('staff')).post(`/api/people/${personId}/break-glass`, { reason: '  ' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['reason']);
    expect(await database.db.select().from(accessGrants).where(eq(accessGrants.personId, personId))).toEqual([]);
  });

  it('refuses NAV before reading the body (403)', async () => {
    expect((await (await as('nav_caseworker')).post(`/api/people/${personId}/break-glass`, { reason: 'x' })).status).toBe(403);
    expect((await (await as('nav_caseworker')).get(`/api/people/${personId}/data-export`)).status).toBe(403);
  });

  it('opens with a reason, then the record, the access log PDF and the JSON export answer', async () => {
    const staff = await as('staff');
    expect((await staff.post(`/api/people/${personId}/break-glass`, { reason: 'Ny henvisning fra NAV' })).status).toBe(201);
    expect((await staff.get(`/api/people/${personId}?purpose=follow_up`)).status).toBe(200);
    // The grant is the user's, not the session's: a new login of the same user sees the record too.
    const pdf = await t.app.request(`/api/people/${personId}/access-log.pdf`, { headers: { cookie: (await loginCookie('staff'))! } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const json = await staff.get(`/api/people/${personId}/data-export`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toMatch(/attachment; filename="innsyn-/);
    expect(json.body.sections.map((s: { key: string }) => s.key)).toEqual(['person', 'referrals', 'allocation', 'stays', 'agreements', 'journal', 'housing_search', 'aftercare', 'incidents', 'payments', 'external-accommodation', 'shift-log', 'access']);
  });
});

async function loginCookie(role: string) {
  const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: users[role], password }) });
  return res.headers.get('set-cookie')?.split(';')[0];
}
