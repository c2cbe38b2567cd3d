import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { aftercareFollowUps } from './aftercare.tables.ts';
import { stays } from '../stays/stays.tables.ts';

export type FollowUpRow = typeof aftercareFollowUps.$inferSelect;

export async function findStayOfPerson(db: Db, tenantId: string, stayId: string, personId: string) {
  const [row] = await db
    .select({ id: stays.id, personId: stays.personId, startOn: stays.startOn, endOn: stays.endOn })
    .from(stays)
    .where(and(eq(stays.tenantId, tenantId), eq(stays.id, stayId), eq(stays.personId, personId)));
  return row;
}

/** Inserts the planned follow-ups; a stay already planned keeps its rows (unique on stay and month). */
export async function insertFollowUps(db: Db, rows: (typeof aftercareFollowUps.$inferInsert)[]): Promise<FollowUpRow[]> {
  if (rows.length === 0) return [];
  await db.insert(aftercareFollowUps).values(rows).onConflictDoNothing();
  return db
    .select()
    .from(aftercareFollowUps)
    .where(and(eq(aftercareFollowUps.tenantId, rows[0]!.tenantId), eq(aftercareFollowUps.stayId, rows[0]!.stayId!)))
    .orderBy(asc(aftercareFollowUps.monthsAfter));
}

export const countSql = sql<number>`count(*)::int`;
