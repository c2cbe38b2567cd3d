import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { householdMembers, people } from '../people/people.tables.ts';
import { syntheticNationalId } from '../people/people.rules.ts';
import { buildPerson, testNationalIdHash } from '../people/people.factory.ts';
import { referrals, previousStays, referralSituations, referralStatuses } from './referrals.tables.ts';
import { createReferralInput, previousStay, referralSituation, referralStatus } from './referrals.schema.ts';
import { createReferral, getReferral, listReferrals } from './referrals.service.ts';
import { setReferralStatus } from './referrals.status.ts';

let database: Database;
let tenantId: string;
let navId: string;
let otherNavId: string;
let staffId: string;
let leadId: string;
let housingId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'], displayName: 'Nina Veileder', email: 'nina@nav.test' })).id;
  otherNavId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  housingId = (await buildUser(database.db, { tenantId, roles: ['housing_office'] })).id;
});
afterAll(() => database.close());

let individual = 100;
const fnr = (birthDate: string) => syntheticNationalId(birthDate, (individual += 7));

const input = (overrides: Record<string, unknown> = {}) =>
  createReferralInput.parse({
    applicant: { givenName: 'Kari', familyName: 'Henvist', birthDate: '1990-04-04', idType: 'fnr', nationalId: fnr('1990-04-04'), phone: '912 34 567' },
    situation: 'evicted',
    previousStay: 'friends_family',
    nowhereToSleepTonight: true,
    needs: 'Hjelp til å finne bolig',
    consentToShare: true,
    consentScope: 'NAV og botilbudet, tre måneder',
    ...overrides,
  });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const counts = async () => ({
  people: (await database.db.select({ id: people.id }).from(people)).length,
  referrals: (await database.db.select({ id: referrals.id }).from(referrals)).length,
  audit: (await database.db.select({ id: auditEvents.id }).from(auditEvents)).length,
});

describe('the schema', () => {
  it('offers the same situations, previous stays and statuses as the table', () => {
    expect(referralSituation.options).toEqual([...referralSituations]);
    expect(previousStay.options).toEqual([...previousStays]);
    expect(referralStatus.options).toEqual([...referralStatuses]);
  });

  it('validates the identity exactly as the people schema does, and asks for a text for "other"', () => {
    const result = createReferralInput.safeParse({
      applicant: { givenName: '', familyName: 'X', birthDate: '1990-01-01', idType: 'fnr', nationalId: '12345678910' },
      situation: 'other',
      previousStay: 'unknown',
      nowhereToSleepTonight: false,
      consentToShare: true,
    });
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toMatchObject({
      'applicant.nationalId': 'validation.nationalId.checksum',
      situationOther: 'referrals.validation.situationOther',
      consentScope: 'referrals.validation.consentScope',
    });
    expect(messages).toHaveProperty(['applicant.givenName']);
  });
});

describe('createReferral', () => {
  it('lets a NAV caseworker refer a new person: the person is registered, the referral received, both audited', async () => {
    const ctx = await contextFor(database, navId);
    const nationalId = fnr('1985-02-02');
    const referral = await createReferral(
      ctx,
      input({ applicant: { givenName: 'Per', familyName: 'Ny', birthDate: '1985-02-02', idType: 'fnr', nationalId } }),
    );
    expect(referral).toMatchObject({
      status: 'received',
      householdName: 'Per Ny',
      caseworkerName: 'Nina Veileder',
      caseworkerEmail: 'nina@nav.test',
      household: null,
      history: [{ status: 'received', at: ctx.now.toISOString() }],
    });
    const [person] = await database.db.select().from(people).where(and(eq(people.tenantId, tenantId), eq(people.nationalIdHash, testNationalIdHash(nationalId))));
    expect(person).toMatchObject({ givenName: 'Per', familyName: 'Ny', idType: 'fnr' });
    const [row] = await database.db.select().from(referrals).where(eq(referrals.id, referral.id));
    expect(row).toMatchObject({ personId: person!.id, referredBy: navId, status: 'received', nowhereToSleepTonight: true });
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.personId, person!.id));
    // Written in one transaction at one time: compared as a set (their order on disk is not an order).
    expect(audit.map((a) => [a.action, a.purpose, a.actorUserId]).sort()).toEqual([
      ['person.register', 'allocation', navId],
      ['referral.create', 'allocation', navId],
    ]);
    // Field names and counts only, never the person's values.
    expect(JSON.stringify(audit.map((a) => a.details))).not.toMatch(/Per|Ny\b|nina|bolig/);
  });

  it('links the person already registered with the same number, and the answer does not tell', async () => {
    const nationalId = fnr('1979-09-09');
    const first = await createReferral(
      await contextFor(database, navId),
      input({ applicant: { givenName: 'Lise', familyName: 'Igjen', birthDate: '1979-09-09', idType: 'fnr', nationalId } }),
    );
    const before = await counts();
    const second = await createReferral(
      await contextFor(database, otherNavId),
      input({ applicant: { givenName: 'Lise', familyName: 'Igjen', birthDate: '1979-09-09', idType: 'fnr', nationalId } }),
    );
    expect((await counts()).people).toBe(before.people);
    const rows = await database.db.select().from(referrals).where(eq(referrals.personId, (await database.db.select().from(referrals).where(eq(referrals.id, first.id)))[0]!.personId));
    expect(rows.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    // Same shape and keys as for a new person: nothing says the person was known.
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    expect(second.household).toBeNull();
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, otherNavId), eq(auditEvents.entityType, 'person')));
    expect(audit.map((a) => a.action)).toEqual(['person.link']);
  });

  it('links a person registered by staff before, without changing their record', async () => {
    const existing = await buildPerson(database.db, { tenantId, birthDateOn: '1970-01-10', nationalId: fnr('1970-01-10'), phone: '+47 99999999' });
    await createReferral(
      await contextFor(database, navId),
      input({ applicant: { givenName: 'Annet', familyName: 'Navn', birthDate: '1970-01-10', idType: 'fnr', nationalId: existing.nationalId, phone: '912 00 000' } }),
    );
    const [after] = await database.db.select().from(people).where(eq(people.id, existing.id));
    expect(after).toMatchObject({ givenName: existing.givenName, phone: '+47 99999999' });
  });

  it('registers a partner and records the partner and children on the applicant’s household', async () => {
    const ctx = await contextFor(database, navId);
    const referral = await createReferral(
      ctx,
      input({
        partner: { givenName: 'Ola', familyName: 'Partner', birthDate: '1988-08-08', idType: 'dnr', nationalId: syntheticNationalId('1988-08-08', 444, true) },
        children: [{ name: 'Lita Partner', birthDate: '2018-03-03' }],
      }),
    );
    expect(referral.householdName).toBe('Kari Henvist og Ola Partner');
    const [row] = await database.db.select().from(referrals).where(eq(referrals.id, referral.id));
    expect(row!.partnerPersonId).toBeTruthy();
    const members = await database.db.select().from(householdMembers).where(eq(householdMembers.personId, row!.personId));
    expect(members.map((m) => [m.relation, m.name, m.birthDateOn, m.relatedPersonId])).toEqual(
      expect.arrayContaining([
        ['partner', 'Ola Partner', '1988-08-08', row!.partnerPersonId],
        ['child', 'Lita Partner', '2018-03-03', null],
      ]),
    );
    const staffView = await getReferral(await contextFor(database, staffId), referral.id);
    expect(staffView.household).toMatchObject({
      applicant: { givenName: 'Kari', maskedNationalId: expect.stringMatching(/\*{5}$/) },
      partner: { givenName: 'Ola', idType: 'dnr' },
      children: [{ name: 'Lita Partner', birthDate: '2018-03-03' }],
    });
  });

  it('does not record the same child twice when a linked person is referred again', async () => {
    const nationalId = fnr('1991-01-01');
    const body = input({
      applicant: { givenName: 'To', familyName: 'Ganger', birthDate: '1991-01-01', idType: 'fnr', nationalId },
      children: [{ name: 'Barn Ganger', birthDate: '2020-02-02' }],
    });
    await createReferral(await contextFor(database, navId), body);
    await createReferral(await contextFor(database, navId), body);
    const [person] = await database.db.select().from(people).where(eq(people.nationalIdHash, testNationalIdHash(nationalId)));
    expect(await database.db.select().from(householdMembers).where(eq(householdMembers.personId, person!.id))).toHaveLength(1);
  });

  it('registers a person with no number anew every time (no safe match)', async () => {
    const before = await counts();
    const body = input({ applicant: { givenName: 'Uten', familyName: 'Nummer', birthDate: '1992-02-02', idType: 'none' } });
    await createReferral(await contextFor(database, navId), body);
    await createReferral(await contextFor(database, navId), body);
    expect((await counts()).people).toBe(before.people + 2);
  });

  it('lets staff and the service lead register a referral too', async () => {
    const byStaff = await createReferral(await contextFor(database, staffId), input({ applicant: { givenName: 'A', familyName: 'B', birthDate: '1980-01-01', idType: 'none' } }));
    expect(byStaff.household).not.toBeNull();
    const byLead = await createReferral(await contextFor(database, leadId), input({ caseworkerName: 'Oppgitt Navn', navOffice: 'NAV Bodø' }));
    expect(byLead).toMatchObject({ caseworkerName: 'Oppgitt Navn', navOffice: 'NAV Bodø' });
  });

  it('refuses a role without referral:create, and anyone not logged in, writing nothing', async () => {
    const before = await counts();
    expect((await rejection(createReferral(await contextFor(database, housingId), input()))).status).toBe(403);
    expect((await rejection(createReferral(await contextFor(database, null), input()))).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('refuses a child of 18 and a birth date in the future with a field map, writing nothing', async () => {
    const before = await counts();
    const err = await rejection(
      createReferral(
        await contextFor(database, navId),
        input({
          partner: { givenName: 'P', familyName: 'Q', birthDate: '2027-01-01', idType: 'none' },
          children: [
            { name: 'Ung', birthDate: '2010-01-01' },
            { name: 'Voksen', birthDate: '2008-11-26' },
          ],
        }),
      ),
    );
    expect(err.status).toBe(400);
    expect(err.fields).toEqual({
      'partner.birthDate': 'Datoen kan ikke være fram i tid.',
      'children.1.birthDate': 'Barn skal være under 18 år. Voksne i husstanden registreres som partner.',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses synthetic numbers in production, naming the field in the referral, and writes nothing', async () => {
    const before = await counts();
    const ctx = await contextFor(database, navId, { env: { ALLOW_SYNTHETIC_IDS: false } });
    const err = await rejection(
      createReferral(ctx, input({ partner: { givenName: 'P', familyName: 'Q', birthDate: '1980-01-01', idType: 'fnr', nationalId: fnr('1980-01-01') } })),
    );
    expect(err.code).toBe('person.synthetic_id_refused');
    expect(Object.keys(err.fields!)).toEqual(['partner.nationalId']);
    expect(await counts()).toEqual(before);
  });
});

describe('reading referrals', () => {
  let mine: string;
  let theirs: string;
  let tenant2Staff: string;

  beforeAll(async () => {
    mine = (await createReferral(await contextFor(database, navId, { now: new Date('2026-11-27T09:00:00Z') }), input())).id;
    theirs = (await createReferral(await contextFor(database, otherNavId, { now: new Date('2026-11-28T09:00:00Z') }), input())).id;
    const t2 = (await buildTenant(database.db)).id;
    tenant2Staff = (await buildUser(database.db, { tenantId: t2, roles: ['staff'] })).id;
  });

  it('shows a NAV caseworker only their own referrals', async () => {
    const list = await listReferrals(await contextFor(database, navId));
    expect(list.map((r) => r.id)).toContain(mine);
    expect(list.map((r) => r.id)).not.toContain(theirs);
    const otherList = await listReferrals(await contextFor(database, otherNavId));
    expect(otherList.map((r) => r.id)).toContain(theirs);
    expect(otherList.map((r) => r.id)).not.toContain(mine);
  });

  it('answers "not found" for another caseworker’s referral, and logs no read', async () => {
    const before = await counts();
    const err = await rejection(getReferral(await contextFor(database, navId), theirs));
    expect(err.code).toBe('referral.not_found');
    expect(err.status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('shows the caseworker their own referral with its status, logging the read', async () => {
    const ctx = await contextFor(database, navId, { now: new Date('2026-11-29T10:00:00Z') });
    const referral = await getReferral(ctx, mine);
    expect(referral).toMatchObject({ id: mine, status: 'received', household: null });
    const [row] = await database.db.select().from(referrals).where(eq(referrals.id, mine));
    const reads = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.personId, row!.personId), eq(auditEvents.kind, 'read'), eq(auditEvents.actorUserId, navId)));
    expect(reads.map((r) => [r.action, r.purpose])).toContainEqual(['referral.read', 'allocation']);
  });

  it('shows staff and the lead every referral of the tenant, newest first, filterable by status', async () => {
    for (const user of [staffId, leadId]) {
      const list = await listReferrals(await contextFor(database, user));
      expect(list.map((r) => r.id)).toEqual(expect.arrayContaining([mine, theirs]));
      const times = list.map((r) => r.receivedAt);
      expect(times).toEqual([...times].sort().reverse());
    }
    const ctx = await contextFor(database, staffId);
    await database.db.transaction(async (tx) => setReferralStatus({ ...ctx, db: tx as unknown as typeof ctx.db }, theirs, 'waiting_list'));
    const waiting = await listReferrals(ctx, { status: 'waiting_list' });
    expect(waiting.map((r) => r.id)).toEqual([theirs]);
  });

  it('logs the read of the household with the purpose allocation when staff open a referral', async () => {
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-30T08:00:00Z') });
    const referral = await getReferral(ctx, mine);
    const reads = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.personId, referral.household!.applicant.personId), eq(auditEvents.actorUserId, staffId), eq(auditEvents.kind, 'read')));
    expect(reads).toContainEqual(expect.objectContaining({ action: 'person.read', purpose: 'allocation', at: ctx.now }));
  });

  it('derives the status history, including a status no row explains', async () => {
    const ctx = await contextFor(database, staffId, { now: new Date('2026-12-01T08:00:00Z') });
    await database.db.transaction(async (tx) => setReferralStatus({ ...ctx, db: tx as unknown as typeof ctx.db }, mine, 'withdrawn'));
    const referral = await getReferral(ctx, mine);
    expect(referral.history).toEqual([
      { status: 'received', at: '2026-11-27T09:00:00.000Z' },
      { status: 'withdrawn', at: '2026-12-01T08:00:00.000Z' },
    ]);
  });

  it('hides referrals of another municipality', async () => {
    const ctx = await contextFor(database, tenant2Staff);
    expect((await rejection(getReferral(ctx, mine))).code).toBe('referral.not_found');
    expect(await listReferrals(ctx)).toEqual([]);
  });

  it('refuses roles without referral access', async () => {
    expect((await rejection(listReferrals(await contextFor(database, housingId)))).status).toBe(403);
    expect((await rejection(getReferral(await contextFor(database, housingId), mine))).status).toBe(403);
  });
});
