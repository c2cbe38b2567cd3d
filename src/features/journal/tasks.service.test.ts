import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from '../people/people.factory.ts';
import { tasks } from './journal.tables.ts';
import { buildGoal, buildTask } from './journal.factory.ts';
import { createTaskInput } from './tasks.schema.ts';
import {
  completeTask,
  countOverdueTasksByPerson,
  createTask,
  listAssignees,
  listMyTasks,
  listOverdueTasks,
  reopenTask,
} from './tasks.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let otherStaffId: string;
let leadId: string;
let navId: string;
let housingOfficeId: string;
const now = new Date('2026-11-26T10:00:00+01:00');

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], displayName: 'Siri Ansatt' })).id;
  otherStaffId = (await buildUser(database.db, { tenantId, roles: ['staff'], displayName: 'Ola Ansatt' })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'], displayName: 'Leif Leder' })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  housingOfficeId = (await buildUser(database.db, { tenantId, roles: ['housing_office'] })).id;
});
afterAll(() => database.close());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const input = (overrides: Record<string, unknown> = {}) =>
  createTaskInput.parse({ title: 'Ring utleier om visning', assigneeId: staffId, dueOn: '2026-11-30', ...overrides });
const tasksOf = (personId: string) => database.db.select().from(tasks).where(eq(tasks.personId, personId));

describe('createTask', () => {
  it('creates a task about a resident and one of their goals, audited without its title', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const goal = await buildGoal(database.db, { tenantId, personId: person.id, title: 'Egen bolig før jul' });
    const task = await createTask(await contextFor(database, leadId, { now }), input({ goalId: goal.id }));
    expect(task).toMatchObject({
      title: 'Ring utleier om visning',
      personId: person.id,
      personName: `${person.givenName} ${person.familyName}`,
      goalId: goal.id,
      goalTitle: 'Egen bolig før jul',
      assigneeId: staffId,
      assigneeName: 'Siri Ansatt',
      dueOn: '2026-11-30',
      overdue: false,
      doneAt: null,
    });
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, task.id));
    expect(audit).toEqual([expect.objectContaining({ action: 'task.create', personId: person.id, actorUserId: leadId })]);
    expect(JSON.stringify(audit)).not.toContain('utleier');
  });

  it('creates a task about no resident', async () => {
    const task = await createTask(await contextFor(database, staffId, { now }), input({ title: 'Bestille sengetøy' }));
    expect(task).toMatchObject({ personId: null, personName: null, goalId: null });
  });

  it('refuses an assignee who is not staff, naming the field, and writes nothing', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const err = await rejection(createTask(await contextFor(database, staffId, { now }), input({ personId: person.id, assigneeId: navId })));
    expect(err).toMatchObject({ code: 'task.assignee_not_staff', status: 400 });
    expect(Object.keys(err.fields!)).toEqual(['assigneeId']);
    expect(await tasksOf(person.id)).toHaveLength(0);
  });

  it('refuses a staff member of another municipality as assignee', async () => {
    const stranger = await buildUser(database.db, { tenantId: (await buildTenant(database.db)).id, roles: ['staff'] });
    const err = await rejection(createTask(await contextFor(database, staffId, { now }), input({ assigneeId: stranger.id })));
    expect(err.code).toBe('task.assignee_not_staff');
  });

  it('refuses a due date before today (Oslo), and writes nothing', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const err = await rejection(createTask(await contextFor(database, staffId, { now }), input({ personId: person.id, dueOn: '2026-11-25' })));
    expect(err).toMatchObject({ code: 'task.due_in_past', status: 400, fields: { dueOn: expect.any(String) } });
    expect(await tasksOf(person.id)).toHaveLength(0);
  });

  it('refuses a goal of another resident', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const other = await buildPerson(database.db, { tenantId });
    const goal = await buildGoal(database.db, { tenantId, personId: other.id });
    const err = await rejection(createTask(await contextFor(database, staffId, { now }), input({ personId: person.id, goalId: goal.id })));
    expect(err).toMatchObject({ code: 'task.goal_of_other_person', status: 422 });
    expect(await tasksOf(person.id)).toHaveLength(0);
  });

  it.each([
    ['NAV', () => navId],
    ['the housing office', () => housingOfficeId],
  ])('refuses %s', async (_, user) => {
    const err = await rejection(createTask(await contextFor(database, user(), { now }), input()));
    expect(err.code).toBe('auth.forbidden');
  });
});

describe('completeTask and reopenTask', () => {
  it('marks done with who and when, reopens, and refuses doing either twice', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const task = await buildTask(database.db, { tenantId, personId: person.id, assigneeId: staffId });
    const ctx = await contextFor(database, otherStaffId, { now });
    expect(await completeTask(ctx, task.id)).toMatchObject({ doneAt: now.toISOString(), doneByName: 'Ola Ansatt' });
    expect((await rejection(completeTask(ctx, task.id))).status).toBe(409);
    expect(await reopenTask(ctx, task.id)).toMatchObject({ doneAt: null, doneByName: null });
    expect((await rejection(reopenTask(ctx, task.id))).code).toBe('task.not_done');
    const actions = (await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, task.id))).map((a) => a.action);
    expect(actions).toEqual(['task.complete', 'task.reopen']);
  });

  it('refuses NAV', async () => {
    const task = await buildTask(database.db, { tenantId, assigneeId: staffId });
    expect((await rejection(completeTask(await contextFor(database, navId, { now }), task.id))).status).toBe(403);
  });
});

describe('the lists', () => {
  it('"Mine oppgaver" holds my open tasks by due date, and logs a read of each resident shown', async () => {
    const me = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
    const person = await buildPerson(database.db, { tenantId });
    const later = await buildTask(database.db, { tenantId, assigneeId: me, personId: person.id, dueOn: '2026-12-10', title: 'Senere' });
    const sooner = await buildTask(database.db, { tenantId, assigneeId: me, dueOn: '2026-11-28', title: 'Snart' });
    await buildTask(database.db, { tenantId, assigneeId: me, dueOn: '2026-11-27', doneAt: now, doneBy: me });
    await buildTask(database.db, { tenantId, assigneeId: otherStaffId, dueOn: '2026-11-27' });
    const mine = await listMyTasks(await contextFor(database, me, { now }));
    expect(mine.map((t) => t.id)).toEqual([sooner.id, later.id]);
    const reads = await database.db.select().from(auditEvents).where(eq(auditEvents.personId, person.id));
    expect(reads).toEqual([expect.objectContaining({ kind: 'read', action: 'task.read', purpose: 'follow_up', actorUserId: me })]);
  });

  it('overdue is computed in Oslo: due 26.11 is not overdue at 23:59 that evening, and is at midnight', async () => {
    const t = await buildTenant(database.db);
    const staff = (await buildUser(database.db, { tenantId: t.id, roles: ['staff'] })).id;
    const person = await buildPerson(database.db, { tenantId: t.id });
    const task = await buildTask(database.db, { tenantId: t.id, personId: person.id, assigneeId: staff, dueOn: '2026-11-26' });
    await buildTask(database.db, { tenantId: t.id, personId: person.id, assigneeId: staff, dueOn: '2026-11-20', doneAt: now });

    const lateEvening = await contextFor(database, staff, { now: new Date('2026-11-26T22:59:59Z') }); // 23:59:59 in Oslo
    expect(await listOverdueTasks(lateEvening)).toEqual([]);
    expect(await countOverdueTasksByPerson(lateEvening)).toEqual([]);
    expect((await listMyTasks(lateEvening))[0]!.overdue).toBe(false);

    // 00:00 in Oslo on the 27th, while it is still the 26th in UTC.
    const midnight = await contextFor(database, staff, { now: new Date('2026-11-26T23:00:00Z') });
    expect((await listOverdueTasks(midnight)).map((x) => x.id)).toEqual([task.id]);
    expect(await countOverdueTasksByPerson(midnight)).toEqual([{ personId: person.id, count: 1 }]);
    expect((await listMyTasks(midnight))[0]!.overdue).toBe(true);
  });

  it('"Forfalt" holds everyone’s overdue tasks, oldest first; counts per resident leave out tasks with no resident', async () => {
    const t = await buildTenant(database.db);
    const a = (await buildUser(database.db, { tenantId: t.id, roles: ['staff'] })).id;
    const b = (await buildUser(database.db, { tenantId: t.id, roles: ['service_lead'] })).id;
    const p1 = await buildPerson(database.db, { tenantId: t.id });
    const p2 = await buildPerson(database.db, { tenantId: t.id });
    const x = await buildTask(database.db, { tenantId: t.id, personId: p1.id, assigneeId: a, dueOn: '2026-11-20' });
    const y = await buildTask(database.db, { tenantId: t.id, personId: p1.id, assigneeId: b, dueOn: '2026-11-10' });
    const z = await buildTask(database.db, { tenantId: t.id, personId: p2.id, assigneeId: b, dueOn: '2026-11-25' });
    const w = await buildTask(database.db, { tenantId: t.id, assigneeId: a, dueOn: '2026-11-01' });
    await buildTask(database.db, { tenantId: t.id, personId: p2.id, assigneeId: a, dueOn: '2026-11-26' });
    const ctx = await contextFor(database, a, { now });
    expect((await listOverdueTasks(ctx)).map((r) => r.id)).toEqual([w.id, y.id, x.id, z.id]);
    const counts = await countOverdueTasksByPerson(ctx);
    expect(counts.sort((m, n) => n.count - m.count)).toEqual([
      { personId: p1.id, count: 2 },
      { personId: p2.id, count: 1 },
    ]);
  });

  it('never shows another municipality’s tasks', async () => {
    const t = await buildTenant(database.db);
    const staff = (await buildUser(database.db, { tenantId: t.id, roles: ['staff'] })).id;
    await buildTask(database.db, { tenantId, assigneeId: staffId, dueOn: '2026-01-01' });
    expect(await listOverdueTasks(await contextFor(database, staff, { now }))).toEqual([]);
  });

  it('offers as assignees the active staff of the municipality only', async () => {
    const names = (await listAssignees(await contextFor(database, staffId, { now }))).map((u) => u.displayName);
    expect(names).toEqual(expect.arrayContaining(['Siri Ansatt', 'Ola Ansatt', 'Leif Leder']));
    expect(names).toHaveLength(names.filter((n) => n !== undefined).length);
    const ids = (await listAssignees(await contextFor(database, staffId, { now }))).map((u) => u.id);
    expect(ids).not.toContain(navId);
    expect(ids).not.toContain(housingOfficeId);
  });

  it.each([
    ['NAV', () => navId],
    ['the housing office', () => housingOfficeId],
  ])('refuses %s the lists', async (_, user) => {
    const ctx = await contextFor(database, user(), { now });
    expect((await rejection(listMyTasks(ctx))).status).toBe(403);
    expect((await rejection(listOverdueTasks(ctx))).status).toBe(403);
    expect((await rejection(countOverdueTasksByPerson(ctx))).status).toBe(403);
  });
});
