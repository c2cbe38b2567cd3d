import type { Logger } from 'pino';
import type { Env } from '../config/env.ts';
import type { Database } from '../db/client.ts';
import type { Mailer } from '../mail/mail.ts';
import { withTenantScope, type Ctx } from '../http/context.ts';
import { systemContext } from './jobs.system-context.ts';
import { listTenantIds } from './jobs.queries.ts';
import { writeClockWarnings } from '../../features/stays/extension.warnings.service.ts';
import { lapseExpiredOffers } from '../../features/allocation/allocation.offers.service.ts';
import { sendDailyDigests } from '../notifications/notifications.digest.service.ts';
import { sendIncidentAlerts } from '../../features/incidents/incidents.alerts.service.ts';
import { archivePreviousMonth } from '../../features/reports/archive.service.ts';
import { produceStatements } from '../../features/payments/payments.statements.service.ts';
import { monthOf, previousMonth } from '../../features/payments/payments.rules.ts';
import { runRetention } from '../../features/privacy/retention.service.ts';
import { flagMissingPatrolRounds } from '../../features/patrols/patrols.service.ts';
import { osloDate } from '../time/oslo.ts';

// The scheduled jobs themselves. Thin: for each municipality, build the system user's context and
// call the services, which check their permission, write in a transaction and audit, as for a person.

export interface JobDeps {
  database: Database;
  env: Env;
  log: Logger;
  /** The clock; tests pin it. */
  clock?: () => Date;
  /** The digest's mailer; null or left out when SMTP is not configured. */
  mailer?: Mailer | null;
}

export const jobNames = ['daily-clock', 'daily-digest', 'incident-alerts', 'monthly-report', 'monthly-statements', 'daily-retention'] as const;
export type JobName = (typeof jobNames)[number];

type TenantSummary = Record<string, unknown>;

/** Runs `work` once per municipality; one municipality's failure is logged and does not stop the others. */
async function forEachTenant(deps: JobDeps, job: JobName, now: Date, work: (ctx: Ctx) => Promise<TenantSummary>) {
  let failed = 0;
  for (const tenantId of await listTenantIds(deps.database.db)) {
    const ctx = await systemContext(deps.database, deps.env, deps.log, tenantId, now, job);
    try {
      // One transaction per municipality, under row-level security for its tenant (ADR 006).
      ctx.log.info(await withTenantScope(ctx, work), `${job} done`);
    } catch (err) {
      failed++;
      ctx.log.error({ err: (err as Error).message }, `${job} failed for this municipality`);
    }
  }
  if (failed) throw new Error(`${job} failed for ${failed} municipality(ies)`);
}

/** Three-month warnings into the inbox, then offers whose answer time has passed lapse, then last night's patrol rounds are checked. */
export async function runDailyClock(deps: JobDeps, now = (deps.clock ?? (() => new Date()))()) {
  await forEachTenant(deps, 'daily-clock', now, async (ctx) => {
    const clock = await writeClockWarnings(ctx);
    const { lapsedOfferIds } = await lapseExpiredOffers(ctx);
    const patrol = await flagMissingPatrolRounds(ctx);
    return { ...clock, lapsedOffers: lapsedOfferIds.length, patrolNightFlagged: patrol.flagged };
  });
}

/** The daily e-mail digest of unread inbox messages; without SMTP it only says so. */
export async function runDailyDigest(deps: JobDeps, now = (deps.clock ?? (() => new Date()))()) {
  const mailer = deps.mailer;
  if (!mailer) {
    deps.log.info('daily digest not sent: SMTP_HOST is not set');
    return;
  }
  await forEachTenant(deps, 'daily-digest', now, async (ctx) => ({ ...(await sendDailyDigests(ctx, mailer)) }));
}

/** E-mails of severe incidents to the leads, queued when the incident was recorded (every minute). */
export async function runIncidentAlerts(deps: JobDeps, now = (deps.clock ?? (() => new Date()))()) {
  const mailer = deps.mailer;
  if (!mailer) return; // Without SMTP the leads still have the message in their inbox.
  await forEachTenant(deps, 'incident-alerts', now, async (ctx) => ({ ...(await sendIncidentAlerts(ctx, mailer)) }));
}

/** On the 1st: the month before's report, produced and archived once per municipality (issue #6). */
export async function runMonthlyReport(deps: JobDeps, now = (deps.clock ?? (() => new Date()))()) {
  await forEachTenant(deps, 'monthly-report', now, async (ctx) => ({ ...(await archivePreviousMonth(ctx)) }));
}

/**
 * On the 1st: the previous month's resident-payment statements in every municipality. Producing a
 * month again adds only corrections, so a rerun (or a missed run caught up later) charges nothing twice.
 */
export async function runMonthlyStatements(deps: JobDeps, now = (deps.clock ?? (() => new Date()))()) {
  const month = previousMonth(monthOf(osloDate(now)));
  await forEachTenant(deps, 'monthly-statements', now, async (ctx) => ({ ...(await produceStatements(ctx, { month })) }));
}

/** Retention: anonymises the records whose retention period ended (after the dry-run notice). */
export async function runDailyRetention(deps: JobDeps, now = (deps.clock ?? (() => new Date()))()) {
  await forEachTenant(deps, 'daily-retention', now, async (ctx) => ({ ...(await runRetention(ctx)) }));
}

export const jobHandlers: Record<JobName, (deps: JobDeps, now?: Date) => Promise<void>> = {
  'daily-clock': runDailyClock,
  'daily-digest': runDailyDigest,
  'incident-alerts': runIncidentAlerts,
  'monthly-report': runMonthlyReport,
  'monthly-statements': runMonthlyStatements,
  'daily-retention': runDailyRetention,
};
