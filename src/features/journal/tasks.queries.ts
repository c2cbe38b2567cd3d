import { and, asc, desc, eq, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { reusableQuery, type Placeholders } from '../../platform/db/reusable-query.ts';
import { rolePermissions, userRoles, users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { goals, tasks } from './journal.tables.ts';

const assignee = alias(users, 'assignee');
const doneBy = alias(users, 'done_by_user');

/** Tasks with the names a list shows, matching `where`; open tasks first by due date, then done ones newest first. */
function selectTasks(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      personId: tasks.personId,
      personGivenName: people.givenName,
      personFamilyName: people.familyName,
      goalId: tasks.goalId,
      goalTitle: goals.title,
      assigneeId: tasks.assigneeId,
      assigneeName: assignee.displayName,
      dueOn: tasks.dueOn,
      doneAt: tasks.doneAt,
      doneByName: doneBy.displayName,
      createdAt: tasks.createdAt,
    })
    .from(tasks)
    .leftJoin(people, eq(people.id, tasks.personId))
    .leftJoin(goals, eq(goals.id, tasks.goalId))
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .leftJoin(doneBy, eq(doneBy.id, tasks.doneBy))
    .where(where)
    .orderBy(sql`${tasks.doneAt} is not null`, asc(tasks.dueOn), desc(tasks.doneAt), asc(tasks.createdAt), asc(tasks.id));
}

/** Built once (reusable-query.ts): one resident's tasks (the filter `{ personId }`), read on every goals-and-tasks visit. */
const tasksOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string; limit: number }>) =>
  selectTasks(db, and(eq(tasks.tenantId, p.tenantId), eq(tasks.personId, p.personId))).limit(p.limit),
);

/** Tasks with the names a list shows, filtered as asked; open tasks first by due date, then done ones newest first. */
export async function listTasks(
  db: Db,
  tenantId: string,
  filter: { assigneeId?: string; personId?: string; open?: boolean; dueBefore?: string; id?: string; limit?: number },
) {
  const limit = filter.limit ?? 500;
  if (filter.personId && !filter.id && !filter.assigneeId && !filter.open && !filter.dueBefore) {
    return tasksOfPerson(db, { tenantId, personId: filter.personId, limit });
  }
  const where: SQL[] = [eq(tasks.tenantId, tenantId)];
  if (filter.id) where.push(eq(tasks.id, filter.id));
  if (filter.assigneeId) where.push(eq(tasks.assigneeId, filter.assigneeId));
  if (filter.personId) where.push(eq(tasks.personId, filter.personId));
  if (filter.open) where.push(isNull(tasks.doneAt));
  if (filter.dueBefore) where.push(isNotNull(tasks.dueOn), lt(tasks.dueOn, filter.dueBefore));
  return selectTasks(db, and(...where)).limit(limit);
}
export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

/** Open tasks due before today, counted per resident (the board shows the count on the resident's card). */
export async function countOverdueByPerson(db: Db, tenantId: string, today: string) {
  return db
    .select({ personId: sql<string>`${tasks.personId}`, count: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(eq(tasks.tenantId, tenantId), isNotNull(tasks.personId), isNull(tasks.doneAt), lt(tasks.dueOn, today)))
    .groupBy(tasks.personId);
}

/** The task, locked so completing and reopening at the same moment happen one after the other. */
export async function lockTask(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: tasks.id, personId: tasks.personId, doneAt: tasks.doneAt })
    .from(tasks)
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)))
    .for('update');
  return row;
}

export async function insertTask(db: Db, row: typeof tasks.$inferInsert) {
  const [created] = await db.insert(tasks).values(row).returning({ id: tasks.id });
  return created!;
}

export async function setTaskDone(db: Db, id: string, done: { doneAt: Date; doneBy: string } | null) {
  await db
    .update(tasks)
    .set(done ?? { doneAt: null, doneBy: null })
    .where(eq(tasks.id, id));
}

// Staff who can have tasks: active users of the municipality whose roles let them work on tasks.
const canHaveTasks = sql`exists (select 1 from ${userRoles} join ${rolePermissions} on ${rolePermissions.roleKey} = ${userRoles.roleKey}
  where ${userRoles.userId} = ${users.id} and ${rolePermissions.permissionKey} = 'task:write')`;

export async function listAssignableStaff(db: Db, tenantId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.isActive, true), canHaveTasks))
    .orderBy(asc(users.displayName));
}

export async function isAssignableStaff(db: Db, tenantId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.tenantId, tenantId), eq(users.isActive, true), canHaveTasks));
  return row !== undefined;
}
