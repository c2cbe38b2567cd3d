// Pure rules of a room move. A move ends the stay row in the old room and starts a new row in the new
// room (so the no-overlap constraint guards the new room exactly as at check-in); for the resident the
// rows are one stay, and the three-month clock runs from the first row of the chain.

/** One room move as the chain sees it: the row that ended, and when that row had started. */
export interface ChainLink {
  toStayId: string;
  fromStayId: string;
  fromStartOn: string;
}

/**
 * The day the resident's stay began: the start of the first row in the chain of room moves that ends
 * in `stayId`. A stay never moved is its own chain. Each row has at most one predecessor (a unique
 * index on room_moves.to_stay_id); a broken or cyclic chain stops at the earliest start seen.
 */
export function chainStartOn(stayId: string, startOn: string, links: readonly ChainLink[]): string {
  const byTo = new Map(links.map((l) => [l.toStayId, l]));
  const seen = new Set<string>([stayId]);
  let earliest = startOn;
  let link = byTo.get(stayId);
  while (link && !seen.has(link.fromStayId)) {
    seen.add(link.fromStayId);
    if (link.fromStartOn < earliest) earliest = link.fromStartOn;
    link = byTo.get(link.fromStayId);
  }
  return earliest;
}

export type RoomMoveRefusal = 'in_future' | 'before_start' | 'not_before_planned_end' | 'same_room';

/**
 * Whether a move on `movedOn` is allowed: not in the future (record it when it happens), not before
 * the present row began, and before the planned end (a new row needs at least one planned night).
 * Moving on the day the row began leaves an empty row in the old room: allowed, it was a wrong room.
 */
export function roomMoveRefusal(input: { movedOn: string; today: string; startOn: string; plannedEndOn: string; fromRoomId: string; toRoomId: string }): RoomMoveRefusal | null {
  if (input.fromRoomId === input.toRoomId) return 'same_room';
  if (input.movedOn > input.today) return 'in_future';
  if (input.movedOn < input.startOn) return 'before_start';
  if (input.movedOn >= input.plannedEndOn) return 'not_before_planned_end';
  return null;
}
