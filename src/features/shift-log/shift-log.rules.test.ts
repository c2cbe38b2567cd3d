import { describe, expect, it } from 'vitest';
import { shiftTypes } from './shift-log.tables.ts';
import { shiftType } from './shift-log.schema.ts';
import { addDays, entryInstant, groupByShift, shiftAt, shiftOf } from './shift-log.rules.ts';

describe('shift types', () => {
  it('are the same in the table and the schema', () => {
    expect(shiftType.options).toEqual([...shiftTypes]);
  });
});

describe('shiftOf', () => {
  it.each([
    ['2026-11-26', '07:29', '2026-11-25', 'night'],
    ['2026-11-26', '07:30', '2026-11-26', 'day'],
    ['2026-11-26', '15:29', '2026-11-26', 'day'],
    ['2026-11-26', '15:30', '2026-11-26', 'evening'],
    ['2026-11-26', '22:59', '2026-11-26', 'evening'],
    ['2026-11-26', '23:00', '2026-11-26', 'night'],
    ['2026-11-27', '02:00', '2026-11-26', 'night'],
    ['2027-01-01', '03:15', '2026-12-31', 'night'],
  ])('%s %s is the %s %s shift', (day, time, shiftDate, shift) => {
    expect(shiftOf(day, time)).toEqual({ shiftDate, shift });
  });

  it('reads an instant in Oslo time (winter: UTC+1, summer: UTC+2)', () => {
    expect(shiftAt(new Date('2026-11-26T14:45:00Z'))).toEqual({ shiftDate: '2026-11-26', shift: 'evening' }); // 15:45 Oslo
    expect(shiftAt(new Date('2026-06-26T05:45:00Z'))).toEqual({ shiftDate: '2026-06-26', shift: 'day' }); // 07:45 Oslo
  });
});

describe('entryInstant', () => {
  it('puts a night-shift time after midnight on the next calendar day', () => {
    expect(entryInstant('2026-11-26', 'night', '02:15').toISOString()).toBe('2026-11-27T01:15:00.000Z');
    expect(entryInstant('2026-11-26', 'night', '23:40').toISOString()).toBe('2026-11-26T22:40:00.000Z');
  });
  it('keeps day and evening times on the shift date', () => {
    expect(entryInstant('2026-11-26', 'evening', '18:00').toISOString()).toBe('2026-11-26T17:00:00.000Z');
  });
});

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('groupByShift', () => {
  it('groups the last day as the shifts were worked, entries by time', () => {
    const e = (id: string, shiftDate: string, shift: 'day' | 'evening' | 'night', occurredAt: string) => ({ id, shiftDate, shift, occurredAt });
    const groups = groupByShift([
      e('c', '2026-11-26', 'day', '2026-11-26T09:00:00.000Z'),
      e('a', '2026-11-25', 'evening', '2026-11-25T17:00:00.000Z'),
      e('b', '2026-11-25', 'night', '2026-11-26T01:00:00.000Z'),
      e('d', '2026-11-26', 'day', '2026-11-26T08:00:00.000Z'),
    ]);
    expect(groups.map((g) => [g.shiftDate, g.shift, g.entries.map((x) => x.id)])).toEqual([
      ['2026-11-25', 'evening', ['a']],
      ['2026-11-25', 'night', ['b']],
      ['2026-11-26', 'day', ['d', 'c']],
    ]);
  });
});
