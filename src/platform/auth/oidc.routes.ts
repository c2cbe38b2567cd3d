import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { App } from '../http/app.ts';
import { errorResponses } from '../http/openapi.ts';
import { AppError } from '../http/errors.ts';
import { authError } from './auth.errors.ts';
import { setSessionCookie } from './auth.routes.ts';
import {
  beginOidcLogin,
  completeOidcLogin,
  decodePending,
  encodePending,
  oidcConfigured,
  oidcCookieMaxAgeSeconds,
  oidcCookieName,
  oidcCookiePath,
  oidcRedirectUri,
} from './oidc.service.ts';

const redirect = (description: string) => ({
  description,
  headers: z.object({ Location: z.string().openapi({ description: 'Where the browser goes next' }) }),
});

/** The page the browser lands on after a failed login: the error code only, never personal data. */
const loginErrorLocation = (code: string) => `/?login_error=${encodeURIComponent(code)}`;

export function registerOidcRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/oidc/start',
      tags: ['auth'],
      summary: "Log in with the municipality's account (OpenID Connect): go to the identity provider",
      description:
        'Opened by the browser (a link, not fetch). Sets a short-lived cookie with state, nonce and PKCE verifier, ' +
        'then redirects to the provider. If the provider cannot be reached, redirects to `/?login_error=auth.oidc_failed`.',
      security: [],
      responses: {
        302: redirect("To the identity provider's login page (or back to the login page with `login_error`)"),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      if (!oidcConfigured(ctx.env)) throw authError('auth.oidc_not_configured');
      const redirectUri = oidcRedirectUri(ctx.env, c.req.url);
      try {
        const { authorizationUrl, pending } = await beginOidcLogin(ctx, redirectUri);
        // Lax, so the cookie comes back on the provider's top-level redirect to the callback.
        setCookie(c, oidcCookieName, encodePending(pending), {
          httpOnly: true,
          sameSite: 'Lax',
          secure: redirectUri.startsWith('https:'),
          path: oidcCookiePath,
          maxAge: oidcCookieMaxAgeSeconds,
        });
        return c.redirect(authorizationUrl.href, 302);
      } catch (err) {
        ctx.log.error({ err }, 'OIDC start failed');
        return c.redirect(loginErrorLocation('auth.oidc_failed'), 302);
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/oidc/callback',
      tags: ['auth'],
      summary: "Log in with the municipality's account (OpenID Connect): the provider's answer",
      description:
        'The redirect URI registered at the provider. Verifies state, PKCE, nonce and the ID token, finds the user by ' +
        'subject or (the first time) by e-mail, sets the session cookie and redirects to `/`. On failure redirects to ' +
        '`/?login_error=<code>` with `auth.oidc_failed` or `auth.oidc_unknown_user`.',
      security: [],
      request: {
        query: z.object({
          code: z.string().optional(),
          state: z.string().optional(),
          iss: z.string().optional(),
          error: z.string().optional(),
          error_description: z.string().optional(),
        }),
      },
      responses: {
        302: redirect('Logged in: to `/` with the session cookie set; or refused: to `/?login_error=<code>`'),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      if (!oidcConfigured(ctx.env)) throw authError('auth.oidc_not_configured');
      const redirectUri = oidcRedirectUri(ctx.env, c.req.url);
      const pending = decodePending(getCookie(c, oidcCookieName));
      // One use only, whatever the outcome.
      deleteCookie(c, oidcCookieName, { path: oidcCookiePath, httpOnly: true, sameSite: 'Lax', secure: redirectUri.startsWith('https:') });
      try {
        if (!pending) {
          ctx.log.warn('OIDC callback without a pending login (cookie missing or expired)');
          throw authError('auth.oidc_failed');
        }
        const token = await completeOidcLogin(ctx, { redirectUri, callbackSearch: new URL(c.req.url).search, pending });
        setSessionCookie(c, token);
        return c.redirect('/', 302);
      } catch (err) {
        const known = err instanceof AppError && (err.code === 'auth.oidc_unknown_user' || err.code === 'auth.oidc_failed');
        if (!known) ctx.log.error({ err }, 'OIDC callback failed');
        return c.redirect(loginErrorLocation(known ? err.code : 'auth.oidc_failed'), 302);
      }
    },
  );
}
