import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { addMonths, firstOfMonth, osloToday, suppressCount, suppressDerived, type Suppressed } from './reports.rules.ts';
import { computeSections, type FigureSeries } from './reports.sections.ts';
import type { AsOf } from './monthly.queries.ts';
import type { DashboardOutput } from './reports.schema.ts';

// The steering group's dashboard (styringsgruppe): the last twelve months of the report's figures,
// aggregates only. No person's name or id is ever selected, and every count of 1–4 — and any share or
// average computed from one — is replaced here, in the service, by "under 5" (value null), so the
// small numbers never leave the server for this role, whatever the page does.

/** The figures the dashboard shows, by section; the rest of the report is the service lead's. */
const dashboardFigures: Record<string, string[]> = {
  occupancy: ['occupancyRate', 'residentsAtEnd', 'checkIns', 'checkOuts', 'pastThreeMonths'],
  referrals: ['received', 'accepted', 'refused', 'waitingAtEnd'],
  lengthOfStay: ['movedOut', 'averageNights'],
  destinations: ['permanent', 'permanentShare'],
  aftercare: ['followUpsDone', 'stillHoused'],
};

function suppressSeries(figure: FigureSeries, all: Map<string, FigureSeries>): Suppressed[] {
  const privacy = figure.privacy;
  return figure.values.map((value, i) => {
    if (privacy.kind === 'capacity') return { value, under5: false };
    if (privacy.kind === 'count') return suppressCount(value);
    const base = all.get(privacy.base)?.values[i] ?? null;
    const part = privacy.part ? (all.get(privacy.part)?.values[i] ?? null) : null;
    return suppressDerived(value, base, part);
  });
}

/** The twelve whole months before the one `today` is in, oldest first. */
export function dashboardMonths(today: string): string[] {
  const current = firstOfMonth(today);
  return Array.from({ length: 12 }, (_, i) => addMonths(current, i - 12));
}

/** The dashboard of one municipality, suppressed (exported for tests and the benchmark). */
export async function buildDashboard(db: Db, tenantId: string, asOf: AsOf): Promise<DashboardOutput> {
  const months = dashboardMonths(asOf.today);
  const sections = await computeSections(db, { tenantId }, months, asOf);
  const all = new Map(sections.flatMap((s) => s.figures.map((f) => [f.key, f] as const)));
  return {
    months,
    sections: sections
      .filter((s) => dashboardFigures[s.key])
      .map((s) => ({
        key: s.key,
        title: s.title,
        figures: s.figures
          .filter((f) => dashboardFigures[s.key]!.includes(f.key))
          .map((f) => ({ key: f.key, unit: f.unit, label: f.label, definition: f.definition, values: suppressSeries(f, all) })),
      })),
  };
}

/** The steering-group dashboard (report:dashboard: steering group and service lead). */
export async function getDashboard(ctx: Ctx): Promise<DashboardOutput> {
  const user = requirePermission(ctx, 'report:dashboard');
  return inTransaction(ctx, (tx) => buildDashboard(tx.db, user.tenantId, { today: osloToday(tx.now), now: tx.now }));
}
