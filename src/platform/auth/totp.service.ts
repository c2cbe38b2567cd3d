import type { Ctx } from '../http/context.ts';
import { inTransaction } from '../http/context.ts';
import { platformError } from '../http/errors.ts';
import { recordEvent } from '../audit/audit.service.ts';
import { open, seal } from '../crypto/field-crypto.ts';
import { authError } from './auth.errors.ts';
import * as q from './auth.queries.ts';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.ts';

// The optional second factor for local accounts (issue #8 point 6): set up by the user for
// themselves, proven with one code before it counts, turned off only with a valid code.
// The secret is stored encrypted (field-crypto, purpose users.totp_secret).

const purpose = 'users.totp_secret';
export const openTotpSecret = (ctx: Ctx, sealed: string) => open(ctx.env.fieldKeys, purpose, sealed);

const wrongCode = (ctx: Ctx) => authError('auth.totp_code_wrong', { fields: { code: authError.definitions['auth.totp_code_wrong'][ctx.locale] } });

async function ownLocalAccount(ctx: Ctx) {
  if (!ctx.user) throw platformError('auth.unauthenticated');
  const user = await q.findUserById(ctx.db, ctx.user.id);
  if (!user) throw platformError('auth.unauthenticated');
  return user;
}

export async function getTotpStatus(ctx: Ctx): Promise<{ enabled: boolean; available: boolean }> {
  const user = await ownLocalAccount(ctx);
  return { enabled: Boolean(user.totpEnabledAt), available: Boolean(user.passwordHash) };
}

/** Starts (or restarts) setting up TOTP: a new secret, not in force until confirmed with a code. */
export async function startTotpEnrolment(ctx: Ctx): Promise<{ secret: string; otpauthUri: string }> {
  return inTransaction(ctx, async (tx) => {
    const user = await ownLocalAccount(tx);
    if (!user.passwordHash) throw authError('auth.totp_not_local');
    if (user.totpEnabledAt) throw authError('auth.totp_not_started');
    const secret = newTotpSecret();
    await q.setTotp(tx.db, user.id, { totpSecret: seal(tx.env.fieldKeys, purpose, secret), totpEnabledAt: null, totpLastStep: null });
    await recordEvent(tx, { action: 'auth.totp_enrolment_started', entityType: 'user', entityId: user.id });
    return { secret, otpauthUri: otpauthUri(secret, user.username) };
  });
}

/** Turns TOTP on once the user has typed a code that matches the new secret. */
export async function confirmTotpEnrolment(ctx: Ctx, code: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const user = await ownLocalAccount(tx);
    if (!user.totpSecret || user.totpEnabledAt) throw authError('auth.totp_not_started');
    const step = verifyTotp(openTotpSecret(tx, user.totpSecret), code, tx.now);
    if (step === null) throw wrongCode(tx);
    await q.setTotp(tx.db, user.id, { totpSecret: user.totpSecret, totpEnabledAt: tx.now, totpLastStep: step });
    await recordEvent(tx, { action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
  });
}

/** Turns TOTP off; needs a valid code, so a borrowed open session cannot remove it. */
export async function disableTotp(ctx: Ctx, code: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const user = await ownLocalAccount(tx);
    if (!user.totpSecret || !user.totpEnabledAt) throw authError('auth.totp_not_started');
    if (verifyTotp(openTotpSecret(tx, user.totpSecret), code, tx.now, user.totpLastStep) === null) throw wrongCode(tx);
    await q.setTotp(tx.db, user.id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    await recordEvent(tx, { action: 'auth.totp_disabled', entityType: 'user', entityId: user.id });
  });
}
