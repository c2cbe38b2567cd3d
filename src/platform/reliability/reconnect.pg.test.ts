import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../db/seed/demo.ts';
import { startServer } from './server-process.ts';
import { logIn } from './http-client.ts';
import { testTargets } from './test-targets.ts';

// PostgreSQL only (vitest.config.ts runs *.pg.test.ts when DATABASE_URL is set): the server ends every
// connection of the app's database, as a restart or a failover does. The app must not crash, and the
// requests after that succeed on new connections, with the same session (sessions live in the database).
// A real restart of the PostgreSQL cluster is `npm run check:pg-restart`, which CI runs after the tests
// (it cannot run beside other test files, whose connections a restart would break).

const targets = testTargets('reconnect');
afterAll(() => targets.cleanUp());

describe('PostgreSQL drops the connections under the running app', () => {
  it('the app keeps running and the next requests succeed with the same session', { timeout: 120_000 }, async () => {
    const target = await targets.create('data');
    const prep = await target.open(true);
    await seedDemo(prep.db);
    await prep.close();
    const server = await startServer({ ...target.env, WEB_DIR: 'does-not-matter', JOBS: 'false', DEMO: 'false' }, 'reconnect');
    try {
      const staff = await logIn(server.baseUrl, 'ansatt');
      // Several requests at once, so the pool holds several connections that will all be cut.
      const warm = await Promise.all(Array.from({ length: 6 }, () => staff.get('/api/board')));
      expect(warm.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);

      const { Client } = await import('pg');
      const admin = new Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      const dbName = new URL(target.env.DATABASE_URL!).pathname.slice(1);
      const cut = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [dbName]);
      await admin.end();
      expect(cut.rowCount).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 300));

      const after = [];
      for (let i = 0; i < 5; i++) after.push((await staff.get('/api/board')).status);
      expect(after).toEqual([200, 200, 200, 200, 200]);
      expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
