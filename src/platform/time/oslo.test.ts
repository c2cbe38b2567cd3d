import { describe, expect, it } from 'vitest';
import { osloDate, osloTime, osloTimeMinutes } from './oslo.ts';

describe('Oslo calendar date and time', () => {
  it('gives the date and time in Oslo, across midnight and both daylight-saving changes', () => {
    // 22:30 UTC on 29 March 2026 is 00:30 on 30 March in Oslo (summer time began that night).
    expect(osloDate(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30');
    expect(osloTime(new Date('2026-03-29T22:30:05Z'))).toBe('00:30:05');
    // 23:30 UTC on 24 October 2026 is 01:30 on 25 October (summer time, +2).
    expect(osloDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(osloTimeMinutes(new Date('2026-10-24T23:30:00Z'))).toBe('01:30');
    // In winter Oslo is UTC+1: 23:00 UTC on 31 December is midnight, the new year.
    expect(osloDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(osloTime(new Date('2026-12-31T23:00:00Z'))).toBe('00:00:00');
    expect(osloDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
  });

  it('agrees with toLocaleDateString and toLocaleTimeString for every hour of a year', () => {
    for (let t = Date.parse('2026-01-01T00:17:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3_600_000) {
      const at = new Date(t);
      expect(osloDate(at)).toBe(at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }));
      expect(osloTime(at)).toBe(at.toLocaleTimeString('sv-SE', { timeZone: 'Europe/Oslo', hour12: false }));
    }
  });
});
