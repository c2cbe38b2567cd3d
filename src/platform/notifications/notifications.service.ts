import type { Ctx } from '../http/context.ts';
import { inTransaction } from '../http/context.ts';
import { requirePermission } from '../auth/permissions.ts';
import { recordEvent } from '../audit/audit.service.ts';
import { notificationsError } from './notifications.errors.ts';
import * as q from './notifications.queries.ts';
import type { InboxOutput, UnreadCountOutput } from './notifications.schema.ts';

/** The inbox page shows this many of the newest messages. */
export const INBOX_LIMIT = 200;

export interface InboxDelivery {
  kind: string;
  messageKey: string;
  params: Record<string, string | number>;
  link: string | null;
  /** A natural key per event ("stay:<id>:week:8"): the same event is delivered once, however often a job runs. */
  dedupeKey: string;
  /** Null (default): for all staff of the tenant. */
  userId?: string | null;
}

/**
 * Puts a message in the inbox, unless one with the same dedupe key is there already. Called by
 * other services inside their own transaction, after their own permission check, so the delivery is
 * audited with their actor. The message holds no personal name: it links to the record instead,
 * and opening the record logs the read. Returns the new message id, or null when it was a repeat.
 */
export async function deliverToInbox(ctx: Ctx, tenantId: string, message: InboxDelivery): Promise<string | null> {
  const id = await q.insertMessage(ctx.db, {
    tenantId,
    userId: message.userId ?? null,
    createdAt: ctx.now,
    kind: message.kind,
    messageKey: message.messageKey,
    params: message.params,
    link: message.link,
    dedupeKey: message.dedupeKey,
  });
  if (id) {
    await recordEvent(ctx, {
      action: 'inbox.deliver',
      entityType: 'inbox_message',
      entityId: id,
      tenantId,
      details: { kind: message.kind, dedupeKey: message.dedupeKey, forAllStaff: !message.userId },
    });
  }
  return id;
}

/** My inbox: messages for me or for all staff, newest first, each with whether I have read it. */
export async function getInbox(ctx: Ctx): Promise<InboxOutput> {
  const user = requirePermission(ctx, 'inbox:read');
  return inTransaction(ctx, async (tx) => {
    const rows = await q.listMessages(tx.db, user.tenantId, user.id, INBOX_LIMIT);
    return {
      unreadCount: await q.countUnread(tx.db, user.tenantId, user.id),
      messages: rows.map((m) => ({
        id: m.id,
        createdAt: m.createdAt.toISOString(),
        kind: m.kind,
        messageKey: m.messageKey,
        params: m.params,
        link: m.link,
        forUserId: m.userId,
        read: m.readAt !== null,
        readAt: m.readAt?.toISOString() ?? null,
      })),
    };
  });
}

/** How many messages I have not read: the number next to "Innboks" in the header. */
export async function getUnreadCount(ctx: Ctx): Promise<UnreadCountOutput> {
  const user = requirePermission(ctx, 'inbox:read');
  return { unreadCount: await q.countUnread(ctx.db, user.tenantId, user.id) };
}

/** Marks one message read for me (others on staff still see it unread). */
export async function markRead(ctx: Ctx, messageId: string): Promise<UnreadCountOutput> {
  const user = requirePermission(ctx, 'inbox:read');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findVisibleMessage(tx.db, user.tenantId, user.id, messageId))) throw notificationsError('inbox.message_not_found');
    if (await q.insertReads(tx.db, [messageId], user.id, tx.now)) {
      await recordEvent(tx, { action: 'inbox.read', entityType: 'inbox_message', entityId: messageId });
    }
    return { unreadCount: await q.countUnread(tx.db, user.tenantId, user.id) };
  });
}

/** Marks every message I can see read for me. */
export async function markAllRead(ctx: Ctx): Promise<UnreadCountOutput> {
  const user = requirePermission(ctx, 'inbox:read');
  return inTransaction(ctx, async (tx) => {
    const marked = await q.insertReads(tx.db, await q.listUnreadIds(tx.db, user.tenantId, user.id), user.id, tx.now);
    if (marked) await recordEvent(tx, { action: 'inbox.read_all', entityType: 'inbox_message', details: { count: marked } });
    return { unreadCount: 0 };
  });
}
