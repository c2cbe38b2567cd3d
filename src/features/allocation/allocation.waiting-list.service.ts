import type { Ctx, CurrentUser } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { setReferralStatus } from '../referrals/referrals.status.ts';
import { allocationError } from './allocation.errors.ts';
import * as q from './allocation.queries.ts';
import { toWaitingListItem } from './allocation.outputs.ts';
import type {
  RemoveWaitingListInput,
  UpdateWaitingListInput,
  Urgency,
  WaitingListEventOutput,
  WaitingListItemOutput,
} from './allocation.schema.ts';

/**
 * The waiting list in its order (most urgent first, then longest waiting), each entry with its
 * position and visible reason. The room board shows it too, so each person shown is a logged read.
 */
export async function listWaitingList(ctx: Ctx): Promise<WaitingListItemOutput[]> {
  const user = requirePermission(ctx, 'waiting_list:read');
  return inTransaction(ctx, async (tx) => {
    const rows = await q.listWaitingList(tx.db, user.tenantId);
    for (const row of rows) await recordAccess(tx, row.personId, 'allocation', 'waiting_list.read');
    return rows.map(toWaitingListItem);
  });
}

/** Changes the urgency or the visible reason of an entry; each change is a row in the entry's log. */
export async function updateWaitingListEntry(ctx: Ctx, entryId: string, input: UpdateWaitingListInput): Promise<WaitingListItemOutput> {
  const user = requirePermission(ctx, 'waiting_list:manage');
  return inTransaction(ctx, async (tx) => {
    const found = await q.findWaitingListEntry(tx.db, user.tenantId, entryId, { lock: true });
    if (!found) throw allocationError('waiting_list.entry_not_found');
    const { entry } = found;
    if (entry.removedAt) throw allocationError('waiting_list.entry_removed');
    const changed: string[] = [];
    if (input.urgency !== undefined && input.urgency !== entry.urgency) {
      await q.insertWaitingListEvent(tx.db, {
        tenantId: user.tenantId,
        entryId,
        at: tx.now,
        by: user.id,
        change: 'urgency_changed',
        details: { from: entry.urgency, to: input.urgency },
      });
      changed.push('urgency');
    }
    if (input.reason !== undefined && input.reason !== entry.reason) {
      await q.insertWaitingListEvent(tx.db, {
        tenantId: user.tenantId,
        entryId,
        at: tx.now,
        by: user.id,
        change: 'reason_changed',
        details: { from: entry.reason, to: input.reason },
      });
      changed.push('reason');
    }
    if (changed.length === 0) throw allocationError('waiting_list.unchanged');
    await q.updateWaitingListEntry(tx.db, entryId, { urgency: input.urgency ?? entry.urgency, reason: input.reason ?? entry.reason });
    // The audit row names the fields; the old and new values are in the entry's own log.
    await recordEvent(tx, {
      action: 'waiting_list.update',
      entityType: 'waiting_list_entry',
      entityId: entryId,
      personId: found.personId,
      purpose: 'allocation',
      details: { changed },
    });
    const item = (await q.listWaitingList(tx.db, user.tenantId)).find((r) => r.entryId === entryId)!;
    return toWaitingListItem(item);
  });
}

/**
 * Takes a household off the waiting list, with a reason (found a home, no longer needs a place…).
 * A referral that was waiting is then withdrawn; a new referral or decision brings it back.
 */
export async function removeFromWaitingList(ctx: Ctx, entryId: string, input: RemoveWaitingListInput): Promise<void> {
  const user = requirePermission(ctx, 'waiting_list:manage');
  await inTransaction(ctx, async (tx) => {
    const found = await q.findWaitingListEntry(tx.db, user.tenantId, entryId, { lock: true });
    if (!found) throw allocationError('waiting_list.entry_not_found');
    if (found.entry.removedAt) throw allocationError('waiting_list.entry_removed');
    await closeEntry(tx, user, found.entry, 'removed', input.reason, { reason: input.reason });
    if (found.referralStatus === 'waiting_list') await setReferralStatus(tx, found.entry.referralId, 'withdrawn');
    await recordEvent(tx, {
      action: 'waiting_list.remove',
      entityType: 'waiting_list_entry',
      entityId: entryId,
      personId: found.personId,
      purpose: 'allocation',
    });
  });
}

/** An entry's log: added, urgency and reason changes, removal or offer; oldest first. */
export async function getWaitingListEvents(ctx: Ctx, entryId: string): Promise<WaitingListEventOutput[]> {
  const user = requirePermission(ctx, 'waiting_list:read');
  return inTransaction(ctx, async (tx) => {
    const found = await q.findWaitingListEntry(tx.db, user.tenantId, entryId);
    if (!found) throw allocationError('waiting_list.entry_not_found');
    await recordAccess(tx, found.personId, 'allocation', 'waiting_list.read');
    const rows = await q.listWaitingListEvents(tx.db, user.tenantId, entryId);
    return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), byName: r.byName, change: r.change, details: r.details }));
  });
}

// ─── Used by the decision, inside its transaction (it has checked allocation:decide) ───

export async function addToWaitingList(
  tx: Ctx,
  user: CurrentUser,
  referralId: string,
  entry: { urgency: Urgency; reason: string; decisionId: string },
): Promise<q.WaitingListEntryRow> {
  const row = await q.insertWaitingListEntry(tx.db, {
    tenantId: user.tenantId,
    referralId,
    addedAt: tx.now,
    urgency: entry.urgency,
    reason: entry.reason,
  });
  await q.insertWaitingListEvent(tx.db, {
    tenantId: user.tenantId,
    entryId: row.id,
    at: tx.now,
    by: user.id,
    change: 'added',
    details: { urgency: entry.urgency, decisionId: entry.decisionId },
  });
  return row;
}

/** Closes an open entry: 'offered' when a place is offered, 'removed' otherwise; one log row. */
export async function closeEntry(
  tx: Ctx,
  user: CurrentUser,
  entry: q.WaitingListEntryRow,
  change: 'offered' | 'removed',
  removalReason: string,
  details: Record<string, unknown>,
): Promise<void> {
  await q.updateWaitingListEntry(tx.db, entry.id, { removedAt: tx.now, removalReason });
  await q.insertWaitingListEvent(tx.db, { tenantId: user.tenantId, entryId: entry.id, at: tx.now, by: user.id, change, details });
}
