import { and, asc, eq, isNotNull, isNull, notExists } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { keyIssues, roomKeys, stays } from './stays.tables.ts';
import { moveOuts } from './moving-on.tables.ts';
import { keyLosses } from './keys.tables.ts';

// SQL of the move-out: the move_outs row, and the keys still out after a stay ended.

export async function findMoveOut(db: Db, tenantId: string, stayId: string) {
  const [row] = await db
    .select({
      id: moveOuts.id,
      stayId: moveOuts.stayId,
      movedOutOn: moveOuts.movedOutOn,
      destination: moveOuts.destination,
      destinationNote: moveOuts.destinationNote,
      wasPlanned: moveOuts.wasPlanned,
      keysReturned: moveOuts.keysReturned,
      roomChecked: moveOuts.roomChecked,
      damageNotes: moveOuts.damageNotes,
      movingHelp: moveOuts.movingHelp,
      furnitureObtained: moveOuts.furnitureObtained,
      recordedAt: moveOuts.recordedAt,
      recordedByName: users.displayName,
    })
    .from(moveOuts)
    .leftJoin(users, eq(users.id, moveOuts.recordedBy))
    .where(and(eq(moveOuts.tenantId, tenantId), eq(moveOuts.stayId, stayId)));
  return row;
}

export async function insertMoveOut(db: Db, row: typeof moveOuts.$inferInsert) {
  const [created] = await db.insert(moveOuts).values(row).returning({ id: moveOuts.id });
  return created!;
}

/**
 * Keys handed out on stays that have ended and never came back, oldest first: what the board lists
 * so staff can chase them (and the house can change a lock if one is lost).
 */
export async function listKeysNotReturned(db: Db, tenantId: string) {
  return db
    .select({
      keyId: roomKeys.id,
      keyNumber: roomKeys.keyNumber,
      door: roomKeys.door,
      roomName: rooms.name,
      stayId: stays.id,
      personId: stays.personId,
      personGivenName: people.givenName,
      personFamilyName: people.familyName,
      endedOn: stays.endOn,
    })
    .from(keyIssues)
    .innerJoin(roomKeys, eq(roomKeys.id, keyIssues.keyId))
    .innerJoin(stays, eq(stays.id, keyIssues.stayId))
    .innerJoin(people, eq(people.id, stays.personId))
    .leftJoin(rooms, eq(rooms.id, roomKeys.roomId))
    .where(
      and(
        eq(keyIssues.tenantId, tenantId),
        isNull(keyIssues.returnedAt),
        isNotNull(stays.endOn),
        // A key reported lost is followed up as an incident, not waited for.
        notExists(db.select({ id: keyLosses.id }).from(keyLosses).where(eq(keyLosses.keyId, roomKeys.id))),
      ),
    )
    .orderBy(asc(stays.endOn), asc(roomKeys.keyNumber));
}

/** The open issue of a key, with its stay, locked so two returns of one key queue up. */
export async function lockOpenKeyIssue(db: Db, tenantId: string, keyId: string) {
  const [row] = await db
    .select({ id: keyIssues.id, stayId: keyIssues.stayId, personId: keyIssues.personId })
    .from(keyIssues)
    .where(and(eq(keyIssues.tenantId, tenantId), eq(keyIssues.keyId, keyId), isNull(keyIssues.returnedAt)))
    .for('update');
  return row;
}
