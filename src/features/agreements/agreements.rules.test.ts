import { describe, expect, it } from 'vitest';
import { changedSections, latestEndOn, osloDay, periodWithinLimit, sameRules, signedDateProblem } from './agreements.rules.ts';

describe('the three-month limit', () => {
  it.each([
    ['2026-11-02', '2027-02-02'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-30', '2028-02-29'], // leap year
    ['2026-10-31', '2027-01-31'],
    ['2026-12-15', '2027-03-15'],
  ])('a stay from %s may last until %s', (from, expected) => {
    expect(latestEndOn(from)).toBe(expected);
  });

  it('allows a period of exactly three months and refuses a day more', () => {
    expect(latestEndOn('2026-11-30')).toBe('2027-02-28');
    expect(periodWithinLimit('2026-11-30', '2027-02-28')).toBe(true);
    expect(periodWithinLimit('2026-11-30', '2027-03-01')).toBe(false);
    expect(periodWithinLimit('2026-11-02', '2026-12-01')).toBe(true);
  });
});

describe('signedDateProblem', () => {
  it('refuses a day in the future and a day before the version was made', () => {
    expect(signedDateProblem('2026-11-27', '2026-11-26', '2026-11-20')).toBe('in_future');
    expect(signedDateProblem('2026-11-19', '2026-11-26', '2026-11-20')).toBe('before_created');
    expect(signedDateProblem('2026-11-20', '2026-11-26', '2026-11-20')).toBeNull();
    expect(signedDateProblem('2026-11-26', '2026-11-26', '2026-11-20')).toBeNull();
  });

  it('takes today in Oslo, not in UTC', () => {
    expect(osloDay(new Date('2026-11-25T23:30:00Z'))).toBe('2026-11-26');
    expect(osloDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});

describe('changedSections', () => {
  it('names the sections that differ, whatever order jsonb keeps the keys in', () => {
    const before = { goals: ['a'], followUpPlan: [{ what: 'x', who: 'y', frequency: 'z' }], paymentTerms: 'p' };
    const after = { goals: ['a', 'b'], followUpPlan: [{ frequency: 'z', who: 'y', what: 'x' }], paymentTerms: 'p' };
    expect(changedSections(before, after)).toEqual(['goals']);
    expect(changedSections({}, { goals: [] })).toEqual(['goals']);
  });
});

describe('sameRules', () => {
  it('treats the same rules with other spacing as the same list', () => {
    expect(sameRules(['A', 'B'], [' A', 'B '])).toBe(true);
    expect(sameRules(['A', 'B'], ['B', 'A'])).toBe(false);
    expect(sameRules(['A'], ['A', 'B'])).toBe(false);
  });
});
