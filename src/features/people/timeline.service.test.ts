import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from './people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildOffer, buildStay } from '../stays/stays.factory.ts';
import { screenings } from '../allocation/allocation.tables.ts';
import { agreements } from '../agreements/agreements.tables.ts';
import { roomMoves, stayExtensions } from '../stays/moving-on.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { journalEntries } from '../journal/journal.tables.ts';
import { housingApplications } from '../housing-search/housing-search.tables.ts';
import { aftercareAgreements, meetingAttendance } from '../aftercare/aftercare.tables.ts';
import { buildMeetingSession, buildMoveOut } from '../aftercare/aftercare.factory.ts';
import { planFollowUpsAfterMoveOut, recordFollowUp } from '../aftercare/aftercare.service.ts';
import { getPersonTimeline } from './timeline.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let navId: string;
let personId: string;
const osloInstant = (iso: string) => new Date(`${iso}+01:00`);
const now = osloInstant('2027-05-01T10:00:00');

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

// One resident's whole course, built by hand: referral → screening → decision → offer accepted →
// check-in → agreement → journal → room move → housing application → extension → move-out →
// aftercare agreement → follow-ups → meeting place.
beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  tenantId = (await buildTenant(db)).id;
  staffId = (await buildUser(db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(db, { tenantId, roles: ['service_lead'] })).id;
  navId = (await buildUser(db, { tenantId, roles: ['nav_caseworker'] })).id;
  const house = await buildHouse(db, { tenantId });
  const roomA = await buildRoom(db, { house, name: 'H1' });
  const roomB = await buildRoom(db, { house, name: 'H2' });
  const person = await buildPerson(db, { tenantId, givenName: 'Tora', familyName: 'Tidslinje' });
  personId = person.id;

  // Referral, decision and accepted offer at 20.11.2026 10:00 (the same instant: the flow orders them).
  const { referral, offer } = await buildOffer(db, { tenantId, roomId: roomA.id, personId, decidedBy: leadId, fromOn: '2026-11-24', plannedEndOn: '2027-02-24' });
  await db.insert(screenings).values({
    tenantId,
    referralId: referral.id,
    screenedBy: staffId,
    screenedAt: new Date('2026-11-20T09:00:00Z'),
    answers: {},
    result: 'eligible',
    exceptions: [],
  });
  const first = await buildStay(db, {
    tenantId,
    roomId: roomA.id,
    personId,
    referralId: referral.id,
    offerId: offer.id,
    startOn: '2026-11-24',
    plannedEndOn: '2027-02-24',
    checkedInAt: osloInstant('2026-11-24T14:00:00'),
  });
  await db.insert(agreements).values({
    tenantId,
    stayId: first.id,
    version: 1,
    fromOn: '2026-11-24',
    toOn: '2027-02-24',
    content: {},
    signedOn: '2026-11-25',
    createdAt: osloInstant('2026-11-24T15:00:00'),
  });
  await db.insert(journalEntries).values([
    { tenantId, personId, occurredAt: osloInstant('2026-11-26T09:00:00'), type: 'conversation', body: 'HEMMELIG-TEKST om boligsøk', createdAt: now, createdBy: staffId },
    { tenantId, personId, occurredAt: osloInstant('2026-11-27T09:00:00'), type: 'service_contact', service: 'health_care', body: 'SENSITIV-TEKST om helse', isSensitive: true, createdAt: now, createdBy: leadId },
  ]);
  // Room move on 10.12.2026: the first row ends, a new one starts in H2.
  await db.update(stays).set({ endOn: '2026-12-10' }).where(eq(stays.id, first.id));
  const second = await buildStay(db, { tenantId, roomId: roomB.id, personId, startOn: '2026-12-10', plannedEndOn: '2027-02-24', checkedInAt: osloInstant('2026-12-10T12:00:00') });
  await db.insert(roomMoves).values({
    tenantId,
    fromStayId: first.id,
    toStayId: second.id,
    fromRoomId: roomA.id,
    toRoomId: roomB.id,
    movedOn: '2026-12-10',
    reason: 'Trengte rolig rom',
    movedAt: osloInstant('2026-12-10T12:00:00'),
  });
  await db.insert(housingApplications).values({
    tenantId,
    personId,
    status: 'signed',
    sentOn: '2027-02-01',
    statusChangedAt: osloInstant('2027-02-20T10:00:00'),
    address: 'Hemmelig gate 1',
  });
  await db.insert(stayExtensions).values({
    tenantId,
    stayId: second.id,
    decidedBy: leadId,
    decidedAt: osloInstant('2027-02-22T10:00:00'),
    previousPlannedEndOn: '2027-02-24',
    newPlannedEndOn: '2027-03-24',
    reason: 'Kontrakt fra 1. mars',
  });
  await buildMoveOut(db, { tenantId, stayId: second.id, movedOutOn: '2027-03-01', destination: 'private_rental' });
  const staff = await contextFor(database, staffId, { now: osloInstant('2027-04-02T12:00:00') });
  const [oneMonth] = await planFollowUpsAfterMoveOut(staff, { personId, stayId: second.id, movedOutOn: '2027-03-01', destination: 'private_rental' });
  await db.insert(aftercareAgreements).values({
    tenantId,
    personId,
    stayId: second.id,
    startsOn: '2027-03-01',
    endsOn: '2027-09-01',
    contactFrequency: 'Hver uke',
    contactPersonId: staffId,
    createdAt: osloInstant('2027-03-02T10:00:00'),
  });
  await recordFollowUp(staff, oneMonth!.id, { doneOn: '2027-04-01', stillHoused: true });
  const session = await buildMeetingSession(db, { tenantId, heldOn: '2027-04-07' });
  await db.insert(meetingAttendance).values({ tenantId, sessionId: session.id, personId });
});
afterAll(() => database.close());

describe('getPersonTimeline', () => {
  it('tells the course from referral to aftercare in order, for the service lead with sensitive entries', async () => {
    const lead = await contextFor(database, leadId, { now });
    const timeline = await getPersonTimeline(lead, personId);
    expect(timeline.hidden).toEqual([]);
    expect(timeline.events.map((e) => [e.on, e.label])).toEqual([
      ['2026-11-20', 'timeline.referral.received'],
      ['2026-11-20', 'timeline.referral.screened'],
      ['2026-11-20', 'timeline.decision.offer'],
      ['2026-11-20', 'timeline.offer.accepted'],
      ['2026-11-24', 'timeline.stay.checkedIn'],
      ['2026-11-24', 'timeline.agreement.created'],
      ['2026-11-25', 'timeline.agreement.signed'],
      ['2026-11-26', 'timeline.journal.entry'],
      ['2026-11-27', 'timeline.journal.sensitive'],
      ['2026-12-10', 'timeline.stay.roomMoved'],
      ['2027-02-01', 'timeline.housing.sent'],
      ['2027-02-20', 'timeline.housing.status'],
      ['2027-02-22', 'timeline.stay.extended'],
      ['2027-03-01', 'timeline.stay.movedOut'],
      ['2027-03-02', 'timeline.aftercare.agreement'],
      ['2027-04-01', 'timeline.aftercare.followUpHoused'],
      ['2027-04-07', 'timeline.aftercare.meeting'],
      ['2027-06-01', 'timeline.aftercare.followUpPlanned'],
      ['2027-09-01', 'timeline.aftercare.followUpPlanned'],
    ]);
    const byLabel = (label: string) => timeline.events.find((e) => e.label === label)!;
    expect(byLabel('timeline.offer.accepted').params).toEqual({ room: 'H1' });
    expect(byLabel('timeline.stay.roomMoved').params).toEqual({ from: 'H1', to: 'H2' });
    expect(byLabel('timeline.stay.movedOut').params).toEqual({ destination: 'aftercare.destination.private_rental' });
    expect(byLabel('timeline.stay.extended').params).toEqual({ date: '2027-03-24' });
    expect(byLabel('timeline.journal.sensitive').params).toEqual({ type: 'timeline.journalService.health_care' });
    expect(byLabel('timeline.referral.received').link).toMatch(/^\/henvisninger\//);
    expect(byLabel('timeline.agreement.signed').link).toMatch(/^\/opphold\/.+\/avtale$/);
    expect(timeline.events.filter((e) => e.planned).map((e) => e.params.months)).toEqual([3, 6]);
    // The journal's text, and the address of the new home, never leave the database through the timeline.
    const json = JSON.stringify(timeline);
    expect(json).not.toContain('HEMMELIG');
    expect(json).not.toContain('SENSITIV-TEKST');
    expect(json).not.toContain('Hemmelig gate');
  });

  it('hides sensitive journal entries from staff, and logs the read with its purpose', async () => {
    const staff = await contextFor(database, staffId, { now });
    const timeline = await getPersonTimeline(staff, personId);
    expect(timeline.events.some((e) => e.label === 'timeline.journal.sensitive')).toBe(false);
    expect(timeline.events.filter((e) => e.source === 'journal')).toHaveLength(1);
    const reads = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.personId, personId), eq(auditEvents.action, 'person.timeline'), eq(auditEvents.actorUserId, staffId)));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ kind: 'read', purpose: 'follow_up' });
  });

  it('leaves out the parts a role may not read and says which', async () => {
    const narrowId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
    const narrow = await contextFor(database, narrowId, { now });
    narrow.user = { ...narrow.user!, permissions: new Set(['person:read', 'stay:read']) };
    const partial = await getPersonTimeline(narrow, personId);
    expect(partial.hidden).toEqual(['referrals', 'agreements', 'journal', 'housing_search', 'aftercare']);
    expect(new Set(partial.events.map((e) => e.source))).toEqual(new Set(['stays']));
  });

  it('refuses NAV and treats a person of another tenant as not found', async () => {
    expect((await rejection(getPersonTimeline(await contextFor(database, navId, { now }), personId))).status).toBe(403);
    const otherTenant = (await buildTenant(database.db)).id;
    const foreignStaff = (await buildUser(database.db, { tenantId: otherTenant, roles: ['staff'] })).id;
    expect((await rejection(getPersonTimeline(await contextFor(database, foreignStaff, { now }), personId))).status).toBe(404);
  });
});
