import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { reusableQuery, type Placeholders } from '../db/reusable-query.ts';
import { users, userRoles, rolePermissions, sessions } from './auth.tables.ts';
import type { CurrentUser } from '../http/context.ts';

export async function findUserByUsername(db: Db, username: string) {
  const [row] = await db.select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return row;
}

export async function findUserByOidcSubject(db: Db, subject: string) {
  const [row] = await db.select().from(users).where(eq(users.oidcSubject, subject));
  return row;
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row;
}

/** Every user with this e-mail address (case-insensitive); e-mail is not unique, so callers must handle more than one. */
export async function findUsersByEmail(db: Db, email: string) {
  return db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase())).limit(2);
}

/** Stores the OIDC subject on a user that has none yet; false when the user already had one. */
export async function linkOidcSubject(db: Db, userId: string, subject: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ oidcSubject: subject })
    .where(and(eq(users.id, userId), isNull(users.oidcSubject)))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** The user with roles and the union of their permissions, or undefined if inactive or missing. */
export async function loadCurrentUser(db: Db, userId: string): Promise<(CurrentUser & { locale: string }) | undefined> {
  const [user] = await db
    .select({
      id: users.id,
      tenantId: users.tenantId,
      username: users.username,
      displayName: users.displayName,
      locale: users.locale,
      isActive: users.isActive,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || !user.isActive) return undefined;
  const grants = await db
    .select({ role: userRoles.roleKey, permission: rolePermissions.permissionKey })
    .from(userRoles)
    .leftJoin(rolePermissions, eq(rolePermissions.roleKey, userRoles.roleKey))
    .where(eq(userRoles.userId, userId));
  const { isActive: _, ...rest } = user;
  return {
    ...rest,
    roles: [...new Set(grants.map((g) => g.role))].sort(),
    permissions: new Set(grants.flatMap((g) => (g.permission ? [g.permission] : []))),
  };
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

/**
 * A session with its user, roles and permissions in one statement (every logged-in request starts
 * here, so one round trip instead of three). Undefined when there is no such session.
 */
/** Built once (reusable-query.ts): every logged-in request runs it first. */
const sessionWithUser = reusableQuery((db, p: Placeholders<{ tokenHash: string }>) =>
  db
    .select({
      userId: sessions.userId,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      tenantId: users.tenantId,
      username: users.username,
      displayName: users.displayName,
      locale: users.locale,
      isActive: users.isActive,
      roles: sql<string[]>`coalesce((select array_agg(${userRoles.roleKey} order by ${userRoles.roleKey}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
      permissions: sql<string[]>`coalesce((select array_agg(distinct ${rolePermissions.permissionKey}) from ${userRoles} join ${rolePermissions} on ${rolePermissions.roleKey} = ${userRoles.roleKey} where ${userRoles.userId} = ${users.id}), '{}')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, p.tokenHash)),
);

export async function findSessionWithUser(db: Db, tokenHash: string) {
  const [row] = await sessionWithUser(db, { tokenHash });
  return row;
}

export async function findSession(db: Db, tokenHash: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: Db, tokenHash: string, lastSeenAt: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Counts one more wrong password in a row; returns the new count. */
export async function recordFailedLogin(db: Db, userId: string) {
  const [row] = await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins });
  return row?.failedLogins ?? 0;
}

/** Locks the account until the given time and starts the count of wrong passwords again. */
export async function lockUser(db: Db, userId: string, lockedUntil: Date) {
  await db.update(users).set({ lockedUntil, failedLogins: 0 }).where(eq(users.id, userId));
}

export async function recordSuccessfulLogin(db: Db, userId: string, at: Date) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at }).where(eq(users.id, userId));
}

export async function setUserLocale(db: Db, userId: string, locale: string) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** Remembers the time step of the last accepted TOTP code, so the same code cannot log in twice. */
export async function recordTotpStep(db: Db, userId: string, step: number) {
  await db.update(users).set({ totpLastStep: step }).where(eq(users.id, userId));
}

export async function setTotp(db: Db, userId: string, values: { totpSecret: string | null; totpEnabledAt: Date | null; totpLastStep: number | null }) {
  await db.update(users).set(values).where(eq(users.id, userId));
}

export async function findUserById(db: Db, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}
