import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { kostraDeadline, monthsOfYear, osloToday, percent } from './reports.rules.ts';
import { computeSections } from './reports.sections.ts';
import { kostraCounts, type KostraCounts } from './kostra.queries.ts';
import { kostraTexts } from './reports.definitions.ts';
import { findTenantName } from './reports.queries.ts';
import { reportsError } from './reports.errors.ts';
import { asOfContext, contentTypes, type ReportFile } from './monthly.service.ts';
import { kostraCsv, kostraXlsx, yearReportXlsx } from './reports.files.ts';
import type { AsOf } from './monthly.queries.ts';
import type { KostraOutput, YearReportOutput } from './reports.schema.ts';

// The year report: every monthly figure for each month of the year, and the KOSTRA form 13 figures.

function kostraOutput(year: number, counts: KostraCounts): KostraOutput {
  return {
    year,
    deadline: kostraDeadline(year),
    ...counts,
    shareWithChildrenOverThreeMonths: percent(counts.householdsWithChildrenOverThreeMonths, counts.householdsWithChildren),
    shareUpTo14Days: percent(counts.householdsUpTo14Days, counts.households),
    definitions: kostraTexts,
  };
}

/** The year report of one municipality (exported for the benchmark: twelve months of every section). */
export async function buildYearReport(db: Db, tenantId: string, year: number, asOf: AsOf): Promise<YearReportOutput> {
  const months = monthsOfYear(year);
  const sections = await computeSections(db, { tenantId }, months, asOf);
  const counts = await kostraCounts(db, { tenantId }, year, asOf.today);
  return {
    tenantName: await findTenantName(db, tenantId),
    year,
    months,
    asOf: asOf.today,
    sections: sections.map((s) => ({
      key: s.key,
      title: s.title,
      figures: s.figures.map((f) => ({ key: f.key, unit: f.unit, label: f.label, definition: f.definition, values: f.values })),
    })),
    kostra: kostraOutput(year, counts),
  };
}

/** KOSTRA for every municipality together: the national aggregation (no tenant; for the benchmark). */
export async function buildNationalKostra(db: Db, year: number, today: string): Promise<KostraOutput> {
  return kostraOutput(year, await kostraCounts(db, { tenantId: null }, year, today));
}

function refuseFutureYear(ctx: Ctx, year: number) {
  if (`${year}-01-01` > osloToday(ctx.now)) throw reportsError('report.year_in_future', { fields: { year: reportsError.definitions['report.year_in_future'][ctx.locale] } });
}

export async function getYearReport(ctx: Ctx, year: number): Promise<YearReportOutput> {
  const user = requirePermission(ctx, 'report:read');
  refuseFutureYear(ctx, year);
  return inTransaction(ctx, (tx) => buildYearReport(tx.db, user.tenantId, year, asOfContext(tx)));
}

export async function getKostra(ctx: Ctx, year: number): Promise<KostraOutput> {
  const user = requirePermission(ctx, 'report:read');
  refuseFutureYear(ctx, year);
  return inTransaction(ctx, async (tx) => kostraOutput(year, await kostraCounts(tx.db, { tenantId: user.tenantId }, year, osloToday(tx.now))));
}

/** The year report as XLSX (every figure by month, and a KOSTRA sheet). */
export async function yearReportFile(ctx: Ctx, year: number): Promise<ReportFile> {
  const report = await getYearReport(ctx, year);
  const name = ctx.locale === 'nb' ? 'aarsrapport' : 'year-report';
  return { bytes: await yearReportXlsx(report, ctx.locale), filename: `${name}-${year}.xlsx`, contentType: contentTypes.xlsx };
}

/** The KOSTRA form 13 figures as XLSX or CSV. */
export async function kostraFile(ctx: Ctx, year: number, format: 'xlsx' | 'csv'): Promise<ReportFile> {
  const kostra = await getKostra(ctx, year);
  const bytes = format === 'xlsx' ? await kostraXlsx(kostra, ctx.locale) : Buffer.from(kostraCsv(kostra, ctx.locale), 'utf8');
  return { bytes, filename: `kostra-skjema13-${year}.${format}`, contentType: contentTypes[format] };
}
