import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { peopleError } from '../people/people.errors.ts';
import { journalError } from './journal.errors.ts';
import { osloDate } from './journal.rules.ts';
import { findOpenStayId, findPerson } from './journal.queries.ts';
import * as q from './goals.queries.ts';
import { listTasks } from './tasks.queries.ts';
import { toTaskOutput } from './tasks.service.ts';
import type { ChangeGoalProgressInput, CreateGoalInput, GoalOutput, PersonGoalsAndTasksOutput } from './goals.schema.ts';

// Goals of the same wording are one goal: importing from the agreement twice, or after typing one in,
// makes no duplicates. Case and spacing do not make a goal different.
const sameGoal = (title: string) => title.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');

async function goalsOf(ctx: Ctx, tenantId: string, personId: string): Promise<GoalOutput[]> {
  const rows = await q.listGoals(ctx.db, tenantId, personId);
  const events = await q.listGoalEvents(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    stayId: r.stayId,
    title: r.title,
    progress: r.progress,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName,
    events: events
      .filter((e) => e.goalId === r.id)
      .map((e) => ({ id: e.id, at: e.at.toISOString(), byName: e.byName, progress: e.progress, note: e.note })),
  }));
}

async function requirePerson(ctx: Ctx, tenantId: string, personId: string) {
  if (!(await findPerson(ctx.db, tenantId, personId))) throw peopleError('person.not_found');
}

/** A resident's goals (with their history) and tasks, and how many of the agreement's goals could be fetched. */
export async function getPersonGoalsAndTasks(ctx: Ctx, personId: string): Promise<PersonGoalsAndTasksOutput> {
  const user = requirePermission(ctx, 'task:read');
  return inTransaction(ctx, async (tx) => {
    await requirePerson(tx, user.tenantId, personId);
    await recordAccess(tx, personId, 'follow_up', 'task.read');
    const goals = await goalsOf(tx, user.tenantId, personId);
    const today = osloDate(tx.now);
    const tasks = (await listTasks(tx.db, user.tenantId, { personId })).map((r) => toTaskOutput(r, today));
    const have = new Set(goals.map((g) => sameGoal(g.title)));
    const fromAgreement = new Set((await q.latestAgreementGoals(tx.db, user.tenantId, personId)).map(sameGoal));
    return { goals, tasks, agreementGoalsToImport: [...fromAgreement].filter((g) => !have.has(g)).length };
  });
}

async function addGoals(ctx: Ctx, tenantId: string, personId: string, titles: string[], source: 'typed' | 'agreement') {
  const stayId = await findOpenStayId(ctx.db, tenantId, personId);
  // Goals are listed by when they were made; goals made together are a millisecond apart so they keep
  // the agreement's order (the table has no position column).
  const created = await q.insertGoals(
    ctx.db,
    titles.map((title, i) => ({
      tenantId,
      personId,
      stayId,
      title,
      progress: 'not_started' as const,
      createdAt: new Date(ctx.now.getTime() + i),
      createdBy: ctx.user!.id,
    })),
  );
  // The first row of each goal's history: where it started.
  await q.insertGoalEvents(
    ctx.db,
    created.map((g) => ({ tenantId, goalId: g.id, at: ctx.now, by: ctx.user!.id, progress: g.progress, note: null })),
  );
  for (const g of created) {
    await recordEvent(ctx, { action: 'goal.create', entityType: 'goal', entityId: g.id, personId, purpose: 'follow_up', details: { source } });
  }
  return created.map((g) => g.id);
}

/** A goal typed in by staff. */
export async function createGoal(ctx: Ctx, personId: string, input: CreateGoalInput): Promise<GoalOutput> {
  const user = requirePermission(ctx, 'task:write');
  return inTransaction(ctx, async (tx) => {
    await requirePerson(tx, user.tenantId, personId);
    const [id] = await addGoals(tx, user.tenantId, personId, [input.title], 'typed');
    return (await goalsOf(tx, user.tenantId, personId)).find((g) => g.id === id)!;
  });
}

/**
 * "Hent mål fra avtalen": makes a goal of each goal written in the resident's latest agreement that
 * is not already among their goals.
 */
export async function importGoalsFromAgreement(ctx: Ctx, personId: string): Promise<{ created: GoalOutput[]; alreadyThere: number }> {
  const user = requirePermission(ctx, 'task:write');
  return inTransaction(ctx, async (tx) => {
    await requirePerson(tx, user.tenantId, personId);
    const fromAgreement = await q.latestAgreementGoals(tx.db, user.tenantId, personId);
    if (fromAgreement.length === 0) throw journalError('goal.no_agreement_goals');
    const seen = new Set((await q.listGoals(tx.db, user.tenantId, personId)).map((g) => sameGoal(g.title)));
    const titles: string[] = [];
    for (const title of fromAgreement) {
      if (seen.has(sameGoal(title))) continue;
      seen.add(sameGoal(title));
      titles.push(title);
    }
    const ids = new Set(await addGoals(tx, user.tenantId, personId, titles, 'agreement'));
    const created = (await goalsOf(tx, user.tenantId, personId)).filter((g) => ids.has(g.id));
    return { created, alreadyThere: fromAgreement.length - titles.length };
  });
}

/**
 * A change of a goal's progress (or, with the same progress, a note on how it goes): one goal_events
 * row each time, so the history shows who moved it when and why.
 */
export async function changeGoalProgress(ctx: Ctx, goalId: string, input: ChangeGoalProgressInput): Promise<GoalOutput> {
  const user = requirePermission(ctx, 'task:write');
  return inTransaction(ctx, async (tx) => {
    const goal = await q.lockGoal(tx.db, user.tenantId, goalId);
    if (!goal) throw journalError('goal.not_found');
    if (goal.progress === input.progress && !input.note) throw journalError('goal.unchanged');
    if (goal.progress !== input.progress) await q.setGoalProgress(tx.db, goalId, input.progress);
    await q.insertGoalEvents(tx.db, [{ tenantId: user.tenantId, goalId, at: tx.now, by: user.id, progress: input.progress, note: input.note ?? null }]);
    await recordEvent(tx, {
      action: 'goal.progress',
      entityType: 'goal',
      entityId: goalId,
      personId: goal.personId,
      purpose: 'follow_up',
      details: { from: goal.progress, to: input.progress, withNote: Boolean(input.note) },
    });
    return (await goalsOf(tx, user.tenantId, goal.personId)).find((g) => g.id === goalId)!;
  });
}
