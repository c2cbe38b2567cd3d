import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './app-env.ts';
import type { Env } from '../config/env.ts';
import { defineErrors } from './errors.ts';

// Web security for the browser (issue #8 point 6; docs/security.md): headers with a strict
// Content-Security-Policy, CSRF refusal for cross-site writes, and a per-address login rate limit.

export const securityError = defineErrors({
  'request.cross_site': {
    kind: 'forbidden',
    nb: 'Forespørselen kom fra en annen nettside og ble avvist. Åpne Bolig Nu direkte og prøv igjen.',
    en: 'The request came from another website and was refused. Open Bolig Nu directly and try again.',
  },
  'auth.too_many_attempts': {
    kind: 'too_many',
    nb: 'For mange innloggingsforsøk fra denne maskinen. Vent litt og prøv igjen.',
    en: 'Too many login attempts from this machine. Wait a while and try again.',
  },
});

/**
 * The usual headers plus a strict CSP: scripts and styles only from our own origin (the built app
 * has no inline script or style element; React sets style properties through the DOM, which CSP
 * allows), no framing, no plugins, forms and fetches only to ourselves.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    referrerPolicy: 'no-referrer',
    crossOriginEmbedderPolicy: false,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses writes that a browser marks as coming from another site. Browsers send Sec-Fetch-Site
 * (and Origin) on every cross-origin POST, and a page elsewhere cannot remove them; the session
 * cookie is also SameSite=Lax. Clients that are not browsers (scripts, tests) send neither header
 * and carry no ambient cookie, so they are let through.
 */
export function csrfGuard(env: Env): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (unsafeMethods.has(c.req.method) && !isSameOrigin(c, env)) throw securityError('request.cross_site');
    await next();
  };
}

function isSameOrigin(c: Context<AppEnv>, env: Env): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin') return false;
  const origin = c.req.header('origin');
  if (!origin) return true;
  const expected = new URL(env.PUBLIC_URL ?? c.req.url).origin;
  return origin === expected;
}

/** The client's address; behind a trusted proxy the first X-Forwarded-For entry. */
export function clientAddress(c: Context<AppEnv>, env: Env): string {
  if (env.TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/**
 * Counts login attempts per address in a fixed window (LOGIN_LOCK_MINUTES) and refuses with 429
 * past LOGIN_MAX_PER_IP. In memory, per process: with several app processes the limit is per
 * process (the per-account lockout in the database holds across them).
 */
export function loginRateLimit(env: Env, clock: () => Date): MiddlewareHandler<AppEnv> {
  const windowMs = env.LOGIN_LOCK_MINUTES * 60_000;
  const attempts = new Map<string, { count: number; resetAt: number }>();
  return async (c, next) => {
    const now = clock().getTime();
    if (attempts.size > 10_000) for (const [key, entry] of attempts) if (entry.resetAt <= now) attempts.delete(key);
    const key = clientAddress(c, env);
    const entry = attempts.get(key);
    if (!entry || entry.resetAt <= now) attempts.set(key, { count: 1, resetAt: now + windowMs });
    else if (++entry.count > env.LOGIN_MAX_PER_IP) {
      c.header('Retry-After', String(Math.ceil((entry.resetAt - now) / 1000)));
      throw securityError('auth.too_many_attempts');
    }
    await next();
  };
}
