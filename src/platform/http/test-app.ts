import type { Database } from '../db/client.ts';
import { createApp, type App } from './app.ts';
import { silentLog, testEnv } from './test-context.ts';
import type { Env } from '../config/env.ts';

/** The HTTP app in process, on a test database, with a pinned clock and a cookie-keeping client. */
export function createTestApp(database: Database, options: { now?: () => Date; env?: Partial<Env>; extraRoutes?: (app: App) => void } = {}) {
  const app = createApp({ database, env: { ...testEnv, ...options.env }, log: silentLog, clock: options.now, extraRoutes: options.extraRoutes });
  return {
    app,
    /** A client that keeps its session cookie, like a browser. */
    client() {
      let cookie = '';
      const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
        const res = await app.request(path, {
          method,
          headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), ...headers },
          body: body !== undefined ? JSON.stringify(body) : undefined,
        });
        const setCookie = res.headers.get('set-cookie');
        if (setCookie) cookie = setCookie.split(';')[0]!.includes('=;') ? '' : setCookie.split(';')[0]!;
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
      };
      return {
        get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
        post: (path: string, body: unknown = {}) => call('POST', path, body),
        put: (path: string, body: unknown) => call('PUT', path, body),
        patch: (path: string, body: unknown) => call('PATCH', path, body),
        delete: (path: string) => call('DELETE', path),
        login: async (username: string, password: string) => {
          const res = await call('POST', '/api/auth/login', { username, password });
          if (res.status !== 204) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
        },
      };
    },
  };
}
