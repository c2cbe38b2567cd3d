import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { landlords, listings } from './housing-search.tables.ts';
import { buildApplication, buildLandlord, buildListing, buildNeeds } from './housing-search.factory.ts';
import { landlordInput, listingInput, listListingsQuery } from './housing-search.schema.ts';
import {
  createLandlord,
  createListing,
  getLandlordHistory,
  getListing,
  getListingSuggestions,
  listLandlords,
  listListings,
  setListingActive,
  updateLandlord,
  updateListing,
} from './housing-search.listings.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let housingOfficeId: string;
let navId: string;
let steeringId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  housingOfficeId = (await buildUser(database.db, { tenantId, roles: ['housing_office'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  steeringId = (await buildUser(database.db, { tenantId, roles: ['steering_group'] })).id;
});
afterAll(() => database.close());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const auditFor = (entityId: string) => database.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
const readsOf = (personId: string) =>
  database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.personId, personId), eq(auditEvents.kind, 'read')));
const listingCount = async (tenant: string) => (await database.db.select().from(listings).where(eq(listings.tenantId, tenant))).length;

const listing = (overrides: Record<string, unknown> = {}) =>
  listingInput.parse({ source: 'finn', url: 'https://www.finn.no/realestate/lettings/ad.html?finnkode=123', address: 'Storgata 12, 8006 Bodø', rent: '8 500', ...overrides });

describe('createListing', () => {
  it('registers a pasted link with the key fields, money in øre, and audits it without the address', async () => {
    const landlord = await buildLandlord(database.db, { tenantId });
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-26T09:00:00Z') });
    const created = await createListing(
      ctx,
      listing({ deposit: '25 500', sizeM2: '45', rooms: '2', furnished: true, availableFrom: '2026-12-15', landlordId: landlord.id, notes: 'Kjeller' }),
    );
    expect(created).toMatchObject({
      source: 'finn',
      url: 'https://www.finn.no/realestate/lettings/ad.html?finnkode=123',
      address: 'Storgata 12, 8006 Bodø',
      rentOre: 850_000,
      depositOre: 2_550_000,
      sizeM2: 45,
      rooms: 2,
      furnished: true,
      availableFrom: '2026-12-15',
      landlordId: landlord.id,
      landlordName: landlord.name,
      isActive: true,
      createdAt: '2026-11-26T09:00:00.000Z',
    });
    const [event] = await auditFor(created.id);
    expect(event).toMatchObject({ action: 'listing.create', actorUserId: staffId, tenantId, details: { source: 'finn', hasLink: true, hasLandlord: true } });
    expect(JSON.stringify(event!.details)).not.toContain('Storgata');
  });

  it("refuses a landlord of another municipality (not found, on the field) and writes nothing", async () => {
    const other = await buildLandlord(database.db, { tenantId: (await buildTenant(database.db)).id });
    const before = await listingCount(tenantId);
    const err = await rejection(createListing(await contextFor(database, staffId), listing({ landlordId: other.id })));
    expect(err.code).toBe('landlord.not_found');
    expect(err.status).toBe(404);
    expect(err.fields).toEqual({ landlordId: 'Fant ikke utleieren.' });
    expect(await listingCount(tenantId)).toBe(before);
  });

  it('refuses the housing office (read only), NAV and the steering group, and writes nothing', async () => {
    const before = await listingCount(tenantId);
    for (const userId of [housingOfficeId, navId, steeringId]) {
      const err = await rejection(createListing(await contextFor(database, userId), listing()));
      expect(err.code).toBe('auth.forbidden');
    }
    expect((await rejection(createListing(await contextFor(database, null), listing()))).status).toBe(401);
    expect(await listingCount(tenantId)).toBe(before);
  });
});

describe('updateListing and setListingActive', () => {
  it('changes a listing and names the changed fields in the audit row', async () => {
    const l = await buildListing(database.db, { tenantId, address: 'Sjøgata 3', rentOre: 800_000 });
    const updated = await updateListing(
      await contextFor(database, leadId),
      l.id,
      listing({ url: undefined, address: 'Sjøgata 3', rent: '7 900', rooms: '2', furnished: false, availableFrom: '2026-12-01' }),
    );
    expect(updated).toMatchObject({ rentOre: 790_000, address: 'Sjøgata 3' });
    expect((await auditFor(l.id))[0]).toMatchObject({ action: 'listing.update', details: { changed: ['rentOre'] } });
  });

  it('treats a listing of another municipality as not found and leaves it alone', async () => {
    const other = await buildListing(database.db, { tenantId: (await buildTenant(database.db)).id, rentOre: 500_000 });
    const err = await rejection(updateListing(await contextFor(database, staffId), other.id, listing()));
    expect(err.code).toBe('listing.not_found');
    expect((await database.db.select().from(listings).where(eq(listings.id, other.id)))[0]!.rentOre).toBe(500_000);
    expect((await rejection(getListing(await contextFor(database, staffId), other.id))).status).toBe(404);
  });

  it('marks a listing inactive (audited once) and active again', async () => {
    const l = await buildListing(database.db, { tenantId });
    const ctx = await contextFor(database, staffId);
    expect((await setListingActive(ctx, l.id, false)).isActive).toBe(false);
    expect((await setListingActive(ctx, l.id, false)).isActive).toBe(false);
    expect((await setListingActive(ctx, l.id, true)).isActive).toBe(true);
    expect((await auditFor(l.id)).map((e) => e.action)).toEqual(['listing.deactivate', 'listing.activate']);
    expect((await rejection(setListingActive(await contextFor(database, housingOfficeId), l.id, false))).status).toBe(403);
  });
});

describe('listListings', () => {
  it('filters by active, highest rent, rooms and furnished, newest first, and shows nothing of another municipality', async () => {
    const tenant = (await buildTenant(database.db)).id;
    const reader = (await buildUser(database.db, { tenantId: tenant, roles: ['housing_office'] })).id;
    const cheap = await buildListing(database.db, { tenantId: tenant, rentOre: 650_000, rooms: 1, furnished: true, createdAt: new Date('2026-11-01T10:00:00Z') });
    const family = await buildListing(database.db, { tenantId: tenant, rentOre: 1_200_000, rooms: 3, furnished: false, createdAt: new Date('2026-11-03T10:00:00Z') });
    const unknown = await buildListing(database.db, { tenantId: tenant, rentOre: 850_000, rooms: null, furnished: null, createdAt: new Date('2026-11-02T10:00:00Z') });
    const gone = await buildListing(database.db, { tenantId: tenant, rentOre: 700_000, isActive: false, createdAt: new Date('2026-11-04T10:00:00Z') });
    await buildListing(database.db, { tenantId });
    const ctx = await contextFor(database, reader);
    const ids = async (query: Record<string, string>) => (await listListings(ctx, listListingsQuery.parse(query))).map((l) => l.id);

    expect(await ids({})).toEqual([family.id, unknown.id, cheap.id]);
    expect(await ids({ active: 'inactive' })).toEqual([gone.id]);
    expect(await ids({ active: 'all' })).toEqual([gone.id, family.id, unknown.id, cheap.id]);
    expect(await ids({ maxRent: '8 500' })).toEqual([unknown.id, cheap.id]);
    expect(await ids({ minRooms: '2' })).toEqual([family.id]);
    expect(await ids({ minRooms: '1' })).toEqual([family.id, unknown.id, cheap.id]);
    expect(await ids({ furnished: 'yes' })).toEqual([cheap.id]);
    expect(await ids({ furnished: 'no', maxRent: '20000' })).toEqual([family.id]);
  });

  it('refuses NAV and the steering group', async () => {
    expect((await rejection(listListings(await contextFor(database, navId), listListingsQuery.parse({})))).code).toBe('auth.forbidden');
    expect((await rejection(listListings(await contextFor(database, steeringId), listListingsQuery.parse({})))).code).toBe('auth.forbidden');
  });
});

describe('getListingSuggestions', () => {
  it('suggests the current residents whose budget and needs fit, logs a read for each, and shows an application already made', async () => {
    const tenant = (await buildTenant(database.db)).id;
    const staff = (await buildUser(database.db, { tenantId: tenant, roles: ['staff'] })).id;
    const house = await buildHouse(database.db, { tenantId: tenant });
    const room = async (name: string, sortOrder: number) => buildRoom(database.db, { house, name, sortOrder, capacity: 2, takesCouples: true });
    const person = (givenName: string) => buildPerson(database.db, { tenantId: tenant, givenName, familyName: 'Test' });

    const fits = await person('Passer');
    const partner = await person('Partner');
    const tooPoor = await person('Forlite');
    const noNeeds = await person('Ukjent');
    const wantsFurniture = await person('Møbler');
    const leavesEarly = await person('Tidlig');
    const movedOut = await person('Flyttet');
    const notYet = await person('Kommer');

    await buildStay(database.db, { tenantId: tenant, roomId: (await room('H1', 1)).id, personId: fits.id, partnerPersonId: partner.id, startOn: '2026-11-01', plannedEndOn: '2027-02-01' });
    await buildStay(database.db, { tenantId: tenant, roomId: (await room('H2', 2)).id, personId: tooPoor.id, startOn: '2026-11-01', plannedEndOn: '2027-02-01' });
    await buildStay(database.db, { tenantId: tenant, roomId: (await room('H3', 3)).id, personId: noNeeds.id, startOn: '2026-11-01', plannedEndOn: '2027-02-01' });
    await buildStay(database.db, { tenantId: tenant, roomId: (await room('H4', 4)).id, personId: wantsFurniture.id, startOn: '2026-11-01', plannedEndOn: '2027-02-01' });
    await buildStay(database.db, { tenantId: tenant, roomId: (await room('H5', 5)).id, personId: leavesEarly.id, startOn: '2026-10-01', plannedEndOn: '2026-12-20' });
    const h6 = await room('H6', 6);
    await buildStay(database.db, { tenantId: tenant, roomId: h6.id, personId: movedOut.id, startOn: '2026-10-01', plannedEndOn: '2026-12-20', endOn: '2026-11-10' });
    await buildStay(database.db, { tenantId: tenant, roomId: (await room('H7', 7)).id, personId: notYet.id, startOn: '2026-12-01', plannedEndOn: '2027-03-01' });

    await buildNeeds(database.db, { tenantId: tenant, personId: fits.id, maxRentOre: 900_000, minRooms: 2 });
    await buildNeeds(database.db, { tenantId: tenant, personId: partner.id, maxRentOre: 850_000 });
    await buildNeeds(database.db, { tenantId: tenant, personId: tooPoor.id, maxRentOre: 700_000 });
    await buildNeeds(database.db, { tenantId: tenant, personId: wantsFurniture.id, maxRentOre: 1_000_000, needsFurnished: true });
    await buildNeeds(database.db, { tenantId: tenant, personId: leavesEarly.id, maxRentOre: 1_000_000 });
    await buildNeeds(database.db, { tenantId: tenant, personId: movedOut.id, maxRentOre: 1_000_000 });
    await buildNeeds(database.db, { tenantId: tenant, personId: notYet.id, maxRentOre: 1_000_000 });

    // Available from 10 January 2027: after the planned end of H5's stay (20 December), before H1's.
    const l = await buildListing(database.db, { tenantId: tenant, rentOre: 850_000, rooms: 2, furnished: false, availableFromOn: '2027-01-10' });
    const app = await buildApplication(database.db, { tenantId: tenant, personId: fits.id, listingId: l.id, status: 'viewing_booked' });

    const ctx = await contextFor(database, staff, { now: new Date('2026-11-26T10:00:00+01:00') });
    const suggestions = await getListingSuggestions(ctx, l.id);
    expect(suggestions).toEqual([
      {
        personId: fits.id,
        name: 'Passer Test',
        roomName: 'H1',
        plannedEndOn: '2027-02-01',
        maxRentOre: 900_000,
        minRooms: 2,
        needsFurnished: false,
        application: { id: app.id, status: 'viewing_booked' },
      },
      expect.objectContaining({ personId: partner.id, name: 'Partner Test', roomName: 'H1', application: null }),
    ]);
    for (const p of [fits, partner]) {
      expect(await readsOf(p.id)).toEqual([expect.objectContaining({ action: 'housing_search.suggestion', purpose: 'follow_up', actorUserId: staff })]);
    }
    for (const p of [tooPoor, noNeeds, wantsFurniture, leavesEarly, movedOut, notYet]) expect(await readsOf(p.id)).toEqual([]);

    // Past the planned end, the date to beat is today: H5 is overdue on 15 January and the listing is
    // free; H7 has moved in by then.
    const later = await getListingSuggestions(await contextFor(database, staff, { now: new Date('2027-01-15T10:00:00+01:00') }), l.id);
    expect(later.map((s) => s.name)).toEqual(['Passer Test', 'Partner Test', 'Tidlig Test', 'Kommer Test']);

    // An inactive listing fits nobody.
    await database.db.update(listings).set({ isActive: false }).where(eq(listings.id, l.id));
    expect(await getListingSuggestions(ctx, l.id)).toEqual([]);
  });

  it("refuses the housing office (suggestions name residents), NAV, and another municipality's listing", async () => {
    const l = await buildListing(database.db, { tenantId });
    expect((await rejection(getListingSuggestions(await contextFor(database, housingOfficeId), l.id))).status).toBe(403);
    expect((await rejection(getListingSuggestions(await contextFor(database, navId), l.id))).status).toBe(403);
    const other = await buildListing(database.db, { tenantId: (await buildTenant(database.db)).id });
    expect((await rejection(getListingSuggestions(await contextFor(database, staffId), other.id))).code).toBe('listing.not_found');
  });
});

describe('landlords', () => {
  it('registers and changes a landlord, auditing field names only', async () => {
    const ctx = await contextFor(database, staffId);
    const created = await createLandlord(ctx, landlordInput.parse({ name: 'Bodø Utleie AS', phone: '912 34 567', email: '', notes: '' }));
    expect(created).toMatchObject({ name: 'Bodø Utleie AS', phone: '912 34 567', email: null, activeListings: 0, applications: 0, signed: 0 });
    const updated = await updateLandlord(ctx, created.id, landlordInput.parse({ name: 'Bodø Utleie AS', phone: '912 34 567', email: 'post@utleie.no' }));
    expect(updated.email).toBe('post@utleie.no');
    expect((await auditFor(created.id)).map((e) => [e.action, e.details])).toEqual([
      ['landlord.create', null],
      ['landlord.update', { changed: ['email'] }],
    ]);
  });

  it('refuses the housing office a new landlord, and bad input never reaches the database', async () => {
    const before = (await database.db.select().from(landlords)).length;
    expect((await rejection(createLandlord(await contextFor(database, housingOfficeId), landlordInput.parse({ name: 'X' })))).status).toBe(403);
    expect(landlordInput.safeParse({ name: '', email: 'ikke-epost' }).error!.issues.map((i) => i.path.join('.'))).toEqual(['name', 'email']);
    expect((await database.db.select().from(landlords)).length).toBe(before);
  });

  it("shows a landlord's history: listings, applications through listings or directly, references, counts by outcome", async () => {
    const tenant = (await buildTenant(database.db)).id;
    const staff = (await buildUser(database.db, { tenantId: tenant, roles: ['staff'] })).id;
    const office = (await buildUser(database.db, { tenantId: tenant, roles: ['housing_office'] })).id;
    const landlord = await buildLandlord(database.db, { tenantId: tenant, name: 'Nordlys Eiendom' });
    const someoneElse = await buildLandlord(database.db, { tenantId: tenant });
    const l = await buildListing(database.db, { tenantId: tenant, landlordId: landlord.id });
    await buildListing(database.db, { tenantId: tenant, landlordId: landlord.id, isActive: false });
    const a = await buildPerson(database.db, { tenantId: tenant, givenName: 'Anne', familyName: 'A' });
    const b = await buildPerson(database.db, { tenantId: tenant, givenName: 'Bjørn', familyName: 'B' });
    await buildApplication(database.db, { tenantId: tenant, personId: a.id, listingId: l.id, status: 'signed', sentOn: '2026-11-02' });
    await buildApplication(database.db, { tenantId: tenant, personId: b.id, landlordId: landlord.id, status: 'refused', sentOn: '2026-11-05' });
    await buildApplication(database.db, { tenantId: tenant, personId: b.id, landlordId: landlord.id, status: 'sent', sentOn: '2026-11-20' });
    await buildApplication(database.db, { tenantId: tenant, personId: b.id, landlordId: someoneElse.id, status: 'sent' });
    const { referencesGiven } = await import('./housing-search.tables.ts');
    await database.db.insert(referencesGiven).values({ tenantId: tenant, personId: a.id, landlordId: landlord.id, givenOn: '2026-11-03', givenBy: staff, notes: 'Ryddig' });

    const history = await getLandlordHistory(await contextFor(database, staff), landlord.id);
    expect(history.landlord).toMatchObject({ name: 'Nordlys Eiendom', activeListings: 1, applications: 3, signed: 1 });
    expect(history.listings).toHaveLength(2);
    expect(history.applications.map((x) => [x.personName, x.status])).toEqual([
      ['Bjørn B', 'sent'],
      ['Bjørn B', 'refused'],
      ['Anne A', 'signed'],
    ]);
    expect(history.references).toEqual([expect.objectContaining({ personName: 'Anne A', givenOn: '2026-11-03', notes: 'Ryddig', givenByName: expect.any(String) })]);
    expect(history.countsByStatus).toEqual({ sent: 1, viewing_booked: 0, viewed: 0, offered: 0, signed: 1, refused: 1, withdrawn: 0 });
    expect(history.referencesCount).toBe(1);
    expect(history.showsResidents).toBe(true);
    expect((await readsOf(a.id)).map((r) => r.action)).toEqual(['housing_search.landlord_history']);
    expect((await readsOf(b.id)).map((r) => r.action)).toEqual(['housing_search.landlord_history']);

    // The housing office gets the counts, never the residents' names, and reads nobody's record.
    const officeView = await getLandlordHistory(await contextFor(database, office), landlord.id);
    expect(officeView).toMatchObject({ applications: [], references: [], showsResidents: false, referencesCount: 1 });
    expect(officeView.countsByStatus.signed).toBe(1);
    expect(await readsOf(a.id)).toHaveLength(1);

    expect((await listLandlords(await contextFor(database, office))).map((x) => x.name)).toEqual([someoneElse.name, 'Nordlys Eiendom'].sort());
    expect((await rejection(getLandlordHistory(await contextFor(database, staffId), landlord.id))).code).toBe('landlord.not_found');
    expect((await rejection(listLandlords(await contextFor(database, steeringId)))).status).toBe(403);
  });
});
