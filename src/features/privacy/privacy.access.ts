import type { Ctx } from '../../platform/http/context.ts';
import { privacyError } from './privacy.errors.ts';
import { isRecordClosed, isoDay } from './privacy.rules.ts';
import { privacySettingOn } from './privacy.settings.ts';
import { findInvolvement, hasLiveGrant } from './privacy.queries.ts';

/**
 * THE access check for a person's record (tjenstlig behov). Every service function that reads a
 * person's record calls `recordAccess` (platform/audit), and `recordAccess` calls this first — so
 * there is one place where access by need is decided, and no read is logged that was not allowed.
 *
 * Tenant: the services look people up in the user's own tenant; another tenant's person is "not
 * found" before this runs. Here: a former resident's record is closed `privacy.close_after_months`
 * after their last contact, unless this user broke the glass for this person today. Scheduled jobs
 * (role system) act for the service itself and are not held back.
 */
export async function assertRecordAccess(ctx: Ctx, personId: string): Promise<void> {
  const user = ctx.user;
  if (!user || user.roles.includes('system')) return;
  const state = await recordState(ctx, personId);
  if (state === 'closed') throw privacyError('privacy.record_closed', { meta: { public: { personId } } });
}

/** 'open', 'closed' (a former resident, no grant) or 'granted' (closed, opened by this user today). */
export async function recordState(ctx: Ctx, personId: string): Promise<'open' | 'closed' | 'granted' | 'unknown'> {
  const user = ctx.user!;
  const today = isoDay(ctx.now);
  const involvement = await findInvolvement(ctx.db, user.tenantId, personId);
  if (!involvement) return 'unknown';
  const months = await privacySettingOn(ctx.db, user.tenantId, 'privacy.close_after_months', today);
  if (!isRecordClosed(involvement, today, months)) return 'open';
  return (await hasLiveGrant(ctx.db, user.id, personId, ctx.now)) ? 'granted' : 'closed';
}
