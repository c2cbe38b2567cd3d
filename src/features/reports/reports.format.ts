import type { Text } from './reports.definitions.ts';

// Formatting shared by the PDF, the XLSX and the web page (no database, no DOM: the browser imports it).

export type Locale = 'nb' | 'en';
export type ReportUnit = 'count' | 'percent' | 'nights' | 'roomNights';

const intl = (locale: Locale, digits: number) => new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** A figure as text: "80,5 %" (nb), "12", "20,5" nights; "–" when there is nothing to show. */
export function formatFigure(value: number | null | undefined, unit: ReportUnit, locale: Locale): string {
  if (value === null || value === undefined) return '–';
  if (unit === 'percent') return `${intl(locale, 1).format(value)}\u00a0%`;
  return intl(locale, 1).format(value);
}

/** "februar 2024" / "February 2024" from "2024-02-01". */
export function formatMonth(first: string, locale: Locale): string {
  const date = new Date(`${first.slice(0, 7)}-15T12:00:00Z`);
  return date.toLocaleDateString(locale === 'nb' ? 'nb-NO' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "feb. 24" short month label for charts and year tables. */
export function formatMonthShort(first: string, locale: Locale): string {
  const date = new Date(`${first.slice(0, 7)}-15T12:00:00Z`);
  return date.toLocaleDateString(locale === 'nb' ? 'nb-NO' : 'en-GB', { month: 'short', timeZone: 'UTC' });
}

/** dd.mm.yyyy from an ISO date. */
export function formatDay(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

export const pick = (text: Text, locale: Locale) => text[locale];

/** Texts of the exported files (the page has its own in reports.messages.ts). */
export const fileTexts = {
  monthlyTitle: { nb: 'Månedsrapport', en: 'Monthly report' },
  yearTitle: { nb: 'Årsrapport', en: 'Year report' },
  figure: { nb: 'Tall', en: 'Figure' },
  definition: { nb: 'Definisjon', en: 'Definition' },
  section: { nb: 'Del', en: 'Section' },
  lastYear: { nb: 'Samme måned i fjor', en: 'Same month last year' },
  previous: { nb: 'Måneden før', en: 'Month before' },
  produced: { nb: 'Laget', en: 'Produced' },
  incomplete: { nb: 'Måneden er ikke over: nettene er talt til og med i natt som var.', en: 'The month has not ended: nights are counted up to last night.' },
  kostra: { nb: 'KOSTRA skjema 13 – midlertidige botilbud', en: 'KOSTRA form 13 – temporary accommodation' },
  deadline: { nb: 'Frist for innrapportering til SSB', en: 'Deadline for reporting to Statistics Norway' },
  value: { nb: 'Verdi', en: 'Value' },
} satisfies Record<string, Text>;
