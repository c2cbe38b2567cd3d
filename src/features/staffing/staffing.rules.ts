// Pure rules of the staffing plan (turnus): the pattern, the fourth-weekend rotation, a fair rota and
// under-staffed shifts. Dates are ISO yyyy-mm-dd (calendar days in Europe/Oslo).
import { addDays, SHIFT_ORDER, type ShiftType } from '../shift-log/shift-log.rules.ts';

export type ShiftNeeds = Record<ShiftType, number>;
export interface StaffingPattern {
  weekday: ShiftNeeds;
  weekend: ShiftNeeds;
}

/**
 * domain.md: "two people on day shift, one on afternoon/evening; each staff member works every fourth
 * weekend". Nights are the security company's rounds, so nobody from staff by default.
 */
export const DEFAULT_PATTERN: StaffingPattern = {
  weekday: { day: 2, evening: 1, night: 0 },
  weekend: { day: 2, evening: 1, night: 0 },
};

export const WEEKEND_GROUPS = 4;
export const MAX_PERIOD_DAYS = 92;

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function isWeekend(day: string): boolean {
  return weekdayOf(day) >= 5;
}

/**
 * The weekend group whose turn a day's weekend is: weeks counted from Monday 5 January 1970, mod 4.
 * Saturday and Sunday of one week belong to the same group; the next weekend is the next group.
 */
export function weekendGroupOf(day: string): number {
  const weeks = Math.floor((dayNumber(day) - dayNumber('1970-01-05')) / 7);
  return ((weeks % WEEKEND_GROUPS) + WEEKEND_GROUPS) % WEEKEND_GROUPS;
}

export function needsOn(pattern: StaffingPattern, day: string): ShiftNeeds {
  return isWeekend(day) ? pattern.weekend : pattern.weekday;
}

/** The days from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const n = dayNumber(to) - dayNumber(from);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addDays(from, i));
}

/**
 * Weekend groups for people joining the rota: each joins the group with the fewest members (the
 * lowest number on a tie), so the four groups stay as even as they can.
 */
export function assignWeekendGroups(existing: readonly { weekendGroup: number }[], joining: readonly string[]): { userId: string; weekendGroup: number }[] {
  const sizes = Array.from({ length: WEEKEND_GROUPS }, (_, g) => existing.filter((m) => m.weekendGroup === g).length);
  return joining.map((userId) => {
    const group = sizes.indexOf(Math.min(...sizes));
    sizes[group]!++;
    return { userId, weekendGroup: group };
  });
}

export interface Member {
  userId: string;
  weekendGroup: number;
}
export interface Assignment {
  day: string;
  shift: ShiftType;
  userId: string;
}

/**
 * A rota for the days from the pattern.
 * - Weekends: only the weekend's group works (each person every fourth weekend). If the group is
 *   smaller than the weekend needs, the shift stays short and is warned about — the rule is not broken.
 * - Weekdays: everyone on the rota.
 * - One shift a person a day; nobody goes from an evening shift (until 23:00) to the next day shift
 *   (from 07:30), which would leave less than the 11 hours' rest of the Working Environment Act.
 * - Fair: each place goes to the eligible person with the fewest shifts so far in the period, then
 *   the fewest of that kind of shift, then the one who worked longest ago, then the rota order.
 */
export function generateRota(days: readonly string[], members: readonly Member[], needs: (day: string) => ShiftNeeds): Assignment[] {
  const total = new Map(members.map((m) => [m.userId, 0]));
  const byShift = new Map(members.map((m) => [m.userId, { day: 0, evening: 0, night: 0 } as ShiftNeeds]));
  const lastWorked = new Map<string, number>();
  const order = new Map(members.map((m, i) => [m.userId, i]));
  const result: Assignment[] = [];
  let yesterdayEvening = new Set<string>();
  let yesterdayNight = new Set<string>();

  days.forEach((day, index) => {
    const need = needs(day);
    const candidates = isWeekend(day) ? members.filter((m) => m.weekendGroup === weekendGroupOf(day)) : [...members];
    const today = new Set<string>();
    const evening = new Set<string>();
    const night = new Set<string>();
    for (const shift of SHIFT_ORDER) {
      const eligible = candidates
        .map((m) => m.userId)
        .filter((id) => !today.has(id) && !(shift === 'day' && (yesterdayEvening.has(id) || yesterdayNight.has(id))))
        .sort(
          (a, b) =>
            total.get(a)! - total.get(b)! ||
            byShift.get(a)![shift] - byShift.get(b)![shift] ||
            (lastWorked.get(a) ?? -1) - (lastWorked.get(b) ?? -1) ||
            order.get(a)! - order.get(b)!,
        );
      for (const userId of eligible.slice(0, need[shift])) {
        result.push({ day, shift, userId });
        today.add(userId);
        if (shift === 'evening') evening.add(userId);
        if (shift === 'night') night.add(userId);
        total.set(userId, total.get(userId)! + 1);
        byShift.get(userId)![shift]++;
        lastWorked.set(userId, index);
      }
    }
    yesterdayEvening = evening;
    yesterdayNight = night;
  });
  return result;
}

export interface Shortfall {
  day: string;
  shift: ShiftType;
  required: number;
  assigned: number;
}

/** Shifts with fewer people than the pattern needs, in day and shift order. */
export function understaffed(days: readonly string[], assignments: readonly { day: string; shift: ShiftType }[], needs: (day: string) => ShiftNeeds): Shortfall[] {
  const count = new Map<string, number>();
  for (const a of assignments) count.set(`${a.day}#${a.shift}`, (count.get(`${a.day}#${a.shift}`) ?? 0) + 1);
  return days.flatMap((day) =>
    SHIFT_ORDER.flatMap((shift) => {
      const required = needs(day)[shift];
      const assigned = count.get(`${day}#${shift}`) ?? 0;
      return assigned < required ? [{ day, shift, required, assigned }] : [];
    }),
  );
}
