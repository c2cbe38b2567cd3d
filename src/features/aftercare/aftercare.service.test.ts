import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { aftercareAgreements, aftercareFollowUps, meetingAttendance } from './aftercare.tables.ts';
import {
  createAftercareAgreement,
  getPersonAftercare,
  listAftercareAgreements,
  listContactPersons,
  listDueFollowUps,
  planFollowUpsAfterMoveOut,
  recordFollowUp,
  updateAftercareAgreement,
} from './aftercare.service.ts';
import { addAttendance, createMeetingSession, getMeetingSession, listMeetingSessions, removeAttendance, searchFormerResidents } from './aftercare.meeting.service.ts';
import { countReturnsToHomelessness, getPreviousStays } from './aftercare.returns.service.ts';
import { buildMeetingSession, buildMoveOut } from './aftercare.factory.ts';

let database: Database;
let tenantId: string;
let otherTenantId: string;
let staffId: string;
let leadId: string;
let navId: string;
let house: { id: string; tenantId: string };

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  otherTenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  house = await buildHouse(database.db, { tenantId });
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

/** A former resident: a stay from startOn in a new room, moved out on movedOutOn. */
async function formerResident(
  options: { startOn?: string; movedOutOn?: string; givenName?: string; familyName?: string; destination?: 'private_rental' | 'deceased' | 'homeless' } = {},
) {
  const room = await buildRoom(database.db, { house });
  const person = await buildPerson(database.db, {
    tenantId,
    ...(options.givenName ? { givenName: options.givenName } : {}),
    ...(options.familyName ? { familyName: options.familyName } : {}),
  });
  const movedOutOn = options.movedOutOn ?? '2027-08-31';
  const stay = await buildStay(database.db, { tenantId, roomId: room.id, personId: person.id, startOn: options.startOn ?? '2027-06-01', plannedEndOn: '2027-09-01' });
  const moveOut = await buildMoveOut(database.db, { tenantId, stayId: stay.id, movedOutOn, destination: options.destination ?? 'private_rental' });
  return { person, stay, room, moveOut };
}

/** A current resident: checked in, never moved out. */
async function currentResident() {
  const room = await buildRoom(database.db, { house });
  const person = await buildPerson(database.db, { tenantId });
  const stay = await buildStay(database.db, { tenantId, roomId: room.id, personId: person.id, startOn: '2027-06-01', plannedEndOn: '2027-09-01' });
  return { person, stay };
}

async function auditRows(action: string, entityId?: string) {
  const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.action, action));
  return entityId ? rows.filter((r) => r.entityId === entityId) : rows;
}

const at = (iso: string) => new Date(`${iso}T12:00:00+01:00`);

describe('planFollowUpsAfterMoveOut', () => {
  it('plans three follow-ups at 1, 3 and 6 calendar months, clamped to the month end, with an audit row', async () => {
    const { person, stay } = await formerResident();
    const ctx = await contextFor(database, staffId, { now: new Date('2027-08-31T12:00:00+02:00') });
    const planned = await planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'private_rental' });
    expect(planned.map((p) => [p.monthsAfter, p.dueOn])).toEqual([
      [1, '2027-09-30'],
      [3, '2027-11-30'],
      [6, '2028-02-29'],
    ]);
    const rows = await database.db.select().from(aftercareFollowUps).where(eq(aftercareFollowUps.stayId, stay.id));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.personId === person.id && r.tenantId === tenantId && r.doneOn === null)).toBe(true);
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, stay.id), eq(auditEvents.action, 'aftercare.follow_ups_planned')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.personId).toBe(person.id);
    expect(audit[0]!.actorUserId).toBe(staffId);
  });

  it('keeps the first plan when called twice for one stay', async () => {
    const { person, stay } = await formerResident();
    const ctx = await contextFor(database, leadId);
    await planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'private_rental' });
    const again = await planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2027-09-15', destination: 'private_rental' });
    expect(again.map((p) => p.dueOn)).toEqual(['2027-09-30', '2027-11-30', '2028-02-29']);
  });

  it('plans nothing after a death', async () => {
    const { person, stay } = await formerResident();
    const ctx = await contextFor(database, staffId);
    expect(await planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'deceased' })).toEqual([]);
  });

  it('refuses NAV (no move-out permission) and writes nothing', async () => {
    const { person, stay } = await formerResident();
    const ctx = await contextFor(database, navId);
    const err = await rejection(planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'private_rental' }));
    expect(err.status).toBe(403);
    expect(await database.db.select().from(aftercareFollowUps).where(eq(aftercareFollowUps.stayId, stay.id))).toHaveLength(0);
  });

  it('treats a stay of another tenant, or of another person, as not found', async () => {
    const { person, stay } = await formerResident();
    const other = await buildPerson(database.db, { tenantId });
    const ctx = await contextFor(database, staffId);
    expect((await rejection(planFollowUpsAfterMoveOut(ctx, { personId: other.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'private_rental' }))).status).toBe(404);
    const foreignStaff = (await buildUser(database.db, { tenantId: otherTenantId, roles: ['staff'] })).id;
    const foreign = await contextFor(database, foreignStaff);
    expect((await rejection(planFollowUpsAfterMoveOut(foreign, { personId: person.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'private_rental' }))).status).toBe(404);
  });
});

describe('follow-ups', () => {
  it('lists overdue follow-ups and those due within two weeks, not later ones, and logs each person read', async () => {
    const { person, stay } = await formerResident({ movedOutOn: '2028-01-10' });
    const ctx = await contextFor(database, staffId, { now: at('2028-02-10') });
    await planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2028-01-10', destination: 'private_rental' });
    const due = (await listDueFollowUps(ctx)).filter((f) => f.personId === person.id);
    expect(due.map((f) => [f.monthsAfter, f.dueOn, f.state])).toEqual([[1, '2028-02-10', 'due']]);
    const later = (await listDueFollowUps(await contextFor(database, staffId, { now: at('2028-04-01') }))).filter((f) => f.personId === person.id);
    expect(later.map((f) => [f.monthsAfter, f.state])).toEqual([
      [1, 'overdue'],
      [3, 'due'],
    ]);
    expect(later[0]!.movedOutOn).toBe('2028-01-10');
    expect(later[0]!.destination).toBe('private_rental');
    const reads = await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, person.id), eq(auditEvents.action, 'aftercare.read')));
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it('records a follow-up (done on, still housed, notes) with an audit row that names fields, not values', async () => {
    const { person, stay } = await formerResident({ movedOutOn: '2028-01-10' });
    const ctx = await contextFor(database, staffId, { now: at('2028-02-12') });
    const [first] = await planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2028-01-10', destination: 'private_rental' });
    const done = await recordFollowUp(ctx, first!.id, { doneOn: '2028-02-11', stillHoused: true, notes: 'Trives i leiligheten.' });
    expect(done).toMatchObject({ state: 'done', doneOn: '2028-02-11', stillHoused: true, notes: 'Trives i leiligheten.' });
    expect(done.doneByName).toBeTruthy();
    const [audit] = await auditRows('aftercare.follow_up_record', first!.id);
    expect(audit!.personId).toBe(person.id);
    expect(audit!.details).toEqual({ fields: ['doneOn', 'stillHoused', 'notes'], monthsAfter: 1, correction: false });
    expect(JSON.stringify(audit!.details)).not.toContain('Trives');
    // Recording again corrects it.
    const corrected = await recordFollowUp(ctx, first!.id, { doneOn: '2028-02-12', stillHoused: false });
    expect(corrected).toMatchObject({ doneOn: '2028-02-12', stillHoused: false, notes: null });
    expect((await auditRows('aftercare.follow_up_record', first!.id)).map((r) => (r.details as { correction: boolean }).correction)).toContain(true);
  });

  it('refuses a follow-up in the future or before the move-out, and changes nothing', async () => {
    const { person, stay } = await formerResident({ movedOutOn: '2028-01-10' });
    const ctx = await contextFor(database, staffId, { now: at('2028-02-12') });
    const [first] = await planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2028-01-10', destination: 'private_rental' });
    const future = await rejection(recordFollowUp(ctx, first!.id, { doneOn: '2028-02-13', stillHoused: true }));
    expect(future.status).toBe(422);
    expect(future.fields).toHaveProperty('doneOn');
    const before = await rejection(recordFollowUp(ctx, first!.id, { doneOn: '2028-01-09', stillHoused: true }));
    expect(before.code).toBe('aftercare.follow_up_before_move_out');
    const [row] = await database.db.select().from(aftercareFollowUps).where(eq(aftercareFollowUps.id, first!.id));
    expect(row!.doneOn).toBeNull();
    expect(await auditRows('aftercare.follow_up_record', first!.id)).toHaveLength(0);
  });

  it('refuses NAV, and treats another tenant’s follow-up as not found', async () => {
    const { person, stay } = await formerResident();
    const [first] = await planFollowUpsAfterMoveOut(await contextFor(database, staffId), {
      personId: person.id,
      stayId: stay.id,
      movedOutOn: '2027-08-31',
      destination: 'private_rental',
    });
    const nav = await contextFor(database, navId, { now: at('2027-10-01') });
    expect((await rejection(listDueFollowUps(nav))).status).toBe(403);
    expect((await rejection(recordFollowUp(nav, first!.id, { doneOn: '2027-09-30', stillHoused: true }))).status).toBe(403);
    const foreign = await contextFor(database, (await buildUser(database.db, { tenantId: otherTenantId, roles: ['staff'] })).id, { now: at('2027-10-01') });
    expect((await rejection(recordFollowUp(foreign, first!.id, { doneOn: '2027-09-30', stillHoused: true }))).status).toBe(404);
  });
});

describe('aftercare agreements', () => {
  const agreement = (personId: string, contactPersonId: string) => ({
    personId,
    startsOn: '2027-09-01',
    endsOn: '2028-02-29',
    contactFrequency: 'Hver uke første måned, deretter annenhver uke',
    contactPersonId,
  });

  it('makes an agreement for a former resident, tied to the stay moved out of, with an audit row', async () => {
    const { person, stay } = await formerResident();
    const ctx = await contextFor(database, staffId, { now: at('2027-09-01') });
    const made = await createAftercareAgreement(ctx, agreement(person.id, staffId));
    expect(made).toMatchObject({ personId: person.id, stayId: stay.id, startsOn: '2027-09-01', endsOn: '2028-02-29', contactPersonId: staffId, isCurrent: true });
    expect(made.contactPersonName).toMatch(/^Test Bruker/);
    const [audit] = await auditRows('aftercare.agreement_create', made.id);
    expect(audit).toMatchObject({ personId: person.id, actorUserId: staffId, entityType: 'aftercare_agreement' });
    expect((await listAftercareAgreements(ctx)).map((a) => a.id)).toContain(made.id);
    // One per stay moved out of.
    expect((await rejection(createAftercareAgreement(ctx, agreement(person.id, leadId)))).status).toBe(409);
  });

  it('changes an agreement in place and audits the names of the fields changed', async () => {
    const { person } = await formerResident();
    const ctx = await contextFor(database, staffId, { now: at('2027-09-01') });
    const made = await createAftercareAgreement(ctx, agreement(person.id, staffId));
    const changed = await updateAftercareAgreement(ctx, made.id, { ...agreement(person.id, leadId), contactFrequency: 'Annenhver uke' });
    expect(changed).toMatchObject({ contactPersonId: leadId, contactFrequency: 'Annenhver uke' });
    const [audit] = await auditRows('aftercare.agreement_update', made.id);
    expect(audit!.details).toEqual({ fields: ['contactFrequency', 'contactPersonId'] });
  });

  it('refuses someone who has not moved out (422), a contact person who is not staff (400), and writes nothing', async () => {
    const { person: resident } = await currentResident();
    const ctx = await contextFor(database, staffId, { now: at('2027-09-01') });
    expect((await rejection(createAftercareAgreement(ctx, agreement(resident.id, staffId)))).code).toBe('aftercare.not_moved_out');
    const { person } = await formerResident();
    const notStaff = await rejection(createAftercareAgreement(ctx, agreement(person.id, navId)));
    expect(notStaff.status).toBe(400);
    expect(notStaff.fields).toHaveProperty('contactPersonId');
    const rows = await database.db.select().from(aftercareAgreements).where(eq(aftercareAgreements.personId, person.id));
    expect(rows).toHaveLength(0);
    expect((await listContactPersons(ctx)).map((c) => c.id)).toEqual(expect.arrayContaining([staffId, leadId]));
    expect((await listContactPersons(ctx)).map((c) => c.id)).not.toContain(navId);
  });

  it('refuses NAV', async () => {
    const { person } = await formerResident();
    const nav = await contextFor(database, navId);
    expect((await rejection(createAftercareAgreement(nav, agreement(person.id, staffId)))).status).toBe(403);
    expect((await rejection(listAftercareAgreements(nav))).status).toBe(403);
    expect((await rejection(getPersonAftercare(nav, person.id))).status).toBe(403);
  });

  it("gives a person's aftercare in one read: move-outs, agreement, follow-ups, meetings", async () => {
    const { person, stay } = await formerResident({ movedOutOn: '2027-08-31' });
    const ctx = await contextFor(database, staffId, { now: at('2027-09-02') });
    await planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'private_rental' });
    await createAftercareAgreement(ctx, agreement(person.id, staffId));
    const session = await buildMeetingSession(database.db, { tenantId, heldOn: '2027-09-01' });
    await addAttendance(ctx, session.id, person.id);
    const mine = await getPersonAftercare(ctx, person.id);
    expect(mine.moveOuts).toEqual([{ stayId: stay.id, startOn: '2027-06-01', movedOutOn: '2027-08-31', destination: 'private_rental' }]);
    expect(mine.agreements).toHaveLength(1);
    expect(mine.followUps.map((f) => f.dueOn)).toEqual(['2027-09-30', '2027-11-30', '2028-02-29']);
    expect(mine.meetings).toEqual([{ sessionId: session.id, heldOn: '2027-09-01' }]);
  });
});

describe('the meeting place', () => {
  it('opens one session a day (409 for a second) with an audit row', async () => {
    const ctx = await contextFor(database, staffId);
    const session = await createMeetingSession(ctx, { heldOn: '2027-10-06', notes: 'Vafler' });
    expect(session).toMatchObject({ heldOn: '2027-10-06', attendeeCount: 0 });
    expect(await auditRows('aftercare.session_create', session.id)).toHaveLength(1);
    expect((await rejection(createMeetingSession(ctx, { heldOn: '2027-10-06' }))).status).toBe(409);
    expect((await listMeetingSessions(ctx)).filter((s) => s.heldOn === '2027-10-06')).toHaveLength(1);
  });

  it('registers former residents only, counts per session, and takes a person off again', async () => {
    const ctx = await contextFor(database, staffId);
    const session = await buildMeetingSession(database.db, { tenantId, heldOn: '2027-10-13' });
    const a = await formerResident({ givenName: 'Astrid', familyName: 'Treffsted' });
    const b = await formerResident({ givenName: 'Bjørn', familyName: 'Treffsted' });
    const { person: resident } = await currentResident();
    await addAttendance(ctx, session.id, a.person.id);
    await addAttendance(ctx, session.id, a.person.id); // twice is once
    const withTwo = await addAttendance(ctx, session.id, b.person.id);
    expect(withTwo.attendeeCount).toBe(2);
    expect(withTwo.attendees.map((x) => x.name)).toEqual(['Astrid Treffsted', 'Bjørn Treffsted']);
    const refused = await rejection(addAttendance(ctx, session.id, resident.id));
    expect(refused.status).toBe(422);
    expect(refused.code).toBe('aftercare.not_former_resident');
    expect(await database.db.select().from(meetingAttendance).where(eq(meetingAttendance.personId, resident.id))).toHaveLength(0);
    expect(await auditRows('aftercare.attendance_add', session.id)).toHaveLength(2);
    expect((await listMeetingSessions(ctx)).find((s) => s.id === session.id)!.attendeeCount).toBe(2);
    const after = await removeAttendance(ctx, session.id, b.person.id);
    expect(after.attendees.map((x) => x.personId)).toEqual([a.person.id]);
    expect((await getMeetingSession(ctx, session.id)).attendeeCount).toBe(1);
  });

  it('finds former residents by name, never current residents or people of another tenant', async () => {
    const ctx = await contextFor(database, staffId);
    const former = await formerResident({ givenName: 'Solveig', familyName: 'Søkbar' });
    const current = await buildPerson(database.db, { tenantId, givenName: 'Sigrid', familyName: 'Søkbar' });
    await buildStay(database.db, { tenantId, roomId: (await buildRoom(database.db, { house })).id, personId: current.id, startOn: '2027-06-01', plannedEndOn: '2027-09-01' });
    const found = await searchFormerResidents(ctx, 'søkbar');
    expect(found).toEqual([{ personId: former.person.id, name: 'Solveig Søkbar', lastMovedOutOn: '2027-08-31' }]);
    expect(await searchFormerResidents(ctx, 'solveig søk')).toHaveLength(1);
    expect(await searchFormerResidents(ctx, 'sigrid')).toHaveLength(0);
  });

  it('refuses NAV', async () => {
    const nav = await contextFor(database, navId);
    expect((await rejection(createMeetingSession(nav, { heldOn: '2027-10-20' }))).status).toBe(403);
    expect((await rejection(listMeetingSessions(nav))).status).toBe(403);
    expect((await rejection(searchFormerResidents(nav, 'abc'))).status).toBe(403);
  });
});

describe('a former resident referred again', () => {
  async function referral(personId: string, receivedOn: string) {
    const [row] = await database.db
      .insert(referrals)
      .values({
        tenantId,
        personId,
        receivedAt: at(receivedOn),
        situation: 'evicted',
        previousStay: 'friends_family',
        nowhereToSleepTonight: true,
        consentToShare: true,
        caseworkerName: 'Nina NAV-veileder',
        statusChangedAt: at(receivedOn),
      })
      .returning();
    return row!;
  }

  it('shows the move-out before each referral and whether it came within 6 and 12 months', async () => {
    const { person, stay } = await formerResident({ startOn: '2027-01-15', movedOutOn: '2027-03-31' });
    const first = await referral(person.id, '2027-01-10');
    const again = await referral(person.id, '2027-09-30');
    const ctx = await contextFor(database, staffId);
    const previous = await getPreviousStays(ctx, person.id);
    expect(previous.moveOuts).toEqual([{ stayId: stay.id, startOn: '2027-01-15', movedOutOn: '2027-03-31', destination: 'private_rental' }]);
    expect(previous.referrals).toEqual([
      { referralId: first.id, receivedOn: '2027-01-10', previousMoveOut: null, within6Months: false, within12Months: false },
      { referralId: again.id, receivedOn: '2027-09-30', previousMoveOut: previous.moveOuts[0], within6Months: true, within12Months: true },
    ]);
    expect((await rejection(getPreviousStays(await contextFor(database, navId), person.id))).status).toBe(403);
  });

  it('counts households that moved out in a period and came back within 6 and 12 months', async () => {
    const foreignTenant = otherTenantId;
    const lead = await contextFor(database, leadId, { now: at('2029-06-01') });
    // Three move-outs in March 2026 (a fresh window, no other tests there): back after 6 months exactly,
    // after 7 months, never; and a death, which is left out.
    const back6 = await formerResident({ startOn: '2026-01-05', movedOutOn: '2026-03-31' });
    await referral(back6.person.id, '2026-09-30');
    const back7 = await formerResident({ startOn: '2026-01-05', movedOutOn: '2026-03-01' });
    await referral(back7.person.id, '2026-10-01');
    await formerResident({ startOn: '2026-01-05', movedOutOn: '2026-03-15' });
    await formerResident({ startOn: '2026-01-05', movedOutOn: '2026-03-20', destination: 'deceased' });
    const counts = await countReturnsToHomelessness(lead, { from: '2026-03-01', to: '2026-03-31' });
    expect(counts).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      moveOuts: 3,
      returnedWithin6Months: 1,
      returnedWithin12Months: 2,
      complete6Months: true,
      complete12Months: true,
    });
    expect((await rejection(countReturnsToHomelessness(await contextFor(database, staffId), { from: '2026-03-01', to: '2026-03-31' }))).status).toBe(403);
    expect(foreignTenant).not.toBe(tenantId);
  });
});
