// Pure rules of allocation: the three-month limit, when an offer lapses, the complaint deadline, the
// order of the waiting list and the path of a complaint. No I/O; dates are ISO calendar dates
// (yyyy-mm-dd) in Europe/Oslo, instants are Date.

import { osloDate } from '../../platform/time/oslo.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function parseIso(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`not a calendar date: ${iso}`);
  return [y, mo, d];
}

/** Days in a month (1-12) of a year, leap years included. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The latest planned end of a stay that starts on `fromIso`: three calendar months after the
 * check-in day, on the same day of the month; when that month is shorter, the month's last day.
 *
 *   15.01.2027 → 15.04.2027   30.11.2026 → 28.02.2027   30.11.2027 → 29.02.2028 (leap year)
 *   31.01.2027 → 30.04.2027   31.12.2026 → 31.03.2027   29.02.2028 → 29.05.2028
 *
 * Calendar dates in Europe/Oslo: the argument and the result are plain dates, no time of day, so
 * daylight-saving changes never move them. The planned end is the check-out day (the night before
 * it is the last night), so a stay from A to latestEndDate(A) is "at most three months".
 */
export function latestEndDate(fromIso: string): string {
  const [y, m, d] = parseIso(fromIso);
  const monthIndex = m - 1 + 3;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** An ISO date plus (or minus) whole days. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = parseIso(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The calendar date of an instant in Europe/Oslo. */
export { osloDate };

/** Minutes Europe/Oslo is ahead of UTC at an instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - at.getTime()) / 60000);
}

/**
 * The instant a calendar day begins in Oslo (local midnight). Daylight saving changes at 01:00 UTC,
 * never between local midnight and 00:00 UTC, so the offset at 00:00 UTC of the day is the offset
 * at its local midnight.
 */
export function startOfOsloDay(iso: string): Date {
  parseIso(iso);
  const utcMidnight = new Date(`${iso}T00:00:00Z`);
  return new Date(utcMidnight.getTime() - osloOffsetMinutes(utcMidnight) * 60000);
}

/**
 * When an offer lapses if nobody answers it: 24 hours after the decision, or at the end of the
 * from-date (midnight Oslo time after it), whichever is later. A person offered a place from today
 * has at least a day to answer; one offered a place from next week keeps the offer until that day
 * has passed.
 */
export function offerExpiresAt(decidedAt: Date, fromIso: string): Date {
  const dayAfter = decidedAt.getTime() + 24 * 60 * 60 * 1000;
  const endOfFromDate = startOfOsloDay(addDays(fromIso, 1)).getTime();
  return new Date(Math.max(dayAfter, endOfFromDate));
}

/** An open offer whose time has passed is lapsed, whether or not the job has marked it yet. */
export function isOfferExpired(expiresAt: Date, now: Date): boolean {
  return now.getTime() >= expiresAt.getTime();
}

/**
 * The last day of the three-week complaint deadline (forvaltningsloven § 29), counted from the day
 * of the decision. The law counts from the day the letter reached the person, which is that day or
 * later, so a complaint received after this day is only probably late: the service warns and still
 * registers it (a late complaint may be considered anyway, forvaltningsloven § 31).
 */
export function complaintDeadline(decidedOnIso: string): string {
  return addDays(decidedOnIso, 21);
}

export function isComplaintLate(decidedOnIso: string, receivedOnIso: string): boolean {
  return receivedOnIso > complaintDeadline(decidedOnIso);
}

export const urgencyOrder = ['tonight', 'this_week', 'later'] as const;
export type Urgency = (typeof urgencyOrder)[number];

/**
 * The waiting list's order: the most urgent first (nowhere to sleep tonight, then this week, then
 * later); within the same urgency, whoever has waited longest.
 */
export function compareWaitingListEntries(a: { urgency: Urgency; addedAt: Date }, b: { urgency: Urgency; addedAt: Date }): number {
  return urgencyOrder.indexOf(a.urgency) - urgencyOrder.indexOf(b.urgency) || a.addedAt.getTime() - b.addedAt.getTime();
}

export type ComplaintStatus = 'received' | 'reassessed' | 'sent_to_statsforvalteren' | 'upheld' | 'overturned' | 'withdrawn';

/**
 * The path of a complaint (forvaltningsloven §§ 32–34): the office that decided re-assesses it and
 * may change its own decision (overturned); if it does not, the complaint goes to Statsforvalteren,
 * who upholds or overturns the decision. The person can withdraw the complaint until it is decided.
 */
const complaintSteps: Record<ComplaintStatus, ComplaintStatus[]> = {
  received: ['reassessed', 'overturned', 'withdrawn'],
  reassessed: ['sent_to_statsforvalteren', 'overturned', 'withdrawn'],
  sent_to_statsforvalteren: ['upheld', 'overturned', 'withdrawn'],
  upheld: [],
  overturned: [],
  withdrawn: [],
};

export function nextComplaintSteps(status: ComplaintStatus): ComplaintStatus[] {
  return complaintSteps[status];
}

/**
 * Whether a room that is out of service overlaps a planned stay. The out-of-service period counts
 * its to-date as a day out of service (open-ended without one); the stay occupies the nights from
 * the from-date up to, not including, the planned end (the check-out day).
 */
export function outOfServiceOverlaps(
  room: { state: string; outOfServiceFromOn: string | null; outOfServiceToOn: string | null },
  period: { fromOn: string; plannedEndOn: string },
): boolean {
  if (room.state !== 'out_of_service' || !room.outOfServiceFromOn) return false;
  const startsBeforeStayEnds = room.outOfServiceFromOn < period.plannedEndOn;
  const endsAfterStayStarts = room.outOfServiceToOn === null || room.outOfServiceToOn >= period.fromOn;
  return startsBeforeStayEnds && endsAfterStayStarts;
}
