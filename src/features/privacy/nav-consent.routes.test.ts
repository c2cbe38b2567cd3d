import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { syntheticNationalId } from '../people/people.rules.ts';
import { referrals } from '../referrals/referrals.tables.ts';

// NAV caseworkers see their own referrals, and of what happened after the decision only what the
// resident consented to share (issue 8, point 1).

let database: Database;
let t: ReturnType<typeof createTestApp>;
let nav: ReturnType<ReturnType<typeof createTestApp>['client']>;
const password = 'nav-samtykke-test';

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const tenantId = (await buildTenant(database.db)).id;
  const user = await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], password });
  nav = t.client();
  await nav.login(user.username, password);
});
afterAll(() => database.close());

async function referAndCheckIn(consentToShare: boolean, individual: number) {
  const res = await nav.post('/api/referrals', {
    applicant: { givenName: 'Samtykke', familyName: consentToShare ? 'Ja' : 'Nei', birthDate: '1990-01-01', idType: 'fnr', nationalId: syntheticNationalId('1990-01-01', individual) },
    situation: 'evicted',
    previousStay: 'rough_sleeping',
    nowhereToSleepTonight: true,
    consentToShare,
    ...(consentToShare ? { consentScope: 'Boligsituasjon' } : {}),
  });
  expect(res.status).toBe(201);
  await database.db.update(referrals).set({ status: 'checked_in' }).where(eq(referrals.id, res.body.id));
  return res.body.id as string;
}

describe('what the referring NAV caseworker sees', () => {
  it('without consent: the decision (offered), not that the resident moved in', async () => {
    const id = await referAndCheckIn(false, 613);
    const one = await nav.get(`/api/referrals/${id}`);
    expect(one.body.status).toBe('offered');
    expect(one.body.history.map((h: { status: string }) => h.status)).not.toContain('checked_in');
    const list = await nav.get('/api/referrals');
    expect(list.body.find((r: { id: string }) => r.id === id).status).toBe('offered');
    expect((await nav.get('/api/referrals?status=checked_in')).body.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('with consent: that the resident moved in', async () => {
    const id = await referAndCheckIn(true, 614);
    expect((await nav.get(`/api/referrals/${id}`)).body.status).toBe('checked_in');
  });

  it('never the person register', async () => {
    for (const path of ['/api/people/search']) expect((await nav.post(path, { query: 'Samtykke' })).status).toBe(403);
  });
});
