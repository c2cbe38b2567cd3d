import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { reusableQuery, type Placeholders, anyOfIds } from '../../platform/db/reusable-query.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { agreements } from '../agreements/agreements.tables.ts';
import { goalEvents, goals } from './journal.tables.ts';

/** Built once (reusable-query.ts): the resident's goals-and-tasks page reads it on every visit. */
const goalsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({
      id: goals.id,
      personId: goals.personId,
      stayId: goals.stayId,
      title: goals.title,
      progress: goals.progress,
      createdAt: goals.createdAt,
      createdByName: users.displayName,
    })
    .from(goals)
    .leftJoin(users, eq(users.id, goals.createdBy))
    .where(and(eq(goals.tenantId, p.tenantId), eq(goals.personId, p.personId)))
    .orderBy(asc(goals.createdAt), asc(goals.id)),
);

export async function listGoals(db: Db, tenantId: string, personId: string) {
  return goalsOfPerson(db, { tenantId, personId });
}
export type GoalRow = Awaited<ReturnType<typeof listGoals>>[number];

/** Built once (reusable-query.ts): the goals' histories, the goal ids as one uuid[] parameter. */
const eventsOfGoals = reusableQuery((db, p: Placeholders<{ goalIds: string[] }>) =>
  db
    .select({ id: goalEvents.id, goalId: goalEvents.goalId, at: goalEvents.at, byName: users.displayName, progress: goalEvents.progress, note: goalEvents.note })
    .from(goalEvents)
    .leftJoin(users, eq(users.id, goalEvents.by))
    .where(anyOfIds(goalEvents.goalId, p.goalIds))
    .orderBy(asc(goalEvents.at), asc(goalEvents.id)),
);

export async function listGoalEvents(db: Db, goalIds: string[]) {
  if (goalIds.length === 0) return [];
  return eventsOfGoals(db, { goalIds });
}

/** The goal, locked so two changes of its progress at once are made one after the other. */
export async function lockGoal(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: goals.id, personId: goals.personId, progress: goals.progress })
    .from(goals)
    .where(and(eq(goals.tenantId, tenantId), eq(goals.id, id)))
    .for('update');
  return row;
}

export async function findGoal(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: goals.id, personId: goals.personId, stayId: goals.stayId })
    .from(goals)
    .where(and(eq(goals.tenantId, tenantId), eq(goals.id, id)));
  return row;
}

export async function insertGoals(db: Db, rows: (typeof goals.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(goals).values(rows).returning({ id: goals.id, progress: goals.progress, createdAt: goals.createdAt, createdBy: goals.createdBy });
}

export async function insertGoalEvents(db: Db, rows: (typeof goalEvents.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(goalEvents).values(rows);
}

export async function setGoalProgress(db: Db, id: string, progress: (typeof goals.$inferSelect)['progress']) {
  await db.update(goals).set({ progress }).where(eq(goals.id, id));
}

/** Built once (reusable-query.ts): the goals of the person's latest agreement, read on every goals-and-tasks visit. */
const agreementGoals = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({ goals: sql<unknown>`${agreements.content} -> 'goals'` })
    .from(agreements)
    .innerJoin(stays, eq(stays.id, agreements.stayId))
    .where(and(eq(agreements.tenantId, p.tenantId), eq(stays.personId, p.personId)))
    .orderBy(desc(stays.startOn), desc(agreements.version))
    .limit(1),
);

/**
 * The goals written in the person's latest agreement: the newest version of the agreement of their
 * most recent stay. Read only; the agreements feature owns the agreement. Goals are an array of
 * strings in the content (agreements.schema.ts, agreementContent.goals).
 */
export async function latestAgreementGoals(db: Db, tenantId: string, personId: string): Promise<string[]> {
  const [row] = await agreementGoals(db, { tenantId, personId });
  const list = row?.goals;
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string' && g.trim() !== '').map((g) => g.trim()) : [];
}
