// Pure rules of the shift log (vaktbok): which shift a moment belongs to, and the handover grouping.
// Calendar dates are ISO yyyy-mm-dd in Europe/Oslo; times are hh:mm Oslo wall-clock time.
import { osloDate, osloInstant, osloTime } from '../journal/journal.rules.ts';

export type ShiftType = 'day' | 'evening' | 'night';
export const SHIFT_ORDER: readonly ShiftType[] = ['day', 'evening', 'night'];

/**
 * When each shift starts (Oslo time). domain.md gives the pattern (two on day shift, one in the
 * evening) but not the hours; these are the usual hours of a staffed house: day 07:30–15:30,
 * evening 15:30–23:00, night 23:00–07:30 (the security company's rounds; nobody on the rota by default).
 */
export const SHIFT_STARTS: Record<ShiftType, string> = { day: '07:30', evening: '15:30', night: '23:00' };

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The shift a wall-clock moment belongs to. A night shift belongs to the day it started: 02:00 on
 * the 27th is the night of the 26th.
 */
export function shiftOf(day: string, time: string): { shiftDate: string; shift: ShiftType } {
  if (time < SHIFT_STARTS.day) return { shiftDate: addDays(day, -1), shift: 'night' };
  if (time < SHIFT_STARTS.evening) return { shiftDate: day, shift: 'day' };
  if (time < SHIFT_STARTS.night) return { shiftDate: day, shift: 'evening' };
  return { shiftDate: day, shift: 'night' };
}

/** The shift running at an instant. */
export function shiftAt(instant: Date): { shiftDate: string; shift: ShiftType } {
  return shiftOf(osloDate(instant), osloTime(instant));
}

/**
 * The instant of an entry written for a shift at a time of day. On a night shift a time before the
 * day shift's start is after midnight, so on the next calendar day.
 */
export function entryInstant(shiftDate: string, shift: ShiftType, time: string): Date {
  const day = shift === 'night' && time < SHIFT_STARTS.day ? addDays(shiftDate, 1) : shiftDate;
  return osloInstant(day, time);
}

/** The handover covers the last 24 hours. */
export const HANDOVER_HOURS = 24;

/**
 * Entries grouped by shift for the handover: shifts in the order they were worked (oldest first, so
 * it reads as the story of the last day), entries by time within a shift.
 */
export function groupByShift<E extends { shiftDate: string; shift: ShiftType; occurredAt: string }>(entries: readonly E[]) {
  const key = (e: { shiftDate: string; shift: ShiftType }) => `${e.shiftDate}#${SHIFT_ORDER.indexOf(e.shift)}`;
  const groups = new Map<string, { shiftDate: string; shift: ShiftType; entries: E[] }>();
  for (const entry of [...entries].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))) {
    const k = key(entry);
    if (!groups.has(k)) groups.set(k, { shiftDate: entry.shiftDate, shift: entry.shift, entries: [] });
    groups.get(k)!.entries.push(entry);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, g]) => g);
}
