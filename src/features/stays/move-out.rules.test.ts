import { describe, expect, it } from 'vitest';
import { moveOutDestinations as tableDestinations } from './moving-on.tables.ts';
import { damagedItems, destinationGroup, destinationGroups, destinationsInGroup, moveOutDateRefusal, moveOutDestinations } from './move-out.rules.ts';

describe('destinationGroup (the monthly report’s outcome groups)', () => {
  it.each([
    ['private_rental', 'permanent'],
    ['municipal_rental', 'permanent'],
    ['owned_home', 'permanent'],
    ['permanent_with_family', 'permanent'],
    ['temporary_with_family_friends', 'temporary'],
    ['other_temporary_accommodation', 'temporary'],
    ['institution_treatment', 'institution'],
    ['prison', 'prison'],
    ['homeless', 'homeless'],
    ['deceased', 'other'],
    ['other', 'other'],
    ['unknown', 'other'],
  ] as const)('%s → %s', (destination, group) => {
    expect(destinationGroup(destination)).toBe(group);
  });

  it('puts every destination in exactly one group, in the order of the list', () => {
    const grouped = destinationGroups.flatMap((g) => destinationsInGroup(g));
    expect([...grouped].sort()).toEqual([...moveOutDestinations].sort());
    expect(destinationsInGroup('permanent')).toEqual(['private_rental', 'municipal_rental', 'owned_home', 'permanent_with_family']);
  });

  it('has the same destinations as the move_outs table', () => {
    expect([...moveOutDestinations]).toEqual([...tableDestinations]);
  });
});

describe('moveOutDateRefusal', () => {
  it('allows today, an earlier day and the check-in day itself (a stay of no nights)', () => {
    expect(moveOutDateRefusal('2026-11-26', '2026-11-01', '2026-11-26')).toBeNull();
    expect(moveOutDateRefusal('2026-11-20', '2026-11-01', '2026-11-26')).toBeNull();
    expect(moveOutDateRefusal('2026-11-01', '2026-11-01', '2026-11-26')).toBeNull();
  });

  it('refuses tomorrow and a day before the stay began', () => {
    expect(moveOutDateRefusal('2026-11-27', '2026-11-01', '2026-11-26')).toBe('in_future');
    expect(moveOutDateRefusal('2026-10-31', '2026-11-01', '2026-11-26')).toBe('before_start');
  });
});

describe('damagedItems', () => {
  it('keeps the damaged and the missing ones', () => {
    const lines = [
      { itemId: '1', condition: 'good' },
      { itemId: '2', condition: 'worn' },
      { itemId: '3', condition: 'damaged' },
      { itemId: '4', condition: 'missing' },
    ];
    expect(damagedItems(lines).map((l) => l.itemId)).toEqual(['3', '4']);
  });
});
