import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { createReferralInput } from '../referrals/referrals.schema.ts';
import { createReferral } from '../referrals/referrals.service.ts';
import { setReferralStatus } from '../referrals/referrals.status.ts';
import { screenings } from './allocation.tables.ts';
import { listScreenings, recordScreening } from './screening.service.ts';
import { createScreeningInput } from './screening.schema.ts';

let database: Database;
let tenantId: string;
let navId: string;
let staffId: string;
let leadId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], displayName: 'Siri Skjermer' })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
});
afterAll(() => database.close());

const now = new Date('2026-11-26T10:00:00+01:00');

async function refer(overrides: Record<string, unknown> = {}) {
  const ctx = await contextFor(database, navId, { now });
  return createReferral(
    ctx,
    createReferralInput.parse({
      applicant: { givenName: 'Sam', familyName: 'Skjermet', birthDate: '1980-05-05', idType: 'none' },
      situation: 'relationship_breakup',
      previousStay: 'friends_family',
      nowhereToSleepTonight: false,
      consentToShare: false,
      ...overrides,
    }),
  );
}

const fine = {
  inTargetGroup: true,
  canSelfEvacuate: true,
  elderlyOrSickUnable: false,
  activeSubstanceDependence: false,
  justReleasedFromPrison: false,
  justDischargedFromInstitution: false,
};
const screening = (overrides: Record<string, unknown> = {}, answers: Record<string, boolean> = {}) =>
  createScreeningInput.parse({ answers: { ...fine, ...answers }, ...overrides });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const rowsFor = (referralId: string) => database.db.select().from(screenings).where(eq(screenings.referralId, referralId));
const statusOf = async (referralId: string) => (await database.db.select().from(referrals).where(eq(referrals.id, referralId)))[0]!.status;

describe('recordScreening', () => {
  it('stores the answers and result, moves the referral to "screened", and audits it', async () => {
    const referral = await refer();
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-26T12:00:00+01:00') });
    const result = await recordScreening(ctx, referral.id, screening({ note: 'Samtale på telefon' }));
    expect(result).toMatchObject({ result: 'eligible', exceptions: [], screenedByName: 'Siri Skjermer', note: 'Samtale på telefon', justification: null });
    expect(result.lines).toHaveLength(8);
    expect(result.lines[1]).toMatchObject({ criterion: 'canSelfEvacuate', outcome: 'pass', text: expect.stringContaining('sikkerhet') });
    const [row] = await rowsFor(referral.id);
    expect(row).toMatchObject({ result: 'eligible', screenedBy: staffId, answers: { ...fine, childrenInHousehold: false, youngPerson: false, ageUnknown: false } });
    expect(await statusOf(referral.id)).toBe('screened');
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, referral.id), eq(auditEvents.action, 'referral.screen')));
    expect(audit).toEqual([expect.objectContaining({ actorUserId: staffId, purpose: 'allocation', details: { screeningId: row!.id, result: 'eligible' } })]);
  });

  it('stores an exclusion with its lines', async () => {
    const referral = await refer();
    const result = await recordScreening(await contextFor(database, leadId), referral.id, screening({}, { activeSubstanceDependence: true }));
    expect(result.result).toBe('excluded');
    expect(result.lines.find((l) => l.criterion === 'activeSubstanceDependence')).toMatchObject({ answer: 'yes', outcome: 'exclude' });
  });

  it('derives children and a young person from the household on the screening day', async () => {
    const referral = await refer({
      applicant: { givenName: 'Ung', familyName: 'Mor', birthDate: '2003-06-01', idType: 'none' },
      children: [{ name: 'Lille', birthDate: '2024-01-01' }],
    });
    const result = await recordScreening(await contextFor(database, staffId, { now }), referral.id, screening());
    expect(result).toMatchObject({ result: 'needs_justification', childrenInHousehold: true, youngPerson: true, exceptions: ['children_in_household', 'young_person'] });
  });

  it('refuses to go on with an exception without a justification (422, field named), writing nothing', async () => {
    const referral = await refer();
    const auditBefore = (await database.db.select().from(auditEvents)).length;
    const err = await rejection(recordScreening(await contextFor(database, staffId), referral.id, screening({ proceedWithExceptions: true }, { justReleasedFromPrison: true })));
    expect(err.status).toBe(422);
    expect(err.code).toBe('screening.justification_required');
    expect(Object.keys(err.fields!)).toEqual(['justification']);
    expect(await rowsFor(referral.id)).toEqual([]);
    expect(await statusOf(referral.id)).toBe('received');
    expect((await database.db.select().from(auditEvents)).length).toBe(auditBefore);
  });

  it('stores the justification when the screener goes on with an exception', async () => {
    const referral = await refer();
    const result = await recordScreening(
      await contextFor(database, staffId),
      referral.id,
      screening({ proceedWithExceptions: true, justification: 'Stabil etter soning, avtale med kriminalomsorgen' }, { justReleasedFromPrison: true }),
    );
    expect(result).toMatchObject({ result: 'needs_justification', exceptions: ['released_from_prison'], justification: 'Stabil etter soning, avtale med kriminalomsorgen' });
  });

  it('records an exception without justification when the screener does not go on', async () => {
    const referral = await refer();
    const result = await recordScreening(await contextFor(database, staffId), referral.id, screening({}, { justDischargedFromInstitution: true }));
    expect(result).toMatchObject({ result: 'needs_justification', justification: null });
  });

  it('refuses to screen a referral that has moved on (409)', async () => {
    const referral = await refer();
    const ctx = await contextFor(database, leadId);
    await database.db.transaction(async (tx) => setReferralStatus({ ...ctx, db: tx as unknown as typeof ctx.db }, referral.id, 'offered'));
    const err = await rejection(recordScreening(ctx, referral.id, screening()));
    expect(err.code).toBe('screening.referral_closed');
    expect(err.status).toBe(409);
    expect(await rowsFor(referral.id)).toEqual([]);
  });

  it('refuses the NAV caseworker, and someone not logged in', async () => {
    const referral = await refer();
    expect((await rejection(recordScreening(await contextFor(database, navId), referral.id, screening()))).status).toBe(403);
    expect((await rejection(listScreenings(await contextFor(database, navId), referral.id))).status).toBe(403);
    expect((await rejection(recordScreening(await contextFor(database, null), referral.id, screening()))).status).toBe(401);
    expect(await rowsFor(referral.id)).toEqual([]);
  });

  it('answers "not found" for a referral of another municipality', async () => {
    const referral = await refer();
    const otherTenant = (await buildTenant(database.db)).id;
    const stranger = (await buildUser(database.db, { tenantId: otherTenant, roles: ['staff'] })).id;
    expect((await rejection(recordScreening(await contextFor(database, stranger), referral.id, screening()))).code).toBe('referral.not_found');
    expect((await rejection(listScreenings(await contextFor(database, stranger), referral.id))).code).toBe('referral.not_found');
  });
});

describe('listScreenings', () => {
  it('lists screenings newest first, explained again line by line, and logs the read', async () => {
    const referral = await refer({ children: [{ name: 'Barn', birthDate: '2020-01-01' }] });
    await recordScreening(await contextFor(database, staffId, { now: new Date('2026-11-26T11:00:00Z') }), referral.id, screening());
    await recordScreening(await contextFor(database, staffId, { now: new Date('2026-11-26T12:00:00Z') }), referral.id, screening({}, { canSelfEvacuate: false }));
    const ctx = await contextFor(database, leadId, { now: new Date('2026-11-26T13:00:00Z'), locale: 'en' });
    const list = await listScreenings(ctx, referral.id);
    expect(list.map((s) => s.result)).toEqual(['excluded', 'needs_justification']);
    expect(list[1]!.lines.find((l) => l.criterion === 'childrenInHousehold')).toMatchObject({ outcome: 'exception', text: expect.stringMatching(/children under 18/) });
    const reads = await database.db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, leadId), eq(auditEvents.action, 'screening.read')));
    expect(reads).toEqual([expect.objectContaining({ purpose: 'allocation', at: ctx.now })]);
    expect(await statusOf(referral.id)).toBe('screened');
  });
});
