import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { people } from '../people/people.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { keyIssues, roomKeys, stays } from './stays.tables.ts';
import { keyLosses } from './keys.tables.ts';

// SQL of the key register and lost keys.

/** Every key of the municipality with its room and whether it is lost. */
export async function listKeys(db: Db, tenantId: string) {
  return db
    .select({
      id: roomKeys.id,
      keyNumber: roomKeys.keyNumber,
      door: roomKeys.door,
      roomId: roomKeys.roomId,
      roomName: rooms.name,
      roomSort: rooms.sortOrder,
      lostAt: keyLosses.reportedAt,
      lostIncidentId: keyLosses.incidentId,
    })
    .from(roomKeys)
    .leftJoin(rooms, eq(rooms.id, roomKeys.roomId))
    .leftJoin(keyLosses, eq(keyLosses.keyId, roomKeys.id))
    .where(eq(roomKeys.tenantId, tenantId))
    .orderBy(asc(roomKeys.keyNumber));
}

/** The issues of the tenant's keys, newest first per key (the first row per key is its latest). */
export async function listIssues(db: Db, tenantId: string) {
  return db
    .select({
      id: keyIssues.id,
      keyId: keyIssues.keyId,
      personId: keyIssues.personId,
      givenName: people.givenName,
      familyName: people.familyName,
      issuedAt: keyIssues.issuedAt,
      returnedAt: keyIssues.returnedAt,
      stayEndOn: stays.endOn,
    })
    .from(keyIssues)
    .leftJoin(people, eq(people.id, keyIssues.personId))
    .leftJoin(stays, eq(stays.id, keyIssues.stayId))
    .where(eq(keyIssues.tenantId, tenantId))
    .orderBy(asc(keyIssues.keyId), desc(keyIssues.issuedAt));
}

/** A key with its open issue (if any), locked so two reports of one key queue up. */
export async function lockKey(db: Db, tenantId: string, keyId: string) {
  const [key] = await db.select().from(roomKeys).where(and(eq(roomKeys.tenantId, tenantId), eq(roomKeys.id, keyId))).for('update');
  if (!key) return undefined;
  const [issue] = await db
    .select({ id: keyIssues.id, personId: keyIssues.personId, stayId: keyIssues.stayId, partnerPersonId: stays.partnerPersonId, returnedAt: keyIssues.returnedAt })
    .from(keyIssues)
    .leftJoin(stays, eq(stays.id, keyIssues.stayId))
    .where(and(eq(keyIssues.keyId, keyId), eq(keyIssues.tenantId, tenantId)))
    .orderBy(desc(keyIssues.issuedAt))
    .limit(1);
  const [loss] = await db.select({ id: keyLosses.id }).from(keyLosses).where(eq(keyLosses.keyId, keyId));
  return { key, latestIssue: issue, lost: Boolean(loss) };
}

export async function insertKeyLoss(db: Db, row: typeof keyLosses.$inferInsert) {
  await db.insert(keyLosses).values(row);
}
