import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent, recordListAccess } from '../../platform/audit/audit.service.ts';
import { peopleError } from '../people/people.errors.ts';
import { journalError } from './journal.errors.ts';
import { isOverdue, osloDate } from './journal.rules.ts';
import { findOpenStayId, findPerson } from './journal.queries.ts';
import { findGoal } from './goals.queries.ts';
import * as q from './tasks.queries.ts';
import type { AssigneeOutput, CreateTaskInput, OverdueByPersonOutput, TaskOutput } from './tasks.schema.ts';

export function toTaskOutput(row: q.TaskRow, today: string): TaskOutput {
  return {
    id: row.id,
    title: row.title,
    personId: row.personId,
    personName: row.personGivenName === null ? null : `${row.personGivenName} ${row.personFamilyName}`,
    personRecordClosed: false,
    goalId: row.goalId,
    goalTitle: row.goalTitle,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    dueOn: row.dueOn,
    overdue: isOverdue(row, today),
    doneAt: row.doneAt?.toISOString() ?? null,
    doneByName: row.doneByName,
    createdAt: row.createdAt.toISOString(),
  };
}

// A task list shows residents' names, so it is a read of each of them (as on the board): one
// access-log row per resident shown, purpose follow-up. A task about someone whose record is closed to
// this user (access by need) keeps the name, due date and assignee, not what the task or goal says,
// and is not logged as a read.
async function tasksRead(ctx: Ctx, rows: q.TaskRow[]): Promise<TaskOutput[]> {
  const closed = await recordListAccess(ctx, rows.map((r) => r.personId), 'follow_up', 'task.read');
  const today = osloDate(ctx.now);
  return rows.map((r) => {
    const task = toTaskOutput(r, today);
    return r.personId && closed.has(r.personId) ? { ...task, title: '', goalId: null, goalTitle: null, personRecordClosed: true } : task;
  });
}

async function taskById(ctx: Ctx, tenantId: string, id: string): Promise<TaskOutput> {
  const [row] = await q.listTasks(ctx.db, tenantId, { id });
  return toTaskOutput(row!, osloDate(ctx.now));
}

/**
 * A task with a title, an assignee on the staff and a due date; optionally about a resident and one
 * of their goals (the goal's resident is taken when only the goal is given).
 */
export async function createTask(ctx: Ctx, input: CreateTaskInput): Promise<TaskOutput> {
  const user = requirePermission(ctx, 'task:write');
  const today = osloDate(ctx.now);
  if (input.dueOn < today) {
    throw journalError('task.due_in_past', { fields: { dueOn: journalError.definitions['task.due_in_past'][ctx.locale] } });
  }
  return inTransaction(ctx, async (tx) => {
    let personId = input.personId ?? null;
    if (input.goalId) {
      const goal = await findGoal(tx.db, user.tenantId, input.goalId);
      if (!goal) throw journalError('goal.not_found');
      if (personId && goal.personId !== personId) throw journalError('task.goal_of_other_person');
      personId = goal.personId;
    }
    if (personId && !(await findPerson(tx.db, user.tenantId, personId))) throw peopleError('person.not_found');
    if (!(await q.isAssignableStaff(tx.db, user.tenantId, input.assigneeId))) {
      throw journalError('task.assignee_not_staff', { fields: { assigneeId: journalError.definitions['task.assignee_not_staff'][tx.locale] } });
    }
    const { id } = await q.insertTask(tx.db, {
      tenantId: user.tenantId,
      personId,
      stayId: personId ? await findOpenStayId(tx.db, user.tenantId, personId) : null,
      goalId: input.goalId ?? null,
      title: input.title,
      assigneeId: input.assigneeId,
      dueOn: input.dueOn,
      createdAt: tx.now,
      createdBy: user.id,
    });
    await recordEvent(tx, {
      action: 'task.create',
      entityType: 'task',
      entityId: id,
      personId,
      purpose: personId ? 'follow_up' : undefined,
      details: { assigneeId: input.assigneeId, dueOn: input.dueOn, withGoal: Boolean(input.goalId) },
    });
    return taskById(tx, user.tenantId, id);
  });
}

async function setDone(ctx: Ctx, taskId: string, done: boolean): Promise<TaskOutput> {
  const user = requirePermission(ctx, 'task:write');
  return inTransaction(ctx, async (tx) => {
    const task = await q.lockTask(tx.db, user.tenantId, taskId);
    if (!task) throw journalError('task.not_found');
    if (done && task.doneAt) throw journalError('task.already_done');
    if (!done && !task.doneAt) throw journalError('task.not_done');
    await q.setTaskDone(tx.db, taskId, done ? { doneAt: tx.now, doneBy: user.id } : null);
    await recordEvent(tx, { action: done ? 'task.complete' : 'task.reopen', entityType: 'task', entityId: taskId, personId: task.personId });
    return taskById(tx, user.tenantId, taskId);
  });
}

export const completeTask = (ctx: Ctx, taskId: string) => setDone(ctx, taskId, true);
export const reopenTask = (ctx: Ctx, taskId: string) => setDone(ctx, taskId, false);

/** "Mine oppgaver": the open tasks assigned to the caller, by due date. */
export async function listMyTasks(ctx: Ctx): Promise<TaskOutput[]> {
  const user = requirePermission(ctx, 'task:read');
  return inTransaction(ctx, async (tx) => {
    const rows = await q.listTasks(tx.db, user.tenantId, { assigneeId: user.id, open: true });
    return tasksRead(tx, rows);
  });
}

/** "Forfalt": open tasks due before today (Oslo), whoever has them, by due date. */
export async function listOverdueTasks(ctx: Ctx): Promise<TaskOutput[]> {
  const user = requirePermission(ctx, 'task:read');
  return inTransaction(ctx, async (tx) => {
    const today = osloDate(tx.now);
    const rows = await q.listTasks(tx.db, user.tenantId, { open: true, dueBefore: today });
    return tasksRead(tx, rows);
  });
}

/**
 * Overdue tasks counted per resident, for the board. Only ids and counts: no names or titles leave
 * here, and the board that shows them next to a name already logs its read of each resident, so this
 * logs no second read.
 */
export async function countOverdueTasksByPerson(ctx: Ctx): Promise<OverdueByPersonOutput[]> {
  const user = requirePermission(ctx, 'task:read');
  return q.countOverdueByPerson(ctx.db, user.tenantId, osloDate(ctx.now));
}

/** The staff a task can be given to. */
export async function listAssignees(ctx: Ctx): Promise<AssigneeOutput[]> {
  const user = requirePermission(ctx, 'task:read');
  return q.listAssignableStaff(ctx.db, user.tenantId);
}
