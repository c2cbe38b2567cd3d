import { describe, expect, it } from 'vitest';
import { chainStartOn, roomMoveRefusal, type ChainLink } from './room-move.rules.ts';
import { stayClock } from './stays.rules.ts';

describe('chainStartOn (the three-month clock runs from the first row of a chain of room moves)', () => {
  const links: ChainLink[] = [
    { toStayId: 'b', fromStayId: 'a', fromStartOn: '2026-10-01' },
    { toStayId: 'c', fromStayId: 'b', fromStartOn: '2026-10-20' },
  ];

  it('is the row’s own start when it was never moved', () => {
    expect(chainStartOn('x', '2026-11-01', links)).toBe('2026-11-01');
    expect(chainStartOn('a', '2026-10-01', links)).toBe('2026-10-01');
  });

  it('walks back through one and through several moves', () => {
    expect(chainStartOn('b', '2026-10-20', links)).toBe('2026-10-01');
    expect(chainStartOn('c', '2026-11-15', links)).toBe('2026-10-01');
  });

  it('does not care about the order of the links', () => {
    expect(chainStartOn('c', '2026-11-15', [...links].reverse())).toBe('2026-10-01');
  });

  it('stops at a cycle instead of looping, keeping the earliest start seen', () => {
    const cyclic: ChainLink[] = [
      { toStayId: 'b', fromStayId: 'a', fromStartOn: '2026-10-01' },
      { toStayId: 'a', fromStayId: 'b', fromStartOn: '2026-10-20' },
    ];
    expect(chainStartOn('b', '2026-10-20', cyclic)).toBe('2026-10-01');
  });

  it('gives the clock of the whole stay: moved after 80 nights, the limit is unchanged', () => {
    const start = chainStartOn('b', '2027-01-20', [{ toStayId: 'b', fromStayId: 'a', fromStartOn: '2026-11-01' }]);
    expect(stayClock(start, '2027-01-20')).toEqual({ nightsSoFar: 80, nightsLeft: 12, latestEndOn: '2027-02-01', status: 'soon' });
    expect(stayClock('2027-01-20', '2027-01-20').status).toBe('ok'); // what a clock from the row itself would wrongly say
  });
});

describe('roomMoveRefusal', () => {
  const base = { movedOn: '2026-11-26', today: '2026-11-26', startOn: '2026-11-01', plannedEndOn: '2027-02-01', fromRoomId: 'r1', toRoomId: 'r2' };

  it('allows a move today, earlier in the stay, and on the day the row began', () => {
    expect(roomMoveRefusal(base)).toBeNull();
    expect(roomMoveRefusal({ ...base, movedOn: '2026-11-10' })).toBeNull();
    expect(roomMoveRefusal({ ...base, movedOn: '2026-11-01' })).toBeNull();
  });

  it.each([
    [{ toRoomId: 'r1' }, 'same_room'],
    [{ movedOn: '2026-11-27' }, 'in_future'],
    [{ movedOn: '2026-10-31' }, 'before_start'],
    [{ movedOn: '2026-11-26', plannedEndOn: '2026-11-26' }, 'not_before_planned_end'],
  ] as const)('refuses %o: %s', (change, refusal) => {
    expect(roomMoveRefusal({ ...base, ...change })).toBe(refusal);
  });
});
