import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { AppError } from '../../platform/http/errors.ts';
import { inboxMessages } from '../../platform/notifications/notifications.tables.ts';
import { systemContext } from '../../platform/jobs/jobs.system-context.ts';
import { runDailyClock } from '../../platform/jobs/jobs.daily.ts';
import { silentLog, testEnv } from '../../platform/http/test-context.ts';
import { patrolRounds } from './patrols.tables.ts';
import { patrolRoundInput } from './patrols.schema.ts';
import { flagMissingPatrolRounds, getExpectedRounds, getPatrolOverview, registerPatrolRound, updateExpectedRounds } from './patrols.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let navId: string;
const now = new Date('2026-11-27T09:00:00+01:00'); // Friday morning

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], displayName: 'Siri Ansatt' })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
});
afterAll(() => database.close());

const round = (overrides: Record<string, unknown> = {}) =>
  patrolRoundInput.parse({ patrolledOn: '2026-11-27', patrolledTime: '02:10', guardName: 'Vekter Hansen', ...overrides });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const roundsOf = (tenant: string) => database.db.select().from(patrolRounds).where(eq(patrolRounds.tenantId, tenant));
const patrolMessages = (tenant: string) =>
  database.db.select().from(inboxMessages).where(and(eq(inboxMessages.tenantId, tenant), eq(inboxMessages.kind, 'patrol.missing')));

describe('registerPatrolRound', () => {
  it('registers a round after midnight on the night before, with who registered it', async () => {
    const saved = await registerPatrolRound(
      await contextFor(database, staffId, { now }),
      round({ findings: 'Bakdøra stod ulåst.', needsIncident: true, incidentNote: 'Dør ikke låst' }),
    );
    expect(saved).toMatchObject({
      nightOf: '2026-11-26',
      patrolledAt: '2026-11-27T01:10:00.000Z',
      guardName: 'Vekter Hansen',
      findings: 'Bakdøra stod ulåst.',
      needsIncident: true,
      incidentNote: 'Dør ikke låst',
      incidentId: null,
      createdByName: 'Siri Ansatt',
    });
  });

  it('refuses NAV and writes nothing', async () => {
    const before = (await roundsOf(tenantId)).length;
    expect((await rejection(registerPatrolRound(await contextFor(database, navId, { now }), round()))).code).toBe('auth.forbidden');
    expect(await roundsOf(tenantId)).toHaveLength(before);
  });

  it('refuses a round in the future and writes nothing', async () => {
    const before = (await roundsOf(tenantId)).length;
    const err = await rejection(registerPatrolRound(await contextFor(database, staffId, { now }), round({ patrolledTime: '23:30' })));
    expect(err.code).toBe('patrol.in_future');
    expect(await roundsOf(tenantId)).toHaveLength(before);
  });

  it('refuses in the schema a finding flagged for an incident without a description, and a blank guard', () => {
    const parsed = patrolRoundInput.safeParse({ patrolledOn: '2026-11-27', patrolledTime: '02:10', guardName: ' ', needsIncident: true });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['findings', 'guardName']);
  });
});

describe('the overview and the morning check', () => {
  it('shows nights short of rounds, and flags last night once in the inbox', async () => {
    const tenant = (await buildTenant(database.db)).id;
    const staff = (await buildUser(database.db, { tenantId: tenant, roles: ['staff'] })).id;
    const ctx = await contextFor(database, staff, { now });
    // The night of the 25th: two rounds. The night of the 26th: one.
    await registerPatrolRound(ctx, round({ patrolledOn: '2026-11-25', patrolledTime: '23:40' }));
    await registerPatrolRound(ctx, round({ patrolledOn: '2026-11-26', patrolledTime: '03:30' }));
    await registerPatrolRound(ctx, round({ patrolledOn: '2026-11-27', patrolledTime: '01:15' }));

    const overview = await getPatrolOverview(ctx);
    expect(overview.expectedRounds).toBe(2);
    expect(overview.nights[0]).toMatchObject({ night: '2026-11-26', expected: 2, missing: 1, isOver: true });
    expect(overview.nights[1]).toMatchObject({ night: '2026-11-25', missing: 0 });
    expect(overview.nights[1]!.rounds).toHaveLength(2);
    expect(overview.nightsWithMissingRounds).toContain('2026-11-26');
    expect(overview.nightsWithMissingRounds).not.toContain('2026-11-25');
    // Nights before the first recorded round are not listed as missing anything.
    expect(overview.nights.map((n) => n.night)).toEqual(['2026-11-26', '2026-11-25']);

    const system = await systemContext(database, testEnv, silentLog, tenant, new Date('2026-11-27T06:00:00+01:00'));
    expect(await flagMissingPatrolRounds(system)).toEqual({ night: '2026-11-26', rounds: 1, expected: 2, flagged: true });
    expect(await flagMissingPatrolRounds(system)).toMatchObject({ flagged: false }); // a rerun writes nothing new
    const messages = await patrolMessages(tenant);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ userId: null, messageKey: 'patrol.inbox.missing', params: { date: '26.11.2026', rounds: 1, expected: 2 }, link: '/nattrunder' });
  });

  it('runs in the daily job and flags nothing for a night with enough rounds', async () => {
    const tenant = (await buildTenant(database.db)).id;
    const staff = (await buildUser(database.db, { tenantId: tenant, roles: ['staff'] })).id;
    const ctx = await contextFor(database, staff, { now });
    await registerPatrolRound(ctx, round({ patrolledOn: '2026-11-26', patrolledTime: '23:50' }));
    await registerPatrolRound(ctx, round({ patrolledOn: '2026-11-27', patrolledTime: '03:50' }));
    await runDailyClock({ database, env: testEnv, log: silentLog }, new Date('2026-11-27T06:00:00+01:00'));
    expect(await patrolMessages(tenant)).toHaveLength(0);
  });

  it('does not flag a municipality that has never recorded a round', async () => {
    const tenant = (await buildTenant(database.db)).id;
    const staff = (await buildUser(database.db, { tenantId: tenant, roles: ['staff'] })).id;
    const system = await systemContext(database, testEnv, silentLog, tenant, new Date('2026-11-27T06:00:00+01:00'));
    expect(await flagMissingPatrolRounds(system)).toMatchObject({ night: '2026-11-26', rounds: 0, flagged: false });
    expect(await patrolMessages(tenant)).toHaveLength(0);
    const overview = await getPatrolOverview(await contextFor(database, staff, { now }));
    expect(overview.nightsWithMissingRounds).toEqual([]);
    expect(overview.nights.map((n) => n.night)).toEqual(['2026-11-26']);
  });

  it('uses the expected number in force that night (a dated setting)', async () => {
    const tenant = (await buildTenant(database.db)).id;
    const lead = (await buildUser(database.db, { tenantId: tenant, roles: ['service_lead'] })).id;
    const leadCtx = await contextFor(database, lead, { now: new Date('2026-11-20T12:00:00+01:00') });
    const setting = await updateExpectedRounds(leadCtx, { expectedRounds: 3, validFrom: '2026-11-26', reason: 'Tre runder etter innbrudd.' });
    expect(setting.history[0]).toMatchObject({ expectedRounds: 3, validFrom: '2026-11-26', reason: 'Tre runder etter innbrudd.' });
    const ctx = await contextFor(database, lead, { now });
    await registerPatrolRound(ctx, round({ patrolledOn: '2026-11-26', patrolledTime: '23:50' }));
    await registerPatrolRound(ctx, round({ patrolledOn: '2026-11-27', patrolledTime: '03:50' }));
    await registerPatrolRound(ctx, round({ patrolledOn: '2026-11-25', patrolledTime: '23:50' }));
    await registerPatrolRound(ctx, round({ patrolledOn: '2026-11-26', patrolledTime: '03:50' }));
    const overview = await getPatrolOverview(ctx);
    expect(overview.nights.find((n) => n.night === '2026-11-26')).toMatchObject({ expected: 3, missing: 1 });
    expect(overview.nights.find((n) => n.night === '2026-11-25')).toMatchObject({ expected: 2, missing: 0 });
    expect((await getExpectedRounds(ctx)).expectedRounds).toBe(3);
  });

  it('refuses staff changing the setting, and a change dated in the past', async () => {
    expect((await rejection(updateExpectedRounds(await contextFor(database, staffId, { now }), { expectedRounds: 3, reason: 'x' }))).code).toBe('auth.forbidden');
    const err = await rejection(updateExpectedRounds(await contextFor(database, leadId, { now }), { expectedRounds: 3, validFrom: '2026-11-01', reason: 'x' }));
    expect(err.code).toBe('patrol.valid_from_in_past');
    expect((await getExpectedRounds(await contextFor(database, leadId, { now }))).isDefault).toBe(true);
  });

  it('refuses NAV the overview', async () => {
    expect((await rejection(getPatrolOverview(await contextFor(database, navId, { now })))).code).toBe('auth.forbidden');
  });
});
