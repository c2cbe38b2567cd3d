import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { setReferralStatus } from '../referrals/referrals.status.ts';
import { allocationError } from './allocation.errors.ts';
import * as q from './allocation.queries.ts';
import { toOfferOutput } from './allocation.outputs.ts';
import { isOfferExpired } from './allocation.rules.ts';
import type { DeclineOfferInput, OfferOutput } from './allocation.schema.ts';

/**
 * Marks an open offer lapsed (nobody answered before it expired) and the referral with it. Called
 * inside a transaction by the answer, the decision and the lapse job. An offer expires 24 hours after
 * the decision or at the end of its from-date, whichever is later (offerExpiresAt).
 */
export async function lapseOffer(tx: Ctx, offer: q.OfferRow, personId: string): Promise<void> {
  await q.updateOffer(tx.db, offer.id, { status: 'lapsed' });
  await setReferralStatus(tx, offer.referralId, 'lapsed');
  await recordEvent(tx, {
    action: 'offer.lapse',
    entityType: 'offer',
    entityId: offer.id,
    personId,
    purpose: 'allocation',
    details: { expiresAt: offer.expiresAt.toISOString() },
  });
}

type Answer = { kind: 'accept' } | { kind: 'decline'; reason: string };

async function answerOffer(ctx: Ctx, offerId: string, answer: Answer): Promise<OfferOutput> {
  const user = requirePermission(ctx, 'offer:respond');
  const result = await inTransaction(ctx, async (tx) => {
    const offer = await q.findOffer(tx.db, user.tenantId, offerId, { lock: true });
    if (!offer) throw allocationError('offer.not_found');
    const referral = (await q.findReferral(tx.db, user.tenantId, offer.referralId))!;
    if (offer.status === 'lapsed') return { lapsed: true as const };
    if (offer.status !== 'open') throw allocationError('offer.already_answered');
    if (isOfferExpired(offer.expiresAt, tx.now)) {
      // The lapse is kept even though the answer is refused, so the record shows what happened.
      await lapseOffer(tx, offer, referral.personId);
      return { lapsed: true as const };
    }
    await q.updateOffer(tx.db, offerId, {
      status: answer.kind === 'accept' ? 'accepted' : 'declined',
      respondedAt: tx.now,
      respondedBy: user.id,
      declineReason: answer.kind === 'decline' ? answer.reason : null,
    });
    await setReferralStatus(tx, offer.referralId, answer.kind === 'accept' ? 'accepted' : 'declined');
    // The decline reason stays on the offer (countable for reports); the audit row holds no free text.
    await recordEvent(tx, {
      action: answer.kind === 'accept' ? 'offer.accept' : 'offer.decline',
      entityType: 'offer',
      entityId: offerId,
      personId: referral.personId,
      purpose: 'allocation',
      details: { decisionId: offer.decisionId, roomId: offer.roomId },
    });
    const [row] = await q.listOffers(tx.db, user.tenantId, { offerId });
    return { offer: toOfferOutput(row!, tx.now) };
  });
  if ('lapsed' in result) throw allocationError('offer.lapsed');
  return result.offer;
}

/** Records that the household takes the place offered; refused with 422 once the offer has lapsed. */
export async function acceptOffer(ctx: Ctx, offerId: string): Promise<OfferOutput> {
  return answerOffer(ctx, offerId, { kind: 'accept' });
}

/** Records that the household declines the place, with their reason (kept for reports). */
export async function declineOffer(ctx: Ctx, offerId: string, input: DeclineOfferInput): Promise<OfferOutput> {
  return answerOffer(ctx, offerId, { kind: 'decline', reason: input.reason });
}

/**
 * Marks every open offer of the user's municipality whose time has passed as lapsed, and its
 * referral too. For the scheduled job: run it with a context whose user holds offer:respond in the
 * municipality. Safe to run twice at once (rows another run holds are skipped).
 */
export async function lapseExpiredOffers(ctx: Ctx): Promise<{ lapsedOfferIds: string[] }> {
  const user = requirePermission(ctx, 'offer:respond');
  return inTransaction(ctx, async (tx) => {
    const expired = await q.listExpiredOpenOffers(tx.db, user.tenantId, tx.now);
    for (const offer of expired) {
      const referral = (await q.findReferral(tx.db, user.tenantId, offer.referralId))!;
      await lapseOffer(tx, offer, referral.personId);
    }
    return { lapsedOfferIds: expired.map((o) => o.id) };
  });
}
