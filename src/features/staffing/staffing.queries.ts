import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { userRoles, users } from '../../platform/auth/auth.tables.ts';
import { rotaAssignments, rotaMembers } from './staffing.tables.ts';

// SQL of the staffing plan.

/** Roles whose people work shifts in the house. */
export const ROTA_ROLES = ['staff', 'service_lead'];

/** Active users of the municipality with a role that works shifts, with their weekend group if they have one. */
export async function listCandidates(db: Db, tenantId: string) {
  return db
    .selectDistinct({ userId: users.id, name: users.displayName, weekendGroup: rotaMembers.weekendGroup })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), inArray(userRoles.roleKey, ROTA_ROLES)))
    .leftJoin(rotaMembers, and(eq(rotaMembers.userId, users.id), eq(rotaMembers.tenantId, tenantId)))
    .where(and(eq(users.tenantId, tenantId), eq(users.isActive, true)))
    .orderBy(asc(users.displayName), asc(users.id));
}

export async function insertMembers(db: Db, rows: (typeof rotaMembers.$inferInsert)[]) {
  if (rows.length) await db.insert(rotaMembers).values(rows).onConflictDoNothing();
}

/** Sets a person's weekend group (joining the rota if they were not on it). */
export async function upsertMember(db: Db, row: typeof rotaMembers.$inferInsert) {
  await db
    .insert(rotaMembers)
    .values(row)
    .onConflictDoUpdate({ target: [rotaMembers.tenantId, rotaMembers.userId], set: { weekendGroup: row.weekendGroup } });
}

export async function listAssignments(db: Db, tenantId: string, from: string, to: string) {
  return db
    .select({ id: rotaAssignments.id, day: rotaAssignments.day, shift: rotaAssignments.shift, userId: rotaAssignments.userId, name: users.displayName, source: rotaAssignments.source })
    .from(rotaAssignments)
    .innerJoin(users, eq(users.id, rotaAssignments.userId))
    .where(and(eq(rotaAssignments.tenantId, tenantId), gte(rotaAssignments.day, from), lte(rotaAssignments.day, to)))
    .orderBy(asc(rotaAssignments.day), asc(users.displayName));
}

export async function deleteAssignmentsBetween(db: Db, tenantId: string, from: string, to: string): Promise<number> {
  const rows = await db
    .delete(rotaAssignments)
    .where(and(eq(rotaAssignments.tenantId, tenantId), gte(rotaAssignments.day, from), lte(rotaAssignments.day, to)))
    .returning({ id: rotaAssignments.id });
  return rows.length;
}

export async function insertAssignments(db: Db, rows: (typeof rotaAssignments.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(rotaAssignments).values(rows).returning({ id: rotaAssignments.id });
}

export async function findAssignmentOfPersonOn(db: Db, tenantId: string, userId: string, day: string) {
  const [row] = await db
    .select({ id: rotaAssignments.id })
    .from(rotaAssignments)
    .where(and(eq(rotaAssignments.tenantId, tenantId), eq(rotaAssignments.userId, userId), eq(rotaAssignments.day, day)));
  return row;
}

export async function findAssignment(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: rotaAssignments.id, day: rotaAssignments.day, shift: rotaAssignments.shift })
    .from(rotaAssignments)
    .where(and(eq(rotaAssignments.tenantId, tenantId), eq(rotaAssignments.id, id)));
  return row;
}

export async function deleteAssignment(db: Db, id: string) {
  await db.delete(rotaAssignments).where(eq(rotaAssignments.id, id));
}
