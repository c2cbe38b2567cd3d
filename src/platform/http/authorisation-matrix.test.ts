import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/client.ts';
import { createTestApp } from './test-app.ts';
import { buildTenant, buildUser } from '../auth/auth.factory.ts';
import { authorisationMatrix, matrixRoles, type MatrixRole } from './authorisation-matrix.ts';
import { compileMatrix, findRule } from './authorisation.ts';

// Calls EVERY route the app registers as every role and as nobody, and compares with the one table
// (authorisation-matrix.ts). No valid bodies are needed: the permission is checked before parsing, so
// an allowed role gets past it (a 400/404/422 still proves that) and a refused role gets 403.

let database: Database;
let t: ReturnType<typeof createTestApp>;
/** Session cookie per role ('' for nobody). Status codes only: bodies may be PDFs. */
const cookies = new Map<MatrixRole | 'nobody', string>();
const password = 'matrise-passord-for-test';

/** Registered API routes as "METHOD /path/{param}", from OpenAPI and from Hono's own route list. */
async function registeredRoutes(): Promise<string[]> {
  const doc = (await t.client().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  const fromOpenApi = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  const fromHono = t.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'))
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  return [...new Set([...fromOpenApi, ...fromHono])].sort();
}

const sample = (path: string) => path.replace(/\{[^}]+\}/g, '0b4e7c1a-5b8e-4c2a-9d3f-1e2a3b4c5d6e');

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const tenant = await buildTenant(database.db);
  cookies.set('nobody', '');
  for (const role of matrixRoles) {
    const user = await buildUser(database.db, { tenantId: tenant.id, roles: [role], password });
    const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password }) });
    expect(res.status).toBe(204);
    cookies.set(role, res.headers.get('set-cookie')!.split(';')[0]!);
  }
});
afterAll(() => database.close());

describe('the authorisation matrix', () => {
  it('has an entry for every registered API route, and no entry for a route that does not exist', async () => {
    const routes = await registeredRoutes();
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((r) => !(r in authorisationMatrix)), 'routes without an entry in authorisation-matrix.ts').toEqual([]);
    expect(Object.keys(authorisationMatrix).filter((k) => !routes.includes(k)), 'entries for routes that are not registered').toEqual([]);
  });

  it('finds the entry of a concrete path, static segments before parameters', () => {
    const compiled = compileMatrix(authorisationMatrix);
    expect(findRule(compiled, 'POST', '/api/people/search')).toBe(authorisationMatrix['POST /api/people/search']);
    expect(findRule(compiled, 'GET', '/api/tasks/mine')).toBe(authorisationMatrix['GET /api/tasks/mine']);
    expect(findRule(compiled, 'GET', sample('/api/agreements/{id}/agreement.pdf'))).toBe(authorisationMatrix['GET /api/agreements/{id}/agreement.pdf']);
  });

  it('lets each role use exactly the routes the table allows it (403 otherwise), and nobody only the public ones (401 otherwise)', async () => {
    // Logging out ends the session, so it goes last.
    const routes = (await registeredRoutes()).sort((a, b) => Number(a === 'POST /api/auth/logout') - Number(b === 'POST /api/auth/logout'));
    const mismatches: string[] = [];
    for (const route of routes) {
      const rule = authorisationMatrix[route];
      if (!rule) continue;
      const [method, path] = route.split(' ') as [string, string];
      for (const [who, cookie] of cookies) {
        const withBody = method !== 'GET' && method !== 'DELETE';
        const res = await t.app.request(sample(path), {
          method,
          headers: { ...(cookie ? { cookie } : {}), ...(withBody ? { 'content-type': 'application/json' } : {}) },
          body: withBody ? '{}' : undefined,
        });
        await res.arrayBuffer();
        const allowed = rule.permission === 'public' || (who !== 'nobody' && rule.roles.includes(who));
        const ok = allowed ? res.status !== 401 && res.status !== 403 : res.status === (who === 'nobody' ? 401 : 403);
        if (!ok) mismatches.push(`${route} as ${who}: ${res.status} (table says ${allowed ? 'allowed' : 'refused'})`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
