import { describe, expect, it } from 'vitest';
import { addMonths, comparisonMonths, kostraDeadline, monthsOfYear, percent, previousMonthOf, reportGroupOf, suppressCount, suppressDerived } from './reports.rules.ts';
import { formatFigure, formatMonth } from './reports.format.ts';

describe('months', () => {
  it('goes back across the year boundary', () => {
    expect(addMonths('2024-01-01', -1)).toBe('2023-12-01');
    expect(addMonths('2024-01-01', -12)).toBe('2023-01-01');
    expect(addMonths('2023-12-01', 1)).toBe('2024-01-01');
    expect(comparisonMonths('2024-03-01')).toEqual(['2024-03-01', '2024-02-01', '2023-03-01']);
    expect(monthsOfYear(2028)).toHaveLength(12);
  });

  it('reports the month before the Oslo day of the job', () => {
    // 01.01.2025 00:30 in Oslo is still 31.12.2024 in UTC: the job reports December 2024.
    expect(previousMonthOf(new Date('2024-12-31T23:30:00Z'))).toBe('2024-12-01');
    expect(previousMonthOf(new Date('2024-03-01T05:00:00+01:00'))).toBe('2024-02-01');
  });

  it('has the KOSTRA deadline on 15 February the year after', () => {
    expect(kostraDeadline(2024)).toBe('2025-02-15');
  });
});

describe('suppression of small counts', () => {
  it('withholds counts from 1 to 4 and keeps 0 and 5', () => {
    expect([0, 1, 4, 5, null].map(suppressCount)).toEqual([
      { value: 0, under5: false },
      { value: null, under5: true },
      { value: null, under5: true },
      { value: 5, under5: false },
      { value: null, under5: false },
    ]);
  });

  it('withholds a share when the group, the part or the rest is 1–4', () => {
    // 1 of 6 to a permanent home gives the one away; 5 of 6 gives away the one who did not.
    expect(suppressDerived(16.7, 6, 1)).toEqual({ value: null, under5: true });
    expect(suppressDerived(83.3, 6, 5)).toEqual({ value: null, under5: true });
    expect(suppressDerived(50, 10, 5)).toEqual({ value: 50, under5: false });
    expect(suppressDerived(20, 3)).toEqual({ value: null, under5: true });
    expect(suppressDerived(null, 0, 0)).toEqual({ value: null, under5: false });
  });
});

describe('figures', () => {
  it('divides with one decimal and never by zero', () => {
    expect(percent(66, 82)).toBe(80.5);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
  });

  it('folds prison into institution', () => {
    expect(reportGroupOf('prison')).toBe('institution');
    expect(reportGroupOf('permanent')).toBe('permanent');
  });

  it('formats in Norwegian', () => {
    expect(formatFigure(80.5, 'percent', 'nb')).toBe('80,5\u00a0%');
    expect(formatFigure(1234, 'count', 'nb')).toBe('1\u00a0234');
    expect(formatFigure(null, 'count', 'nb')).toBe('–');
    expect(formatMonth('2028-02-01', 'nb')).toBe('februar 2028');
    expect(formatMonth('2028-02-01', 'en')).toBe('February 2028');
  });
});
