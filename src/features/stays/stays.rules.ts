// Pure date rules of a stay: calendar dates are ISO strings (yyyy-mm-dd) in Europe/Oslo, and all
// arithmetic is done on UTC midnights so no daylight-saving shift can move a date.

import { latestEndDate } from '../allocation/allocation.rules.ts';
import { osloDate } from '../../platform/time/oslo.ts';

const DAY_MS = 86_400_000;

const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Today's calendar date in Europe/Oslo for an instant (the service's clock is ctx.now). */
export { osloDate };

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** Nights from day A to day B: a stay from check-in day A to check-out day B has B − A nights. */
export function nightsBetween(fromIso: string, toIso: string): number {
  return Math.round((toUtc(toIso) - toUtc(fromIso)) / DAY_MS);
}

// The three-month limit is allocation's rule (three calendar months from check-in, clamped to the
// month's last day): the offer's planned end and the board's clock must agree, so there is one copy.
export { latestEndDate };

export type ClockStatus = 'ok' | 'soon' | 'over';

export interface StayClock {
  nightsSoFar: number;
  nightsLeft: number;
  latestEndOn: string;
  status: ClockStatus;
}

/** Nights left at or below this count as "soon": two weeks to find the next home. */
export const SOON_NIGHTS = 14;

/**
 * The three-month clock of a stay on a given day: nights so far (check-in day to today), nights left
 * to the limit (negative once past it), and a status for the board ('over' only after the last day).
 */
export function stayClock(startOn: string, today: string): StayClock {
  const latestEndOn = latestEndDate(startOn);
  const nightsLeft = nightsBetween(today, latestEndOn);
  return {
    nightsSoFar: Math.max(0, nightsBetween(startOn, today)),
    nightsLeft,
    latestEndOn,
    status: nightsLeft < 0 ? 'over' : nightsLeft <= SOON_NIGHTS ? 'soon' : 'ok',
  };
}

/** The Monday of the ISO week a date falls in. */
export function mondayOf(iso: string): string {
  const weekday = (new Date(toUtc(iso)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(iso, -weekday);
}

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(iso: string): number {
  const thursday = addDays(mondayOf(iso), 3);
  const jan1 = `${thursday.slice(0, 4)}-01-01`;
  return Math.floor(nightsBetween(jan1, thursday) / 7) + 1;
}

/** Initials for the calendar: first letter of the given name and of the family name. */
export function initials(givenName: string, familyName: string): string {
  const first = (s: string) => (s.trim()[0] ?? '').toLocaleUpperCase('nb-NO');
  return `${first(givenName)}${first(familyName)}`;
}
