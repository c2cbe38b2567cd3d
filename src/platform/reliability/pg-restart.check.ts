import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { seedDemo } from '../db/seed/demo.ts';
import { startServer } from './server-process.ts';
import { logIn } from './http-client.ts';
import { testTargets } from './test-targets.ts';

// npm run check:pg-restart (DATABASE_URL set, run as a user allowed to run pg_ctlcluster; CI runs it
// after the test suites): restarts the PostgreSQL cluster under a running app and checks that the app
// survives and answers again within 30 s, with the same session. Exit code 0 means it held.

if (!process.env.DATABASE_URL) {
  console.error('check:pg-restart needs DATABASE_URL (a PostgreSQL server on this machine).');
  process.exit(2);
}
const version = readdirSync('/etc/postgresql')[0];
const targets = testTargets('pgrestart');
const target = await targets.create('data');
const prep = await target.open(true);
await seedDemo(prep.db);
await prep.close();
const server = await startServer({ ...target.env, WEB_DIR: 'does-not-matter', JOBS: 'false', DEMO: 'false' }, 'pg-restart');
let failed = '';
try {
  const staff = await logIn(server.baseUrl, 'ansatt');
  const before = await staff.get('/api/board');
  if (before.status !== 200) throw new Error(`the board answered ${before.status} before the restart`);

  const started = Date.now();
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version!, 'main', 'restart'], { stdio: 'inherit' });
  console.log(`PostgreSQL ${version} restarted in ${Date.now() - started} ms`);

  let firstOk = 0;
  let errorsWhileDown = 0;
  while (Date.now() - started < 30_000) {
    const status = await staff.get('/api/board').then((r) => r.status, () => 0);
    if (status === 200) {
      firstOk = Date.now() - started;
      break;
    }
    errorsWhileDown++;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!firstOk) throw new Error('the app did not answer 200 within 30 s of the restart');
  const next = [];
  for (let i = 0; i < 10; i++) next.push((await staff.get('/api/board')).status);
  if (next.some((s) => s !== 200)) throw new Error(`after reconnecting, requests answered ${next.join(', ')}`);
  console.log(`The app answered again ${firstOk} ms after the restart began (${errorsWhileDown} failed requests while it was down); the next 10 requests: 200, same session.`);
} catch (err) {
  failed = (err as Error).message;
} finally {
  await server.stop();
  await targets.cleanUp();
}
if (failed) {
  console.error(`check:pg-restart FAILED: ${failed}`);
  process.exit(1);
}
console.log('check:pg-restart passed');
