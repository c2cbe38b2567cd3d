import { describe, expect, it } from 'vitest';
import { osloDate } from './stays.rules.ts';
import {
  beyondThreeMonths,
  coveredUntil,
  DEFAULT_WARNING_WEEKS,
  dueWarningWeek,
  extensionRefusal,
  isOverdueWithoutExtension,
  warningDate,
} from './extension.rules.ts';

const weeks = DEFAULT_WARNING_WEEKS;

describe('warning points', () => {
  it('falls whole weeks after the check-in day, across month ends and a leap day', () => {
    expect(warningDate('2026-11-24', 8)).toBe('2027-01-19');
    expect(warningDate('2026-12-31', 8)).toBe('2027-02-25');
    expect(warningDate('2028-01-10', 8)).toBe('2028-03-06'); // through 29.02.2028
    expect(warningDate('2027-01-31', 4)).toBe('2027-02-28');
  });

  it('is due from its day, and only the latest point reached is due', () => {
    expect(dueWarningWeek('2026-11-24', '2027-01-18', weeks)).toBeNull();
    expect(dueWarningWeek('2026-11-24', '2027-01-19', weeks)).toBe(8);
    expect(dueWarningWeek('2026-11-24', '2027-02-01', weeks)).toBe(8);
    expect(dueWarningWeek('2026-11-24', '2027-02-02', weeks)).toBe(10);
    expect(dueWarningWeek('2026-11-24', '2027-02-16', weeks)).toBe(12);
    expect(dueWarningWeek('2026-11-24', '2027-06-01', weeks)).toBe(12);
  });

  it('takes the weeks the service configured, in any order', () => {
    expect(dueWarningWeek('2026-11-24', '2027-01-05', [12, 6])).toBe(6);
    expect(dueWarningWeek('2026-11-24', '2027-01-05', [])).toBeNull();
  });

  it('counts Oslo calendar days across the change to and from summer time', () => {
    // 23:30 UTC on 27 March 2027 is already 28 March in Oslo (00:30 CET), the night clocks go forward.
    const today = osloDate(new Date('2027-03-27T23:30:00Z'));
    expect(today).toBe('2027-03-28');
    expect(dueWarningWeek('2027-01-31', today, weeks)).toBe(8); // 31.01 + 56 days = 28.03
    expect(dueWarningWeek('2027-01-31', osloDate(new Date('2027-03-27T22:59:00Z')), weeks)).toBeNull();
    // 31 October 2027, clocks go back: 23:30 UTC is 00:30 on 1 November in Oslo (CET again).
    const autumn = osloDate(new Date('2027-10-31T23:30:00Z'));
    expect(autumn).toBe('2027-11-01');
    expect(dueWarningWeek('2027-09-06', autumn, weeks)).toBe(8); // 06.09 + 56 days = 01.11
  });
});

describe('isOverdueWithoutExtension', () => {
  const stay = { startOn: '2026-11-30', endOn: null }; // limit: 28.02.2027 (end of February)

  it('is not flagged up to and including the last day of the three months', () => {
    expect(isOverdueWithoutExtension(stay, [], '2027-02-27')).toBe(false);
    expect(isOverdueWithoutExtension(stay, [], '2027-02-28')).toBe(false);
  });

  it('is flagged the day after the limit without an extension', () => {
    expect(isOverdueWithoutExtension(stay, [], '2027-03-01')).toBe(true);
  });

  it('is not flagged while an extension covers today, and is again once it has run out', () => {
    const extensions = [{ newPlannedEndOn: '2027-03-31' }];
    expect(isOverdueWithoutExtension(stay, extensions, '2027-03-01')).toBe(false);
    expect(isOverdueWithoutExtension(stay, extensions, '2027-03-31')).toBe(false);
    expect(isOverdueWithoutExtension(stay, extensions, '2027-04-01')).toBe(true);
    expect(isOverdueWithoutExtension(stay, [...extensions, { newPlannedEndOn: '2027-04-30' }], '2027-04-01')).toBe(false);
  });

  it('counts an extension made before the limit that reaches past it', () => {
    expect(isOverdueWithoutExtension(stay, [{ newPlannedEndOn: '2027-03-15' }], '2027-03-10')).toBe(false);
  });

  it('does not flag a stay that has ended', () => {
    expect(isOverdueWithoutExtension({ startOn: '2026-11-30', endOn: '2027-03-05' }, [], '2027-03-10')).toBe(false);
    expect(isOverdueWithoutExtension({ startOn: '2026-11-30', endOn: '2027-03-20' }, [], '2027-03-10')).toBe(true);
  });

  it('uses the Oslo date: the limit day ends at midnight in Oslo, not in UTC', () => {
    // 28.02.2027 23:30 UTC is 01.03.2027 00:30 in Oslo: the first day over the limit.
    expect(isOverdueWithoutExtension(stay, [], osloDate(new Date('2027-02-28T23:30:00Z')))).toBe(true);
    expect(isOverdueWithoutExtension(stay, [], osloDate(new Date('2027-02-28T22:30:00Z')))).toBe(false);
  });
});

describe('extensions', () => {
  it('must end after the current planned end and not before today', () => {
    expect(extensionRefusal('2027-02-28', '2027-02-28', '2027-02-20')).toBe('not_later');
    expect(extensionRefusal('2027-02-28', '2027-02-01', '2027-02-20')).toBe('not_later');
    expect(extensionRefusal('2027-01-10', '2027-01-15', '2027-02-20')).toBe('in_past');
    expect(extensionRefusal('2027-02-28', '2027-03-31', '2027-02-20')).toBeNull();
  });

  it('knows the latest cover and whether a planned end is past three months', () => {
    expect(coveredUntil([])).toBeNull();
    expect(coveredUntil([{ newPlannedEndOn: '2027-03-31' }, { newPlannedEndOn: '2027-04-30' }, { newPlannedEndOn: '2027-04-15' }])).toBe('2027-04-30');
    expect(beyondThreeMonths('2026-11-30', '2027-02-28')).toBe(false);
    expect(beyondThreeMonths('2026-11-30', '2027-03-01')).toBe(true);
  });
});
