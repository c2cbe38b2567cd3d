import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor, silentLog, testEnv } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { AppError } from '../../platform/http/errors.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { runMonthlyReport } from '../../platform/jobs/jobs.daily.ts';
import { people } from '../people/people.tables.ts';
import { buildReferral } from '../allocation/allocation.factory.ts';
import { monthlyReportArchive } from './reports.tables.ts';
import { buildReportHistory } from './reports.history.ts';
import { getMonthlyReport } from './monthly.service.ts';
import { getKostra, getYearReport } from './year.service.ts';
import { getDashboard } from './dashboard.service.ts';
import { getDataQuality } from './data-quality.service.ts';
import { archiveMonthlyReport, getArchivedReport, listArchive } from './archive.service.ts';
import type { DashboardOutput } from './reports.schema.ts';
import { openNationalId } from '../../platform/crypto/field-crypto.ts';
import { demoFieldKeys } from '../../platform/config/env.ts';

let database: Database;
let tenantId: string;
const users: Record<string, string> = {};
const roles = ['staff', 'service_lead', 'nav_caseworker', 'housing_office', 'steering_group', 'admin'] as const;
// The dashboard as of 15.03.2024 covers March 2023 – February 2024.
const march2024 = new Date('2024-03-15T10:00:00+01:00');
const as = (role: string, now = march2024) => contextFor(database, users[role]!, { now });

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  for (const role of roles) users[role] = (await buildUser(database.db, { tenantId, roles: [role] })).id;
  await buildReportHistory(database.db, tenantId);
  // Six referrals in January 2024, so one month has a count the steering group may see.
  for (let i = 0; i < 6; i++) await buildReferral(database.db, { tenantId, receivedAt: new Date(`2024-01-1${i}T10:00:00+01:00`) });
});
afterAll(() => database.close());

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'no refusal';
}

describe('who sees what', () => {
  it('gives the reports to the service lead only, and the dashboard to the steering group and the lead', async () => {
    for (const role of roles) {
      const ctx = await as(role);
      const canRead = role === 'service_lead';
      const canDash = role === 'service_lead' || role === 'steering_group';
      expect(await refusal(getMonthlyReport(ctx, '2024-02')), role).toBe(canRead ? 'no refusal' : 'auth.forbidden');
      expect(await refusal(getYearReport(ctx, 2024)), role).toBe(canRead ? 'no refusal' : 'auth.forbidden');
      expect(await refusal(getKostra(ctx, 2024)), role).toBe(canRead ? 'no refusal' : 'auth.forbidden');
      expect(await refusal(getDataQuality(ctx)), role).toBe(canRead ? 'no refusal' : 'auth.forbidden');
      expect(await refusal(getDashboard(ctx)), role).toBe(canDash ? 'no refusal' : 'auth.forbidden');
    }
  });
});

describe('the steering-group dashboard', () => {
  /** Every number a figure about people carries, with the month it belongs to. */
  function countsIn(dashboard: DashboardOutput) {
    return dashboard.sections.flatMap((s) => s.figures.filter((f) => f.unit === 'count').flatMap((f) => f.values.map((v, i) => ({ key: f.key, month: dashboard.months[i], ...v }))));
  }

  it.each(['steering_group', 'service_lead'])('never carries a count of 1–4, a name or a person id (%s)', async (role) => {
    const dashboard = await getDashboard(await as(role));
    expect(dashboard.months[0]).toBe('2023-03-01');
    expect(dashboard.months[11]).toBe('2024-02-01');
    const counts = countsIn(dashboard);
    expect(counts.filter((c) => c.value !== null && c.value > 0 && c.value < 5)).toEqual([]);
    // February 2024 had 2 check-ins and 2 referrals: both "under 5". January had 6 referrals: shown.
    expect(counts.find((c) => c.key === 'checkIns' && c.month === '2024-02-01')).toMatchObject({ value: null, under5: true });
    expect(counts.find((c) => c.key === 'received' && c.month === '2024-02-01')).toMatchObject({ value: null, under5: true });
    expect(counts.find((c) => c.key === 'received' && c.month === '2024-01-01')).toMatchObject({ value: 6, under5: false });
    expect(counts.find((c) => c.key === 'checkIns' && c.month === '2023-03-01')).toMatchObject({ value: 0, under5: false });
    // Shares and averages of the two who moved out in February are withheld too; occupancy (rooms) is not.
    const figure = (key: string) => dashboard.sections.flatMap((s) => s.figures).find((f) => f.key === key)!;
    expect(figure('permanentShare').values[11]).toEqual({ value: null, under5: true });
    expect(figure('averageNights').values[11]).toEqual({ value: null, under5: true });
    expect(figure('occupancyRate').values[11]).toEqual({ value: 80.5, under5: false });

    const json = JSON.stringify(dashboard);
    const persons = await database.db.select().from(people).where(eq(people.tenantId, tenantId));
    expect(persons.length).toBeGreaterThan(5);
    for (const p of persons) {
      expect(json).not.toContain(p.id);
      expect(json).not.toContain(p.givenName);
      expect(json).not.toContain(openNationalId(demoFieldKeys, p.nationalIdSealed) ?? 'no id');
    }
    expect(json).not.toContain('Nordmann');
  });
});

describe('refusals change nothing', () => {
  it('refuses a month that has not begun, and archives nothing', async () => {
    const lead = await as('service_lead');
    expect(await refusal(getMonthlyReport(lead, '2024-04'))).toBe('report.month_in_future');
    expect(await refusal(archiveMonthlyReport(lead, '2024-04'))).toBe('report.month_in_future');
    expect(await refusal(getYearReport(lead, 2025))).toBe('report.year_in_future');
    expect(await refusal(archiveMonthlyReport(await as('steering_group'), '2024-02'))).toBe('auth.forbidden');
    expect(await database.db.select().from(monthlyReportArchive).where(eq(monthlyReportArchive.tenantId, tenantId))).toEqual([]);
  });
});

describe('the archive and the job on the 1st', () => {
  it('archives the month before once per municipality, and any earlier month on demand', async () => {
    const deps = { database, env: testEnv, log: silentLog };
    // On 01.03.2024 at 05:00 Oslo the job reports February; run twice (a retry), it stores one report.
    await runMonthlyReport(deps, new Date('2024-03-01T05:00:00+01:00'));
    await runMonthlyReport(deps, new Date('2024-03-01T05:05:00+01:00'));
    const lead = await as('service_lead');
    const scheduled = (await listArchive(lead)).filter((a) => a.trigger === 'scheduled');
    expect(scheduled.map((a) => a.month)).toEqual(['2024-02-01']);
    const stored = await getArchivedReport(lead, scheduled[0]!.id);
    expect(stored.producedAt).toBe('2024-03-01T04:00:00.000Z');
    const occupancy = stored.report.sections[0]!.figures.find((f) => f.key === 'occupancyRate')!;
    // As computed on 01.03: 66 of 82 available room-nights in February → 80.5 %.
    expect(occupancy).toMatchObject({ value: 80.5, previous: 46.2 });

    // The lead archives January 2024 twice: two versions, both audited.
    await archiveMonthlyReport(lead, '2024-01');
    await archiveMonthlyReport(lead, '2024-01');
    expect((await listArchive(lead)).map((a) => [a.month, a.trigger])).toEqual([
      ['2024-02-01', 'scheduled'],
      ['2024-01-01', 'on_demand'],
      ['2024-01-01', 'on_demand'],
    ]);
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'report.archive'));
    expect(events.filter((e) => e.tenantId === tenantId)).toHaveLength(3);
    // Another municipality cannot open them.
    const otherTenant = (await buildTenant(database.db)).id;
    const otherLead = await contextFor(database, (await buildUser(database.db, { tenantId: otherTenant, roles: ['service_lead'] })).id, { now: march2024 });
    expect(await refusal(getArchivedReport(otherLead, scheduled[0]!.id))).toBe('report.archive_not_found');
  });
});
