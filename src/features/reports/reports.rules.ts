import type { DestinationGroup } from '../stays/move-out.rules.ts';
import { osloDate } from '../../platform/time/oslo.ts';

// Pure rules of the reports: months, destination groups, length-of-stay buckets and the suppression
// of small counts for the steering group.

/** The report's five destination groups (the homelessness survey counts prison as an institution). */
export const reportDestinationGroups = ['permanent', 'temporary', 'institution', 'homeless', 'other'] as const;
export type ReportDestinationGroup = (typeof reportDestinationGroups)[number];

export function reportGroupOf(group: DestinationGroup): ReportDestinationGroup {
  return group === 'prison' ? 'institution' : group;
}

/** Length-of-stay buckets in nights, inclusive bounds (the last has no upper bound). */
export const lengthBuckets = [
  { key: 'upTo7', from: 0, to: 7 },
  { key: 'from8To14', from: 8, to: 14 },
  { key: 'from15To21', from: 15, to: 21 },
  { key: 'from22To30', from: 22, to: 30 },
  { key: 'from31To60', from: 31, to: 60 },
  { key: 'from61To90', from: 61, to: 90 },
  { key: 'over90', from: 91, to: null },
] as const;

/** "2024-02" or "2024-02-17" → "2024-02-01". */
export function firstOfMonth(month: string): string {
  return `${month.slice(0, 7)}-01`;
}

/** The first day of the month `delta` months from the given first day (negative goes back). */
export function addMonths(first: string, delta: number): string {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7)) - 1 + delta;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The month itself, the month before and the same month a year earlier (the report's three columns). */
export function comparisonMonths(first: string): [string, string, string] {
  return [first, addMonths(first, -1), addMonths(first, -12)];
}

/** The twelve months of a year. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`);
}

/** Today's date in Oslo. */
export function osloToday(now: Date): string {
  return osloDate(now);
}

/** The month before the one `now` is in (what the job on the 1st reports). */
export function previousMonthOf(now: Date): string {
  return addMonths(firstOfMonth(osloToday(now)), -1);
}

/** Counts from 1 to 4 could point at a person: the steering group sees them as "under 5". */
export const suppressionLimit = 5;

export interface Suppressed {
  value: number | null;
  under5: boolean;
}

export function suppressCount(value: number | null): Suppressed {
  if (value !== null && value > 0 && value < suppressionLimit) return { value: null, under5: true };
  return { value, under5: false };
}

/**
 * A share or average over a small group gives the small count away (1 of 3 moved to prison), so it is
 * withheld when the group, the part or the rest is 1–4.
 */
export function suppressDerived(value: number | null, base: number | null, part: number | null = null): Suppressed {
  const small = (n: number | null) => n !== null && n > 0 && n < suppressionLimit;
  if (small(base) || small(part) || (base !== null && part !== null && small(base - part))) return { value: null, under5: true };
  return { value, under5: false };
}

/** A ratio as a percentage with one decimal, null when there is nothing to divide by. */
export function percent(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** The KOSTRA deadline for a reporting year: 15 February the year after. */
export function kostraDeadline(year: number): string {
  return `${year + 1}-02-15`;
}
