// Pure rules of the agreement: the three-month period, the signed date, what changed between versions.
// Dates are ISO calendar dates (yyyy-mm-dd) in Europe/Oslo; ISO dates compare correctly as strings.

/** Today's calendar date in Oslo for an instant (the injected clock). */
export const osloDay = (instant: Date): string => instant.toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

const daysInMonth = (year: number, month1: number) => new Date(Date.UTC(year, month1, 0)).getUTCDate();

/**
 * Adds calendar months to a date; a day that does not exist in the target month becomes its last
 * day (31.01 + 1 month = 28.02, or 29.02 in a leap year), as a person counting months would.
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month1 = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month1));
  return `${year}-${String(month1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The service's limit: a stay lasts at most three calendar months from the check-in day. */
export const maxStayMonths = 3;

/** The latest planned move-out day for a stay that starts on startOn. */
export const latestEndOn = (startOn: string): string => addMonths(startOn, maxStayMonths);

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
