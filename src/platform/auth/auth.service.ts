import { createHash, randomBytes } from 'node:crypto';
import type { Ctx, CurrentUser } from '../http/context.ts';
import { inTransaction } from '../http/context.ts';
import { recordEvent } from '../audit/audit.service.ts';
import { accountLockedError, authError } from './auth.errors.ts';
import { verifyTotp } from './totp.ts';
import { openTotpSecret } from './totp.service.ts';
import { platformError } from '../http/errors.ts';
import { dummyHash, verifyPassword } from './password.ts';
import * as q from './auth.queries.ts';
import type { LoginInput } from './auth.schema.ts';

export const sessionCookieName = 'bn_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function idleMs(ctx: Ctx) {
  return ctx.env.SESSION_IDLE_MINUTES * 60_000;
}

/** Starts a session for a user who has proven who they are; returns the cookie token. */
export async function startSession(ctx: Ctx, userId: string, method: 'password' | 'password+totp' | 'oidc'): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await inTransaction(ctx, async (tx) => {
    await q.insertSession(tx.db, {
      tokenHash: hashToken(token),
      userId,
      createdAt: tx.now,
      lastSeenAt: tx.now,
      expiresAt: new Date(tx.now.getTime() + idleMs(tx)),
    });
    await q.recordSuccessfulLogin(tx.db, userId, tx.now);
    const user = await q.loadCurrentUser(tx.db, userId);
    await recordEvent({ ...tx, user: user ?? null }, { action: 'auth.login', entityType: 'user', entityId: userId, details: { method } });
  });
  return token;
}

/** Logs in with username and password. Five wrong passwords in a row lock the account for a while. */
export async function logInWithPassword(ctx: Ctx, input: LoginInput): Promise<string> {
  const user = await q.findUserByUsername(ctx.db, input.username);
  if (!user || !user.passwordHash || !user.isActive) {
    await verifyPassword(input.password, dummyHash);
    throw authError('auth.login_failed');
  }
  if (user.lockedUntil && user.lockedUntil > ctx.now) throw accountLockedError(user.lockedUntil);
  const passwordOk = await verifyPassword(input.password, user.passwordHash);
  // With a second factor the right password alone is not enough: no code, ask for it (not a
  // failure); a wrong or reused code counts as a failure towards the lockout, like a wrong password.
  let totpStepUsed: number | null = null;
  if (passwordOk && user.totpEnabledAt && user.totpSecret) {
    if (!input.totpCode) throw authError('auth.totp_required');
    totpStepUsed = verifyTotp(openTotpSecret(ctx, user.totpSecret), input.totpCode, ctx.now, user.totpLastStep);
  }
  if (!passwordOk || (user.totpEnabledAt && totpStepUsed === null)) {
    await inTransaction(ctx, async (tx) => {
      const failures = await q.recordFailedLogin(tx.db, user.id);
      const lock = failures >= tx.env.LOGIN_MAX_FAILURES;
      if (lock) await q.lockUser(tx.db, user.id, new Date(tx.now.getTime() + tx.env.LOGIN_LOCK_MINUTES * 60_000));
      await recordEvent(tx, {
        tenantId: user.tenantId,
        action: lock ? 'auth.account_locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
      });
    });
    throw authError(passwordOk ? 'auth.totp_failed' : 'auth.login_failed');
  }
  if (totpStepUsed !== null) await q.recordTotpStep(ctx.db, user.id, totpStepUsed);
  return startSession(ctx, user.id, user.totpEnabledAt ? 'password+totp' : 'password');
}

/** The user behind a session token, extending the idle timeout; null when missing or expired. */
export async function resolveSession(ctx: Ctx, token: string): Promise<(CurrentUser & { locale: string }) | null> {
  const tokenHash = hashToken(token);
  const session = await q.findSessionWithUser(ctx.db, tokenHash);
  if (!session) return null;
  if (session.expiresAt <= ctx.now) {
    await q.deleteSession(ctx.db, tokenHash);
    return null;
  }
  // Writing on every request would serialise all reads on one row; a minute's precision is enough.
  if (ctx.now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await q.touchSession(ctx.db, tokenHash, ctx.now, new Date(ctx.now.getTime() + idleMs(ctx)));
  }
  if (!session.isActive) return null;
  return {
    id: session.userId,
    tenantId: session.tenantId,
    username: session.username,
    displayName: session.displayName,
    locale: session.locale,
    roles: session.roles,
    permissions: new Set(session.permissions),
  };
}

export async function logOut(ctx: Ctx, token: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await q.deleteSession(tx.db, hashToken(token));
    if (tx.user) await recordEvent(tx, { action: 'auth.logout', entityType: 'user', entityId: tx.user.id });
  });
}

export async function changeOwnLocale(ctx: Ctx, locale: 'nb' | 'en'): Promise<void> {
  if (!ctx.user) throw platformError('auth.unauthenticated');
  await q.setUserLocale(ctx.db, ctx.user.id, locale);
}
