import type { Db } from '../../platform/db/client.ts';
import { figureTexts, sectionTitles, type FigureKey, type Text } from './reports.definitions.ts';
import { aftercareFigures, moveOutFigures, referralFigures, stayFigures, type AsOf } from './monthly.queries.ts';
import { addMonths, lengthBuckets, percent, reportDestinationGroups } from './reports.rules.ts';
import type { Scope } from './reports.sql.ts';
import { externalSpendFigures } from './money.queries.ts';
import { paymentMonthTotals } from '../payments/payments.report.queries.ts';
import { countIncidentsByTypeAndSeverity, type IncidentCount } from '../incidents/incidents.report.queries.ts';
import { incidentSeverities, incidentTypes } from '../incidents/incidents.tables.ts';
import { planWithValues } from '../../platform/db/plan-mode.ts';

// The report is a list of sections. Each provider runs its queries for a list of months and returns
// one or more sections of figure series (one value per month). The monthly report, the year report,
// the archive and the steering-group dashboard are all built from this list, so a new capability
// (payments, incidents) adds its section by adding a provider to `sectionProviders`.

/** `money` values are integer øre (shown as "9 000 kr"). */
export type Unit = 'count' | 'percent' | 'nights' | 'roomNights' | 'money';

/**
 * How the steering group may see a figure: `count` of people or their events (1–4 suppressed),
 * `capacity` (rooms and room-nights; not about people), or `derived` from a count of people (a share
 * or average, withheld when its base, part or the rest is 1–4).
 */
export type Privacy = { kind: 'count' } | { kind: 'capacity' } | { kind: 'derived'; base: string; part?: string };

export interface FigureSeries {
  key: string;
  unit: Unit;
  label: Text;
  definition: Text;
  privacy: Privacy;
  values: (number | null)[];
}

export interface ChartSpec {
  /** `distribution`: one bar per figure (this month); `comparison`: one figure, three bars. */
  kind: 'distribution' | 'comparison';
  figureKeys: string[];
}

export interface SectionSeries {
  key: string;
  title: Text;
  figures: FigureSeries[];
  chart?: ChartSpec;
}

export type SectionProvider = (db: Db, scope: Scope, months: readonly string[], asOf: AsOf) => Promise<SectionSeries[]>;

function fig(key: FigureKey, unit: Unit, privacy: Privacy, values: (number | null)[]): FigureSeries {
  return { key, unit, privacy, values, ...figureTexts[key] };
}

const count: Privacy = { kind: 'count' };
const capacity: Privacy = { kind: 'capacity' };

const staysSections: SectionProvider = async (db, scope, months, asOf) => {
  const rows = await stayFigures(db, scope, months, asOf);
  const available = rows.map((r) => r.roomNights - r.outOfServiceNights);
  return [
    {
      key: 'occupancy',
      title: sectionTitles.occupancy,
      chart: { kind: 'comparison', figureKeys: ['occupancyRate'] },
      figures: [
        fig(
          'occupancyRate',
          'percent',
          capacity,
          rows.map((r, i) => percent(r.occupiedNights, available[i]!)),
        ),
        fig('occupiedNights', 'roomNights', capacity, rows.map((r) => r.occupiedNights)),
        fig('availableNights', 'roomNights', capacity, available),
        fig('outOfServiceNights', 'roomNights', capacity, rows.map((r) => r.outOfServiceNights)),
        fig('residentsAtStart', 'count', count, rows.map((r) => r.residentsAtStart)),
        fig('residentsAtEnd', 'count', count, rows.map((r) => r.residentsAtEnd)),
        fig('checkIns', 'count', count, rows.map((r) => r.checkIns)),
        fig('checkOuts', 'count', count, rows.map((r) => r.checkOuts)),
        fig('pastThreeMonths', 'count', count, rows.map((r) => r.pastThreeMonths)),
      ],
    },
  ];
};

const referralSections: SectionProvider = async (db, scope, months, asOf) => {
  const rows = await referralFigures(db, scope, months, asOf);
  const keys = ['received', 'screenedOut', 'offered', 'accepted', 'declined', 'refused', 'waitingAtEnd'] as const;
  return [
    {
      key: 'referrals',
      title: sectionTitles.referrals,
      chart: { kind: 'distribution', figureKeys: ['received', 'offered', 'accepted', 'declined', 'refused'] },
      figures: keys.map((k) => fig(k, 'count', count, rows.map((r) => r[k]))),
    },
  ];
};

const moveOutSections: SectionProvider = async (db, scope, months) => {
  const rows = await moveOutFigures(db, scope, months);
  const moved = { kind: 'derived', base: 'movedOut' } as const;
  return [
    {
      key: 'lengthOfStay',
      title: sectionTitles.lengthOfStay,
      chart: { kind: 'distribution', figureKeys: lengthBuckets.map((b) => b.key) },
      figures: [
        fig('movedOut', 'count', count, rows.map((r) => r.movedOut)),
        fig('averageNights', 'nights', moved, rows.map((r) => r.averageNights)),
        fig('medianNights', 'nights', moved, rows.map((r) => r.medianNights)),
        ...lengthBuckets.map((b, i) => fig(b.key, 'count', count, rows.map((r) => r.buckets[i]!))),
      ],
    },
    {
      key: 'destinations',
      title: sectionTitles.destinations,
      chart: { kind: 'distribution', figureKeys: [...reportDestinationGroups] },
      figures: [
        ...reportDestinationGroups.map((g) => fig(g, 'count', count, rows.map((r) => r.destinations[g]))),
        fig(
          'permanentShare',
          'percent',
          { kind: 'derived', base: 'movedOut', part: 'permanent' },
          rows.map((r) => percent(r.destinations.permanent, r.movedOut)),
        ),
      ],
    },
  ];
};

const aftercareSections: SectionProvider = async (db, scope, months) => {
  const rows = await aftercareFigures(db, scope, months);
  return [
    {
      key: 'aftercare',
      title: sectionTitles.aftercare,
      figures: [fig('followUpsDone', 'count', count, rows.map((r) => r.followUpsDone)), fig('stillHoused', 'count', count, rows.map((r) => r.stillHoused))],
    },
  ];
};

/** The last day of a month from its first day (yyyy-mm-dd). */
function lastDayOf(first: string): string {
  const next = addMonths(first, 1);
  return new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
}

/**
 * Self-payment and external accommodation, in øre. The payment figures come from the payments feature
 * (`paymentMonthTotals`, one municipality at a time). National scope: this section is left out — the
 * national figure is KOSTRA's, which has no money in it, and payment rates differ per municipality.
 *
 * Privacy: the amounts are aggregates, but with one to four residents charged (or in arrears) a sum is
 * close to one person's debt or payment, so each amount is `derived` from the count of people it is
 * about and withheld from the steering group with it: charged, corrections, nights and paid from
 * residents charged (payments are mostly the same residents'), arrears from residents in arrears, and
 * external spend from the number of purchases (a purchase is usually one household).
 */
const moneySections: SectionProvider = async (db, scope, months) => {
  if (!scope.tenantId) return [];
  const tenantId = scope.tenantId;
  const totals = [];
  for (const m of months) totals.push(await paymentMonthTotals(db, tenantId, m.slice(0, 7)));
  const external = await externalSpendFigures(db, scope, months);
  const byCharged = { kind: 'derived', base: 'residentsCharged' } as const;
  return [
    {
      key: 'money',
      title: sectionTitles.money,
      figures: [
        fig('residentsCharged', 'count', count, totals.map((t) => t.residentsCharged)),
        fig('chargedNights', 'nights', byCharged, totals.map((t) => t.nights)),
        fig('chargedOre', 'money', byCharged, totals.map((t) => t.chargedOre)),
        fig('correctionsOre', 'money', byCharged, totals.map((t) => t.correctionsOre)),
        fig('paidOre', 'money', byCharged, totals.map((t) => t.paidOre)),
        fig('arrearsOre', 'money', { kind: 'derived', base: 'residentsInArrears' }, totals.map((t) => t.arrearsOre)),
        fig('residentsInArrears', 'count', count, totals.map((t) => t.residentsInArrears)),
        fig('externalPurchases', 'count', count, external.map((e) => e.purchases)),
        fig('externalSpendOre', 'money', { kind: 'derived', base: 'externalPurchases' }, external.map((e) => e.spendOre)),
      ],
    },
  ];
};

/**
 * Incidents that occurred in the month (Oslo days), by type and by severity; counts of events about
 * people, so `count` privacy. National scope: left out (the incidents query is per municipality, and
 * the national figure is KOSTRA's, which has no incidents).
 */
const incidentSections: SectionProvider = async (db, scope, months) => {
  if (!scope.tenantId) return [];
  const perMonth: IncidentCount[][] = [];
  for (const m of months) perMonth.push(await countIncidentsByTypeAndSeverity(db, scope.tenantId, m, lastDayOf(m)));
  const sum = (pick: (c: IncidentCount) => boolean) => perMonth.map((rows) => rows.filter(pick).reduce((n, c) => n + c.count, 0));
  const typeKeys = incidentTypes.map((t) => `incident_${t}` as const);
  return [
    {
      key: 'incidents',
      title: sectionTitles.incidents,
      chart: { kind: 'distribution', figureKeys: typeKeys },
      figures: [
        fig('incidentsTotal', 'count', count, sum(() => true)),
        ...incidentTypes.map((t) => fig(`incident_${t}`, 'count', count, sum((c) => c.type === t))),
        ...incidentSeverities.map((sv) => fig(`severity_${sv}`, 'count', count, sum((c) => c.severity === sv))),
      ],
    },
  ];
};

/** The sections of the report, in the order they are shown. */
export const sectionProviders: SectionProvider[] = [staysSections, referralSections, moveOutSections, aftercareSections, moneySections, incidentSections];

/** Every section for the given months (the queries run one after another on one connection). */
export async function computeSections(db: Db, scope: Scope, months: readonly string[], asOf: AsOf): Promise<SectionSeries[]> {
  await planWithValues(db);
  const sections: SectionSeries[] = [];
  for (const provider of sectionProviders) sections.push(...(await provider(db, scope, months, asOf)));
  return sections;
}
