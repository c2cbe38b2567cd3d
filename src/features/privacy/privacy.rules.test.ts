import { describe, expect, it } from 'vitest';
import { addMonths, endOfOsloDay, erasureVerdict, isRecordClosed, retentionExpiresOn } from './privacy.rules.ts';

const former = { hasOpenStay: false, lastStayEndOn: '2026-03-10', lastAftercareOn: null, lastReferralOn: '2026-01-05' };

describe('addMonths', () => {
  it('keeps the day, or the last day of a shorter month', () => {
    expect(addMonths('2026-03-10', 6)).toBe('2026-09-10');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2016-12-15', 120)).toBe('2026-12-15');
  });
});

describe('isRecordClosed (default six months after the last contact)', () => {
  it('closes a former resident six months after the stay ended, not a day earlier', () => {
    expect(isRecordClosed(former, '2026-09-09', 6)).toBe(false);
    expect(isRecordClosed(former, '2026-09-10', 6)).toBe(true);
  });
  it('keeps residents, applicants and returning people open', () => {
    expect(isRecordClosed({ ...former, hasOpenStay: true }, '2030-01-01', 6)).toBe(false);
    expect(isRecordClosed({ ...former, lastStayEndOn: null }, '2030-01-01', 6)).toBe(false);
    expect(isRecordClosed({ ...former, lastReferralOn: '2027-01-01' }, '2030-01-01', 6)).toBe(false);
  });
  it('counts aftercare after the move-out as contact', () => {
    expect(isRecordClosed({ ...former, lastAftercareOn: '2026-09-01' }, '2026-12-01', 6)).toBe(false);
    expect(isRecordClosed({ ...former, lastAftercareOn: '2026-09-01' }, '2027-03-01', 6)).toBe(true);
  });
  it('follows the setting', () => {
    expect(isRecordClosed(former, '2026-04-10', 1)).toBe(true);
  });
});

describe('endOfOsloDay', () => {
  it('is the next Oslo midnight, winter and summer', () => {
    expect(endOfOsloDay(new Date('2026-11-26T10:00:00+01:00')).toISOString()).toBe('2026-11-26T23:00:00.000Z');
    expect(endOfOsloDay(new Date('2026-06-15T23:30:00+02:00')).toISOString()).toBe('2026-06-15T22:00:00.000Z');
  });
});

describe('retentionExpiresOn', () => {
  const years = { withStay: 10, withoutStay: 5 };
  it('is ten years after the last stay ended', () => {
    expect(retentionExpiresOn({ ...former, registeredOn: '2025-12-01' }, years)).toBe('2036-03-10');
  });
  it('never passes ten years, whatever the setting says', () => {
    expect(retentionExpiresOn({ ...former, registeredOn: '2025-12-01' }, { withStay: 25, withoutStay: 5 })).toBe('2036-03-10');
  });
  it('counts from the last referral for someone who never stayed, and not while a stay is open', () => {
    expect(retentionExpiresOn({ ...former, lastStayEndOn: null, registeredOn: '2025-12-01' }, years)).toBe('2031-01-05');
    expect(retentionExpiresOn({ ...former, hasOpenStay: true, registeredOn: '2025-12-01' }, years)).toBeNull();
  });
});

describe('erasureVerdict', () => {
  it('allows deleting someone who never stayed and whose referral was refused or withdrawn', () => {
    expect(erasureVerdict({ everStayed: false, referralStatuses: ['refused', 'withdrawn'] })).toEqual({ allowed: true });
    expect(erasureVerdict({ everStayed: false, referralStatuses: [] })).toEqual({ allowed: true });
  });
  it('refuses for someone who stayed, or whose case is open', () => {
    expect(erasureVerdict({ everStayed: true, referralStatuses: ['checked_in'] })).toEqual({ allowed: false, reason: 'has_stayed' });
    expect(erasureVerdict({ everStayed: false, referralStatuses: ['waiting_list'] })).toEqual({ allowed: false, reason: 'open_case' });
  });
  it('refuses for someone with self-payment lines, which the Bookkeeping Act keeps', () => {
    expect(erasureVerdict({ everStayed: false, referralStatuses: ['withdrawn'], hasPaymentRecords: true })).toEqual({ allowed: false, reason: 'payment_records' });
    expect(erasureVerdict({ everStayed: false, referralStatuses: ['withdrawn'], hasPaymentRecords: false })).toEqual({ allowed: true });
  });
});
