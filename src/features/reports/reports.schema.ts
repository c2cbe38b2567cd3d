import { z } from 'zod';

// Shapes of the reports' API. The browser imports these types, so nothing here touches the database.

const text = z.object({ nb: z.string(), en: z.string() }).meta({ id: 'ReportText' });
const unit = z.enum(['count', 'percent', 'nights', 'roomNights']).meta({ id: 'ReportUnit' });
const chart = z.object({ kind: z.enum(['distribution', 'comparison']), figureKeys: z.array(z.string()) }).meta({ id: 'ReportChart' });

export const monthlyFigureOutput = z
  .object({
    key: z.string(),
    unit,
    label: text,
    definition: text,
    value: z.number().nullable(),
    previous: z.number().nullable(),
    lastYear: z.number().nullable(),
  })
  .meta({ id: 'MonthlyReportFigure' });

export const monthlyReportOutput = z
  .object({
    tenantName: z.string(),
    month: z.string().meta({ description: 'First day of the month (yyyy-mm-dd)' }),
    previousMonth: z.string(),
    lastYearMonth: z.string(),
    /** The report counts nights before this day; a month that has not ended is "so far". */
    asOf: z.string(),
    complete: z.boolean(),
    producedAt: z.string(),
    sections: z.array(z.object({ key: z.string(), title: text, chart: chart.optional(), figures: z.array(monthlyFigureOutput) })),
  })
  .meta({ id: 'MonthlyReport' });

export const yearFigureOutput = z
  .object({ key: z.string(), unit, label: text, definition: text, values: z.array(z.number().nullable()) })
  .meta({ id: 'YearReportFigure' });

export const kostraOutput = z
  .object({
    year: z.number(),
    deadline: z.string().meta({ description: 'KOSTRA form 13 is due by this day (15 February the year after)' }),
    households: z.number(),
    householdsWithChildren: z.number(),
    householdsWithChildrenOverThreeMonths: z.number(),
    householdsUpTo14Days: z.number(),
    shareWithChildrenOverThreeMonths: z.number().nullable(),
    shareUpTo14Days: z.number().nullable(),
    definitions: z.record(z.string(), z.object({ label: text, definition: text })),
  })
  .meta({ id: 'KostraFigures' });

export const yearReportOutput = z
  .object({
    tenantName: z.string(),
    year: z.number(),
    months: z.array(z.string()),
    asOf: z.string(),
    sections: z.array(z.object({ key: z.string(), title: text, figures: z.array(yearFigureOutput) })),
    kostra: kostraOutput,
  })
  .meta({ id: 'YearReport' });

const suppressedValue = z
  .object({ value: z.number().nullable(), under5: z.boolean().meta({ description: 'A count of 1–4 (or a figure derived from one), withheld' }) })
  .meta({ id: 'SuppressedValue' });

export const dashboardOutput = z
  .object({
    months: z.array(z.string()),
    sections: z.array(
      z.object({
        key: z.string(),
        title: text,
        figures: z.array(z.object({ key: z.string(), unit, label: text, definition: text, values: z.array(suppressedValue) })),
      }),
    ),
  })
  .meta({ id: 'SteeringGroupDashboard' });

export const archivedReportSummary = z
  .object({ id: z.uuid(), month: z.string(), producedAt: z.string(), trigger: z.enum(['scheduled', 'on_demand']) })
  .meta({ id: 'ArchivedMonthlyReportSummary' });

export const archivedReportOutput = archivedReportSummary.extend({ report: monthlyReportOutput }).meta({ id: 'ArchivedMonthlyReport' });

export const dataQualityKinds = ['overlapping_stays', 'missing_destination', 'out_of_service_occupied', 'over_capacity', 'state_mismatch', 'referral_undecided'] as const;

export const dataQualityIssueOutput = z
  .object({
    kind: z.enum(dataQualityKinds),
    /** The page that fixes it (a path in the web app; ids only). */
    fixPath: z.string(),
    /** When it happened (the stay's, room's or referral's day). */
    on: z.string(),
    roomName: z.string().nullable(),
    entityId: z.uuid(),
  })
  .meta({ id: 'DataQualityIssue' });

export type MonthlyReportOutput = z.infer<typeof monthlyReportOutput>;
export type YearReportOutput = z.infer<typeof yearReportOutput>;
export type KostraOutput = z.infer<typeof kostraOutput>;
export type DashboardOutput = z.infer<typeof dashboardOutput>;
export type ArchivedReportSummary = z.infer<typeof archivedReportSummary>;
export type ArchivedReportOutput = z.infer<typeof archivedReportOutput>;
export type DataQualityIssueOutput = z.infer<typeof dataQualityIssueOutput>;
export type DataQualityKind = (typeof dataQualityKinds)[number];
