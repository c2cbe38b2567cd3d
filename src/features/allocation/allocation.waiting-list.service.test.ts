import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { buildPerson } from '../people/people.factory.ts';
import { complaintEvents, complaints, waitingListEntries, waitingListEvents } from './allocation.tables.ts';
import { buildReferral, buildScreening } from './allocation.factory.ts';
import { decide, getReferralDecisions } from './allocation.decisions.service.ts';
import { getWaitingListEvents, listWaitingList, removeFromWaitingList, updateWaitingListEntry } from './allocation.waiting-list.service.ts';
import { addComplaintStep, registerComplaint } from './allocation.complaints.service.ts';
import { complaintInput, decisionInput, updateWaitingListInput } from './allocation.schema.ts';

let database: Database;
let tenantId: string;
let leadId: string;
let staffId: string;
let navId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
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

/** Puts a new, screened household on the waiting list at the given moment. */
async function waiting(name: string, urgency: 'tonight' | 'this_week' | 'later', at: string) {
  const person = await buildPerson(database.db, { tenantId, givenName: name, familyName: 'Venter' });
  const referral = await buildReferral(database.db, { tenantId, personId: person.id, status: 'screened', receivedAt: new Date(at) });
  await buildScreening(database.db, { tenantId, referralId: referral.id, screenedBy: staffId, screenedAt: new Date(at) });
  const decision = await decide(await contextFor(database, leadId, { now: new Date(at) }), referral.id, decisionInput.parse({ outcome: 'waiting_list', reasons: `Venter (${name})`, urgency }));
  const [entry] = await database.db.select().from(waitingListEntries).where(eq(waitingListEntries.referralId, referral.id));
  return { referral, person, decision, entryId: entry!.id };
}

describe('the waiting list', () => {
  let anna: Awaited<ReturnType<typeof waiting>>;
  let bjorn: Awaited<ReturnType<typeof waiting>>;
  let cecilie: Awaited<ReturnType<typeof waiting>>;
  let dag: Awaited<ReturnType<typeof waiting>>;

  beforeAll(async () => {
    anna = await waiting('Anna', 'later', '2026-11-01T10:00:00+01:00');
    bjorn = await waiting('Bjørn', 'this_week', '2026-11-20T10:00:00+01:00');
    cecilie = await waiting('Cecilie', 'tonight', '2026-11-25T10:00:00+01:00');
    dag = await waiting('Dag', 'this_week', '2026-11-10T10:00:00+01:00');
  });

  it('is ordered by urgency, then waiting time, in exactly the shape the room board reads', async () => {
    const list = await listWaitingList(await contextFor(database, staffId));
    expect(list).toEqual([
      { entryId: cecilie.entryId, referralId: cecilie.referral.id, position: 1, householdName: 'Cecilie Venter', urgency: 'tonight', reason: 'Venter (Cecilie)', addedAt: '2026-11-25T09:00:00.000Z' },
      { entryId: dag.entryId, referralId: dag.referral.id, position: 2, householdName: 'Dag Venter', urgency: 'this_week', reason: 'Venter (Dag)', addedAt: '2026-11-10T09:00:00.000Z' },
      { entryId: bjorn.entryId, referralId: bjorn.referral.id, position: 3, householdName: 'Bjørn Venter', urgency: 'this_week', reason: 'Venter (Bjørn)', addedAt: '2026-11-20T09:00:00.000Z' },
      { entryId: anna.entryId, referralId: anna.referral.id, position: 4, householdName: 'Anna Venter', urgency: 'later', reason: 'Venter (Anna)', addedAt: '2026-11-01T09:00:00.000Z' },
    ]);
  });

  it('logs a read for each person shown, with the purpose allocation', async () => {
    const at = new Date('2026-11-26T12:34:00+01:00');
    await listWaitingList(await contextFor(database, staffId, { now: at }));
    const reads = await database.db.select().from(auditEvents).where(and(eq(auditEvents.kind, 'read'), eq(auditEvents.at, at)));
    expect(reads.map((r) => r.personId).sort()).toEqual([anna, bjorn, cecilie, dag].map((x) => x.person.id).sort());
    expect(new Set(reads.map((r) => r.purpose))).toEqual(new Set(['allocation']));
  });

  it('moves an entry when its urgency changes, logs old and new values, and audits the field names only', async () => {
    const ctx = await contextFor(database, leadId, { now: new Date('2026-11-26T13:00:00+01:00') });
    const item = await updateWaitingListEntry(ctx, anna.entryId, updateWaitingListInput.parse({ urgency: 'tonight', reason: 'Mistet rommet hos venn i dag' }));
    // Anna has waited longest, so as urgent as Cecilie she comes first.
    expect(item).toMatchObject({ position: 1, urgency: 'tonight', reason: 'Mistet rommet hos venn i dag' });
    const events = await getWaitingListEvents(ctx, anna.entryId);
    expect(events.map((e) => [e.change, e.details])).toEqual([
      ['added', { urgency: 'later', decisionId: anna.decision.id }],
      ['urgency_changed', { from: 'later', to: 'tonight' }],
      ['reason_changed', { from: 'Venter (Anna)', to: 'Mistet rommet hos venn i dag' }],
    ]);
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'waiting_list.update'));
    expect(audit).toMatchObject({ personId: anna.person.id, details: { changed: ['urgency', 'reason'] } });
    expect(JSON.stringify(audit)).not.toContain('venn');
  });

  it('refuses a change that changes nothing, and bad input at the schema', async () => {
    const ctx = await contextFor(database, leadId);
    const err = await rejection(updateWaitingListEntry(ctx, bjorn.entryId, { urgency: 'this_week' }));
    expect(err).toMatchObject({ code: 'waiting_list.unchanged', status: 422 });
    expect(updateWaitingListInput.safeParse({}).success).toBe(false);
    expect(updateWaitingListInput.safeParse({ urgency: 'soon' }).success).toBe(false);
  });

  it('lets staff read but not change the list', async () => {
    const err = await rejection(updateWaitingListEntry(await contextFor(database, staffId), bjorn.entryId, { urgency: 'tonight' }));
    expect(err.status).toBe(403);
    expect((await rejection(listWaitingList(await contextFor(database, navId)))).status).toBe(403);
    const [entry] = await database.db.select().from(waitingListEntries).where(eq(waitingListEntries.id, bjorn.entryId));
    expect(entry!.urgency).toBe('this_week');
  });

  it('removes an entry with its reason, withdraws the referral and keeps the log', async () => {
    const ctx = await contextFor(database, leadId);
    await removeFromWaitingList(ctx, dag.entryId, { reason: 'Har fått kommunal bolig' });
    const list = await listWaitingList(ctx);
    expect(list.map((i) => i.entryId)).not.toContain(dag.entryId);
    expect(list.map((i) => i.position)).toEqual([1, 2, 3]);
    const [referral] = await database.db.select().from(referrals).where(eq(referrals.id, dag.referral.id));
    expect(referral!.status).toBe('withdrawn');
    const events = await database.db.select().from(waitingListEvents).where(eq(waitingListEvents.entryId, dag.entryId));
    expect(events.map((e) => e.change)).toEqual(['added', 'removed']);
    expect((await rejection(removeFromWaitingList(ctx, dag.entryId, { reason: 'x' }))).code).toBe('waiting_list.entry_removed');
  });

  it('does not find an entry of another municipality', async () => {
    const otherTenant = await buildTenant(database.db);
    const otherLead = (await buildUser(database.db, { tenantId: otherTenant.id, roles: ['service_lead'] })).id;
    const err = await rejection(getWaitingListEvents(await contextFor(database, otherLead), bjorn.entryId));
    expect(err.code).toBe('waiting_list.entry_not_found');
  });
});

describe('complaints', () => {
  async function refusal(at = '2026-11-26T10:00:00+01:00') {
    const referral = await buildReferral(database.db, { tenantId, status: 'screened' });
    await buildScreening(database.db, { tenantId, referralId: referral.id, screenedBy: staffId, result: 'excluded' });
    const decision = await decide(await contextFor(database, leadId, { now: new Date(at) }), referral.id, decisionInput.parse({ outcome: 'refusal', reasons: 'Kan ikke komme seg ut selv ved brann.' }));
    return { referral, decision };
  }

  it('registers a complaint and follows it to Statsforvalteren and an outcome, each step a row', async () => {
    const { referral, decision } = await refusal();
    const staff = await contextFor(database, staffId, { now: new Date('2026-12-01T09:00:00+01:00') });
    const complaint = await registerComplaint(staff, decision.id, complaintInput.parse({ receivedOn: '2026-12-01', summary: 'Mener hun klarer seg selv.' }));
    expect(complaint).toMatchObject({ status: 'received', deadline: '2026-12-17', receivedAfterDeadline: false, nextSteps: ['reassessed', 'overturned', 'withdrawn'] });
    await addComplaintStep(staff, complaint.id, { status: 'reassessed', note: 'NAV-kontoret opprettholder vedtaket.' });
    await addComplaintStep(staff, complaint.id, { status: 'sent_to_statsforvalteren', note: 'Sendt 02.12.' });
    const done = await addComplaintStep(staff, complaint.id, { status: 'upheld' });
    expect(done.status).toBe('upheld');
    expect(done.events.map((e) => [e.status, e.note])).toEqual([
      ['received', null],
      ['reassessed', 'NAV-kontoret opprettholder vedtaket.'],
      ['sent_to_statsforvalteren', 'Sendt 02.12.'],
      ['upheld', null],
    ]);
    expect(done.nextSteps).toEqual([]);
    const shown = await getReferralDecisions(await contextFor(database, leadId), referral.id);
    expect(shown.decisions[0]!.complaints).toEqual([expect.objectContaining({ id: complaint.id, status: 'upheld' })]);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, complaint.id));
    expect(audit.map((a) => a.action)).toEqual(['complaint.register', 'complaint.step', 'complaint.step', 'complaint.step']);
    expect(JSON.stringify(audit)).not.toContain('klarer');
  });

  it('warns about, but registers, a complaint received more than three weeks after the decision', async () => {
    const { decision } = await refusal();
    const staff = await contextFor(database, staffId, { now: new Date('2026-12-20T09:00:00+01:00') });
    const complaint = await registerComplaint(staff, decision.id, { receivedOn: '2026-12-18', summary: 'Sen klage' });
    expect(complaint).toMatchObject({ receivedAfterDeadline: true, deadline: '2026-12-17' });
  });

  it('refuses a received date in the future or before the decision, and writes nothing', async () => {
    const { decision } = await refusal();
    const staff = await contextFor(database, staffId, { now: new Date('2026-11-27T09:00:00+01:00') });
    const future = await rejection(registerComplaint(staff, decision.id, { receivedOn: '2026-11-28', summary: 'x' }));
    expect(future).toMatchObject({ code: 'complaint.received_in_future', status: 422 });
    expect(future.fields).toHaveProperty('receivedOn');
    const before = await rejection(registerComplaint(staff, decision.id, { receivedOn: '2026-11-25', summary: 'x' }));
    expect(before.code).toBe('complaint.received_before_decision');
    expect(await database.db.select().from(complaints).where(eq(complaints.decisionId, decision.id))).toHaveLength(0);
    expect(new Set(complaintInput.safeParse({ receivedOn: '27.11.2026', summary: '' }).error!.issues.map((i) => i.path[0]))).toEqual(new Set(['receivedOn', 'summary']));
  });

  it('refuses a step the path does not allow, and writes no event', async () => {
    const { decision } = await refusal();
    const staff = await contextFor(database, staffId);
    const complaint = await registerComplaint(staff, decision.id, { receivedOn: '2026-11-26', summary: 'x' });
    const err = await rejection(addComplaintStep(staff, complaint.id, { status: 'upheld' }));
    expect(err).toMatchObject({ code: 'complaint.invalid_step', status: 422 });
    expect(await database.db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaint.id))).toHaveLength(1);
  });

  it('refuses a NAV caseworker', async () => {
    const { decision } = await refusal();
    const err = await rejection(registerComplaint(await contextFor(database, navId), decision.id, { receivedOn: '2026-11-26', summary: 'x' }));
    expect(err.status).toBe(403);
  });
});
