import { describe, expect, it } from 'vitest';
import { addDays, initials, isoWeek, latestEndDate, mondayOf, nightsBetween, osloDate, stayClock } from './stays.rules.ts';

describe('nightsBetween', () => {
  it('counts B − A nights, across month ends, a leap day and the DST changes', () => {
    expect(nightsBetween('2026-11-26', '2026-11-26')).toBe(0);
    expect(nightsBetween('2026-11-26', '2026-11-27')).toBe(1);
    expect(nightsBetween('2026-11-30', '2026-12-01')).toBe(1);
    expect(nightsBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(nightsBetween('2028-02-28', '2028-03-01')).toBe(2); // 2028 is a leap year
    expect(nightsBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(nightsBetween('2026-03-28', '2026-03-30')).toBe(2); // summer time starts 29 March
    expect(nightsBetween('2026-10-24', '2026-10-26')).toBe(2); // and ends 25 October
    expect(nightsBetween('2026-11-27', '2026-11-26')).toBe(-1);
  });
});

describe('latestEndDate (three calendar months from check-in)', () => {
  it.each([
    ['2026-11-26', '2027-02-26'],
    ['2026-01-31', '2026-04-30'], // April has 30 days
    ['2026-11-30', '2027-02-28'], // clamped to the end of February
    ['2027-11-30', '2028-02-29'], // a leap year's February
    ['2027-11-29', '2028-02-29'],
    ['2028-02-29', '2028-05-29'], // from the leap day itself
    ['2026-10-31', '2027-01-31'], // over a year end
    ['2026-12-31', '2027-03-31'],
    ['2026-03-31', '2026-06-30'],
    ['2026-08-31', '2026-11-30'],
  ])('%s → %s', (from, expected) => {
    expect(latestEndDate(from)).toBe(expected);
  });
});

describe('stayClock', () => {
  it('is ok with more than 14 nights left', () => {
    expect(stayClock('2026-10-25', '2026-11-26')).toEqual({ nightsSoFar: 32, nightsLeft: 60, latestEndOn: '2027-01-25', status: 'ok' });
  });

  it('is soon at 14 nights left and still on the last day (0 left); over the day after', () => {
    expect(stayClock('2026-11-30', '2027-02-13')).toMatchObject({ nightsLeft: 15, status: 'ok' });
    expect(stayClock('2026-11-30', '2027-02-14')).toMatchObject({ nightsLeft: 14, status: 'soon' });
    expect(stayClock('2026-11-30', '2027-02-28')).toMatchObject({ nightsSoFar: 90, nightsLeft: 0, status: 'soon' });
    expect(stayClock('2026-11-30', '2027-03-01')).toMatchObject({ nightsSoFar: 91, nightsLeft: -1, status: 'over' });
  });

  it('counts the leap day: from 30.11.2027 the limit is 29.02.2028', () => {
    expect(stayClock('2027-11-30', '2028-02-28')).toMatchObject({ nightsSoFar: 90, nightsLeft: 1, latestEndOn: '2028-02-29', status: 'soon' });
    expect(stayClock('2027-11-30', '2028-03-01')).toMatchObject({ nightsSoFar: 92, nightsLeft: -1, status: 'over' });
  });

  it('checked in today: no nights yet', () => {
    expect(stayClock('2026-11-26', '2026-11-26')).toMatchObject({ nightsSoFar: 0, nightsLeft: 92 });
  });
});

describe('calendar helpers', () => {
  it('finds the Monday and the ISO week', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(isoWeek('2026-11-26')).toBe(48);
    expect(isoWeek('2027-01-01')).toBe(53); // 2026 has 53 ISO weeks
    expect(isoWeek('2027-01-04')).toBe(1);
    expect(isoWeek('2025-12-29')).toBe(1);
  });

  it('adds days over month and year ends', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it("reads today's date in Oslo, not UTC", () => {
    expect(osloDate(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(osloDate(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });

  it('makes initials', () => {
    expect(initials('Kari', 'Nordmann')).toBe('KN');
    expect(initials('øystein', 'ås')).toBe('ØÅ');
  });
});
