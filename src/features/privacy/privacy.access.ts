import type { Ctx } from '../../platform/http/context.ts';
import { privacyError } from './privacy.errors.ts';
import { isRecordClosed, isoDay } from './privacy.rules.ts';
import { privacySettingOn } from './privacy.settings.ts';
import { findInvolvement, findInvolvements, formerResidentsAmong, hasLiveGrant, liveGrantsAmong } from './privacy.queries.ts';

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

/**
 * The same check for a list that shows several people (the board's keys and belongings, the key
 * register, payments, aftercare, tasks, the shift log …): which of them are closed to this user
 * today. A list must not fail as a whole because one row is a closed record; it shows that person as
 * a closed row instead (name only, «Lukket journal») and does not log a read of them. People who
 * cannot be closed (applicants, current residents) are ruled out with one query for the whole list.
 */
export async function closedRecordsAmong(ctx: Ctx, personIds: Iterable<string | null>): Promise<Set<string>> {
  const user = ctx.user;
  if (!user || user.roles.includes('system')) return new Set();
  const ids = [...new Set([...personIds].filter((p): p is string => p !== null))];
  const candidates = await formerResidentsAmong(ctx.db, user.tenantId, ids);
  if (candidates.length === 0) return new Set();
  // The same rule as recordState, in a handful of queries for the whole list.
  const today = isoDay(ctx.now);
  const months = await privacySettingOn(ctx.db, user.tenantId, 'privacy.close_after_months', today);
  const involvements = await findInvolvements(ctx.db, user.tenantId, candidates);
  const closed = candidates.filter((id) => isRecordClosed(involvements.get(id)!, today, months));
  const granted = await liveGrantsAmong(ctx.db, user.id, closed, ctx.now);
  return new Set(closed.filter((id) => !granted.has(id)));
}
