import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { Ctx } from '../http/context.ts';
import { inTransaction } from '../http/context.ts';
import type { Env } from '../config/env.ts';
import { recordEvent } from '../audit/audit.service.ts';
import { AppError } from '../http/errors.ts';
import { authError } from './auth.errors.ts';
import { startSession } from './auth.service.ts';
import * as q from './auth.queries.ts';

// Login through the municipality's OpenID Connect provider (Entra ID, ID-porten, Ansattporten):
// authorization code flow with PKCE (S256), state and nonce, every check done by openid-client.

/** Holds state, nonce and PKCE verifier between /start and /callback; only sent to /api/auth/oidc/. */
export const oidcCookieName = 'bn_oidc';
export const oidcCookiePath = '/api/auth/oidc/';
/** Ten minutes to get through the provider's login page. */
export const oidcCookieMaxAgeSeconds = 600;
export const oidcCallbackPath = '/api/auth/oidc/callback';

// What we ask for; narrowed to what the provider says it supports (ID-porten has no `email` scope).
const wantedScopes = ['openid', 'email', 'profile'];

export interface PendingOidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function oidcConfigured(env: Env): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

/** Where the provider sends the browser back: PUBLIC_URL when set (behind a proxy), else the request's origin. */
export function oidcRedirectUri(env: Env, requestUrl: string): string {
  const base = env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : new URL(requestUrl).origin;
  return `${base}${oidcCallbackPath}`;
}

const base64url = /^[A-Za-z0-9_-]{20,200}$/;

export function encodePending(pending: PendingOidcLogin): string {
  return [pending.state, pending.nonce, pending.codeVerifier].join('.');
}

/** The pending login from the cookie, or undefined when it is missing or malformed. */
export function decodePending(value: string | undefined): PendingOidcLogin | undefined {
  const parts = value?.split('.') ?? [];
  if (parts.length !== 3 || !parts.every((p) => base64url.test(p))) return undefined;
  const [state, nonce, codeVerifier] = parts as [string, string, string];
  return { state, nonce, codeVerifier };
}

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);

// Discovery once per process and configuration; a failed discovery is forgotten so the next login retries.
const configurations = new Map<string, Promise<client.Configuration>>();

async function configuration(env: Env): Promise<client.Configuration> {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) throw authError('auth.oidc_not_configured');
  const issuer = new URL(env.OIDC_ISSUER);
  // Plain http only for a provider on this machine outside production (development and the tests).
  const insecure = issuer.protocol === 'http:';
  if (insecure && (env.NODE_ENV === 'production' || !loopbackHosts.has(issuer.hostname))) {
    throw new Error('OIDC_ISSUER must use https; http is allowed only on loopback outside production');
  }
  const key = createHash('sha256').update(JSON.stringify([issuer.href, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET])).digest('hex');
  let found = configurations.get(key);
  if (!found) {
    const discovering = client.discovery(
      issuer,
      env.OIDC_CLIENT_ID,
      env.OIDC_CLIENT_SECRET,
      // Explicit, so the operator knows what to register: Entra ID and ID-porten both accept it.
      client.ClientSecretPost(env.OIDC_CLIENT_SECRET),
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    found = discovering;
    configurations.set(key, discovering);
    discovering.catch(() => {
      if (configurations.get(key) === discovering) configurations.delete(key);
    });
  }
  return found;
}

function scopeFor(config: client.Configuration): string {
  const supported = config.serverMetadata().scopes_supported;
  return wantedScopes.filter((s) => s === 'openid' || !supported || supported.includes(s)).join(' ');
}

/** Builds the provider's login URL and the secrets the callback must match. */
export async function beginOidcLogin(ctx: Ctx, redirectUri: string): Promise<{ authorizationUrl: URL; pending: PendingOidcLogin }> {
  const config = await configuration(ctx.env);
  const pending: PendingOidcLogin = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
  };
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: scopeFor(config),
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { authorizationUrl, pending };
}

interface OidcIdentity {
  subject: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

const stringClaim = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Errors from openid-client, reduced to what may go in a log: no tokens, no claims. */
function describeOidcError(err: unknown) {
  if (err instanceof client.AuthorizationResponseError) return { name: err.name, error: err.error };
  if (err instanceof client.ResponseBodyError) return { name: err.name, error: err.error, status: err.status };
  if (err instanceof Error) {
    // openid-client wraps the precise reason ('unexpected "state" ...') as the cause; its own cause may hold claims.
    const reason = err.cause instanceof Error ? err.cause.message : undefined;
    return { name: err.name, code: (err as Error & { code?: unknown }).code, message: err.message, reason };
  }
  return { name: typeof err };
}

async function verifyCallback(ctx: Ctx, config: client.Configuration, callbackUrl: URL, pending: PendingOidcLogin) {
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    const identity: OidcIdentity = {
      subject: claims.sub,
      email: stringClaim(claims.email),
      emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : undefined,
      name: stringClaim(claims.name),
    };
    return { identity, accessToken: tokens.access_token };
  } catch (err) {
    ctx.log.warn({ oidcError: describeOidcError(err) }, 'OIDC callback refused');
    throw authError('auth.oidc_failed');
  }
}

/**
 * Providers that follow the OpenID Connect default put e-mail and name in the userinfo answer
 * rather than the ID token; asked only when the subject is not linked yet and the token lacks them.
 */
async function withUserInfo(ctx: Ctx, config: client.Configuration, identity: OidcIdentity, accessToken: string): Promise<OidcIdentity> {
  if (identity.email || !accessToken || !config.serverMetadata().userinfo_endpoint) return identity;
  try {
    const info = await client.fetchUserInfo(config, accessToken, identity.subject);
    return {
      ...identity,
      email: stringClaim(info.email),
      emailVerified: typeof info.email_verified === 'boolean' ? info.email_verified : undefined,
      name: identity.name ?? stringClaim(info.name),
    };
  } catch (err) {
    ctx.log.warn({ oidcError: describeOidcError(err) }, 'OIDC userinfo failed');
    throw authError('auth.oidc_failed');
  }
}

function refuse(ctx: Ctx, reason: string): never {
  // The reason only: the subject and e-mail are personal data and stay out of the log.
  ctx.log.warn({ reason }, 'OIDC login refused');
  throw authError('auth.oidc_unknown_user');
}

/**
 * Verifies the provider's answer and logs the user in; returns the session token.
 * A user is found by OIDC subject, or the first time by e-mail, and then the subject is stored
 * on that user (linked once, audited). Nobody is created here: an administrator creates users.
 */
export async function completeOidcLogin(
  ctx: Ctx,
  input: { redirectUri: string; callbackSearch: string; pending: PendingOidcLogin },
): Promise<string> {
  const config = await configuration(ctx.env);
  // The URL the provider redirected to, as registered: behind a proxy the request's own URL differs.
  const callbackUrl = new URL(input.redirectUri);
  callbackUrl.search = input.callbackSearch;
  const verified = await verifyCallback(ctx, config, callbackUrl, input.pending);

  const bySubject = await q.findUserByOidcSubject(ctx.db, verified.identity.subject);
  if (bySubject) {
    if (!bySubject.isActive) refuse(ctx, 'inactive');
    return startSession(ctx, bySubject.id, 'oidc');
  }

  const identity = await withUserInfo(ctx, config, verified.identity, verified.accessToken);
  if (!identity.email) refuse(ctx, 'no_email_claim');
  if (identity.emailVerified === false) refuse(ctx, 'email_not_verified');
  const matches = await q.findUsersByEmail(ctx.db, identity.email);
  if (matches.length === 0) refuse(ctx, 'no_user_with_email');
  if (matches.length > 1) refuse(ctx, 'email_not_unique');
  const user = matches[0]!;
  if (!user.isActive) refuse(ctx, 'inactive');
  // Linked to another subject already: someone else at the provider has this address now.
  if (user.oidcSubject) refuse(ctx, 'linked_to_other_subject');

  try {
    return await inTransaction(ctx, async (tx) => {
      if (!(await q.linkOidcSubject(tx.db, user.id, identity.subject))) refuse(tx, 'linked_to_other_subject');
      const actor = (await q.loadCurrentUser(tx.db, user.id)) ?? null;
      await recordEvent(
        { ...tx, user: actor },
        {
          tenantId: user.tenantId,
          action: 'auth.oidc_linked',
          entityType: 'user',
          entityId: user.id,
          details: { issuer: config.serverMetadata().issuer, matchedBy: 'email' },
        },
      );
      return startSession(tx, user.id, 'oidc');
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Two first logins at once: the unique index on the subject refuses the second.
    ctx.log.warn({ oidcError: describeOidcError(err) }, 'OIDC link failed');
    throw authError('auth.oidc_failed');
  }
}
