import { describe, expect, it } from 'vitest';
import { checkNights, isChecked, isNightOver, lastNightOver, nightOf, nightOfInstant, nightsUpTo, valueOn } from './patrols.rules.ts';

describe('nightOf', () => {
  it('gives a round after midnight to the night before, and an evening round to its own day', () => {
    expect(nightOf('2026-11-27', '02:10')).toBe('2026-11-26');
    expect(nightOf('2026-11-26', '23:30')).toBe('2026-11-26');
    expect(nightOf('2026-12-01', '04:00')).toBe('2026-11-30');
    expect(nightOfInstant(new Date('2026-11-27T01:10:00Z'))).toBe('2026-11-26'); // 02:10 Oslo
  });
});

describe('isNightOver / lastNightOver', () => {
  it('ends a night at 06:00 Oslo time the next morning', () => {
    expect(isNightOver('2026-11-26', new Date('2026-11-27T04:59:00Z'))).toBe(false); // 05:59 Oslo
    expect(isNightOver('2026-11-26', new Date('2026-11-27T05:00:00Z'))).toBe(true); // 06:00 Oslo
    expect(lastNightOver(new Date('2026-11-27T05:00:00Z'))).toBe('2026-11-26');
    expect(lastNightOver(new Date('2026-11-27T03:00:00Z'))).toBe('2026-11-25');
  });
});

describe('checkNights', () => {
  it('counts the rounds short of what was expected that night', () => {
    const nights = nightsUpTo('2026-11-26', 3);
    expect(nights).toEqual(['2026-11-26', '2026-11-25', '2026-11-24']);
    const counts = new Map([
      ['2026-11-26', 2],
      ['2026-11-25', 1],
    ]);
    // From the 25th the service expected three rounds.
    const expected = (night: string) => (night >= '2026-11-25' ? 3 : 2);
    expect(checkNights(nights, counts, expected)).toEqual([
      { night: '2026-11-26', rounds: 2, expected: 3, missing: 1 },
      { night: '2026-11-25', rounds: 1, expected: 3, missing: 2 },
      { night: '2026-11-24', rounds: 0, expected: 2, missing: 2 },
    ]);
  });
  it('never counts extra rounds as negative missing', () => {
    expect(checkNights(['2026-11-26'], new Map([['2026-11-26', 4]]), () => 2)[0]!.missing).toBe(0);
  });
});

describe('valueOn', () => {
  it('takes the latest change not after the day, the default before the first', () => {
    const history = [
      { validFromOn: '2026-12-01', value: 3 },
      { validFromOn: '2026-10-01', value: 1 },
    ];
    expect(valueOn(history, '2026-09-30', 2)).toBe(2);
    expect(valueOn(history, '2026-10-01', 2)).toBe(1);
    expect(valueOn(history, '2026-11-30', 2)).toBe(1);
    expect(valueOn(history, '2026-12-24', 2)).toBe(3);
  });
});

describe('isChecked', () => {
  it('checks nights from the first night a round was recorded, and none before any was', () => {
    expect(isChecked('2026-11-20', null)).toBe(false);
    expect(isChecked('2026-11-19', '2026-11-20')).toBe(false);
    expect(isChecked('2026-11-20', '2026-11-20')).toBe(true);
    expect(isChecked('2026-11-26', '2026-11-20')).toBe(true);
  });
});
