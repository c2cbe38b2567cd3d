import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { syntheticNationalId } from '../people/people.rules.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await buildTenant(database.db);
  for (const [username, role] of [
    ['ref_nav', 'nav_caseworker'],
    ['ref_nav2', 'nav_caseworker'],
    ['ref_staff', 'staff'],
    ['ref_housing', 'housing_office'],
  ] as const) {
    await buildUser(database.db, { tenantId: tenant.id, roles: [role], username, password });
  }
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00+01:00') });
});
afterAll(() => database.close());

async function as(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

const body = (overrides: Record<string, unknown> = {}) => ({
  applicant: { givenName: 'Rute', familyName: 'Henvist', birthDate: '1990-01-01', idType: 'fnr', nationalId: syntheticNationalId('1990-01-01', 612) },
  situation: 'evicted',
  previousStay: 'rough_sleeping',
  nowhereToSleepTonight: true,
  consentToShare: false,
  ...overrides,
});

const answers = {
  inTargetGroup: true,
  canSelfEvacuate: true,
  elderlyOrSickUnable: false,
  activeSubstanceDependence: false,
  justReleasedFromPrison: true,
  justDischargedFromInstitution: false,
};

describe('referral routes', () => {
  it('asks for login first', async () => {
    expect((await t.client().get('/api/referrals')).status).toBe(401);
    expect((await t.client().post('/api/referrals', body())).status).toBe(401);
  });

  it('answers bad input with 400 and Norwegian field messages, and registers nothing', async () => {
    const nav = await as('ref_nav');
    const res = await nav.post('/api/referrals', body({ applicant: { givenName: 'X', familyName: 'Y', birthDate: '01.01.1990', idType: 'fnr', nationalId: '12345678910' }, situation: 'other' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      'applicant.birthDate': 'Skriv datoen som dd.mm.åååå.',
      'applicant.nationalId': 'Kontrollsifrene stemmer ikke. Sjekk at nummeret er skrevet riktig.',
      situationOther: 'Beskriv situasjonen når du velger «Annet».',
    });
    expect((await nav.get('/api/referrals')).body).toEqual([]);
  });

  it('lets NAV refer and follow their own referral; another caseworker gets 404', async () => {
    const nav = await as('ref_nav');
    const created = await nav.post('/api/referrals', body());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'received', household: null, householdName: 'Rute Henvist' });
    const list = await nav.get('/api/referrals');
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
    expect((await nav.get(`/api/referrals/${created.body.id}`)).status).toBe(200);
    const other = await as('ref_nav2');
    expect((await other.get(`/api/referrals/${created.body.id}`)).status).toBe(404);
    expect((await other.get('/api/referrals')).body).toEqual([]);
  });

  it('refuses a role without referral access with 403', async () => {
    const housing = await as('ref_housing');
    expect((await housing.get('/api/referrals')).status).toBe(403);
    expect((await housing.post('/api/referrals', body())).status).toBe(403);
  });

  it('lets staff filter by status, screen, and refuses an unjustified exception with 422', async () => {
    const nav = await as('ref_nav');
    const created = await nav.post('/api/referrals', body({ applicant: { givenName: 'Skjerm', familyName: 'Rute', birthDate: '1985-01-01', idType: 'none' } }));
    const staff = await as('ref_staff');
    expect((await staff.get('/api/referrals?status=nonsense')).status).toBe(400);
    const url = `/api/referrals/${created.body.id}/screenings`;
    expect((await nav.post(url, { answers })).status).toBe(403);
    expect((await staff.post(url, { answers: { ...answers, canSelfEvacuate: 'kanskje' } })).status).toBe(400);
    const refused = await staff.post(url, { answers, proceedWithExceptions: true });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual({ justification: 'Skriv en begrunnelse for unntaket.' });
    const screened = await staff.post(url, { answers, proceedWithExceptions: true, justification: 'Avtale med friomsorgen' });
    expect(screened.status).toBe(201);
    expect(screened.body).toMatchObject({ result: 'needs_justification', exceptions: ['released_from_prison'] });
    const list = await staff.get(url);
    expect(list.body).toHaveLength(1);
    const screenedList = await staff.get('/api/referrals?status=screened');
    expect(screenedList.body.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
    const detail = await staff.get(`/api/referrals/${created.body.id}`);
    expect(detail.body.household.applicant).toMatchObject({ givenName: 'Skjerm', idType: 'none' });
    expect((await staff.get(`/api/referrals/00000000-0000-4000-8000-000000000000/screenings`)).status).toBe(404);
  });

  it('puts every referral route in the OpenAPI document', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/referrals'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/referrals/{id}'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/referrals/{id}/screenings'])).toEqual(expect.arrayContaining(['get', 'post']));
  });
});
