import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { asOfContext, buildMonthlyReport, refuseFutureMonth } from './monthly.service.ts';
import { previousMonthOf } from './reports.rules.ts';
import { reportsError } from './reports.errors.ts';
import * as q from './reports.queries.ts';
import type { ArchivedReportOutput, ArchivedReportSummary, MonthlyReportOutput } from './reports.schema.ts';

// The archive of monthly reports: the figures as they stood when produced (JSON) and when. The job
// on the 1st archives the month before once per municipality; the lead may archive any month again.

const summary = (row: { id: string; month: string; producedAt: Date; trigger: 'scheduled' | 'on_demand' }): ArchivedReportSummary => ({
  id: row.id,
  month: row.month,
  producedAt: row.producedAt.toISOString(),
  trigger: row.trigger,
});

/**
 * Produces the report of a month and stores it. `scheduled` (the job) stores a month once — a retried
 * or repeated job changes nothing and returns null; `on_demand` always stores a new version.
 */
export async function archiveMonthlyReport(ctx: Ctx, month: string, trigger: 'scheduled' | 'on_demand' = 'on_demand'): Promise<ArchivedReportSummary | null> {
  const user = requirePermission(ctx, 'report:archive');
  const first = refuseFutureMonth(ctx, month);
  return inTransaction(ctx, async (tx) => {
    const report = await buildMonthlyReport(tx.db, user.tenantId, first, asOfContext(tx));
    const row = await q.insertArchivedReport(tx.db, { tenantId: user.tenantId, month: first, figures: report, producedAt: tx.now, producedBy: user.id, trigger });
    if (!row) return null;
    await recordEvent(tx, { action: 'report.archive', entityType: 'monthly_report', entityId: row.id, details: { month: first, trigger } });
    return summary(row);
  });
}

/** What the job on the 1st does for one municipality: the month before, archived once. */
export async function archivePreviousMonth(ctx: Ctx) {
  const month = previousMonthOf(ctx.now);
  const archived = await archiveMonthlyReport(ctx, month, 'scheduled');
  return { month, archived: archived !== null };
}

export async function listArchive(ctx: Ctx): Promise<ArchivedReportSummary[]> {
  const user = requirePermission(ctx, 'report:read');
  return inTransaction(ctx, async (tx) => (await q.listArchivedReports(tx.db, user.tenantId)).map(summary));
}

export async function getArchivedReport(ctx: Ctx, id: string): Promise<ArchivedReportOutput> {
  const user = requirePermission(ctx, 'report:read');
  return inTransaction(ctx, async (tx) => {
    const row = await q.findArchivedReport(tx.db, user.tenantId, id);
    if (!row) throw reportsError('report.archive_not_found');
    return { ...summary(row), report: row.figures as MonthlyReportOutput };
  });
}
