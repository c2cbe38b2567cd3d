import { describe, expect, it } from 'vitest';
import { isPastKeepUntil, pickUpRefusal } from './belongings.rules.ts';

describe('isPastKeepUntil', () => {
  it('is past after the keep-until day, not on it, and never once picked up', () => {
    expect(isPastKeepUntil({ keepUntilOn: '2026-11-25', pickedUpOn: null }, '2026-11-26')).toBe(true);
    expect(isPastKeepUntil({ keepUntilOn: '2026-11-26', pickedUpOn: null }, '2026-11-26')).toBe(false);
    expect(isPastKeepUntil({ keepUntilOn: '2026-11-25', pickedUpOn: '2026-11-26' }, '2026-11-26')).toBe(false);
  });
});

describe('pickUpRefusal', () => {
  it('allows a day from storage to today, refuses the future and a day before storage', () => {
    expect(pickUpRefusal('2026-11-26', '2026-11-01', '2026-11-26')).toBeNull();
    expect(pickUpRefusal('2026-11-01', '2026-11-01', '2026-11-26')).toBeNull();
    expect(pickUpRefusal('2026-11-27', '2026-11-01', '2026-11-26')).toBe('picked_up_in_future');
    expect(pickUpRefusal('2026-10-31', '2026-11-01', '2026-11-26')).toBe('picked_up_before_stored');
  });
});
