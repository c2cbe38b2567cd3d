import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { loadEnv } from './platform/config/env.ts';
import { createLogger } from './platform/http/logger.ts';
import { openDatabase } from './platform/db/client.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { createApp } from './platform/http/app.ts';
import { demoPassword, demoUsers, hasAnyTenant, seedDemo } from './platform/db/seed/demo.ts';
import { sealPlainNationalIds } from './features/people/people.encryption.ts';
import { launchJobRunner } from './platform/jobs/jobs.runner.ts';
import { createMailer } from './platform/mail/mail.ts';

// Starts Bolig Nu: config, database (migrated), demo data on first start, HTTP server, clean shutdown.
const args = new Set(process.argv.slice(2));
let env;
try {
  env = loadEnv({ ...process.env, ...(args.has('--no-demo') ? { DEMO: 'false' } : {}) });
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const log = createLogger(env.LOG_LEVEL);

let database;
try {
  database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATABASE_URL ? undefined : env.DATA_DIR, namedStatements: env.DATABASE_PREPARE });
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

// Identity numbers written before they were encrypted get encrypted now (ADR 006); a no-op after that.
const sealed = await sealPlainNationalIds(database.db, env.fieldKeys);
if (sealed) log.info({ rows: sealed }, 'identity numbers encrypted');

let seeded = false;
if (env.DEMO && !(await hasAnyTenant(database.db))) {
  await seedDemo(database.db, env.fieldKeys);
  seeded = true;
}

// Scheduled jobs (three-month warnings, offer lapse, daily digest) on the same database; JOBS=false turns them off.
const jobs = env.JOBS ? launchJobRunner({ database, env, log, mailer: createMailer(env, log) }) : null;

const app = createApp({ database, env, log, webRoot: resolve(fileURLToPath(new URL('..', import.meta.url)), env.WEB_DIR) });
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const where = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${env.DATA_DIR}`;
  console.log(`\nBolig Nu is running on http://localhost:${info.port}  (database: ${where})`);
  if (env.DEMO) {
    console.log(seeded ? 'Demo data created.' : 'Demo data from an earlier start.');
    console.log(`Demo logins (password "${demoPassword}"):`);
    for (const u of demoUsers) console.log(`  ${u.username.padEnd(8)} ${u.displayName} (${u.role})`);
  }
  console.log('Stop with Ctrl+C.\n');
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  server.close();
  await jobs?.stop();
  await database!.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
