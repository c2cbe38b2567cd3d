// Pure rules of the three-month clock's follow-up: when staff are warned, when a stay is over the
// limit without an extension, and what an extension must be. Dates are ISO calendar dates in
// Europe/Oslo (see stays.rules.ts), so no daylight-saving change can move a warning by a day.

import { addDays, latestEndDate } from './stays.rules.ts';

/** Weeks after check-in at which staff are warned, when the service has not set its own. */
export const DEFAULT_WARNING_WEEKS: readonly number[] = [8, 10, 12];

/** The day the warning for week n falls due: n whole weeks after the check-in day. */
export function warningDate(startOn: string, week: number): string {
  return addDays(startOn, week * 7);
}

/**
 * The warning that is due today: the latest configured week whose day has come (null before the
 * first). Only the latest one, so a server that was off for a fortnight does not post three old
 * warnings at once; run daily, every week gets its own day.
 */
export function dueWarningWeek(startOn: string, today: string, weeks: readonly number[]): number | null {
  const reached = weeks.filter((w) => warningDate(startOn, w) <= today);
  return reached.length ? Math.max(...reached) : null;
}

/** The last day an extension covers (the latest new planned end), or null without extensions. */
export function coveredUntil(extensions: readonly { newPlannedEndOn: string }[]): string | null {
  return extensions.reduce<string | null>((max, e) => (max === null || e.newPlannedEndOn > max ? e.newPlannedEndOn : max), null);
}

/**
 * A stay is flagged when today is after its three-month limit (latestEndDate of the check-in day)
 * and no extension covers today. The law treats a stay over three months as an exception that needs
 * a recorded justification: the extension is that justification. A stay that has ended is not flagged.
 */
export function isOverdueWithoutExtension(
  stay: { startOn: string; endOn?: string | null },
  extensions: readonly { newPlannedEndOn: string }[],
  today: string,
): boolean {
  if (stay.endOn && stay.endOn <= today) return false;
  if (today <= latestEndDate(stay.startOn)) return false;
  const until = coveredUntil(extensions);
  return until === null || until < today;
}

export type ExtensionRefusal = 'not_later' | 'in_past';

/**
 * Why a new planned end cannot be an extension, or null when it can: it must come after the current
 * planned end (an extension only ever lengthens the stay), and not before today.
 */
export function extensionRefusal(currentPlannedEndOn: string, newPlannedEndOn: string, today: string): ExtensionRefusal | null {
  if (newPlannedEndOn <= currentPlannedEndOn) return 'not_later';
  if (newPlannedEndOn < today) return 'in_past';
  return null;
}

/** Whether the new planned end goes past the three-month limit (the audit row says so). */
export function beyondThreeMonths(startOn: string, plannedEndOn: string): boolean {
  return plannedEndOn > latestEndDate(startOn);
}
