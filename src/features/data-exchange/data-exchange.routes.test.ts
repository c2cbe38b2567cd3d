import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { exampleJsonFile } from './data-exchange.factory.ts';
import { readZip } from './data-exchange.zip.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  const tenantId = (await buildTenant(database.db)).id;
  await buildUser(database.db, { tenantId, roles: ['admin'], username: 'dx_admin', password });
  await buildUser(database.db, { tenantId, roles: ['staff'], username: 'dx_staff', password });
  await buildUser(database.db, { tenantId, roles: ['steering_group'], username: 'dx_steering', password });
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00Z') });
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

/** The session cookie of a user, for downloads the JSON client cannot read. */
async function cookieOf(username: string) {
  const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('data-exchange routes', () => {
  it('checks, then imports, the example file (200 with the report)', async () => {
    const admin = await loggedIn('dx_admin');
    const check = await admin.post('/api/data-exchange/import', { files: [exampleJsonFile()] });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ outcome: 'valid', dryRun: true, errors: [] });
    const run = await admin.post('/api/data-exchange/import', { dryRun: false, files: [exampleJsonFile()] });
    expect(run.status).toBe(200);
    expect(run.body.outcome).toBe('imported');
  });

  it('answers a bad file with the report (200, outcome invalid) and bad input with 400', async () => {
    const admin = await loggedIn('dx_admin');
    const bad = await admin.post('/api/data-exchange/import', { dryRun: false, files: [{ name: 'rooms.csv', content: 'id;houseId;name;capacity\nR9;H1;Ny;7\n' }] });
    expect(bad.status).toBe(200);
    expect(bad.body.outcome).toBe('invalid');
    expect(bad.body.errors).toContainEqual({ file: 'rooms.csv', entity: 'rooms', row: 2, column: 'capacity', message: 'Plasser må være 1 eller 2.' });
    expect((await admin.post('/api/data-exchange/import', { files: [] })).status).toBe(400);
  });

  it('refuses staff (403) and anonymous callers (401)', async () => {
    const staff = await loggedIn('dx_staff');
    expect((await staff.post('/api/data-exchange/import', { files: [exampleJsonFile()] })).status).toBe(403);
    expect((await staff.get('/api/data-exchange/export.json')).status).toBe(403);
    expect((await t.client().post('/api/data-exchange/import', { files: [exampleJsonFile()] })).status).toBe(401);
    const steering = await cookieOf('dx_steering');
    expect((await t.app.request('/api/data-exchange/export-pseudonymised.zip', { headers: { cookie: steering } })).status).toBe(403);
  });

  it('downloads the exports as attachments', async () => {
    const cookie = await cookieOf('dx_admin');
    const zip = await t.app.request('/api/data-exchange/export.zip', { headers: { cookie } });
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('content-disposition')).toBe('attachment; filename="bolignu-eksport-2026-11-26.zip"');
    expect(readZip(Buffer.from(await zip.arrayBuffer()))!.map((e) => e.name)).toContain('people.csv');
    const json = await t.app.request('/api/data-exchange/export.json', { headers: { cookie } });
    expect(json.status).toBe(200);
    expect((await json.json()) as unknown).toMatchObject({ format: 'bolig-nu/data-exchange', version: 1 });
    const pseudo = await t.app.request('/api/data-exchange/export-pseudonymised.zip', { headers: { cookie } });
    expect(pseudo.status).toBe(200);
  });
});
