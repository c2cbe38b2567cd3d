import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { anyOfIds } from '../../platform/db/reusable-query.ts';
import { houses, rooms } from '../rooms/rooms.tables.ts';
import { keyIssues, roomKeys, stays } from './stays.tables.ts';
import { roomMoves } from './moving-on.tables.ts';
import { chainStartOn, type ChainLink } from './room-move.rules.ts';

// SQL of room moves and of the chain of stay rows they make. Keys are this feature's own tables.

/** A stay row, held until the transaction ends so two moves (or a move and a move-out) queue up. */
export async function lockStay(db: Db, tenantId: string, stayId: string) {
  const [row] = await db
    .select({
      id: stays.id,
      roomId: stays.roomId,
      personId: stays.personId,
      partnerPersonId: stays.partnerPersonId,
      referralId: stays.referralId,
      offerId: stays.offerId,
      startOn: stays.startOn,
      plannedEndOn: stays.plannedEndOn,
      endOn: stays.endOn,
    })
    .from(stays)
    .where(and(eq(stays.tenantId, tenantId), eq(stays.id, stayId)))
    .for('update');
  return row;
}

export async function findRoomWithHouse(db: Db, tenantId: string, roomId: string) {
  const [row] = await db
    .select({ id: rooms.id, name: rooms.name, houseName: houses.name, state: rooms.state, takesCouples: rooms.takesCouples })
    .from(rooms)
    .innerJoin(houses, eq(houses.id, rooms.houseId))
    .where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, roomId)));
  return row;
}

/** The keys a stay holds now (issued to it and not handed back), with the door and room each opens. */
export async function listHeldKeys(db: Db, stayId: string) {
  return db
    .select({ issueId: keyIssues.id, keyId: roomKeys.id, keyNumber: roomKeys.keyNumber, door: roomKeys.door, roomId: roomKeys.roomId, personId: keyIssues.personId })
    .from(keyIssues)
    .innerJoin(roomKeys, eq(roomKeys.id, keyIssues.keyId))
    .where(and(eq(keyIssues.stayId, stayId), isNull(keyIssues.returnedAt)))
    .orderBy(roomKeys.door, roomKeys.keyNumber);
}

export async function returnKeyIssues(db: Db, issueIds: string[], at: Date) {
  if (issueIds.length === 0) return;
  await db
    .update(keyIssues)
    .set({ returnedAt: at })
    .where(and(inArray(keyIssues.id, issueIds), isNull(keyIssues.returnedAt)));
}

export async function endStay(db: Db, tenantId: string, stayId: string, endOn: string) {
  await db
    .update(stays)
    .set({ endOn })
    .where(and(eq(stays.tenantId, tenantId), eq(stays.id, stayId), isNull(stays.endOn)));
}

export async function insertRoomMove(db: Db, row: typeof roomMoves.$inferInsert) {
  const [created] = await db.insert(roomMoves).values(row).returning({ id: roomMoves.id });
  return created!;
}

/** The move that ended a stay row, if it ended with a move (its successor in the chain). */
export async function findMoveFrom(db: Db, tenantId: string, stayId: string) {
  const [row] = await db
    .select({ id: roomMoves.id, toStayId: roomMoves.toStayId, movedOn: roomMoves.movedOn })
    .from(roomMoves)
    .where(and(eq(roomMoves.tenantId, tenantId), eq(roomMoves.fromStayId, stayId)));
  return row;
}

/**
 * Every room move behind the given stay rows, walking back through the chain (a recursive query, so
 * one round trip however many moves). `union` (not `union all`) ends the walk should a cycle ever
 * appear; the unique indexes on room_moves make each chain a simple line.
 */
export async function listChainLinks(db: Db, tenantId: string, stayIds: string[]): Promise<ChainLink[]> {
  if (stayIds.length === 0) return [];
  const result = await db.execute(sql`
    with recursive chain(to_stay_id, from_stay_id, from_start_on) as (
      select m.to_stay_id, m.from_stay_id, s.start_on
        from room_moves m join stays s on s.id = m.from_stay_id
       where m.tenant_id = ${tenantId}::uuid and ${anyOfIds(sql`m.to_stay_id`, sql.param(stayIds))}
      union
      select m.to_stay_id, m.from_stay_id, s.start_on
        from chain c
        join room_moves m on m.to_stay_id = c.from_stay_id
        join stays s on s.id = m.from_stay_id
    )
    select to_stay_id::text as "toStayId", from_stay_id::text as "fromStayId", from_start_on::text as "fromStartOn" from chain`);
  return (result as unknown as { rows: ChainLink[] }).rows;
}

/**
 * The first day of each resident's stay, for the three-month clock: stay id → start of the first row
 * of its chain (the row's own start when it was never moved). One query for any number of rows.
 */
export async function chainStartsOf(db: Db, tenantId: string, rows: readonly { id: string; startOn: string }[]): Promise<Map<string, string>> {
  const links = await listChainLinks(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return new Map(rows.map((r) => [r.id, chainStartOn(r.id, r.startOn, links)]));
}
