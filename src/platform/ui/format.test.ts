import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, parseDateInput } from './format.ts';

describe('Norwegian formats', () => {
  it('shows money as "9 000 kr" with no-break spaces, and øre with two decimals', () => {
    expect(formatMoney(900_000)).toBe('9\u00a0000\u00a0kr');
    expect(formatMoney(850_050)).toBe('8\u00a0500,50\u00a0kr');
    expect(formatMoney(30_000)).toBe('300\u00a0kr');
  });

  it('shows and reads dates as dd.mm.yyyy', () => {
    expect(formatDate('2026-02-03')).toBe('03.02.2026');
    expect(formatDate(null)).toBe('–');
    expect(parseDateInput('3.2.2026')).toBe('2026-02-03');
    expect(parseDateInput('2026-02-03')).toBe('2026-02-03');
  });
});
