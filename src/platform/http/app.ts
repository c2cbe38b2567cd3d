import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.ts';
import { withTenantScope, type Ctx } from './context.ts';
import type { Env } from '../config/env.ts';
import type { Database } from '../db/client.ts';
import { databaseVersion } from '../db/client.ts';
import { handleError } from './error-handler.ts';
import { csrfGuard, loginRateLimit, securityHeaders } from './security.ts';
import { platformError } from './errors.ts';
import { validationHook } from './validation.ts';
import { authorise } from './authorisation.ts';
import { localeFromHeader, type Locale } from '../i18n/i18n.ts';
import { resolveSession, sessionCookieName } from '../auth/auth.service.ts';
import { registerAuthRoutes } from '../auth/auth.routes.ts';
import { registerOidcRoutes } from '../auth/oidc.routes.ts';
import { registerAuditRoutes } from '../audit/audit.routes.ts';
import { registerPeopleRoutes } from '../../features/people/people.routes.ts';
import { registerRoomRoutes } from '../../features/rooms/rooms.routes.ts';
import { registerAdminRoutes } from '../../features/admin/admin.routes.ts';
import { registerAllocationRoutes } from '../../features/allocation/allocation.routes.ts';
import { registerStayRoutes } from '../../features/stays/stays.routes.ts';
import { registerMovingOnRoutes } from '../../features/stays/move-out.routes.ts';
import { registerReferralRoutes } from '../../features/referrals/referrals.routes.ts';
import { registerAgreementRoutes } from '../../features/agreements/agreements.routes.ts';
import { registerNotificationRoutes } from '../notifications/notifications.routes.ts';
import { registerExtensionRoutes } from '../../features/stays/extension.routes.ts';
import { registerJournalRoutes } from '../../features/journal/journal.routes.ts';
import { registerAftercareRoutes } from '../../features/aftercare/aftercare.routes.ts';
import { registerPaymentRoutes } from '../../features/payments/payments.routes.ts';
import { registerEconomicsRoutes } from '../../features/economics/economics.routes.ts';
import { registerHousingSearchRoutes } from '../../features/housing-search/housing-search.routes.ts';
import { registerIncidentRoutes } from '../../features/incidents/incidents.routes.ts';
import { registerRiskRoutes } from '../../features/risk/risk.routes.ts';
import { registerKeyRoutes } from '../../features/stays/keys.routes.ts';
import { registerInventoryRoutes } from '../../features/stays/inventory.routes.ts';
import { registerReportRoutes } from '../../features/reports/reports.routes.ts';
import { registerDataExchangeRoutes } from '../../features/data-exchange/data-exchange.routes.ts';
import { registerPrivacyRoutes } from '../../features/privacy/privacy.routes.ts';
import { registerShiftLogRoutes } from '../../features/shift-log/shift-log.routes.ts';
import { registerPatrolRoutes } from '../../features/patrols/patrols.routes.ts';
import { registerStaffingRoutes } from '../../features/staffing/staffing.routes.ts';
import { homePageHtml } from './web-shell.ts';

export interface AppDeps {
  database: Database;
  env: Env;
  log: Logger;
  /** The clock; tests pin it. */
  clock?: () => Date;
  /** Folder with the built web app; omitted in API-only tests. */
  webRoot?: string;
  /** Routes a test adds behind the same middleware (before the API's catch-all 404). */
  extraRoutes?: (app: App) => void;
}

export type App = OpenAPIHono<AppEnv>;

/** Thrown after a failed request's answer is written, to roll back the request's transaction. */
class RequestFailed extends Error {}

export function createApp(deps: AppDeps): App {
  const clock = deps.clock ?? (() => new Date());
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.onError(handleError);
  app.use('*', securityHeaders());
  app.use('/api/*', bodyLimit({ maxSize: 1024 * 1024 }));

  // Builds the request's service context: who is asking, in which language, at what time.
  app.use('/api/*', async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID().slice(0, 8);
    const cookieLocale = getCookie(c, 'bn_locale');
    const ctx: Ctx = {
      db: deps.database.db,
      env: deps.env,
      log: deps.log.child({ requestId }),
      now: clock(),
      requestId,
      locale: cookieLocale === 'en' || cookieLocale === 'nb' ? cookieLocale : localeFromHeader(c.req.header('accept-language')),
      user: null,
    };
    c.set('ctx', ctx);
    const token = getCookie(c, sessionCookieName);
    if (token) {
      const user = await resolveSession(ctx, token);
      if (user) {
        ctx.user = user;
        if (!cookieLocale) ctx.locale = user.locale as Locale;
      }
    }
    c.header('X-Request-Id', requestId);
    c.header('Cache-Control', 'no-store');
    // A logged-in request runs in one transaction scoped to the user's tenant: every query in it is
    // under row-level security (ADR 006), and the services' transactions join it. The request is the
    // unit of work: when it fails, onError has already written the answer (Hono catches the error
    // before it reaches this middleware), and everything the request wrote is rolled back.
    if (ctx.user) {
      try {
        await withTenantScope(
          ctx,
          async (scoped) => {
            c.set('ctx', scoped);
            await next();
            if (c.error) throw new RequestFailed();
          },
          { oneUseCase: true },
        );
      } catch (err) {
        if (!(err instanceof RequestFailed)) throw err;
      }
    } else {
      await next();
    }
    // Route pattern, not the raw URL: ids in paths are UUIDs, but search terms never reach a URL anyway.
    ctx.log.info(
      { method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });

  // Writes from another site are refused; login attempts are limited per address (security.ts).
  app.use('/api/*', csrfGuard(deps.env));
  app.use('/api/auth/login', loginRateLimit(deps.env, clock));

  // Everything under /api needs a logged-in user, checked before any input is parsed, except these.
  // (Each service still checks its own permission on its first line.)
  const publicPaths = new Set(['/api/health', '/api/openapi.json', '/api/auth/login', '/api/auth/logout', '/api/auth/options']);
  app.use('/api/*', async (c, next) => {
    if (!c.get('ctx').user && !publicPaths.has(c.req.path) && !c.req.path.startsWith('/api/auth/oidc/')) {
      throw platformError('auth.unauthenticated');
    }
    await next();
  });
  // Each route's permission (the authorisation matrix), before any input is parsed.
  app.use('/api/*', authorise());

  const health = createRoute({
    method: 'get',
    path: '/api/health',
    tags: ['platform'],
    summary: 'Is the app up, and on which database',
    responses: {
      200: {
        description: 'The app answers and the database is reachable',
        content: {
          'application/json': {
            schema: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']), databaseVersion: z.string() }),
          },
        },
      },
    },
  });
  app.openapi(health, async (c) =>
    // ctx.db: inside a logged-in request's transaction (on PGlite another handle would wait for it).
    c.json({ status: 'ok' as const, database: deps.database.engine, databaseVersion: await databaseVersion(c.get('ctx').db) }, 200),
  );

  registerAuthRoutes(app);
  registerOidcRoutes(app);
  registerAuditRoutes(app);
  registerPeopleRoutes(app);
  registerRoomRoutes(app);
  registerAdminRoutes(app);
  registerAllocationRoutes(app);
  registerStayRoutes(app);
  registerMovingOnRoutes(app);
  registerReferralRoutes(app);
  registerAgreementRoutes(app);
  registerNotificationRoutes(app);
  registerExtensionRoutes(app);
  registerJournalRoutes(app);
  registerAftercareRoutes(app);
  registerHousingSearchRoutes(app);
  registerIncidentRoutes(app);
  registerRiskRoutes(app);
  registerKeyRoutes(app);
  registerInventoryRoutes(app);
  registerReportRoutes(app);
  registerPaymentRoutes(app);
  registerEconomicsRoutes(app);
  registerDataExchangeRoutes(app);
  registerPrivacyRoutes(app);
  registerShiftLogRoutes(app);
  registerPatrolRoutes(app);
  registerStaffingRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName,
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Bolig Nu API',
      version: '0.1.0',
      description: 'The API behind Bolig Nu. Log in with POST /api/auth/login; the session cookie authenticates the rest.',
    },
    security: [{ session: [] }],
  });

  deps.extraRoutes?.(app);
  app.all('/api/*', () => {
    throw platformError('resource.not_found');
  });

  if (deps.webRoot && existsSync(join(deps.webRoot, 'index.html'))) {
    const indexHtml = readFileSync(join(deps.webRoot, 'index.html'), 'utf8');
    const homeHtml = homePageHtml(deps.webRoot, indexHtml);
    app.get('/', (c) => c.html(homeHtml));
    app.use('/.vite/*', () => {
      throw platformError('resource.not_found');
    });
    // Built assets carry a content hash in their names: a browser keeps them until the next build
    // names new ones. Scripts and styles go out precompressed (.br/.gz, written by the build).
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('/assets/*', serveStatic({ root: deps.webRoot, precompressed: true }));
    app.use('*', serveStatic({ root: deps.webRoot, precompressed: true }));
    // Single-page app: every other GET gets index.html and the client router takes over.
    app.get('*', (c) => c.html(indexHtml));
  }
  return app;
}
