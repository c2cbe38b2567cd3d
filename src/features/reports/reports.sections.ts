import type { Db } from '../../platform/db/client.ts';
import { figureTexts, sectionTitles, type FigureKey, type Text } from './reports.definitions.ts';
import { aftercareFigures, moveOutFigures, referralFigures, stayFigures, type AsOf } from './monthly.queries.ts';
import { lengthBuckets, percent, reportDestinationGroups } from './reports.rules.ts';
import type { Scope } from './reports.sql.ts';

// The report is a list of sections. Each provider runs its queries for a list of months and returns
// one or more sections of figure series (one value per month). The monthly report, the year report,
// the archive and the steering-group dashboard are all built from this list, so a new capability
// (payments, incidents) adds its section by adding a provider to `sectionProviders`.

export type Unit = 'count' | 'percent' | 'nights' | 'roomNights';

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

/** The sections of the report, in the order they are shown. Payments and incidents add theirs here. */
export const sectionProviders: SectionProvider[] = [staysSections, referralSections, moveOutSections, aftercareSections];

/** Every section for the given months (the queries run one after another on one connection). */
export async function computeSections(db: Db, scope: Scope, months: readonly string[], asOf: AsOf): Promise<SectionSeries[]> {
  const sections: SectionSeries[] = [];
  for (const provider of sectionProviders) sections.push(...(await provider(db, scope, months, asOf)));
  return sections;
}
