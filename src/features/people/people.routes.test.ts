import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { syntheticNationalId } from './people.rules.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await buildTenant(database.db);
  await buildUser(database.db, { tenantId: tenant.id, roles: ['staff'], username: 'route_staff', password: 'correct horse battery' });
  await buildUser(database.db, { tenantId: tenant.id, roles: ['nav_caseworker'], username: 'route_nav', password: 'correct horse battery' });
  t = createTestApp(database);
});
afterAll(() => database.close());

describe('people routes', () => {
  it('asks for login first', async () => {
    const res = await t.client().post('/api/people/search', { query: 'Kari' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.unauthenticated');
  });

  it('answers bad input with 400 and Norwegian messages per field, and registers nothing', async () => {
    const staff = t.client();
    await staff.login('route_staff', 'correct horse battery');
    const res = await staff.post('/api/people', { givenName: '', familyName: 'Nordmann', idType: 'fnr', nationalId: '12345678910' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      givenName: 'Må fylles ut.',
      nationalId: 'Kontrollsifrene stemmer ikke. Sjekk at nummeret er skrevet riktig.',
    });
    expect((await staff.post('/api/people/search', { query: 'Nordmann' })).body).toEqual([]);
  });

  it('registers, then refuses the same number again with 409 and a link target', async () => {
    const staff = t.client();
    await staff.login('route_staff', 'correct horse battery');
    const body = { givenName: 'Ola', familyName: 'Rute', idType: 'fnr', nationalId: syntheticNationalId('1988-11-02', 345) };
    const created = await staff.post('/api/people', body);
    expect(created.status).toBe(201);
    const again = await staff.post('/api/people', body);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'person.duplicate_national_id', meta: { existingPersonId: created.body.id } });
  });

  it('refuses the NAV caseworker a person record with 403 and a clear message', async () => {
    const staff = t.client();
    await staff.login('route_staff', 'correct horse battery');
    const created = await staff.post('/api/people', { givenName: 'Per', familyName: 'Sperret', idType: 'none' });
    const nav = t.client();
    await nav.login('route_nav', 'correct horse battery');
    const res = await nav.get(`/api/people/${created.body.id}`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/ikke tilgang/);
  });

  it('answers in English when the browser prefers English', async () => {
    const res = await t.app.request('/api/people/search', { method: 'POST', headers: { 'accept-language': 'en-GB,en', 'content-type': 'application/json' }, body: '{}' });
    expect((await res.json()).error.message).toBe('You need to log in.');
  });
});
