import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { hasPermission, requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { setReferralStatus, type ReferralStatus } from '../referrals/referrals.status.ts';
import { allocationError } from './allocation.errors.ts';
import * as q from './allocation.queries.ts';
import { householdName, toComplaintOutput, toOfferOutput, toWaitingListItem } from './allocation.outputs.ts';
import { isOfferExpired, offerExpiresAt, osloDate, outOfServiceOverlaps } from './allocation.rules.ts';
import { addToWaitingList, closeEntry } from './allocation.waiting-list.service.ts';
import { lapseOffer } from './allocation.offers.service.ts';
import type { DecisionInput, DecisionOutput, ReferralDecisionsOutput } from './allocation.schema.ts';

// A referral that has ended in a place (or was withdrawn) gets no new decision.
const closedStatuses: ReferralStatus[] = ['accepted', 'checked_in', 'withdrawn'];

const statusAfter: Record<DecisionInput['outcome'], ReferralStatus> = { offer: 'offered', waiting_list: 'waiting_list', refusal: 'refused' };

const fieldError = (ctx: Ctx, code: Parameters<typeof allocationError>[0], field: string) =>
  allocationError(code, { fields: { [field]: allocationError.definitions[code][ctx.locale] } });

/**
 * The decision (vedtak) on a referral by the service lead: offer a place, put on the waiting list,
 * or refuse, always with reasons. It rests on the referral's latest screening: 'excluded' allows
 * only a refusal; 'needs_justification' (children, young people, just released or discharged: the
 * Social Services Act's exceptions) lets an offer through only with a recorded justification.
 * Each decision is a new row; the referral's status follows.
 */
export async function decide(ctx: Ctx, referralId: string, input: DecisionInput): Promise<DecisionOutput> {
  const user = requirePermission(ctx, 'allocation:decide');
  return inTransaction(ctx, async (tx) => {
    // Locking the referral queues two decisions on it made at the same moment.
    const referral = await q.findReferral(tx.db, user.tenantId, referralId, { lock: true });
    if (!referral) throw allocationError('referral.not_found');
    if (closedStatuses.includes(referral.status)) throw allocationError('decision.referral_closed');

    const screening = await q.findLatestScreening(tx.db, user.tenantId, referralId);
    if (!screening) throw allocationError('decision.screening_required');
    if (screening.result === 'excluded' && input.outcome !== 'refusal') throw fieldError(tx, 'decision.excluded_only_refusal', 'outcome');

    const openOffer = await q.findOpenOffer(tx.db, user.tenantId, referralId);
    if (openOffer) {
      if (!isOfferExpired(openOffer.expiresAt, tx.now)) throw allocationError('decision.open_offer_exists');
      await lapseOffer(tx, openOffer, referral.personId);
    }
    const waiting = await q.findOpenWaitingListEntry(tx.db, user.tenantId, referralId);
    if (input.outcome === 'waiting_list' && waiting) throw allocationError('decision.already_waiting');

    let room: Awaited<ReturnType<typeof q.findRoomWithHouse>>;
    if (input.outcome === 'offer') {
      if (screening.result === 'needs_justification' && !input.exceptionJustification) {
        throw fieldError(tx, 'decision.justification_required', 'exceptionJustification');
      }
      if (input.fromDate! < osloDate(tx.now)) throw fieldError(tx, 'decision.from_date_past', 'fromDate');
      room = await q.findRoomWithHouse(tx.db, user.tenantId, input.roomId!);
      if (!room) throw fieldError(tx, 'decision.room_not_found', 'roomId');
      const period = { fromOn: input.fromDate!, plannedEndOn: input.plannedEndDate! };
      if (outOfServiceOverlaps(room, period)) throw fieldError(tx, 'decision.room_out_of_service', 'roomId');
      if (await q.isRoomTaken(tx.db, user.tenantId, room.id, period, referralId, tx.now)) throw fieldError(tx, 'decision.room_taken', 'roomId');
    }

    const decision = await q.insertDecision(tx.db, {
      tenantId: user.tenantId,
      referralId,
      decidedBy: user.id,
      decidedAt: tx.now,
      outcome: input.outcome,
      reasons: input.reasons,
      roomId: input.outcome === 'offer' ? input.roomId! : null,
      fromOn: input.outcome === 'offer' ? input.fromDate! : null,
      plannedEndOn: input.outcome === 'offer' ? input.plannedEndDate! : null,
      exceptionJustification: input.exceptionJustification ?? null,
    });

    let offerId: string | undefined;
    let entryId: string | undefined;
    if (input.outcome === 'offer') {
      const offer = await q.insertOffer(tx.db, {
        tenantId: user.tenantId,
        decisionId: decision.id,
        referralId,
        roomId: input.roomId!,
        fromOn: input.fromDate!,
        plannedEndOn: input.plannedEndDate!,
        expiresAt: offerExpiresAt(tx.now, input.fromDate!),
      });
      offerId = offer.id;
      if (waiting) await closeEntry(tx, user, waiting, 'offered', 'Tilbud om plass', { decisionId: decision.id, offerId });
    } else if (input.outcome === 'waiting_list') {
      entryId = (await addToWaitingList(tx, user, referralId, { urgency: input.urgency!, reason: input.waitingListReason ?? input.reasons, decisionId: decision.id })).id;
    } else if (waiting) {
      await closeEntry(tx, user, waiting, 'removed', 'Avslag', { decisionId: decision.id, outcome: 'refusal' });
    }

    await setReferralStatus(tx, referralId, statusAfter[input.outcome]);
    // Field names and facts only: the reasons and the justification stay in the decision row.
    await recordEvent(tx, {
      action: 'decision.create',
      entityType: 'decision',
      entityId: decision.id,
      personId: referral.personId,
      purpose: 'allocation',
      details: {
        outcome: input.outcome,
        referralId,
        screeningId: screening.id,
        screeningResult: screening.result,
        exceptionJustified: !!input.exceptionJustification,
        ...(offerId ? { offerId, roomId: input.roomId } : {}),
        ...(entryId ? { waitingListEntryId: entryId, urgency: input.urgency } : {}),
        ...(waiting && input.outcome !== 'waiting_list' ? { waitingListEntryClosed: waiting.id } : {}),
      },
    });

    const output = (await loadDecisions(tx, user.tenantId, referralId, referral.receivedAt, false)).find((d) => d.id === decision.id)!;
    return output;
  });
}

async function loadDecisions(ctx: Ctx, tenantId: string, referralId: string, receivedAt: Date, withComplaints: boolean): Promise<DecisionOutput[]> {
  const rows = await q.listDecisions(ctx.db, tenantId, referralId);
  const offers = await q.listOffers(ctx.db, tenantId, { referralId });
  const complaints = withComplaints ? await q.listComplaints(ctx.db, tenantId, { decisionIds: rows.map((r) => r.decision.id) }) : [];
  const events = await q.listComplaintEvents(
    ctx.db,
    tenantId,
    complaints.map((c) => c.complaint.id),
  );
  const receivedOn = osloDate(receivedAt);
  return rows.map(({ decision: d, decidedByName, roomName, houseName }) => {
    const offer = offers.find((o) => o.offer.decisionId === d.id);
    return {
      id: d.id,
      referralId: d.referralId,
      decidedAt: d.decidedAt.toISOString(),
      decidedByName,
      sameDayAsReferral: osloDate(d.decidedAt) === receivedOn,
      outcome: d.outcome,
      reasons: d.reasons,
      roomId: d.roomId,
      roomName,
      houseName,
      fromDate: d.fromOn,
      plannedEndDate: d.plannedEndOn,
      exceptionJustification: d.exceptionJustification,
      offer: offer ? toOfferOutput(offer, ctx.now) : null,
      complaints: complaints.filter((c) => c.complaint.decisionId === d.id).map((c) => toComplaintOutput(c, events)),
    };
  });
}

/**
 * A referral's allocation: its latest screening, its place on the waiting list, and every decision
 * (newest first) with its offer and, for those who may read them, its complaints. A read of the
 * person's case, logged with the purpose 'allocation'.
 */
export async function getReferralDecisions(ctx: Ctx, referralId: string): Promise<ReferralDecisionsOutput> {
  const user = requirePermission(ctx, 'referral:read');
  return inTransaction(ctx, async (tx) => {
    const referral = await q.findReferral(tx.db, user.tenantId, referralId);
    if (!referral) throw allocationError('referral.not_found');
    await recordAccess(tx, referral.personId, 'allocation', 'allocation.read');
    const screening = await q.findLatestScreening(tx.db, user.tenantId, referralId);
    const waiting = (await q.listWaitingList(tx.db, user.tenantId)).find((r) => r.referralId === referralId);
    return {
      referralId,
      referralStatus: referral.status,
      householdName: householdName(referral),
      receivedAt: referral.receivedAt.toISOString(),
      nowhereToSleepTonight: referral.nowhereToSleepTonight,
      latestScreening: screening
        ? {
            id: screening.id,
            screenedAt: screening.screenedAt.toISOString(),
            screenedByName: screening.screenedByName,
            result: screening.result,
            exceptions: screening.exceptions,
            justification: screening.justification,
            note: screening.note,
          }
        : null,
      waitingListEntry: waiting ? toWaitingListItem(waiting) : null,
      decisions: await loadDecisions(tx, user.tenantId, referralId, referral.receivedAt, hasPermission(user, 'complaint:read')),
    };
  });
}
