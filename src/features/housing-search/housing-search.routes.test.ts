import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { listings } from './housing-search.tables.ts';
import { buildApplication, buildHelpApplication, buildListing, buildNeeds } from './housing-search.factory.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
let tenantId: string;
let personId: string;
const password = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  for (const [username, role] of [
    ['hs_staff', 'staff'],
    ['hs_office', 'housing_office'],
    ['hs_nav', 'nav_caseworker'],
    ['hs_styre', 'steering_group'],
  ] as const) {
    await buildUser(database.db, { tenantId, roles: [role], username, password });
  }
  personId = (await buildPerson(database.db, { tenantId, givenName: 'Rita', familyName: 'Rute' })).id;
  t = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00Z') });
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

describe('housing search routes', () => {
  it('asks for login first', async () => {
    for (const path of ['/api/listings', '/api/landlords', '/api/help-applications', `/api/people/${personId}/housing-search`]) {
      const res = await t.client().get(path);
      expect(res.status).toBe(401);
    }
  });

  it('refuses NAV and the steering group with 403', async () => {
    for (const user of ['hs_nav', 'hs_styre']) {
      const client = await loggedIn(user);
      expect((await client.get('/api/listings')).status).toBe(403);
      expect((await client.get(`/api/people/${personId}/housing-search`)).status).toBe(403);
      expect((await client.post('/api/listings', { source: 'finn', address: 'A', rent: '1' })).status).toBe(403);
    }
  });

  it('registers a listing typed in kroner and shows it, newest first, filtered by highest rent', async () => {
    const staff = await loggedIn('hs_staff');
    const res = await staff.post('/api/listings', {
      source: 'facebook_group',
      url: 'https://www.facebook.com/groups/bodo.utleie/posts/1',
      address: 'Dronningens gate 20',
      rent: '8 500',
      deposit: '25500',
      rooms: '2',
      furnished: true,
      availableFrom: '2026-12-01',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rentOre: 850_000, depositOre: 2_550_000, rooms: 2, furnished: true, isActive: true });
    const cheap = await staff.get('/api/listings?maxRent=8000');
    expect(cheap.body.map((l: { id: string }) => l.id)).not.toContain(res.body.id);
    const fits = await staff.get('/api/listings?maxRent=8%20500&minRooms=2&furnished=yes');
    expect(fits.body.map((l: { id: string }) => l.id)).toContain(res.body.id);
  });

  it('answers bad input with 400 and a Norwegian message per field, and stores nothing', async () => {
    const before = (await database.db.select().from(listings).where(eq(listings.tenantId, tenantId))).length;
    const res = await (await loggedIn('hs_staff')).post('/api/listings', { source: 'finn', url: 'file:///etc/passwd', address: '', rent: '-8 500', rooms: 'to' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      url: 'Skriv en nettadresse som begynner med https:// eller http://.',
      address: 'Må fylles ut.',
      rent: 'Beløpet kan ikke være negativt.',
      rooms: 'Skriv et helt tall.',
    });
    expect((await database.db.select().from(listings).where(eq(listings.tenantId, tenantId))).length).toBe(before);
    const absurd = await (await loggedIn('hs_staff')).post('/api/listings', { source: 'finn', address: 'A', rent: '85000000' });
    expect(absurd.body.error.fields.rent).toBe('Beløpet er urimelig stort (høyst 100\u00a0000 kr). Sjekk at det er skrevet riktig.');
  });

  it('refuses an impossible status change with 422 and a Norwegian message', async () => {
    const app = await buildApplication(database.db, { tenantId, personId, status: 'signed' });
    const res = await (await loggedIn('hs_staff')).post(`/api/housing-applications/${app.id}/status`, { status: 'withdrawn' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'housing_application.impossible_transition', message: expect.stringMatching(/avsluttet/), meta: { from: 'signed', to: 'withdrawn' } });
    const bad = await (await loggedIn('hs_staff')).post(`/api/housing-applications/${app.id}/status`, { status: 'moved_in' });
    expect(bad.status).toBe(400);
  });

  it('refuses a second open application for the same listing with 409', async () => {
    const l = await buildListing(database.db, { tenantId });
    const staff = await loggedIn('hs_staff');
    expect((await staff.post(`/api/people/${personId}/housing-applications`, { listingId: l.id, sentOn: '2026-11-26' })).status).toBe(201);
    const again = await staff.post(`/api/people/${personId}/housing-applications`, { listingId: l.id, sentOn: '2026-11-26' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/allerede en åpen søknad/);
  });

  it('shows suggestions to staff, and refuses them to the housing office', async () => {
    const house = await buildHouse(database.db, { tenantId });
    const room = await buildRoom(database.db, { house });
    const resident = await buildPerson(database.db, { tenantId, givenName: 'Sofie', familyName: 'Søker' });
    await buildStay(database.db, { tenantId, roomId: room.id, personId: resident.id, startOn: '2026-11-10', plannedEndOn: '2027-02-10' });
    await buildNeeds(database.db, { tenantId, personId: resident.id, maxRentOre: 900_000 });
    const l = await buildListing(database.db, { tenantId, rentOre: 850_000 });
    const res = await (await loggedIn('hs_staff')).get(`/api/listings/${l.id}/suggestions`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([expect.objectContaining({ personId: resident.id, name: 'Sofie Søker', application: null })]);
    expect((await (await loggedIn('hs_office')).get(`/api/listings/${l.id}/suggestions`)).status).toBe(403);
  });

  it("gives the housing office municipal-housing applications only, and lets it read listings but not write", async () => {
    await buildHelpApplication(database.db, { tenantId, personId, kind: 'municipal_housing' });
    await buildHelpApplication(database.db, { tenantId, personId, kind: 'housing_allowance' });
    const office = await loggedIn('hs_office');
    const list = await office.get('/api/help-applications');
    expect(list.status).toBe(200);
    expect(list.body.map((h: { kind: string }) => h.kind)).toEqual(['municipal_housing']);
    const person = await office.get(`/api/people/${personId}/housing-search`);
    expect(person.body).toMatchObject({ complete: false, applications: [], needs: null });
    expect(person.body.helpApplications.map((h: { kind: string }) => h.kind)).toEqual(['municipal_housing']);
    expect((await office.get('/api/listings')).status).toBe(200);
    expect((await office.post('/api/landlords', { name: 'X' })).status).toBe(403);
    const staff = await loggedIn('hs_staff');
    expect((await staff.get('/api/help-applications')).body.map((h: { kind: string }) => h.kind).sort()).toEqual(['housing_allowance', 'municipal_housing']);
  });

  it('answers 404 for an unknown listing and a person of another municipality', async () => {
    const staff = await loggedIn('hs_staff');
    expect((await staff.get('/api/listings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const stranger = await buildPerson(database.db, { tenantId: (await buildTenant(database.db)).id });
    expect((await staff.get(`/api/people/${stranger.id}/housing-search`)).status).toBe(404);
  });
});
