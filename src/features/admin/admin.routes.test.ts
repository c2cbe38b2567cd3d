import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let adminId: string;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await buildTenant(database.db);
  adminId = (await buildUser(database.db, { tenantId: tenant.id, roles: ['admin'], username: 'route_admin', password })).id;
  await buildUser(database.db, { tenantId: tenant.id, roles: ['staff'], username: 'route_staff', password });
  t = createTestApp(database);
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

describe('admin routes', () => {
  it('asks for login first', async () => {
    const res = await t.client().get('/api/admin/users');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.unauthenticated');
  });

  it('refuses staff with 403, before looking at the input', async () => {
    const staff = await loggedIn('route_staff');
    expect((await staff.get('/api/admin/users')).status).toBe(403);
    const res = await staff.post('/api/admin/users', {});
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth.forbidden');
  });

  it('answers bad input with 400 and a Norwegian message per field, and creates nothing', async () => {
    const admin = await loggedIn('route_admin');
    const before = (await admin.get('/api/admin/users')).body.length;
    const res = await admin.post('/api/admin/users', { username: 'x y', displayName: '', roles: [], password: 'kort' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      username: 'Bruk bare små bokstaver a–z, tall, punktum, bindestrek og understrek.',
      displayName: 'Må fylles ut.',
      roles: 'Velg minst én rolle.',
      password: 'Passordet må ha minst 12 tegn.',
    });
    expect((await admin.get('/api/admin/users')).body).toHaveLength(before);
  });

  it('creates a user (201), then refuses the same username with 409 and a field message', async () => {
    const admin = await loggedIn('route_admin');
    const body = { username: 'rute.ny', displayName: 'Rute Ny', roles: ['staff'], password: 'et langt passord her' };
    const created = await admin.post('/api/admin/users', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'rute.ny', roles: ['staff'], hasPassword: true });
    expect(created.body).not.toHaveProperty('passwordHash');
    const again = await admin.post('/api/admin/users', { ...body, username: 'Rute.Ny' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'user.username_taken', fields: { username: 'Brukernavnet er allerede i bruk. Velg et annet.' } });
  });

  it('refuses self-deactivation with 422 and a message saying why', async () => {
    // The shared test client has no PATCH; log in and send it by hand.
    const login = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'route_admin', password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const res = await t.app.request(`/api/admin/users/${adminId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ isActive: false }),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'user.cannot_deactivate_self', message: expect.stringMatching(/egen bruker/) });
  });

  it('lists roles with their permissions', async () => {
    const admin = await loggedIn('route_admin');
    const res = await admin.get('/api/admin/roles');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'admin', permissions: expect.arrayContaining(['user:admin']) })]));
  });
});
