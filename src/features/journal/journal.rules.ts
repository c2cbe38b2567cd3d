// Pure rules of the journal, goals and tasks: no I/O. Calendar dates are ISO strings in Europe/Oslo.

import { osloDate, osloTimeMinutes } from '../../platform/time/oslo.ts';

/** Today's calendar date and the wall-clock time hh:mm in Europe/Oslo of an instant. */
export { osloDate, osloTimeMinutes as osloTime };

const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

// Minutes Oslo is ahead of UTC at an instant (60 in winter, 120 in summer).
function osloOffsetMinutes(instant: Date): number {
  const parts = osloParts.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant of a wall-clock time in Oslo (what staff type: dd.mm.yyyy hh:mm). In the autumn hour
 * that happens twice the first (summer-time) one is taken; a time in the spring gap (02:00–02:59 on
 * the last Sunday of March) does not exist and lands an hour later, as a wall clock would show it.
 */
export function osloInstant(dateIso: string, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  const wall = Date.UTC(Number(dateIso.slice(0, 4)), Number(dateIso.slice(5, 7)) - 1, Number(dateIso.slice(8, 10)), h, m);
  // Oslo is UTC+2 in summer and UTC+1 in winter: keep the readings whose offset is the one in force then.
  const real = [120, 60].map((offset) => wall - offset * 60_000).filter((c, i) => osloOffsetMinutes(new Date(c)) === [120, 60][i]);
  return new Date(real.length > 0 ? Math.min(...real) : wall - 60 * 60_000);
}

/** A task is overdue when its due date is before today (Oslo) and it is still open. Due today is not overdue. */
export function isOverdue(task: { dueOn: string | null; doneAt: Date | string | null }, today: string): boolean {
  return task.doneAt === null && task.dueOn !== null && task.dueOn < today;
}

/** Whole days a task is past its due date (0 when it is not overdue). */
export function daysOverdue(dueOn: string, today: string): number {
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

/** Journal entries may be dated a little ahead of the server's clock (a slow clock on a phone), not more. */
export const FUTURE_SLACK_MS = 5 * 60_000;
