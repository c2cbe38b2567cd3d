import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/http/context.ts';
import { referrals, type referralStatuses } from './referrals.tables.ts';

export type ReferralStatus = (typeof referralStatuses)[number];

/**
 * Moves a referral to a new status. Called by the allocation and stays services inside their own
 * transaction (they have checked their own permissions); the referral's history is in the audit log
 * and in the screening, decision, offer and stay rows themselves.
 */
export async function setReferralStatus(ctx: Ctx, referralId: string, status: ReferralStatus): Promise<void> {
  const tenantId = ctx.user?.tenantId;
  if (!tenantId) throw new Error('setReferralStatus needs a logged-in user');
  await ctx.db
    .update(referrals)
    .set({ status, statusChangedAt: ctx.now })
    .where(and(eq(referrals.tenantId, tenantId), eq(referrals.id, referralId)));
}
