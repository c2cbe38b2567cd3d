import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { comparisonMonths, firstOfMonth, osloToday } from './reports.rules.ts';
import { computeSections } from './reports.sections.ts';
import { reportsError } from './reports.errors.ts';
import { findTenantName } from './reports.queries.ts';
import type { AsOf } from './monthly.queries.ts';
import type { MonthlyReportOutput } from './reports.schema.ts';
import { monthlyReportPdf, monthlyReportXlsx } from './reports.files.ts';

// The monthly report (månedsrapport): every figure for the month beside the month before and the same
// month last year, with its definition. Aggregates only: no person is read, so no access is logged.

/**
 * The monthly report of one municipality for one month, as of a day (exported for the benchmark:
 * three months of every section's SQL). `month` is any day of the month.
 */
export async function buildMonthlyReport(db: Db, tenantId: string, month: string, asOf: AsOf): Promise<MonthlyReportOutput> {
  const first = firstOfMonth(month);
  const months = comparisonMonths(first);
  const sections = await computeSections(db, { tenantId }, months, asOf);
  const next = new Date(`${first}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return {
    tenantName: await findTenantName(db, tenantId),
    month: first,
    previousMonth: months[1],
    lastYearMonth: months[2],
    asOf: asOf.today,
    complete: next.toISOString().slice(0, 10) <= asOf.today,
    producedAt: asOf.now.toISOString(),
    sections: sections.map((s) => ({
      key: s.key,
      title: s.title,
      ...(s.chart ? { chart: s.chart } : {}),
      figures: s.figures.map((f) => ({
        key: f.key,
        unit: f.unit,
        label: f.label,
        definition: f.definition,
        value: f.values[0] ?? null,
        previous: f.values[1] ?? null,
        lastYear: f.values[2] ?? null,
      })),
    })),
  };
}

export const asOfContext = (ctx: Ctx): AsOf => ({ today: osloToday(ctx.now), now: ctx.now });

/** Refuses a month that has not begun (the report of this month is "so far"). */
export function refuseFutureMonth(ctx: Ctx, month: string): string {
  const first = firstOfMonth(month);
  if (first > osloToday(ctx.now)) throw reportsError('report.month_in_future', { fields: { month: reportsError.definitions['report.month_in_future'][ctx.locale] } });
  return first;
}

/** The monthly report for the user's municipality (report:read). `month` is yyyy-mm. */
export async function getMonthlyReport(ctx: Ctx, month: string): Promise<MonthlyReportOutput> {
  const user = requirePermission(ctx, 'report:read');
  const first = refuseFutureMonth(ctx, month);
  return inTransaction(ctx, (tx) => buildMonthlyReport(tx.db, user.tenantId, first, asOfContext(tx)));
}

export interface ReportFile {
  bytes: Buffer;
  filename: string;
  contentType: string;
}

export const contentTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** The monthly report as PDF or XLSX, in the user's language. */
export async function monthlyReportFile(ctx: Ctx, month: string, format: 'pdf' | 'xlsx'): Promise<ReportFile> {
  const report = await getMonthlyReport(ctx, month);
  const bytes = format === 'pdf' ? await monthlyReportPdf(report, ctx.locale) : await monthlyReportXlsx(report, ctx.locale);
  const name = ctx.locale === 'nb' ? 'maanedsrapport' : 'monthly-report';
  return { bytes, filename: `${name}-${report.month.slice(0, 7)}.${format}`, contentType: contentTypes[format] };
}
