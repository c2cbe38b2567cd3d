import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { goalEvents, goals } from './journal.tables.ts';
import { buildAgreement, buildGoal, buildTask } from './journal.factory.ts';
import { changeGoalProgress, createGoal, getPersonGoalsAndTasks, importGoalsFromAgreement } from './goals.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let navId: string;
let housingOfficeId: string;
const now = new Date('2026-11-26T10:00:00+01:00');

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], displayName: 'Siri Ansatt' })).id;
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

async function residentWithAgreement(agreementGoals: string[][]) {
  const person = await buildPerson(database.db, { tenantId });
  const room = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId }) });
  const stay = await buildStay(database.db, { tenantId, roomId: room.id, personId: person.id, startOn: '2026-11-02' });
  for (const [i, g] of agreementGoals.entries()) await buildAgreement(database.db, { tenantId, stayId: stay.id, version: i + 1, goals: g });
  return { person, stay };
}

describe('createGoal and changeGoalProgress', () => {
  it('adds a typed goal with the first row of its history, and each change adds a row with its note', async () => {
    const { person, stay } = await residentWithAgreement([]);
    const ctx = await contextFor(database, staffId, { now });
    const goal = await createGoal(ctx, person.id, { title: 'Søke kommunal bolig' });
    expect(goal).toMatchObject({ title: 'Søke kommunal bolig', progress: 'not_started', stayId: stay.id, createdByName: 'Siri Ansatt' });
    expect(goal.events).toEqual([expect.objectContaining({ progress: 'not_started', note: null, byName: 'Siri Ansatt' })]);

    const later = await contextFor(database, staffId, { now: new Date('2026-11-28T10:00:00+01:00') });
    await changeGoalProgress(later, goal.id, { progress: 'in_progress', note: 'Søknad sendt Boligkontoret.' });
    const evenLater = await contextFor(database, staffId, { now: new Date('2026-12-02T10:00:00+01:00') });
    const noted = await changeGoalProgress(evenLater, goal.id, { progress: 'in_progress', note: 'Venter på svar.' });
    expect(noted.progress).toBe('in_progress');
    expect(noted.events.map((e) => [e.progress, e.note])).toEqual([
      ['not_started', null],
      ['in_progress', 'Søknad sendt Boligkontoret.'],
      ['in_progress', 'Venter på svar.'],
    ]);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, goal.id)).orderBy(auditEvents.at);
    expect(audit.map((a) => a.details)).toEqual([
      { source: 'typed' },
      { from: 'not_started', to: 'in_progress', withNote: true },
      { from: 'in_progress', to: 'in_progress', withNote: true },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Boligkontoret|Søke kommunal/);
  });

  it('refuses a "change" that changes nothing, and writes nothing', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const goal = await buildGoal(database.db, { tenantId, personId: person.id, progress: 'in_progress' });
    const err = await rejection(changeGoalProgress(await contextFor(database, staffId, { now }), goal.id, { progress: 'in_progress' }));
    expect(err).toMatchObject({ code: 'goal.unchanged', status: 422 });
    expect(await database.db.select().from(goalEvents).where(eq(goalEvents.goalId, goal.id))).toHaveLength(0);
  });

  it.each([
    ['NAV', () => navId],
    ['the housing office', () => housingOfficeId],
  ])('refuses %s, and writes nothing', async (_, user) => {
    const person = await buildPerson(database.db, { tenantId });
    const err = await rejection(createGoal(await contextFor(database, user(), { now }), person.id, { title: 'x' }));
    expect(err.code).toBe('auth.forbidden');
    expect(await database.db.select().from(goals).where(eq(goals.personId, person.id))).toHaveLength(0);
  });

  it('does not find a goal of another municipality', async () => {
    const otherTenant = await buildTenant(database.db);
    const stranger = await buildPerson(database.db, { tenantId: otherTenant.id });
    const goal = await buildGoal(database.db, { tenantId: otherTenant.id, personId: stranger.id });
    const err = await rejection(changeGoalProgress(await contextFor(database, staffId, { now }), goal.id, { progress: 'achieved' }));
    expect(err.code).toBe('goal.not_found');
  });
});

describe('importGoalsFromAgreement', () => {
  it("makes goals of the latest agreement version's goals, skipping those already there", async () => {
    const { person } = await residentWithAgreement([['Gammelt mål'], ['Skaffe egen bolig', 'Søke  bostøtte', 'Møte på treffstedet']]);
    const ctx = await contextFor(database, staffId, { now });
    await createGoal(ctx, person.id, { title: 'søke bostøtte' });
    expect((await getPersonGoalsAndTasks(ctx, person.id)).agreementGoalsToImport).toBe(2);

    const result = await importGoalsFromAgreement(ctx, person.id);
    expect(result.created.map((g) => g.title)).toEqual(['Skaffe egen bolig', 'Møte på treffstedet']);
    expect(result.alreadyThere).toBe(1);
    const again = await importGoalsFromAgreement(ctx, person.id);
    expect(again).toEqual({ created: [], alreadyThere: 3 });
    const all = await getPersonGoalsAndTasks(ctx, person.id);
    expect(all.goals).toHaveLength(3);
    expect(all.agreementGoalsToImport).toBe(0);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'goal.create'));
    expect(audit.filter((a) => a.personId === person.id).map((a) => a.details)).toEqual([{ source: 'typed' }, { source: 'agreement' }, { source: 'agreement' }]);
  });

  it('refuses when there is no agreement with goals, and writes nothing', async () => {
    const { person } = await residentWithAgreement([]);
    const err = await rejection(importGoalsFromAgreement(await contextFor(database, staffId, { now }), person.id));
    expect(err).toMatchObject({ code: 'goal.no_agreement_goals', status: 422 });
    expect(await database.db.select().from(goals).where(eq(goals.personId, person.id))).toHaveLength(0);
  });
});

describe('getPersonGoalsAndTasks', () => {
  it("returns the resident's goals and tasks and logs the read", async () => {
    const person = await buildPerson(database.db, { tenantId });
    const goal = await buildGoal(database.db, { tenantId, personId: person.id });
    const task = await buildTask(database.db, { tenantId, personId: person.id, goalId: goal.id, assigneeId: staffId, dueOn: '2026-11-20' });
    const ctx = await contextFor(database, staffId, { now });
    const result = await getPersonGoalsAndTasks(ctx, person.id);
    expect(result.goals.map((g) => g.id)).toEqual([goal.id]);
    expect(result.tasks).toEqual([expect.objectContaining({ id: task.id, overdue: true, goalTitle: goal.title, assigneeName: 'Siri Ansatt' })]);
    const reads = await database.db.select().from(auditEvents).where(eq(auditEvents.personId, person.id));
    expect(reads).toEqual([expect.objectContaining({ kind: 'read', action: 'task.read', purpose: 'follow_up' })]);
  });

  it('refuses NAV and logs no read', async () => {
    const person = await buildPerson(database.db, { tenantId });
    expect((await rejection(getPersonGoalsAndTasks(await contextFor(database, navId, { now }), person.id))).status).toBe(403);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.personId, person.id))).toHaveLength(0);
  });
});
