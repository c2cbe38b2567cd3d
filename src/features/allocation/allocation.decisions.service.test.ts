import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { decisions, offers, waitingListEntries, waitingListEvents } from './allocation.tables.ts';
import { buildReferral, buildScreening } from './allocation.factory.ts';
import { decide, getReferralDecisions } from './allocation.decisions.service.ts';
import { acceptOffer, declineOffer, lapseExpiredOffers } from './allocation.offers.service.ts';
import { decisionInput } from './allocation.schema.ts';

let database: Database;
let tenantId: string;
let leadId: string;
let staffId: string;
let navId: string;
let house: Awaited<ReturnType<typeof buildHouse>>;

// The test clock: Thursday 26.11.2026 10:00 in Oslo.
const now = new Date('2026-11-26T10:00:00+01:00');

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  house = await buildHouse(database.db, { tenantId, name: 'Vedtakshuset' });
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

/** A referral screened with the given result. */
async function screenedReferral(result: 'eligible' | 'needs_justification' | 'excluded' = 'eligible') {
  const referral = await buildReferral(database.db, { tenantId, status: 'screened' });
  await buildScreening(database.db, {
    tenantId,
    referralId: referral.id,
    screenedBy: staffId,
    result,
    exceptions: result === 'needs_justification' ? ['young_person'] : [],
  });
  return referral;
}

const offerInput = (roomId: string, overrides: Record<string, unknown> = {}) =>
  decisionInput.parse({ outcome: 'offer', reasons: 'Har ikke noe sted å bo og er i målgruppen.', roomId, fromDate: '2026-11-26', plannedEndDate: '2027-02-26', ...overrides });

const lead = (at = now) => contextFor(database, leadId, { now: at });

async function rowsFor(referralId: string) {
  return {
    decisions: await database.db.select().from(decisions).where(eq(decisions.referralId, referralId)),
    offers: await database.db.select().from(offers).where(eq(offers.referralId, referralId)),
    entries: await database.db.select().from(waitingListEntries).where(eq(waitingListEntries.referralId, referralId)),
    referral: (await database.db.select().from(referrals).where(eq(referrals.id, referralId)))[0]!,
  };
}

describe('decide: offer a place', () => {
  it('records the decision and the offer, moves the referral to offered and writes an audit row without free text', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral();
    const decision = await decide(await lead(), referral.id, offerInput(room.id));
    expect(decision).toMatchObject({
      outcome: 'offer',
      roomId: room.id,
      roomName: room.name,
      houseName: 'Vedtakshuset',
      fromDate: '2026-11-26',
      plannedEndDate: '2027-02-26',
      sameDayAsReferral: true,
      offer: { status: 'open', fromDate: '2026-11-26', plannedEndDate: '2027-02-26', expiresAt: '2026-11-27T09:00:00.000Z' },
    });
    const rows = await rowsFor(referral.id);
    expect(rows.decisions).toHaveLength(1);
    expect(rows.offers).toEqual([expect.objectContaining({ status: 'open', decisionId: decision.id, roomId: room.id })]);
    expect(rows.referral.status).toBe('offered');
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, decision.id));
    expect(audit).toEqual([
      expect.objectContaining({ kind: 'write', action: 'decision.create', personId: referral.personId, purpose: 'allocation', actorUserId: leadId }),
    ]);
    expect(audit[0]!.details).toMatchObject({ outcome: 'offer', screeningResult: 'eligible', offerId: rows.offers[0]!.id });
    expect(JSON.stringify(audit[0]!.details)).not.toContain('målgruppen');
  });

  it('keeps an offer from a later day open until the end of that day', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral();
    const decision = await decide(await lead(), referral.id, offerInput(room.id, { fromDate: '2026-12-03', plannedEndDate: '2027-03-03' }));
    expect(decision.offer!.expiresAt).toBe('2026-12-03T23:00:00.000Z');
  });

  it('refuses a planned end more than three calendar months after the from-date (the shared schema)', () => {
    const result = decisionInput.safeParse({ outcome: 'offer', reasons: 'x', roomId: crypto.randomUUID(), fromDate: '2026-11-30', plannedEndDate: '2027-03-01' });
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['plannedEndDate'], message: 'allocation.validation.atMostThreeMonths' })]);
    expect(decisionInput.safeParse({ outcome: 'offer', reasons: 'x', roomId: crypto.randomUUID(), fromDate: '2026-11-30', plannedEndDate: '2027-02-28' }).success).toBe(true);
  });

  it('asks for room and period on an offer, an urgency on the waiting list, and reasons always', () => {
    const offer = decisionInput.safeParse({ outcome: 'offer', reasons: '' });
    expect(offer.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['fromDate', 'plannedEndDate', 'reasons', 'roomId']);
    const waiting = decisionInput.safeParse({ outcome: 'waiting_list', reasons: 'Fullt', roomId: crypto.randomUUID() });
    expect(waiting.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['roomId', 'urgency']);
  });

  it('refuses a decision on a referral that has not been screened, and writes nothing', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await buildReferral(database.db, { tenantId });
    const err = await rejection(decide(await lead(), referral.id, offerInput(room.id)));
    expect(err).toMatchObject({ code: 'decision.screening_required', status: 422 });
    const rows = await rowsFor(referral.id);
    expect(rows.decisions).toHaveLength(0);
    expect(rows.referral.status).toBe('received');
  });

  it('allows only a refusal when the screening excludes the household', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral('excluded');
    const err = await rejection(decide(await lead(), referral.id, offerInput(room.id)));
    expect(err).toMatchObject({ code: 'decision.excluded_only_refusal', status: 422 });
    expect(err.fields).toHaveProperty('outcome');
    const waiting = await rejection(decide(await lead(), referral.id, decisionInput.parse({ outcome: 'waiting_list', reasons: 'x', urgency: 'later' })));
    expect(waiting.code).toBe('decision.excluded_only_refusal');
    expect((await rowsFor(referral.id)).decisions).toHaveLength(0);

    const refusal = await decide(await lead(), referral.id, decisionInput.parse({ outcome: 'refusal', reasons: 'Aktiv rusavhengighet: huset kan ikke ivareta brannsikkerheten.' }));
    expect(refusal.outcome).toBe('refusal');
    expect((await rowsFor(referral.id)).referral.status).toBe('refused');
  });

  it('needs a recorded justification to offer a place to an exception (young person)', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral('needs_justification');
    const err = await rejection(decide(await lead(), referral.id, offerInput(room.id)));
    expect(err).toMatchObject({ code: 'decision.justification_required', status: 422 });
    expect(Object.keys(err.fields!)).toEqual(['exceptionJustification']);
    expect((await rowsFor(referral.id)).decisions).toHaveLength(0);

    const decision = await decide(await lead(), referral.id, offerInput(room.id, { exceptionJustification: 'Ingen annen forsvarlig plass i kveld; tett oppfølging avtalt.' }));
    expect(decision.exceptionJustification).toContain('tett oppfølging');
  });

  it('does not offer a room of another municipality, a room out of service, or a room already offered', async () => {
    const otherHouse = await buildHouse(database.db, { tenantId: (await buildTenant(database.db)).id });
    const foreignRoom = await buildRoom(database.db, { house: otherHouse });
    const referral = await screenedReferral();
    const notFound = await rejection(decide(await lead(), referral.id, offerInput(foreignRoom.id)));
    expect(notFound).toMatchObject({ code: 'decision.room_not_found', status: 404 });

    const broken = await buildRoom(database.db, {
      house,
      state: 'out_of_service',
      outOfServiceReason: 'Vannskade',
      outOfServiceFromOn: '2026-12-10',
      outOfServiceToOn: '2026-12-20',
    });
    const outOfService = await rejection(decide(await lead(), referral.id, offerInput(broken.id)));
    expect(outOfService).toMatchObject({ code: 'decision.room_out_of_service', status: 422 });
    expect(outOfService.fields).toHaveProperty('roomId');
    // After the repair the same room can be offered.
    const later = await decide(await lead(), referral.id, offerInput(broken.id, { fromDate: '2026-12-21', plannedEndDate: '2027-03-21' }));
    expect(later.offer!.status).toBe('open');

    const other = await screenedReferral();
    const taken = await rejection(decide(await lead(), other.id, offerInput(broken.id, { fromDate: '2027-01-05', plannedEndDate: '2027-02-05' })));
    expect(taken).toMatchObject({ code: 'decision.room_taken', status: 409 });
    expect((await rowsFor(other.id)).decisions).toHaveLength(0);
  });

  it('refuses a from-date before today', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral();
    const err = await rejection(decide(await lead(), referral.id, offerInput(room.id, { fromDate: '2026-11-25', plannedEndDate: '2027-02-25' })));
    expect(err).toMatchObject({ code: 'decision.from_date_past', status: 422 });
  });

  it('refuses a second decision while an offer is open, and keeps every decision as its own row', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral();
    const first = await decide(await lead(), referral.id, offerInput(room.id));
    const err = await rejection(decide(await lead(), referral.id, decisionInput.parse({ outcome: 'refusal', reasons: 'x' })));
    expect(err).toMatchObject({ code: 'decision.open_offer_exists', status: 409 });

    await declineOffer(await contextFor(database, staffId), first.offer!.id, { reason: 'Vil bo hos søster' });
    const noon = new Date('2026-11-26T12:00:00+01:00');
    const second = await decide(await lead(noon), referral.id, decisionInput.parse({ outcome: 'waiting_list', reasons: 'Ønsker plass senere', urgency: 'later' }));
    const all = await getReferralDecisions(await lead(noon), referral.id);
    expect(all.decisions.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(all.decisions.find((d) => d.id === first.id)!.offer).toMatchObject({ status: 'declined', declineReason: 'Vil bo hos søster' });
  });

  it('refuses a user who may not decide, and writes nothing', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral();
    const err = await rejection(decide(await contextFor(database, staffId), referral.id, offerInput(room.id)));
    expect(err).toMatchObject({ code: 'auth.forbidden', status: 403 });
    expect((await rowsFor(referral.id)).decisions).toHaveLength(0);
    expect((await rejection(decide(await contextFor(database, null), referral.id, offerInput(room.id)))).status).toBe(401);
  });

  it('does not find a referral of another municipality', async () => {
    const stranger = await buildReferral(database.db, { tenantId: (await buildTenant(database.db)).id });
    const err = await rejection(decide(await lead(), stranger.id, decisionInput.parse({ outcome: 'refusal', reasons: 'x' })));
    expect(err.code).toBe('referral.not_found');
  });

  it('refuses a new decision once the offer is accepted', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral();
    const decision = await decide(await lead(), referral.id, offerInput(room.id));
    await acceptOffer(await contextFor(database, staffId), decision.offer!.id);
    const err = await rejection(decide(await lead(), referral.id, decisionInput.parse({ outcome: 'refusal', reasons: 'x' })));
    expect(err).toMatchObject({ code: 'decision.referral_closed', status: 422 });
  });
});

describe('decide: waiting list and refusal', () => {
  it('puts the household on the waiting list with its urgency and a log row, and the later offer takes it off', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral();
    const waiting = await decide(await lead(), referral.id, decisionInput.parse({ outcome: 'waiting_list', reasons: 'Huset er fullt i kveld.', urgency: 'tonight' }));
    let rows = await rowsFor(referral.id);
    expect(rows.referral.status).toBe('waiting_list');
    expect(rows.entries).toEqual([expect.objectContaining({ urgency: 'tonight', reason: 'Huset er fullt i kveld.', removedAt: null })]);
    const entryId = rows.entries[0]!.id;
    expect(await database.db.select().from(waitingListEvents).where(eq(waitingListEvents.entryId, entryId))).toEqual([
      expect.objectContaining({ change: 'added', by: leadId, details: { urgency: 'tonight', decisionId: waiting.id } }),
    ]);

    const again = await rejection(decide(await lead(), referral.id, decisionInput.parse({ outcome: 'waiting_list', reasons: 'x', urgency: 'later' })));
    expect(again.code).toBe('decision.already_waiting');

    const offer = await decide(await lead(), referral.id, offerInput(room.id));
    rows = await rowsFor(referral.id);
    expect(rows.entries[0]!.removedAt).not.toBeNull();
    const events = await database.db
      .select()
      .from(waitingListEvents)
      .where(and(eq(waitingListEvents.entryId, entryId), eq(waitingListEvents.change, 'offered')));
    expect(events).toEqual([expect.objectContaining({ details: { decisionId: offer.id, offerId: offer.offer!.id } })]);
    expect(rows.referral.status).toBe('offered');
  });
});

describe('answering an offer', () => {
  it('records an acceptance and moves the referral to accepted', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral();
    const decision = await decide(await lead(), referral.id, offerInput(room.id));
    const offer = await acceptOffer(await contextFor(database, staffId, { now: new Date('2026-11-26T15:00:00+01:00') }), decision.offer!.id);
    expect(offer).toMatchObject({ status: 'accepted', respondedAt: '2026-11-26T14:00:00.000Z', respondedByName: expect.any(String) });
    expect((await rowsFor(referral.id)).referral.status).toBe('accepted');
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, offer.id), eq(auditEvents.action, 'offer.accept')));
    expect(audit).toEqual([expect.objectContaining({ personId: referral.personId, actorUserId: staffId })]);

    const twice = await rejection(acceptOffer(await contextFor(database, staffId), decision.offer!.id));
    expect(twice).toMatchObject({ code: 'offer.already_answered', status: 409 });
  });

  it('keeps the reason of a decline, and the decline stays countable', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral();
    const decision = await decide(await lead(), referral.id, offerInput(room.id));
    const offer = await declineOffer(await contextFor(database, staffId), decision.offer!.id, { reason: 'Har fått rom hos en venn' });
    expect(offer).toMatchObject({ status: 'declined', declineReason: 'Har fått rom hos en venn' });
    expect((await rowsFor(referral.id)).referral.status).toBe('declined');
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'offer.decline'));
    expect(JSON.stringify(audit)).not.toContain('venn');
  });

  it('refuses to accept a lapsed offer with 422, and records the lapse', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral();
    const decision = await decide(await lead(), referral.id, offerInput(room.id));
    const tooLate = await contextFor(database, staffId, { now: new Date('2026-11-27T10:00:01+01:00') });
    const err = await rejection(acceptOffer(tooLate, decision.offer!.id));
    expect(err).toMatchObject({ code: 'offer.lapsed', status: 422 });
    const rows = await rowsFor(referral.id);
    expect(rows.offers[0]!.status).toBe('lapsed');
    expect(rows.referral.status).toBe('lapsed');
    expect((await rejection(declineOffer(tooLate, decision.offer!.id, { reason: 'x' }))).code).toBe('offer.lapsed');
  });

  it('shows an expired open offer as lapsed before the job has run', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral();
    await decide(await lead(), referral.id, offerInput(room.id));
    const later = await getReferralDecisions(await lead(new Date('2026-11-28T10:00:00+01:00')), referral.id);
    expect(later.decisions[0]!.offer!.status).toBe('lapsed');
  });

  it('refuses a NAV caseworker', async () => {
    const room = await buildRoom(database.db, { house });
    const referral = await screenedReferral();
    const decision = await decide(await lead(), referral.id, offerInput(room.id));
    const err = await rejection(acceptOffer(await contextFor(database, navId), decision.offer!.id));
    expect(err.status).toBe(403);
    expect((await rowsFor(referral.id)).offers[0]!.status).toBe('open');
  });
});

describe('lapseExpiredOffers', () => {
  it('lapses only the open offers whose time has passed, and their referrals', async () => {
    const room1 = await buildRoom(database.db, { house });
    const room2 = await buildRoom(database.db, { house });
    const soon = await screenedReferral();
    const later = await screenedReferral();
    const soonDecision = await decide(await lead(), soon.id, offerInput(room1.id));
    const laterDecision = await decide(await lead(), later.id, offerInput(room2.id, { fromDate: '2026-12-10', plannedEndDate: '2027-03-10' }));
    const result = await lapseExpiredOffers(await contextFor(database, staffId, { now: new Date('2026-11-28T00:00:00+01:00') }));
    expect(result.lapsedOfferIds).toContain(soonDecision.offer!.id);
    expect(result.lapsedOfferIds).not.toContain(laterDecision.offer!.id);
    expect((await rowsFor(soon.id)).referral.status).toBe('lapsed');
    expect((await rowsFor(later.id)).offers[0]!.status).toBe('open');
    const again = await lapseExpiredOffers(await contextFor(database, staffId, { now: new Date('2026-11-28T00:00:00+01:00') }));
    expect(again.lapsedOfferIds).not.toContain(soonDecision.offer!.id);
  });

  it('needs offer:respond', async () => {
    expect((await rejection(lapseExpiredOffers(await contextFor(database, navId)))).status).toBe(403);
  });
});

describe('getReferralDecisions', () => {
  it('shows the latest screening and logs the read with the purpose allocation', async () => {
    const referral = await screenedReferral('needs_justification');
    const result = await getReferralDecisions(await lead(new Date('2026-11-26T11:11:00+01:00')), referral.id);
    expect(result).toMatchObject({
      referralId: referral.id,
      referralStatus: 'screened',
      latestScreening: { result: 'needs_justification', exceptions: ['young_person'] },
      waitingListEntry: null,
      decisions: [],
    });
    const reads = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.personId, referral.personId), eq(auditEvents.kind, 'read')));
    expect(reads).toEqual([expect.objectContaining({ action: 'allocation.read', purpose: 'allocation', at: new Date('2026-11-26T10:11:00Z') })]);
  });

  it('refuses a NAV caseworker', async () => {
    const referral = await screenedReferral();
    expect((await rejection(getReferralDecisions(await contextFor(database, navId), referral.id))).status).toBe(403);
  });
});
