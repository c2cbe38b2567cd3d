import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { App } from '../http/app.ts';
import { errorResponses, jsonBody } from '../http/openapi.ts';
import { platformError } from '../http/errors.ts';
import { loginInput, currentUserOutput, localeInput } from './auth.schema.ts';
import { changeOwnLocale, logInWithPassword, logOut, sessionCookieName } from './auth.service.ts';
import type { Context } from 'hono';
import { registerTotpRoutes } from './totp.routes.ts';
import type { AppEnv } from '../http/app-env.ts';

function isBehindTls(c: Context<AppEnv>): boolean {
  const env = c.get('ctx').env;
  if (env.TRUST_PROXY && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(env.PUBLIC_URL ?? c.req.url).protocol === 'https:';
}

export function setSessionCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'Lax',
    // Behind a proxy that ends TLS the request URL is http; PUBLIC_URL (or, with TRUST_PROXY,
    // X-Forwarded-Proto) says what the user sees.
    secure: isBehindTls(c),
    path: '/',
  });
}

export function registerAuthRoutes(app: App) {
  registerTotpRoutes(app);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/login',
      tags: ['auth'],
      summary: 'Log in with username and password',
      security: [],
      request: { body: jsonBody(loginInput) },
      responses: {
        204: { description: 'Logged in; the session cookie is set' },
        ...errorResponses(400, 401, 403, 423, 429),
      },
    }),
    async (c) => {
      const token = await logInWithPassword(c.get('ctx'), c.req.valid('json'));
      setSessionCookie(c, token);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/logout',
      tags: ['auth'],
      summary: 'Log out and end the session',
      responses: { 204: { description: 'Logged out' } },
    }),
    async (c) => {
      const token = getCookie(c, sessionCookieName);
      if (token) await logOut(c.get('ctx'), token);
      deleteCookie(c, sessionCookieName, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/me',
      tags: ['auth'],
      summary: 'The logged-in user, roles and permissions',
      responses: {
        200: { description: 'The current user', content: { 'application/json': { schema: currentUserOutput } } },
        ...errorResponses(401),
      },
    }),
    (c) => {
      const ctx = c.get('ctx');
      const user = ctx.user;
      if (!user) throw platformError('auth.unauthenticated');
      return c.json(
        {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          locale: ctx.locale,
          roles: user.roles,
          permissions: [...user.permissions].sort(),
          idleMinutes: ctx.env.SESSION_IDLE_MINUTES,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/auth/me/locale',
      tags: ['auth'],
      summary: 'Choose the interface language',
      request: { body: jsonBody(localeInput) },
      responses: { 204: { description: 'Saved' }, ...errorResponses(400, 401) },
    }),
    async (c) => {
      const { locale } = c.req.valid('json');
      await changeOwnLocale(c.get('ctx'), locale);
      setCookie(c, 'bn_locale', locale, { sameSite: 'Lax', path: '/', maxAge: 365 * 24 * 3600 });
      return c.body(null, 204);
    },
  );

  // Login options the login page needs before anyone is logged in.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/options',
      tags: ['auth'],
      summary: 'Which ways to log in are available',
      security: [],
      responses: {
        200: {
          description: 'Login options',
          content: { 'application/json': { schema: z.object({ oidc: z.object({ label: z.string() }).nullable() }) } },
        },
      },
    }),
    (c) => {
      const env = c.get('ctx').env;
      return c.json({ oidc: env.OIDC_ISSUER ? { label: env.OIDC_LABEL } : null }, 200);
    },
  );
}
