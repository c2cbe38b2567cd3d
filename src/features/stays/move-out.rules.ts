// Pure rules of a move-out (utflytting): where the household went, grouped for the monthly report, and
// which dates a move-out may have.

/** Where the household went. The same list as move_outs.destination (moving-on.tables.ts). */
export const moveOutDestinations = [
  'private_rental',
  'municipal_rental',
  'owned_home',
  'permanent_with_family',
  'temporary_with_family_friends',
  'other_temporary_accommodation',
  'institution_treatment',
  'prison',
  'homeless',
  'deceased',
  'other',
  'unknown',
] as const;
export type MoveOutDestination = (typeof moveOutDestinations)[number];

/**
 * The outcome groups of the monthly report and the form (Permanent bolig / Midlertidig / Institusjon /
 * Fengsel / Bostedsløs / Annet). They follow the national homelessness survey and KOSTRA: a home with a
 * lease or owned, or living permanently with family, is a permanent home; staying with family or
 * friends for now, or in other temporary accommodation, is not. Died, other and unknown are "Annet".
 */
export const destinationGroups = ['permanent', 'temporary', 'institution', 'prison', 'homeless', 'other'] as const;
export type DestinationGroup = (typeof destinationGroups)[number];

const groupOf: Record<MoveOutDestination, DestinationGroup> = {
  private_rental: 'permanent',
  municipal_rental: 'permanent',
  owned_home: 'permanent',
  permanent_with_family: 'permanent',
  temporary_with_family_friends: 'temporary',
  other_temporary_accommodation: 'temporary',
  institution_treatment: 'institution',
  prison: 'prison',
  homeless: 'homeless',
  deceased: 'other',
  other: 'other',
  unknown: 'other',
};

export function destinationGroup(destination: MoveOutDestination): DestinationGroup {
  return groupOf[destination];
}

/** The destinations of a group, in the order of the list (for the form's option groups). */
export function destinationsInGroup(group: DestinationGroup): MoveOutDestination[] {
  return moveOutDestinations.filter((d) => groupOf[d] === group);
}

export type MoveOutDateRefusal = 'before_start' | 'in_future';

/**
 * A move-out is recorded when it has happened: today or earlier, and not before the stay row began
 * (a move-out on the check-in day is a stay of no nights, which happens).
 */
export function moveOutDateRefusal(movedOutOn: string, startOn: string, today: string): MoveOutDateRefusal | null {
  if (movedOutOn > today) return 'in_future';
  if (movedOutOn < startOn) return 'before_start';
  return null;
}

/** Items found damaged or missing when the room was checked: the damage the move-out notes. */
export function damagedItems<T extends { condition: string }>(lines: readonly T[]): T[] {
  return lines.filter((l) => l.condition === 'damaged' || l.condition === 'missing');
}
