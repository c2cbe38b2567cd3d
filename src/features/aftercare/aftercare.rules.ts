// Pure rules of aftercare: when the follow-ups after a move-out fall due, and whether a new referral
// is a return to homelessness within 6 or 12 months of a move-out. No I/O; dates are ISO calendar
// dates (yyyy-mm-dd) in Europe/Oslo.

const pad = (n: number) => String(n).padStart(2, '0');

function parseIso(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`not a calendar date: ${iso}`);
  return [y, mo, d];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * An ISO date plus whole calendar months, on the same day of the month; when the target month is
 * shorter, its last day (the same clamping as the three-month rule `latestEndDate`):
 *
 *   31.01.2027 + 1 → 28.02.2027   31.01.2028 + 1 → 29.02.2028 (leap year)   31.08.2027 + 6 → 29.02.2028
 */
export function addMonths(iso: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`not a whole number of months: ${months}`);
  const [y, m, d] = parseIso(iso);
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** The follow-ups asked "still housed?" after a move-out: 1, 3 and 6 months. */
export const followUpMonths = [1, 3, 6] as const;

/** Where a move-out went that needs no follow-up: nobody to ask. */
const noFollowUpDestinations: ReadonlySet<string> = new Set(['deceased']);

/** The follow-ups due after a move-out on `movedOutOn` (none after a death). */
export function plannedFollowUps(movedOutOn: string, destination: string): { monthsAfter: number; dueOn: string }[] {
  if (noFollowUpDestinations.has(destination)) return [];
  return followUpMonths.map((monthsAfter) => ({ monthsAfter, dueOn: addMonths(movedOutOn, monthsAfter) }));
}

/** An ISO date plus (or minus) whole days. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = parseIso(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** How far ahead the list of follow-ups looks: those falling due in the next two weeks are "due". */
export const dueSoonDays = 14;

/**
 * Where a follow-up stands on `today`: done; overdue (its day has passed); due (today or within the
 * next two weeks, so staff can plan the call or visit); planned (later).
 */
export function followUpState(dueOn: string, doneOn: string | null, today: string): 'done' | 'overdue' | 'due' | 'planned' {
  if (doneOn) return 'done';
  if (dueOn < today) return 'overdue';
  if (dueOn <= addDays(today, dueSoonDays)) return 'due';
  return 'planned';
}

/**
 * A new referral of a former resident, against the move-out before it: "tilbakefall til
 * bostedsløshet" within 6 and within 12 months. The window is inclusive of its last day: referred on
 * the day six calendar months after the move-out counts as within 6 months (the months are counted as
 * in addMonths, so 31.08 + 6 months is 28/29.02). A referral before the move-out is not a return.
 */
export function returnAfterMoveOut(movedOutOn: string, referredOn: string): { within6Months: boolean; within12Months: boolean } {
  parseIso(referredOn);
  if (referredOn < movedOutOn) return { within6Months: false, within12Months: false };
  return {
    within6Months: referredOn <= addMonths(movedOutOn, 6),
    within12Months: referredOn <= addMonths(movedOutOn, 12),
  };
}
