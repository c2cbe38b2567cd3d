import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareWaitingListEntries,
  complaintDeadline,
  isComplaintLate,
  isOfferExpired,
  latestEndDate,
  nextComplaintSteps,
  offerExpiresAt,
  osloDate,
  outOfServiceOverlaps,
  startOfOsloDay,
} from './allocation.rules.ts';

describe('latestEndDate: three calendar months from check-in, clamped to the month end', () => {
  it.each([
    ['2027-01-15', '2027-04-15'],
    ['2026-11-26', '2027-02-26'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-30', '2028-02-29'],
    ['2027-11-29', '2028-02-29'],
    ['2023-11-30', '2024-02-29'],
    ['2099-11-30', '2100-02-28'],
    ['2099-11-29', '2100-02-28'],
    ['2027-01-31', '2027-04-30'],
    ['2027-03-31', '2027-06-30'],
    ['2026-12-31', '2027-03-31'],
    ['2026-10-31', '2027-01-31'],
    ['2026-10-01', '2027-01-01'],
    ['2028-02-29', '2028-05-29'],
    ['2027-05-31', '2027-08-31'],
    ['2027-08-31', '2027-11-30'],
  ])('%s → %s', (from, expected) => {
    expect(latestEndDate(from)).toBe(expected);
  });

  it('does not move across daylight-saving changes (plain calendar dates)', () => {
    expect(latestEndDate('2027-01-28')).toBe('2027-04-28');
    expect(latestEndDate('2027-08-30')).toBe('2027-11-30');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => latestEndDate('2027-02-30')).toThrow(RangeError);
    expect(() => latestEndDate('30.11.2026')).toThrow(RangeError);
  });
});

describe('Oslo days', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('knows when an Oslo day begins in winter and in summer', () => {
    expect(startOfOsloDay('2026-11-27').toISOString()).toBe('2026-11-26T23:00:00.000Z');
    expect(startOfOsloDay('2027-07-01').toISOString()).toBe('2027-06-30T22:00:00.000Z');
    // The days daylight saving starts and ends still begin at local midnight.
    expect(startOfOsloDay('2027-03-28').toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(startOfOsloDay('2027-10-31').toISOString()).toBe('2027-10-30T22:00:00.000Z');
  });

  it('gives the Oslo date of an instant late in the evening UTC', () => {
    expect(osloDate(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
  });
});

describe('offerExpiresAt: 24 hours after the decision or the end of the from-date, whichever is later', () => {
  it('gives a same-day offer 24 hours', () => {
    const decidedAt = new Date('2026-11-26T09:00:00Z');
    expect(offerExpiresAt(decidedAt, '2026-11-26').toISOString()).toBe('2026-11-27T09:00:00.000Z');
  });

  it('keeps an offer from a later day open until that day has ended in Oslo', () => {
    const decidedAt = new Date('2026-11-26T09:00:00Z');
    expect(offerExpiresAt(decidedAt, '2026-12-03').toISOString()).toBe('2026-12-03T23:00:00.000Z');
  });

  it('an offer decided late in the evening for tomorrow lasts to the end of tomorrow', () => {
    const decidedAt = new Date('2026-11-26T21:00:00Z');
    expect(offerExpiresAt(decidedAt, '2026-11-27').toISOString()).toBe('2026-11-27T23:00:00.000Z');
  });

  it('counts an offer as expired from its expiry instant', () => {
    const expiresAt = new Date('2026-11-27T09:00:00Z');
    expect(isOfferExpired(expiresAt, new Date('2026-11-27T08:59:59Z'))).toBe(false);
    expect(isOfferExpired(expiresAt, new Date('2026-11-27T09:00:00Z'))).toBe(true);
  });
});

describe('the complaint deadline', () => {
  it('is three weeks after the decision day', () => {
    expect(complaintDeadline('2026-11-26')).toBe('2026-12-17');
    expect(isComplaintLate('2026-11-26', '2026-12-17')).toBe(false);
    expect(isComplaintLate('2026-11-26', '2026-12-18')).toBe(true);
  });
});

describe('the waiting-list order', () => {
  it('puts urgency first and waiting time second', () => {
    const e = (urgency: 'tonight' | 'this_week' | 'later', at: string) => ({ urgency, addedAt: new Date(at), id: `${urgency}-${at}` });
    const list = [
      e('later', '2026-11-01T10:00:00Z'),
      e('this_week', '2026-11-20T10:00:00Z'),
      e('tonight', '2026-11-25T10:00:00Z'),
      e('this_week', '2026-11-10T10:00:00Z'),
      e('tonight', '2026-11-24T10:00:00Z'),
    ];
    expect(list.sort(compareWaitingListEntries).map((x) => x.id)).toEqual([
      'tonight-2026-11-24T10:00:00Z',
      'tonight-2026-11-25T10:00:00Z',
      'this_week-2026-11-10T10:00:00Z',
      'this_week-2026-11-20T10:00:00Z',
      'later-2026-11-01T10:00:00Z',
    ]);
  });
});

describe('the path of a complaint', () => {
  it('goes received → reassessed → Statsforvalteren → outcome, and ends there', () => {
    expect(nextComplaintSteps('received')).toEqual(['reassessed', 'overturned', 'withdrawn']);
    expect(nextComplaintSteps('reassessed')).toContain('sent_to_statsforvalteren');
    expect(nextComplaintSteps('sent_to_statsforvalteren')).toEqual(['upheld', 'overturned', 'withdrawn']);
    expect(nextComplaintSteps('upheld')).toEqual([]);
    expect(nextComplaintSteps('withdrawn')).toEqual([]);
  });
});

describe('outOfServiceOverlaps', () => {
  const period = { fromOn: '2026-12-01', plannedEndOn: '2027-03-01' };
  const room = (fromOn: string | null, toOn: string | null, state = 'out_of_service') => ({ state, outOfServiceFromOn: fromOn, outOfServiceToOn: toOn });

  it('sees a period that overlaps the stay', () => {
    expect(outOfServiceOverlaps(room('2026-11-20', '2026-12-01'), period)).toBe(true);
    expect(outOfServiceOverlaps(room('2027-02-28', null), period)).toBe(true);
    expect(outOfServiceOverlaps(room('2026-10-01', null), period)).toBe(true);
  });

  it('lets a stay start the day after the repair and end on the day it starts', () => {
    expect(outOfServiceOverlaps(room('2026-11-20', '2026-11-30'), period)).toBe(false);
    expect(outOfServiceOverlaps(room('2027-03-01', null), period)).toBe(false);
  });

  it('ignores rooms in service', () => {
    expect(outOfServiceOverlaps(room(null, null, 'ready'), period)).toBe(false);
  });
});
