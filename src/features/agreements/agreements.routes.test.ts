import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildPerson } from '../people/people.factory.ts';
import { agreements, houseRulesVersions } from './agreements.tables.ts';
import { buildHouseRules, buildStay } from './agreements.factory.ts';
import { seedAgreementTemplate } from './agreements.seed.ts';

const password = 'correct horse battery';
let database: Database;
let t: ReturnType<typeof createTestApp>;
let tenantId: string;
let stayId: string;
let longStayId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  for (const [username, role] of [
    ['agr_staff', 'staff'],
    ['agr_lead', 'service_lead'],
    ['agr_nav', 'nav_caseworker'],
    ['agr_styre', 'steering_group'],
  ]) {
    await buildUser(database.db, { tenantId, roles: [role!], username, password });
  }
  await buildHouseRules(database.db, { tenantId, version: 1, rules: ['Ro etter kl. 23.'] });
  await seedAgreementTemplate(database.db, tenantId, new Date('2026-10-01T10:00:00Z'));
  const house = await buildHouse(database.db, { tenantId });
  stayId = (await buildStay(database.db, { room: await buildRoom(database.db, { house }), person: await buildPerson(database.db, { tenantId, givenName: 'Øystein' }) })).id;
  longStayId = (
    await buildStay(database.db, {
      room: await buildRoom(database.db, { house }),
      person: await buildPerson(database.db, { tenantId }),
      startOn: '2026-11-02',
      plannedEndOn: '2027-03-01',
    })
  ).id;
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00+01:00') });
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

describe('house rules routes', () => {
  it('asks for login first', async () => {
    expect((await t.client().get('/api/house-rules')).status).toBe(401);
    expect((await t.client().post('/api/house-rules', { rules: ['X'] })).status).toBe(401);
  });

  it('answers bad input with 400 and a Norwegian message per field, and publishes nothing', async () => {
    const lead = await loggedIn('agr_lead');
    const empty = await lead.post('/api/house-rules', { rules: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual({ rules: 'Skriv minst én regel.' });
    const blank = await lead.post('/api/house-rules', { rules: ['Ok', ' '] });
    expect(blank.body.error.fields).toEqual({ 'rules.1': 'Må fylles ut.' });
    const tooMany = await lead.post('/api/house-rules', { rules: Array.from({ length: 41 }, (_, i) => `Regel ${i}`) });
    expect(tooMany.body.error.fields).toEqual({ rules: 'Høyst 40 regler.' });
    expect(await database.db.select().from(houseRulesVersions).where(eq(houseRulesVersions.tenantId, tenantId))).toHaveLength(1);
  });

  it('publishes for the lead (201), refuses staff (403), and shows every version', async () => {
    expect((await (await loggedIn('agr_staff')).post('/api/house-rules', { rules: ['Ny'] })).status).toBe(403);
    const lead = await loggedIn('agr_lead');
    const res = await lead.post('/api/house-rules', { rules: ['Ro etter kl. 23.', 'Ingen rusmidler i huset.'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 2 });
    const again = await lead.post('/api/house-rules', { rules: ['Ro etter kl. 23.', 'Ingen rusmidler i huset.'] });
    expect(again.status).toBe(422);
    const staff = await loggedIn('agr_staff');
    expect((await staff.get('/api/house-rules')).body.version).toBe(2);
    expect((await staff.get('/api/house-rules/versions')).body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await (await loggedIn('agr_nav')).get('/api/house-rules')).status).toBe(403);
  });
});

describe('agreement routes', () => {
  it('refuses the NAV caseworker and the steering group with 403', async () => {
    for (const user of ['agr_nav', 'agr_styre']) {
      const client = await loggedIn(user);
      expect((await client.get(`/api/stays/${stayId}/agreements`)).status).toBe(403);
      expect((await client.post(`/api/stays/${stayId}/agreements`)).status).toBe(403);
      expect((await client.get('/api/agreements')).status).toBe(403);
      expect((await client.get('/api/agreement-template')).status).toBe(403);
    }
  });

  it('refuses a period over three months with 422 and a Norwegian message', async () => {
    const res = await (await loggedIn('agr_staff')).post(`/api/stays/${longStayId}/agreements`);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'agreement.period_too_long', message: expect.stringMatching(/tre måneder/), meta: { latestEndOn: '2027-02-02' } });
  });

  it('creates, changes (new version), records signing, and serves the PDF', async () => {
    const staff = await loggedIn('agr_staff');
    const created = await staff.post(`/api/stays/${stayId}/agreements`);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, fromOn: '2026-11-02', toOn: '2027-01-02' });
    expect((await staff.post(`/api/stays/${stayId}/agreements`)).status).toBe(409);

    const bad = await staff.put(`/api/agreements/${created.body.id}`, { ...created.body.content, goals: [], followUpPlan: [{ what: 'Samtale', who: '', frequency: 'Ukentlig' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ goals: 'Skriv minst ett mål.', 'followUpPlan.0.who': 'Må fylles ut.' });
    expect(await database.db.select().from(agreements).where(eq(agreements.stayId, stayId))).toHaveLength(1);

    const changed = await staff.put(`/api/agreements/${created.body.id}`, { ...created.body.content, goals: ['Finne en hybel i sentrum.'] });
    expect(changed.status).toBe(201);
    expect(changed.body.version).toBe(2);
    expect((await staff.put(`/api/agreements/${created.body.id}`, { ...created.body.content, goals: ['Annet'] })).status).toBe(409);

    const badDate = await staff.post(`/api/agreements/${changed.body.id}/signed`, { signedOn: '26.11.2026' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.fields.signedOn).toBeDefined();
    const future = await staff.post(`/api/agreements/${changed.body.id}/signed`, { signedOn: '2026-11-27' });
    expect(future.status).toBe(422);
    expect(future.body.error.message).toBe('Signeringsdatoen kan ikke være fram i tid.');
    const signed = await staff.post(`/api/agreements/${changed.body.id}/signed`, { signedOn: '2026-11-26' });
    expect(signed.status).toBe(200);
    expect(signed.body.signedOn).toBe('2026-11-26');

    const all = await staff.get(`/api/stays/${stayId}/agreements`);
    expect(all.body.stay).toMatchObject({ id: stayId, residentName: expect.stringContaining('Øystein') });
    expect(all.body.agreements.map((a: { version: number; signedOn: string | null }) => [a.version, a.signedOn])).toEqual([
      [2, '2026-11-26'],
      [1, null],
    ]);
    const overview = await staff.get('/api/agreements');
    expect(overview.body).toEqual(expect.arrayContaining([expect.objectContaining({ stayId, version: 2, signedOn: '2026-11-26' })]));

    // The PDF is binary: fetch it with the raw app and the session cookie of a fresh login.
    const login = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agr_staff', password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const pdf = await t.app.request(`/api/agreements/${changed.body.id}/agreement.pdf`, { headers: { cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="bo-og-oppfolgingsavtale-v2.pdf"');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await (await loggedIn('agr_nav')).get(`/api/agreements/${changed.body.id}/agreement.pdf`)).status).toBe(403);
  });

  it('lets the lead save the template as a new version, and refuses staff', async () => {
    const lead = await loggedIn('agr_lead');
    const current = (await lead.get('/api/agreement-template')).body;
    expect(current.version).toBe(1);
    const saved = await lead.post('/api/agreement-template', { ...current.content, goals: ['Et nytt standardmål.'] });
    expect(saved.status).toBe(201);
    expect(saved.body.version).toBe(2);
    const bad = await lead.post('/api/agreement-template', { ...current.content, paymentTerms: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ paymentTerms: 'Må fylles ut.' });
    expect((await (await loggedIn('agr_staff')).post('/api/agreement-template', current.content)).status).toBe(403);
    expect((await lead.get('/api/agreement-template/versions')).body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });
});
