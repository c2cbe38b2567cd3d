import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from '../people/people.factory.ts';
import { helpApplications, housingApplications, housingNeeds, referencesGiven, viewings } from './housing-search.tables.ts';
import { buildApplication, buildHelpApplication, buildLandlord, buildListing, buildNeeds } from './housing-search.factory.ts';
import {
  helpApplicationInput,
  housingApplicationInput,
  housingNeedsInput,
  listHelpApplicationsQuery,
  referenceInput,
  updateHelpApplicationInput,
  viewingInput,
} from './housing-search.schema.ts';
import {
  addReference,
  addViewing,
  changeApplicationStatus,
  createHousingApplication,
  getHousingSearch,
  recordViewingOutcome,
  saveHousingNeeds,
} from './housing-search.residents.service.ts';
import { createHelpApplication, listHelpApplications, updateHelpApplication } from './housing-search.help.service.ts';

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
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], displayName: 'Siri Ansatt' })).id;
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

const person = () => buildPerson(database.db, { tenantId });
const auditFor = (entityId: string) => database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.kind, 'write')));
const readsOf = (personId: string) =>
  database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.personId, personId), eq(auditEvents.kind, 'read')));
const applicationRow = async (id: string) => (await database.db.select().from(housingApplications).where(eq(housingApplications.id, id)))[0]!;
const applicationsOf = (personId: string) => database.db.select().from(housingApplications).where(eq(housingApplications.personId, personId));

describe('getHousingSearch', () => {
  it("gives staff the resident's whole housing search and logs the read with purpose follow-up", async () => {
    const p = await person();
    const landlord = await buildLandlord(database.db, { tenantId, name: 'Havblikk AS' });
    const l = await buildListing(database.db, { tenantId, landlordId: landlord.id, address: 'Havnegata 4' });
    await buildNeeds(database.db, { tenantId, personId: p.id, maxRentOre: 800_000, minRooms: 1, needsFurnished: true, notes: 'Nær bussen' });
    const app = await buildApplication(database.db, { tenantId, personId: p.id, listingId: l.id, address: null, sentOn: '2026-11-21' });
    await database.db.insert(viewings).values({ tenantId, applicationId: app.id, at: new Date('2026-11-28T13:00:00Z'), staffAccompanies: true });
    await database.db.insert(referencesGiven).values({ tenantId, personId: p.id, landlordId: landlord.id, givenOn: '2026-11-22', givenBy: staffId });
    await buildHelpApplication(database.db, { tenantId, personId: p.id, kind: 'municipal_housing' });
    await buildHelpApplication(database.db, { tenantId, personId: p.id, kind: 'deposit_guarantee', amountOre: 2_550_000 });

    const result = await getHousingSearch(await contextFor(database, staffId), p.id);
    expect(result).toMatchObject({
      personId: p.id,
      complete: true,
      needs: { maxRentOre: 800_000, minRooms: 1, needsFurnished: true, notes: 'Nær bussen' },
      applications: [
        {
          id: app.id,
          listingId: l.id,
          landlordId: landlord.id,
          landlordName: 'Havblikk AS',
          address: 'Havnegata 4',
          status: 'sent',
          sentOn: '2026-11-21',
          viewings: [{ at: '2026-11-28T13:00:00.000Z', staffAccompanies: true, outcome: null }],
        },
      ],
      references: [{ landlordName: 'Havblikk AS', givenOn: '2026-11-22', givenByName: 'Siri Ansatt' }],
    });
    expect(result.helpApplications.map((h) => h.kind).sort()).toEqual(['deposit_guarantee', 'municipal_housing']);
    expect(await readsOf(p.id)).toEqual([expect.objectContaining({ action: 'housing_search.read', purpose: 'follow_up', actorUserId: staffId })]);
  });

  it("gives the housing office only the person's municipal-housing applications, and logs that read too", async () => {
    const p = await person();
    await buildNeeds(database.db, { tenantId, personId: p.id });
    await buildApplication(database.db, { tenantId, personId: p.id });
    const municipal = await buildHelpApplication(database.db, { tenantId, personId: p.id, kind: 'municipal_housing' });
    for (const kind of ['deposit_guarantee', 'startup_grant', 'financial_assistance', 'housing_allowance', 'startup_loan'] as const) {
      await buildHelpApplication(database.db, { tenantId, personId: p.id, kind });
    }
    const result = await getHousingSearch(await contextFor(database, housingOfficeId), p.id);
    expect(result).toMatchObject({ complete: false, needs: null, applications: [], references: [] });
    expect(result.helpApplications.map((h) => h.id)).toEqual([municipal.id]);
    expect(await readsOf(p.id)).toEqual([expect.objectContaining({ action: 'housing_search.read', actorUserId: housingOfficeId })]);
  });

  it('refuses NAV and the steering group, and treats a person of another municipality as not found (nothing logged)', async () => {
    const p = await person();
    expect((await rejection(getHousingSearch(await contextFor(database, navId), p.id))).code).toBe('auth.forbidden');
    expect((await rejection(getHousingSearch(await contextFor(database, steeringId), p.id))).code).toBe('auth.forbidden');
    const stranger = await buildPerson(database.db, { tenantId: (await buildTenant(database.db)).id });
    expect((await rejection(getHousingSearch(await contextFor(database, staffId), stranger.id))).code).toBe('person.not_found');
    expect(await readsOf(p.id)).toEqual([]);
    expect(await readsOf(stranger.id)).toEqual([]);
  });
});

describe('saveHousingNeeds', () => {
  it('records needs, then changes them; the audit rows name the fields, never the amounts', async () => {
    const p = await person();
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-26T09:00:00Z') });
    const first = await saveHousingNeeds(ctx, p.id, housingNeedsInput.parse({ maxRent: '8 500', minRooms: '1', needsFurnished: true, notes: '' }));
    expect(first).toEqual({ maxRentOre: 850_000, minRooms: 1, needsFurnished: true, notes: null, updatedAt: '2026-11-26T09:00:00.000Z' });
    const second = await saveHousingNeeds(ctx, p.id, housingNeedsInput.parse({ maxRent: '9000', minRooms: '1', needsFurnished: true }));
    expect(second.maxRentOre).toBe(900_000);
    expect(await database.db.select().from(housingNeeds).where(eq(housingNeeds.personId, p.id))).toHaveLength(1);
    expect((await auditFor(p.id)).map((e) => [e.action, e.details])).toEqual([
      ['housing_needs.update', { changed: ['maxRentOre', 'minRooms', 'needsFurnished', 'notes'] }],
      ['housing_needs.update', { changed: ['maxRentOre'] }],
    ]);
    expect(JSON.stringify((await auditFor(p.id)).map((e) => e.details))).not.toContain('850000');
  });

  it('the shared schema refuses a negative or absurd budget, so nothing reaches the service', () => {
    expect(housingNeedsInput.safeParse({ maxRent: '-100' }).error!.issues[0]).toMatchObject({ path: ['maxRent'], message: 'housingSearch.validation.moneyNegative' });
    expect(housingNeedsInput.safeParse({ maxRent: '850000000' }).error!.issues[0]).toMatchObject({ message: 'housingSearch.validation.moneyTooLarge' });
    expect(housingNeedsInput.safeParse({ maxRent: 'åtte tusen' }).error!.issues[0]).toMatchObject({ message: 'housingSearch.validation.money' });
    expect(housingNeedsInput.parse({ maxRent: '', minRooms: '' })).toEqual({ needsFurnished: false });
  });

  it('refuses the housing office and NAV, and writes nothing', async () => {
    const p = await person();
    for (const userId of [housingOfficeId, navId, steeringId]) {
      expect((await rejection(saveHousingNeeds(await contextFor(database, userId), p.id, housingNeedsInput.parse({ maxRent: '8000' })))).status).toBe(403);
    }
    expect(await database.db.select().from(housingNeeds).where(eq(housingNeeds.personId, p.id))).toEqual([]);
  });
});

describe('createHousingApplication', () => {
  it("registers an application from a listing as sent, with the listing's landlord, and audits it", async () => {
    const p = await person();
    const landlord = await buildLandlord(database.db, { tenantId });
    const l = await buildListing(database.db, { tenantId, landlordId: landlord.id, address: 'Kirkegata 7' });
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-26T11:00:00Z') });
    const app = await createHousingApplication(ctx, p.id, housingApplicationInput.parse({ listingId: l.id, sentOn: '2026-11-26' }));
    expect(app).toMatchObject({ personId: p.id, listingId: l.id, landlordId: landlord.id, address: 'Kirkegata 7', status: 'sent', statusChangedAt: '2026-11-26T11:00:00.000Z', viewings: [] });
    expect((await applicationRow(app.id)).createdBy).toBe(staffId);
    expect(await auditFor(app.id)).toEqual([
      expect.objectContaining({ action: 'housing_application.create', personId: p.id, purpose: 'follow_up', details: { fromListing: true, hasLandlord: true } }),
    ]);
  });

  it('refuses a second open application for the same listing (409), but allows a new one after a withdrawal', async () => {
    const p = await person();
    const l = await buildListing(database.db, { tenantId });
    const ctx = await contextFor(database, staffId);
    const input = housingApplicationInput.parse({ listingId: l.id, sentOn: '2026-11-26' });
    const first = await createHousingApplication(ctx, p.id, input);
    const err = await rejection(createHousingApplication(ctx, p.id, input));
    expect(err.code).toBe('housing_application.duplicate');
    expect(err.status).toBe(409);
    expect(await applicationsOf(p.id)).toHaveLength(1);
    await changeApplicationStatus(ctx, first.id, 'withdrawn');
    await createHousingApplication(ctx, p.id, input);
    expect(await applicationsOf(p.id)).toHaveLength(2);
  });

  it('registers an application sent directly to a landlord or an address', async () => {
    const p = await person();
    const landlord = await buildLandlord(database.db, { tenantId, name: 'Privat utleier Hansen' });
    const ctx = await contextFor(database, staffId);
    const toLandlord = await createHousingApplication(ctx, p.id, housingApplicationInput.parse({ landlordId: landlord.id, address: 'Prinsens gate 2', sentOn: '2026-11-25', notes: 'Ringte først' }));
    expect(toLandlord).toMatchObject({ listingId: null, landlordName: 'Privat utleier Hansen', address: 'Prinsens gate 2', notes: 'Ringte først' });
    const toAddress = await createHousingApplication(ctx, p.id, housingApplicationInput.parse({ address: 'Torvgata 9', sentOn: '2026-11-25' }));
    expect(toAddress).toMatchObject({ landlordId: null, address: 'Torvgata 9' });
  });

  it('refuses bad input before anything is written, and listings or people of another municipality as not found', async () => {
    expect(housingApplicationInput.safeParse({ address: 'Torvgata 1', sentOn: '26.11.2026' }).error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
      'sentOn',
      'validation.invalidDate',
    ]);
    expect(housingApplicationInput.safeParse({ sentOn: '2026-11-26' }).error!.issues[0]).toMatchObject({ path: ['address'], message: 'housingSearch.validation.applicationTarget' });
    const p = await person();
    const otherTenant = (await buildTenant(database.db)).id;
    const foreignListing = await buildListing(database.db, { tenantId: otherTenant });
    const ctx = await contextFor(database, staffId);
    expect((await rejection(createHousingApplication(ctx, p.id, housingApplicationInput.parse({ listingId: foreignListing.id, sentOn: '2026-11-26' })))).code).toBe('listing.not_found');
    const stranger = await buildPerson(database.db, { tenantId: otherTenant });
    expect((await rejection(createHousingApplication(ctx, stranger.id, housingApplicationInput.parse({ address: 'X', sentOn: '2026-11-26' })))).code).toBe('person.not_found');
    expect((await rejection(createHousingApplication(await contextFor(database, housingOfficeId), p.id, housingApplicationInput.parse({ address: 'X', sentOn: '2026-11-26' })))).status).toBe(403);
    expect(await applicationsOf(p.id)).toEqual([]);
    expect(await applicationsOf(stranger.id)).toEqual([]);
  });
});

describe('changeApplicationStatus', () => {
  it('walks sent → viewing booked → viewed → offered → signed, each step audited with from and to', async () => {
    const p = await person();
    const app = await buildApplication(database.db, { tenantId, personId: p.id });
    const steps = ['viewing_booked', 'viewed', 'offered', 'signed'] as const;
    for (const [i, status] of steps.entries()) {
      const ctx = await contextFor(database, i % 2 ? leadId : staffId, { now: new Date(Date.UTC(2026, 10, 27 + i, 10)) });
      const result = await changeApplicationStatus(ctx, app.id, status);
      expect(result).toMatchObject({ status, statusChangedAt: new Date(Date.UTC(2026, 10, 27 + i, 10)).toISOString() });
    }
    expect((await auditFor(app.id)).map((e) => e.details)).toEqual([
      { from: 'sent', to: 'viewing_booked' },
      { from: 'viewing_booked', to: 'viewed' },
      { from: 'viewed', to: 'offered' },
      { from: 'offered', to: 'signed' },
    ]);
  });

  it('refuses impossible steps with 422 and changes nothing', async () => {
    const p = await person();
    const ctx = await contextFor(database, staffId);
    const cases: [string, string, string][] = [
      ['signed', 'withdrawn', 'housing_application.impossible_transition'],
      ['refused', 'sent', 'housing_application.impossible_transition'],
      ['withdrawn', 'offered', 'housing_application.impossible_transition'],
      ['sent', 'signed', 'housing_application.impossible_transition'],
      ['viewing_booked', 'sent', 'housing_application.impossible_transition'],
      ['offered', 'offered', 'housing_application.status_unchanged'],
    ];
    for (const [from, to, code] of cases) {
      const app = await buildApplication(database.db, { tenantId, personId: p.id, status: from as never });
      const err = await rejection(changeApplicationStatus(ctx, app.id, to as never));
      expect([from, to, err.code, err.status]).toEqual([from, to, code, 422]);
      const row = await applicationRow(app.id);
      expect(row.status).toBe(from);
      expect(row.statusChangedAt).toEqual(app.statusChangedAt);
      expect(await auditFor(app.id)).toEqual([]);
    }
  });

  it("refuses the housing office, and another municipality's application is not found", async () => {
    const p = await person();
    const app = await buildApplication(database.db, { tenantId, personId: p.id });
    expect((await rejection(changeApplicationStatus(await contextFor(database, housingOfficeId), app.id, 'viewing_booked'))).status).toBe(403);
    const otherTenant = (await buildTenant(database.db)).id;
    const foreign = await buildApplication(database.db, { tenantId: otherTenant, personId: (await buildPerson(database.db, { tenantId: otherTenant })).id });
    expect((await rejection(changeApplicationStatus(await contextFor(database, staffId), foreign.id, 'viewing_booked'))).code).toBe('housing_application.not_found');
    expect((await applicationRow(app.id)).status).toBe('sent');
  });
});

describe('viewings', () => {
  it('books a viewing (Oslo time; the application moves to viewing booked), then records its outcome (viewed)', async () => {
    const p = await person();
    const app = await buildApplication(database.db, { tenantId, personId: p.id });
    const ctx = await contextFor(database, staffId);
    const booked = await addViewing(ctx, app.id, viewingInput.parse({ date: '2026-12-03', time: '14:30', staffAccompanies: true }));
    expect(booked.status).toBe('viewing_booked');
    expect(booked.viewings).toEqual([{ id: expect.any(String), at: '2026-12-03T13:30:00.000Z', staffAccompanies: true, outcome: null }]);
    const viewed = await recordViewingOutcome(ctx, booked.viewings[0]!.id, 'Likte leiligheten; utleier ringer fredag.');
    expect(viewed).toMatchObject({ status: 'viewed', viewings: [{ outcome: 'Likte leiligheten; utleier ringer fredag.' }] });
    expect((await auditFor(app.id)).map((e) => e.details)).toEqual([
      { from: 'sent', to: 'viewing_booked', via: 'viewing' },
      { from: 'viewing_booked', to: 'viewed', via: 'viewing' },
    ]);
    expect((await auditFor(booked.viewings[0]!.id)).map((e) => e.action)).toEqual(['viewing.create', 'viewing.outcome']);
  });

  it('a viewing registered afterwards with its outcome moves a sent application straight to viewed; an offered one stays', async () => {
    const p = await person();
    const ctx = await contextFor(database, staffId);
    const sent = await buildApplication(database.db, { tenantId, personId: p.id });
    expect((await addViewing(ctx, sent.id, viewingInput.parse({ date: '2026-11-25', time: '9.15', outcome: 'Gikk fint' }))).status).toBe('viewed');
    const offered = await buildApplication(database.db, { tenantId, personId: p.id, status: 'offered' });
    expect((await addViewing(ctx, offered.id, viewingInput.parse({ date: '2026-11-30', time: '10:00' }))).status).toBe('offered');
  });

  it('refuses a viewing on a closed application (422) and bad times; nothing is written', async () => {
    const p = await person();
    const app = await buildApplication(database.db, { tenantId, personId: p.id, status: 'refused' });
    const err = await rejection(addViewing(await contextFor(database, staffId), app.id, viewingInput.parse({ date: '2026-12-03', time: '14:30' })));
    expect([err.code, err.status]).toEqual(['housing_application.closed', 422]);
    expect(viewingInput.safeParse({ date: '2026-12-03', time: '25:00' }).error!.issues[0]).toMatchObject({ path: ['time'], message: 'housingSearch.validation.time' });
    expect((await rejection(addViewing(await contextFor(database, navId), app.id, viewingInput.parse({ date: '2026-12-03', time: '14:30' })))).status).toBe(403);
    expect(await database.db.select().from(viewings).where(eq(viewings.applicationId, app.id))).toEqual([]);
  });
});

describe('addReference', () => {
  it("records a reference by the user, to the landlord of the application it was for", async () => {
    const p = await person();
    const landlord = await buildLandlord(database.db, { tenantId, name: 'Sentrum Bolig' });
    const app = await buildApplication(database.db, { tenantId, personId: p.id, landlordId: landlord.id });
    const ref = await addReference(await contextFor(database, staffId), p.id, referenceInput.parse({ applicationId: app.id, givenOn: '2026-11-24', notes: 'Muntlig, på telefon' }));
    expect(ref).toMatchObject({ landlordId: landlord.id, landlordName: 'Sentrum Bolig', applicationId: app.id, givenOn: '2026-11-24', givenByName: 'Siri Ansatt', notes: 'Muntlig, på telefon' });
    expect(await auditFor(ref.id)).toEqual([expect.objectContaining({ action: 'reference.create', personId: p.id, details: { hasLandlord: true, hasApplication: true } })]);
  });

  it("refuses another resident's application, a missing landlord, and the housing office; nothing is written", async () => {
    const p = await person();
    const other = await person();
    const app = await buildApplication(database.db, { tenantId, personId: other.id });
    const ctx = await contextFor(database, staffId);
    const err = await rejection(addReference(ctx, p.id, referenceInput.parse({ applicationId: app.id, givenOn: '2026-11-24' })));
    expect([err.code, Object.keys(err.fields ?? {})]).toEqual(['housing_application.not_found', ['applicationId']]);
    expect(referenceInput.safeParse({ givenOn: '2026-11-24' }).error!.issues[0]).toMatchObject({ path: ['landlordId'], message: 'housingSearch.validation.referenceLandlord' });
    const foreignLandlord = await buildLandlord(database.db, { tenantId: (await buildTenant(database.db)).id });
    expect((await rejection(addReference(ctx, p.id, referenceInput.parse({ landlordId: foreignLandlord.id, givenOn: '2026-11-24' })))).code).toBe('landlord.not_found');
    expect((await rejection(addReference(await contextFor(database, housingOfficeId), p.id, referenceInput.parse({ landlordId: foreignLandlord.id, givenOn: '2026-11-24' })))).status).toBe(403);
    expect(await database.db.select().from(referencesGiven).where(eq(referencesGiven.personId, p.id))).toEqual([]);
  });
});

describe('applications for help', () => {
  it('registers a NAV deposit guarantee as sent, then records the decision; the audit names the changed fields', async () => {
    const p = await person();
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-26T09:00:00Z') });
    const created = await createHelpApplication(ctx, p.id, helpApplicationInput.parse({ kind: 'deposit_guarantee', status: 'sent', appliedOn: '2026-11-20', amount: '25 500' }));
    expect(created).toMatchObject({ personId: p.id, kind: 'deposit_guarantee', status: 'sent', appliedOn: '2026-11-20', decidedOn: null, amountOre: 2_550_000, createdAt: '2026-11-26T09:00:00.000Z' });
    const decided = await updateHelpApplication(ctx, created.id, updateHelpApplicationInput.parse({ status: 'partly_granted', appliedOn: '2026-11-20', decidedOn: '2026-11-25', amount: '20 000' }));
    expect(decided).toMatchObject({ status: 'partly_granted', decidedOn: '2026-11-25', amountOre: 2_000_000, kind: 'deposit_guarantee' });
    expect((await auditFor(created.id)).map((e) => [e.action, e.details])).toEqual([
      ['help_application.create', { kind: 'deposit_guarantee', status: 'sent' }],
      ['help_application.update', { kind: 'deposit_guarantee', changed: ['status', 'decidedOn', 'amountOre'], from: 'sent', to: 'partly_granted' }],
    ]);
  });

  it('the shared schema wants an applied date once sent, a decision date once decided, and the decision after the application', () => {
    const issues = (v: Record<string, unknown>) => helpApplicationInput.safeParse({ kind: 'housing_allowance', ...v }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ status: 'planned' })).toBeUndefined();
    expect(issues({ status: 'sent' })).toEqual([['appliedOn', 'housingSearch.validation.appliedOnRequired']]);
    expect(issues({ status: 'granted', appliedOn: '2026-11-01' })).toEqual([['decidedOn', 'housingSearch.validation.decidedOnRequired']]);
    expect(issues({ status: 'sent', appliedOn: '2026-11-01', decidedOn: '2026-11-02' })).toEqual([['decidedOn', 'housingSearch.validation.decidedOnNotDecided']]);
    expect(issues({ status: 'refused', appliedOn: '2026-11-10', decidedOn: '2026-11-02' })).toEqual([['decidedOn', 'housingSearch.validation.decidedBeforeApplied']]);
    expect(issues({ status: 'granted', appliedOn: '2026-11-01', decidedOn: '2026-11-20', amount: '-5' })).toEqual([['amount', 'housingSearch.validation.moneyNegative']]);
    expect(issues({ kind: 'lottery', status: 'planned' })?.[0]?.[0]).toBe('kind');
  });

  it('lists every kind for staff; the housing office gets municipal housing only, whatever it asks for, and each person named is a logged read', async () => {
    const tenant = (await buildTenant(database.db)).id;
    const staff = (await buildUser(database.db, { tenantId: tenant, roles: ['staff'] })).id;
    const office = (await buildUser(database.db, { tenantId: tenant, roles: ['housing_office'] })).id;
    const a = await buildPerson(database.db, { tenantId: tenant, givenName: 'Aslak', familyName: 'A' });
    const b = await buildPerson(database.db, { tenantId: tenant, givenName: 'Berit', familyName: 'B' });
    const municipalA = await buildHelpApplication(database.db, { tenantId: tenant, personId: a.id, kind: 'municipal_housing', appliedOn: '2026-11-12' });
    await buildHelpApplication(database.db, { tenantId: tenant, personId: a.id, kind: 'startup_loan', appliedOn: '2026-11-13' });
    await buildHelpApplication(database.db, { tenantId: tenant, personId: b.id, kind: 'financial_assistance', appliedOn: '2026-11-14' });
    await buildHelpApplication(database.db, { tenantId, personId: (await person()).id, kind: 'municipal_housing' });

    const all = await listHelpApplications(await contextFor(database, staff), listHelpApplicationsQuery.parse({}));
    expect(all.map((h) => [h.personName, h.kind])).toEqual([
      ['Berit B', 'financial_assistance'],
      ['Aslak A', 'startup_loan'],
      ['Aslak A', 'municipal_housing'],
    ]);
    expect((await listHelpApplications(await contextFor(database, staff), listHelpApplicationsQuery.parse({ kind: 'startup_loan' }))).map((h) => h.kind)).toEqual(['startup_loan']);

    const officeCtx = await contextFor(database, office);
    expect((await listHelpApplications(officeCtx, listHelpApplicationsQuery.parse({}))).map((h) => h.id)).toEqual([municipalA.id]);
    expect(await listHelpApplications(officeCtx, listHelpApplicationsQuery.parse({ kind: 'financial_assistance' }))).toEqual([]);
    // Berit has no municipal-housing application: the housing office never read her record.
    expect((await readsOf(b.id)).map((r) => r.actorUserId)).toEqual([staff]);
    expect((await readsOf(a.id)).map((r) => r.actorUserId).sort()).toEqual([staff, staff, office].sort());
  });

  it('refuses the housing office a new application, NAV and the steering group the list; nothing is written', async () => {
    const p = await person();
    const input = helpApplicationInput.parse({ kind: 'municipal_housing', status: 'planned' });
    expect((await rejection(createHelpApplication(await contextFor(database, housingOfficeId), p.id, input))).status).toBe(403);
    expect((await rejection(listHelpApplications(await contextFor(database, navId), {}))).status).toBe(403);
    expect((await rejection(listHelpApplications(await contextFor(database, steeringId), {}))).status).toBe(403);
    const foreign = await buildHelpApplication(database.db, { tenantId: (await buildTenant(database.db)).id, personId: (await person()).id, kind: 'startup_loan' });
    expect((await rejection(updateHelpApplication(await contextFor(database, staffId), foreign.id, updateHelpApplicationInput.parse({ status: 'withdrawn', appliedOn: '2026-11-10' })))).code).toBe('help_application.not_found');
    expect(await database.db.select().from(helpApplications).where(eq(helpApplications.personId, p.id))).toEqual([]);
    expect((await database.db.select().from(helpApplications).where(eq(helpApplications.id, foreign.id)))[0]!.status).toBe('sent');
  });
});
