import { and, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { reusableQuery, type Placeholders } from '../db/reusable-query.ts';
import { digestsSent, inboxMessages, inboxReads, settings } from './notifications.tables.ts';
import { rolePermissions, userRoles, users } from '../auth/auth.tables.ts';

// SQL of the inbox, the dated settings and the digest. Every query is scoped to one tenant.

/** Messages a user sees: addressed to them, or to all staff (user_id null). */
const visibleTo = (tenantId: string, userId: string) =>
  and(eq(inboxMessages.tenantId, tenantId), or(isNull(inboxMessages.userId), eq(inboxMessages.userId, userId)));

/** Inserts a message unless one with the same natural key exists; true when it was new. */
export async function insertMessage(db: Db, row: typeof inboxMessages.$inferInsert): Promise<string | null> {
  const [inserted] = await db.insert(inboxMessages).values(row).onConflictDoNothing().returning({ id: inboxMessages.id });
  return inserted?.id ?? null;
}

export async function listMessages(db: Db, tenantId: string, userId: string, limit: number) {
  return db
    .select({
      id: inboxMessages.id,
      createdAt: inboxMessages.createdAt,
      kind: inboxMessages.kind,
      messageKey: inboxMessages.messageKey,
      params: inboxMessages.params,
      link: inboxMessages.link,
      userId: inboxMessages.userId,
      readAt: inboxReads.readAt,
    })
    .from(inboxMessages)
    .leftJoin(inboxReads, and(eq(inboxReads.messageId, inboxMessages.id), eq(inboxReads.userId, userId)))
    .where(visibleTo(tenantId, userId))
    .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
    .limit(limit);
}

/** The unread messages of a user, newest first. */
export async function listUnread(db: Db, tenantId: string, userId: string, limit: number) {
  return db
    .select({ id: inboxMessages.id, createdAt: inboxMessages.createdAt, messageKey: inboxMessages.messageKey, params: inboxMessages.params })
    .from(inboxMessages)
    .leftJoin(inboxReads, and(eq(inboxReads.messageId, inboxMessages.id), eq(inboxReads.userId, userId)))
    .where(and(visibleTo(tenantId, userId), isNull(inboxReads.messageId)))
    .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
    .limit(limit);
}

export async function countUnread(db: Db, tenantId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboxMessages)
    .leftJoin(inboxReads, and(eq(inboxReads.messageId, inboxMessages.id), eq(inboxReads.userId, userId)))
    .where(and(visibleTo(tenantId, userId), isNull(inboxReads.messageId)));
  return row?.n ?? 0;
}

export async function findVisibleMessage(db: Db, tenantId: string, userId: string, messageId: string) {
  const [row] = await db.select({ id: inboxMessages.id }).from(inboxMessages).where(and(visibleTo(tenantId, userId), eq(inboxMessages.id, messageId)));
  return row;
}

/** Marks messages read for one user; a message read before keeps its first read time. */
export async function insertReads(db: Db, messageIds: string[], userId: string, readAt: Date): Promise<number> {
  if (messageIds.length === 0) return 0;
  const rows = await db
    .insert(inboxReads)
    .values(messageIds.map((messageId) => ({ messageId, userId, readAt })))
    .onConflictDoNothing()
    .returning({ id: inboxReads.messageId });
  return rows.length;
}

export async function listUnreadIds(db: Db, tenantId: string, userId: string): Promise<string[]> {
  return (await listUnread(db, tenantId, userId, 10_000)).map((m) => m.id);
}

// ---- dated settings -----------------------------------------------------------------------------

/** Built once (reusable-query.ts): most requests read a setting (the access rules read one). */
const settingOn = reusableQuery((db, p: Placeholders<{ tenantId: string; key: string; day: string }>) =>
  db
    .select({ value: settings.value, validFromOn: settings.validFromOn })
    .from(settings)
    .where(and(eq(settings.tenantId, p.tenantId), eq(settings.key, p.key), lte(settings.validFromOn, p.day)))
    .orderBy(desc(settings.validFromOn))
    .limit(1),
);

/** The value of a setting in force on a day: the row with the latest valid_from_on not after it. */
export async function findSettingOn(db: Db, tenantId: string, key: string, day: string) {
  const [row] = await settingOn(db, { tenantId, key, day });
  return row;
}

export async function listSettingHistory(db: Db, tenantId: string, key: string) {
  return db
    .select({
      value: settings.value,
      validFromOn: settings.validFromOn,
      changedAt: settings.changedAt,
      changedByName: users.displayName,
      reason: settings.reason,
    })
    .from(settings)
    .leftJoin(users, eq(users.id, settings.changedBy))
    .where(and(eq(settings.tenantId, tenantId), eq(settings.key, key)))
    .orderBy(desc(settings.validFromOn));
}

export async function insertSetting(db: Db, row: typeof settings.$inferInsert) {
  const [inserted] = await db.insert(settings).values(row).returning({ id: settings.id });
  return inserted!;
}

// ---- the daily digest ---------------------------------------------------------------------------

/** Active users of the tenant with an e-mail address whose roles give them the inbox. */
export async function listDigestRecipients(db: Db, tenantId: string) {
  return db
    .selectDistinct({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleKey, userRoles.roleKey), eq(rolePermissions.permissionKey, 'inbox:read')))
    .where(and(eq(users.tenantId, tenantId), eq(users.isActive, true), sql`${users.email} is not null and ${users.email} <> ''`))
    .orderBy(users.id);
}

/** Claims today's digest for a user; false when one was sent (or is being sent) already. */
export async function claimDigest(db: Db, row: typeof digestsSent.$inferInsert): Promise<boolean> {
  const rows = await db.insert(digestsSent).values(row).onConflictDoNothing().returning({ userId: digestsSent.userId });
  return rows.length === 1;
}

/** Gives a claim back when the e-mail could not be sent, so the next run tries again. */
export async function releaseDigest(db: Db, userId: string, day: string) {
  await db.delete(digestsSent).where(and(eq(digestsSent.userId, userId), eq(digestsSent.day, day)));
}
