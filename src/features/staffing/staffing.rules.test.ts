import { describe, expect, it } from 'vitest';
import { assignWeekendGroups, daysBetween, DEFAULT_PATTERN, generateRota, isWeekend, needsOn, understaffed, weekendGroupOf, type Member } from './staffing.rules.ts';

const needs = (day: string) => needsOn(DEFAULT_PATTERN, day);

describe('weekends', () => {
  it('knows Saturday and Sunday', () => {
    expect(isWeekend('2026-11-28')).toBe(true); // Saturday
    expect(isWeekend('2026-11-29')).toBe(true); // Sunday
    expect(isWeekend('2026-11-30')).toBe(false); // Monday
  });

  it('gives each weekend the next of four groups, Saturday and Sunday the same', () => {
    const saturdays = ['2026-11-28', '2026-12-05', '2026-12-12', '2026-12-19', '2026-12-26'];
    const groups = saturdays.map(weekendGroupOf);
    expect(new Set(groups.slice(0, 4)).size).toBe(4);
    expect(groups[4]).toBe(groups[0]);
    expect(weekendGroupOf('2026-11-29')).toBe(groups[0]);
    for (let i = 1; i < 4; i++) expect(groups[i]).toBe((groups[0]! + i) % 4);
  });
});

describe('assignWeekendGroups', () => {
  it('puts newcomers in the smallest group, the lowest number on a tie', () => {
    const existing = [{ weekendGroup: 0 }, { weekendGroup: 0 }, { weekendGroup: 1 }, { weekendGroup: 3 }];
    expect(assignWeekendGroups(existing, ['a', 'b', 'c'])).toEqual([
      { userId: 'a', weekendGroup: 2 },
      { userId: 'b', weekendGroup: 1 },
      { userId: 'c', weekendGroup: 2 },
    ]);
  });
});

describe('generateRota', () => {
  // Eight staff, two in each weekend group: enough for 2 day + 1 evening on weekdays and, with two
  // people per group, a weekend one short (the evening) — the fourth-weekend rule is not broken for it.
  const members: Member[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((userId, i) => ({ userId, weekendGroup: i % 4 }));
  const days = daysBetween('2026-11-30', '2026-12-27'); // four whole weeks, Monday to Sunday

  it('fills every weekday shift from the pattern: two on day, one in the evening, nobody at night', () => {
    const rota = generateRota(days, members, needs);
    for (const day of days.filter((d) => !isWeekend(d))) {
      expect(rota.filter((a) => a.day === day && a.shift === 'day')).toHaveLength(2);
      expect(rota.filter((a) => a.day === day && a.shift === 'evening')).toHaveLength(1);
      expect(rota.filter((a) => a.day === day && a.shift === 'night')).toHaveLength(0);
    }
  });

  it('lets each person work exactly one weekend in four, with their own group', () => {
    const rota = generateRota(days, members, needs);
    for (const m of members) {
      const weekendDays = rota.filter((a) => a.userId === m.userId && isWeekend(a.day)).map((a) => a.day);
      expect(weekendDays.every((d) => weekendGroupOf(d) === m.weekendGroup)).toBe(true);
      const weekends = new Set(weekendDays.map((d) => weekendGroupOf(d)));
      expect(weekends.size).toBeLessThanOrEqual(1);
    }
    // Each weekend is worked only by that weekend's group (two people), so one weekend shift stays short.
    expect(understaffed(days, rota, needs).filter((s) => isWeekend(s.day))).toHaveLength(8);
  });

  it('gives nobody two shifts a day, and nobody a day shift after an evening shift', () => {
    const rota = generateRota(days, members, needs);
    for (const day of days) {
      const people = rota.filter((a) => a.day === day).map((a) => a.userId);
      expect(new Set(people).size).toBe(people.length);
    }
    for (const a of rota.filter((x) => x.shift === 'evening')) {
      const next = days[days.indexOf(a.day) + 1];
      expect(rota.some((x) => x.day === next && x.shift === 'day' && x.userId === a.userId)).toBe(false);
    }
  });

  it('spreads the shifts fairly: nobody has more than two shifts more than anyone else over four weeks', () => {
    const rota = generateRota(days, members, needs);
    const totals = members.map((m) => rota.filter((a) => a.userId === m.userId).length);
    // 20 weekdays × 3 + 4 weekends × 2 days × 2 people = 76 shifts over 8 people: 9 or 10 each.
    expect(totals.reduce((s, n) => s + n, 0)).toBe(76);
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(2);
    const evenings = members.map((m) => rota.filter((a) => a.userId === m.userId && a.shift === 'evening').length);
    expect(Math.max(...evenings) - Math.min(...evenings)).toBeLessThanOrEqual(2);
  });

  it('leaves a shift short rather than breaking the rules when there are too few people', () => {
    const rota = generateRota(['2026-11-30'], [{ userId: 'a', weekendGroup: 0 }, { userId: 'b', weekendGroup: 1 }], needs);
    expect(rota).toHaveLength(2);
    expect(understaffed(['2026-11-30'], rota, needs)).toEqual([{ day: '2026-11-30', shift: 'evening', required: 1, assigned: 0 }]);
  });
});

describe('understaffed', () => {
  it('lists every shift with fewer people than the pattern needs, by day and shift', () => {
    const assignments = [
      { day: '2026-12-01', shift: 'day' as const },
      { day: '2026-12-01', shift: 'evening' as const },
      { day: '2026-12-02', shift: 'day' as const },
      { day: '2026-12-02', shift: 'day' as const },
      { day: '2026-12-02', shift: 'evening' as const },
    ];
    expect(understaffed(['2026-12-01', '2026-12-02'], assignments, needs)).toEqual([{ day: '2026-12-01', shift: 'day', required: 2, assigned: 1 }]);
  });
});
