import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono, type Context } from 'hono';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/client.ts';
import { createTestApp } from './test-app.ts';
import { handleError } from './error-handler.ts';
import type { AppEnv } from './app-env.ts';
import { contextFor } from './test-context.ts';
import { buildTenant, buildUser } from '../auth/auth.factory.ts';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../audit/audit.tables.ts';
import { recordEvent } from '../audit/audit.service.ts';
import { platformError } from './errors.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
});
afterAll(() => database.close());

describe('the HTTP app', () => {
  it('reports the database in use and its version on /api/health', async () => {
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
      databaseVersion: expect.stringMatching(process.env.DATABASE_URL ? /^1[5-9]/ : /^18/),
    });
  });

  it('answers an unknown API path with a JSON 404 once logged in, and 401 before', async () => {
    expect((await t.client().get('/api/finnes-ikke')).status).toBe(401);
    const tenant = await buildTenant(database.db);
    const user = await buildUser(database.db, { tenantId: tenant.id, roles: ['staff'], password: 'et passord for test' });
    const client = t.client();
    await client.login(user.username, 'et passord for test');
    const res = await client.get('/api/finnes-ikke');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'resource.not_found', message: 'Fant ikke det du ba om.' });
  });

  it('answers an unexpected error with 500 and a reference id only: no stack, no SQL', async () => {
    const ctx = await contextFor(database, null);
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('ctx', { ...ctx, requestId: 'ref12345' });
      await next();
    });
    app.get('/boom', () => {
      throw new Error('select national_id from people -- secret detail');
    });
    app.onError(handleError);
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({ error: { code: 'internal', referenceId: 'ref12345', message: expect.stringContaining('ref12345') } });
    expect(JSON.stringify(body)).not.toContain('national_id');
  });

  it('rolls back everything a logged-in request wrote when the request fails, and keeps it when it succeeds', async () => {
    const tenant = await buildTenant(database.db);
    const user = await buildUser(database.db, { tenantId: tenant.id, roles: ['staff'], password: 'et passord for test' });
    // Two writes in two steps, as a route calling two services would; then the answer.
    const writeTwice = (fail: boolean) => async (c: Context<AppEnv>) => {
      const ctx = c.get('ctx');
      await recordEvent(ctx, { action: `test.${fail ? 'failed' : 'succeeded'}`, entityType: 'test', entityId: user.id });
      await recordEvent(ctx, { action: `test.${fail ? 'failed' : 'succeeded'}`, entityType: 'test', entityId: user.id });
      if (fail) throw platformError('auth.forbidden');
      return c.body(null, 204);
    };
    const own = createTestApp(database, {
      extraRoutes: (app) => {
        app.post('/api/test/write-then-fail', writeTwice(true));
        app.post('/api/test/write-then-succeed', writeTwice(false));
      },
    });
    const client = own.client();
    await client.login(user.username, 'et passord for test');
    const rows = (action: string) =>
      database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.actorUserId, user.id)));

    const failed = await client.post('/api/test/write-then-fail');
    expect(failed.status).toBe(403);
    expect(failed.body.error.code).toBe('auth.forbidden');
    expect(await rows('test.failed')).toHaveLength(0);

    expect((await client.post('/api/test/write-then-succeed')).status).toBe(204);
    expect(await rows('test.succeeded')).toHaveLength(2);
  });

  it('sends security headers and no-store on API answers', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('the OpenAPI document', () => {
  it('describes every API route the app serves', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    const served = t.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(served.length).toBeGreaterThan(10);
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
  });

  it('names the shared schemas as components', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Person', 'RegisterPersonInput', 'Error', 'LoginInput']));
    expect(doc.openapi).toBe('3.1.0');
  });
});
