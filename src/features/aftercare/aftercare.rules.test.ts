import { describe, expect, it } from 'vitest';
import { addDays, addMonths, followUpState, plannedFollowUps, returnAfterMoveOut } from './aftercare.rules.ts';
import { latestEndDate } from '../allocation/allocation.rules.ts';

describe('addMonths', () => {
  it.each([
    ['2027-01-15', 1, '2027-02-15'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-03-31', 1, '2027-04-30'],
    ['2027-10-31', 3, '2028-01-31'],
    ['2027-12-31', 1, '2028-01-31'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2027-07-15', 6, '2028-01-15'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2027-01-15', 0, '2027-01-15'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('agrees with the three-month rule of allocation', () => {
    for (const from of ['2026-11-30', '2027-01-31', '2027-11-30', '2028-02-29', '2026-12-31']) {
      expect(addMonths(from, 3)).toBe(latestEndDate(from));
    }
  });

  it('refuses what is not a calendar date or a whole number of months', () => {
    expect(() => addMonths('2027-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('31.01.2027', 1)).toThrow(RangeError);
    expect(() => addMonths('2027-01-31', 1.5)).toThrow(RangeError);
  });
});

describe('plannedFollowUps', () => {
  it('plans 1, 3 and 6 months after the move-out, clamped to month end', () => {
    expect(plannedFollowUps('2027-08-31', 'private_rental')).toEqual([
      { monthsAfter: 1, dueOn: '2027-09-30' },
      { monthsAfter: 3, dueOn: '2027-11-30' },
      { monthsAfter: 6, dueOn: '2028-02-29' },
    ]);
  });
  it('plans nothing after a death', () => {
    expect(plannedFollowUps('2027-08-31', 'deceased')).toEqual([]);
  });
});

describe('followUpState', () => {
  it('is done, overdue, due from today and two weeks ahead, or planned', () => {
    expect(followUpState('2027-01-10', '2027-01-12', '2027-02-01')).toBe('done');
    expect(followUpState('2027-01-10', null, '2027-01-11')).toBe('overdue');
    expect(followUpState('2027-01-10', null, '2027-01-10')).toBe('due');
    expect(followUpState('2027-01-24', null, '2027-01-10')).toBe('due');
    expect(followUpState('2027-01-25', null, '2027-01-10')).toBe('planned');
  });
});

describe('addDays', () => {
  it('crosses month and year ends, leap day included', () => {
    expect(addDays('2027-12-25', 14)).toBe('2028-01-08');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('returnAfterMoveOut', () => {
  it('counts the day six months after as within 6 months, the day after as not', () => {
    expect(returnAfterMoveOut('2027-01-15', '2027-07-15')).toEqual({ within6Months: true, within12Months: true });
    expect(returnAfterMoveOut('2027-01-15', '2027-07-16')).toEqual({ within6Months: false, within12Months: true });
  });
  it('counts the day twelve months after as within 12 months, the day after as not', () => {
    expect(returnAfterMoveOut('2027-01-15', '2028-01-15')).toEqual({ within6Months: false, within12Months: true });
    expect(returnAfterMoveOut('2027-01-15', '2028-01-16')).toEqual({ within6Months: false, within12Months: false });
  });
  it('uses month-end clamping at the boundary (31.08 + 6 months = 29.02 in a leap year)', () => {
    expect(returnAfterMoveOut('2027-08-31', '2028-02-29').within6Months).toBe(true);
    expect(returnAfterMoveOut('2027-08-31', '2028-03-01').within6Months).toBe(false);
  });
  it('counts a referral on the move-out day, but not one before it', () => {
    expect(returnAfterMoveOut('2027-01-15', '2027-01-15')).toEqual({ within6Months: true, within12Months: true });
    expect(returnAfterMoveOut('2027-01-15', '2027-01-14')).toEqual({ within6Months: false, within12Months: false });
  });
});
