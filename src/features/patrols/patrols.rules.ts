// Pure rules of the night rounds: which night a round belongs to, when a night is over, and which
// nights have fewer rounds than expected. Dates are ISO yyyy-mm-dd in Europe/Oslo.
import { osloDate, osloInstant, osloTime } from '../journal/journal.rules.ts';
import { addDays } from '../shift-log/shift-log.rules.ts';

/** domain.md: "A security company checks the house twice a night." The service's dated setting overrides it. */
export const DEFAULT_EXPECTED_ROUNDS = 2;

/** A round before noon belongs to the night that began the evening before. */
const NOON = '12:00';

/** The night is over, and can be checked, at 06:00 (when the morning job runs, before the day shift). */
export const NIGHT_OVER_AT = '06:00';

/** The night (the date it began) a round at a wall-clock moment belongs to. */
export function nightOf(day: string, time: string): string {
  return time < NOON ? addDays(day, -1) : day;
}

export function nightOfInstant(instant: Date): string {
  return nightOf(osloDate(instant), osloTime(instant));
}

/** Whether the night that began on `night` is over at `now` (06:00 the next morning). */
export function isNightOver(night: string, now: Date): boolean {
  return now.getTime() >= osloInstant(addDays(night, 1), NIGHT_OVER_AT).getTime();
}

/** The last night that is over at `now`. */
export function lastNightOver(now: Date): string {
  const today = osloDate(now);
  return isNightOver(addDays(today, -1), now) ? addDays(today, -1) : addDays(today, -2);
}

/** The `count` nights up to and including `last`, newest first. */
export function nightsUpTo(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(last, -i));
}

/**
 * Nights are checked from the first night a round was ever recorded: a service that has not started
 * recording rounds (or the nights before it did) is not told every morning that rounds are missing.
 */
export function isChecked(night: string, firstRecordedNight: string | null): boolean {
  return firstRecordedNight !== null && night >= firstRecordedNight;
}

export interface NightCheck {
  night: string;
  rounds: number;
  expected: number;
  missing: number;
}

/** Each night with the rounds recorded and expected; `missing` is how many rounds are short (0 when enough). */
export function checkNights(nights: readonly string[], roundsByNight: ReadonlyMap<string, number>, expectedOn: (night: string) => number): NightCheck[] {
  return nights.map((night) => {
    const rounds = roundsByNight.get(night) ?? 0;
    const expected = expectedOn(night);
    return { night, rounds, expected, missing: Math.max(0, expected - rounds) };
  });
}

/**
 * The value of a dated setting on a day, from its history (any order): the row with the latest
 * valid-from not after the day; the default before the first row.
 */
export function valueOn<T>(history: readonly { validFromOn: string; value: T }[], day: string, fallback: T): T {
  let best: { validFromOn: string; value: T } | null = null;
  for (const row of history) if (row.validFromOn <= day && (!best || row.validFromOn > best.validFromOn)) best = row;
  return best ? best.value : fallback;
}
