import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { privacyError } from './privacy.errors.ts';
import { endOfOsloDay } from './privacy.rules.ts';
import { recordState } from './privacy.access.ts';
import * as q from './privacy.queries.ts';
import type { BreakGlassInput, BreakGlassOutput, GrantOutput, ReviewGrantInput } from './privacy.schema.ts';

/**
 * "Break the glass": opens a closed record for this user and this person for the rest of the day,
 * with the reason stated. The opening is audited (purpose break_glass) and waits for the lead's review.
 */
export async function breakTheGlass(ctx: Ctx, personId: string, input: BreakGlassInput): Promise<BreakGlassOutput> {
  const user = requirePermission(ctx, 'person:read');
  return inTransaction(ctx, async (tx) => {
    const state = await recordState(tx, personId);
    if (state === 'unknown') throw privacyError('privacy.person_not_found');
    if (state === 'open') throw privacyError('privacy.record_not_closed');
    const grant = await q.insertGrant(tx.db, {
      tenantId: user.tenantId,
      userId: user.id,
      personId,
      reason: input.reason,
      grantedAt: tx.now,
      expiresAt: endOfOsloDay(tx.now),
    });
    await recordEvent(tx, {
      action: 'privacy.break_glass',
      entityType: 'access_grant',
      entityId: grant.id,
      personId,
      purpose: 'break_glass',
      details: { fields: ['reason'], expiresAt: grant.expiresAt.toISOString() },
    });
    return { grantId: grant.id, expiresAt: grant.expiresAt.toISOString() };
  });
}

const toGrant = (r: Awaited<ReturnType<typeof q.listGrants>>[number]): GrantOutput => ({
  id: r.id,
  personId: r.personId,
  personName: r.personName,
  userName: r.userName,
  reason: r.reason,
  grantedAt: r.grantedAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  reviewedAt: r.reviewedAt?.toISOString() ?? null,
  reviewedByName: r.reviewedByName,
  reviewNote: r.reviewNote,
});

/** The lead's review list: every break-the-glass opening, those not yet reviewed first. */
export async function listBreakGlass(ctx: Ctx, query: { unreviewed?: boolean }): Promise<GrantOutput[]> {
  const user = requirePermission(ctx, 'privacy:review');
  const rows = await q.listGrants(ctx.db, user.tenantId, query.unreviewed ?? false);
  return rows.map(toGrant);
}

/** The lead marks an opening reviewed, with an optional note (e.g. "agreed with X: not needed"). */
export async function reviewBreakGlass(ctx: Ctx, grantId: string, input: ReviewGrantInput): Promise<void> {
  const user = requirePermission(ctx, 'privacy:review');
  await inTransaction(ctx, async (tx) => {
    const grant = await q.findGrant(tx.db, user.tenantId, grantId);
    if (!grant) throw privacyError('privacy.grant_not_found');
    const updated = await q.markGrantReviewed(tx.db, user.tenantId, grantId, { reviewedBy: user.id, reviewedAt: tx.now, reviewNote: input.note ?? null });
    if (!updated) throw privacyError('privacy.grant_already_reviewed');
    await recordEvent(tx, {
      action: 'privacy.break_glass_reviewed',
      entityType: 'access_grant',
      entityId: grantId,
      personId: grant.personId,
      details: { fields: input.note ? ['note'] : [] },
    });
  });
}
