// Pure rules of the agreement: the three-month period, the signed date, what changed between versions.
// Dates are ISO calendar dates (yyyy-mm-dd) in Europe/Oslo; ISO dates compare correctly as strings.
import { latestEndDate } from '../allocation/allocation.rules.ts';
import { osloDate } from '../../platform/time/oslo.ts';

/** Today's calendar date in Oslo for an instant (the injected clock). */
export const osloDay = (instant: Date): string => osloDate(instant);

// The service has one three-month rule (calendar months from check-in, clamped to the month's end,
// in allocation.rules.ts); offers, the room board and the agreement all use it.
/** The latest planned move-out day for a stay that starts on startOn. */
export const latestEndOn = (startOn: string): string => latestEndDate(startOn);

/** Whether the period from startOn to endOn (the move-out day) keeps within three months. */
export const periodWithinLimit = (startOn: string, endOn: string): boolean => endOn <= latestEndOn(startOn);

/** Why a signed date cannot be recorded, or null when it can. */
export function signedDateProblem(signedOn: string, today: string, createdOn: string): 'in_future' | 'before_created' | null {
  if (signedOn > today) return 'in_future';
  if (signedOn < createdOn) return 'before_created';
  return null;
}

// jsonb stores object keys in its own order, so compare with sorted keys.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The names of the top-level sections whose content differs (for the audit row: names, never values). */
export function changedSections(before: object, after: object): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => canonical(b[k]) !== canonical(a[k]));
}

/** House rules as published: trimmed, and the same list twice is no new version. */
export const sameRules = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((rule, i) => rule.trim() === b[i]?.trim());
