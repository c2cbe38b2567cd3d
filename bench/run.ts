// npm run bench [-- --small] [-- --reuse] [-- --keep] [-- --load] [-- --explain] [-- --services N --years Y --seconds S]
// PostgreSQL when DATABASE_URL is set (a database of its own, bolignu_bench, dropped at the end unless
// --keep), else PGlite at a tenth of the national scale. See docs/scaling.md for what it measures.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/platform/db/client.ts';
import { hashPassword } from '../src/platform/auth/password.ts';
import { osloDate } from '../src/features/stays/stays.rules.ts';
import { fullScale, smallScale, type Scale } from './synthetic.ts';
import { loadSynthetic, type Raw } from './load-data.ts';
import { measureSql, type Endpoint, type SqlResult } from './sql-limit.ts';
import { measureBoardColdLoad, type ColdLoadResult } from './browser.ts';
import { cannon, cpuMs, postgresCpuMs, dropDatabase, firstPageSizes, allJsGzipKb, login, recreateDatabase, root, rssMb, runCommand, startApp, startBare, withDatabase } from './lib.ts';
import { afterChecks, deriveMeta, resetContention, type Meta } from './meta.ts';
import { runLoadTest, type LoadTestResult } from './load.ts';
import { renderMarkdown, type BenchResults } from './report.ts';
import type { CannonResult } from './cannon.ts';

const { values: args } = parseArgs({
  options: {
    small: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    load: { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    'explain-only': { type: 'boolean', default: false },
    label: { type: 'string', default: '' },
    'skip-build': { type: 'boolean', default: false },
    services: { type: 'string' },
    years: { type: 'string' },
    seconds: { type: 'string' },
    seed: { type: 'string', default: '2026' },
    database: { type: 'string', default: 'bolignu_bench' },
  },
});

const PASSWORD = 'bench-passord-2026';
const benchIndexes = [
  'offers_tenant_accepted_idx', 'waiting_list_tenant_open_idx', 'journal_entries_corrects_idx', 'referrals_partner_idx',
  'stays_tenant_open_idx', 'stays_offer_idx', 'stays_partner_idx',
];
const APP_PORT = 3108;
const BARE_PORT = 3109;
const pgUrl = process.env.DATABASE_URL;
const engine = pgUrl ? 'postgresql' : 'pglite';
const base: Scale = args.small ? smallScale : pgUrl ? fullScale : { services: 35, years: 10 };
const scale: Scale = { services: Number(args.services ?? base.services), years: Number(args.years ?? base.years) };
const seconds = Number(args.seconds ?? (args.small ? 3 : 10));
const today = osloDate(new Date());
const log = (line: string) => console.log(line);
const loadAverageBefore = (await import('node:os')).loadavg()[0]!;

const target: { databaseUrl?: string; dataDir?: string } = {};
if (pgUrl) {
  await recreateDatabase(pgUrl, args.database, !args.reuse);
  target.databaseUrl = withDatabase(pgUrl, args.database);
} else {
  target.dataDir = join(root, 'data', 'bench-pglite');
  if (!args.reuse) rmSync(target.dataDir, { recursive: true, force: true });
  mkdirSync(join(root, 'data'), { recursive: true });
}

// 1. Schema and data.
log(`Bolig Nu benchmark on ${engine}, ${scale.services} services × ${scale.years} years, today ${today}`);
let loadSeconds: number | null = null;
let counts: Record<string, number>;
let meta: Meta;
{
  const database = await openDatabase({ ...target, poolMax: 2 });
  let raw: Raw;
  let closeRaw = async () => {};
  if (database.pglite) raw = database.pglite as unknown as Raw;
  else {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    raw = client;
    closeRaw = () => client.end();
  }
  const { rows } = await raw.query<{ n: string }>('select count(*)::text as n from tenants');
  if (Number(rows[0]!.n) === 0) {
    log('Loading synthetic data …');
    const result = await loadSynthetic(raw, { scale, seed: Number(args.seed), todayIso: today, passwordHash: await hashPassword(PASSWORD), log });
    loadSeconds = Math.round(result.seconds);
    log(`Loaded in ${loadSeconds} s: ${JSON.stringify(result.counts)}`);
  } else {
    log('Reusing the loaded database.');
  }
  meta = await deriveMeta(raw);
  await resetContention(raw, meta.contention.tenantId);
  // Statistics as a running system's autovacuum keeps them: the earlier runs' reads are in the audit
  // log (one resident was read tens of thousands of times), and a plan made for the loaded data would
  // treat that as a dozen rows (docs/scaling.md, item 22).
  await raw.query('analyze');
  counts = meta.counts;
  await closeRaw();
  await database.close();
}
if (args['load-only']) process.exit(0);

// 2. What is measured: the endpoints as the pages call them.
const lastYear = Number(today.slice(0, 4)) - 1;
const lastMonth = today.slice(5, 7) === '01' ? `${lastYear}-12` : `${today.slice(0, 4)}-${String(Number(today.slice(5, 7)) - 1).padStart(2, '0')}`;
const personPage = ['?purpose=follow_up', '/access-log', '/timeline', '/journal', '/goals-and-tasks', '/belongings', '/stay-clock', '/housing-search', '/aftercare'].map(
  (suffix) => ({ method: 'GET' as const, path: suffix.startsWith('?') ? `/api/people/${meta.residentId}${suffix}` : `/api/people/${meta.residentId}${suffix}` }),
);
const endpoints: Endpoint[] = [
  { name: 'Room board (GET /api/board)', requests: [{ method: 'GET', path: '/api/board' }] },
  { name: "Resident's page (9 API calls)", requests: personPage },
  { name: 'Person search (POST /api/people/search)', requests: [{ method: 'POST', path: '/api/people/search', body: { query: meta.searchTerm } }] },
  { name: 'Waiting list (GET /api/waiting-list)', requests: [{ method: 'GET', path: '/api/waiting-list' }] },
  // The reports feature (issue #6): the service lead's monthly and year report and KOSTRA figures of one service.
  ...(existsSync(join(root, 'src', 'features', 'reports'))
    ? [
        { name: 'Monthly report (GET /api/reports/monthly/{month})', username: 'b0-leder', requests: [{ method: 'GET' as const, path: `/api/reports/monthly/${lastMonth}` }] },
        { name: 'Year report (GET /api/reports/year/{year})', username: 'b0-leder', requests: [{ method: 'GET' as const, path: `/api/reports/year/${lastYear}` }] },
        { name: 'KOSTRA, one service (GET /api/reports/kostra/{year})', username: 'b0-leder', requests: [{ method: 'GET' as const, path: `/api/reports/kostra/${lastYear}` }] },
      ]
    : []),
];

// 3. The database's own limit (and, with --explain, the plan of every statement the endpoints run).
log('Measuring the SQL of each endpoint directly …');
const explain = args.explain || args['explain-only'];
const sql = await measureSql(target, { username: meta.staffUsername, password: PASSWORD }, endpoints, args['explain-only'] ? 0.2 : Math.max(2, seconds / 2), {
  explain,
  // The indexes of migration 0011 (the benchmark's own): on PostgreSQL each plan is also shown without them.
  withoutIndexes: engine === 'postgresql' ? benchIndexes : [],
});
if (explain) {
  const file = join(root, 'bench', 'results', `${today}-explain-${engine}${args.label ? `-${args.label}` : ''}.txt`);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(file, sql.explain);
  log(`EXPLAIN (ANALYZE) of every statement written to ${file}`);
  if (args['explain-only']) process.exit(0);
}

// 4. The web app as built for production, and the first page's size.
if (!args['skip-build'] || !existsSync(join(root, 'dist', 'web', 'index.html'))) {
  log('Building the web app …');
  await runCommand(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
}
const webDir = join(root, 'dist', 'web');
const bundle = { ...firstPageSizes(webDir), allJsGzipKb: allJsGzipKb(webDir) };

// 5. Cold start, then the endpoints through HTTP, against the bare server beside them.
const app = await startApp({ port: APP_PORT, ...target, webDir: 'dist/web' });
const coldStartMs = Math.round(app.startMs);
const rssAfterStartMb = rssMb(app.child.pid!);
log(`App started in ${coldStartMs} ms (RSS ${rssAfterStartMb} MB)`);
const bare = await startBare(sql.responses, BARE_PORT);
const rows: BenchResults['endpoints'] = [];
let loadTest: LoadTestResult | null = null;
let contentionRun: CannonResult;
let coldLoad: ColdLoadResult | null;
let rssAfterLoadMb: number;
try {
  const cookies = new Map<string, string>();
  for (const e of endpoints) {
    const username = e.username ?? meta.staffUsername;
    if (!cookies.has(username)) cookies.set(username, await login(app.url, username, PASSWORD));
    const cookie = cookies.get(username)!;
    const measured: Record<string, CannonResult> = {};
    let cpu = { app: 0, postgres: 0 };
    for (const connections of [1, 50]) {
      log(`  ${e.name} at ${connections} connection(s) …`);
      const before = { app: cpuMs(app.child.pid!), postgres: postgresCpuMs() };
      measured[`app${connections}`] = await cannon({ url: app.url, connections, duration: seconds, clients: [{ cookie, requests: e.requests }] });
      // CPU per request at 50 connections: on a shared machine a steadier reading than latency.
      if (connections === 50) {
        const requests = Math.max(1, measured.app50!.requests);
        cpu = { app: (cpuMs(app.child.pid!) - before.app) / requests, postgres: engine === 'postgresql' ? (postgresCpuMs() - before.postgres) / requests : 0 };
      }
      measured[`bare${connections}`] = await cannon({ url: bare.url, connections, duration: Math.max(2, seconds / 2), clients: [{ requests: e.requests }] });
    }
    rows.push({ name: e.name, app1: measured.app1!, app50: measured.app50!, bare1: measured.bare1!, bare50: measured.bare50!, sql: sql.results.find((r) => r.name === e.name) as SqlResult, cpuMsPerRequest: cpu });
  }

  // The board on a cold load in Chromium (empty cache), five times.
  log('  The board on a cold load in Chromium …');
  coldLoad = await measureBoardColdLoad(app.url, cookies.get(meta.staffUsername)!);

  // 6. Check-in under contention: 50 clients, 150 accepted offers for 3 rooms.
  log('  Check-in under contention …');
  const queueCookie = await login(app.url, meta.contention.username, PASSWORD);
  const connections = 50;
  const clients = Array.from({ length: connections }, (_, c) => ({
    cookie: queueCookie,
    requests: meta.contention.offerIds
      .filter((_, i) => i % connections === c)
      .map((offerId, i) => ({
        method: 'POST' as const,
        path: `/api/offers/${offerId}/check-in`,
        body: { newKeys: [{ keyNumber: `K-${c}-${i}`, door: 'room' }], inventory: [], houseRulesVersionId: meta.contention.houseRulesVersionId, houseRulesAccepted: true },
        label: 'checkIn',
      })),
  }));
  contentionRun = await cannon({ url: app.url, connections, amount: meta.contention.offerIds.length, clients });

  // 7. Point 9 of issue #8: 50 staff users for a minute, reads and writes, nothing lost.
  if (args.load) loadTest = await runLoadTest(app.url, target, meta, PASSWORD, args.small ? 15 : 60);
  rssAfterLoadMb = rssMb(app.child.pid!);
} finally {
  bare.stop();
  await app.stop();
}

// Afterwards, in SQL (PGlite's data directory is free again): no overlap, and no write lost.
const after = await afterChecks(target, meta, loadTest?.marker ?? null);
const contention: BenchResults['contention'] = {
  ...contentionRun,
  offers: meta.contention.offerIds.length,
  rooms: meta.contention.roomIds.length,
  checkedIn: contentionRun.okByLabel.checkIn ?? 0,
  overlaps: after.overlaps,
  staysInRooms: after.staysInRooms,
  personOverlaps: after.personOverlaps,
};
log(`  ${contention.checkedIn} check-ins succeeded, ${after.overlaps} overlaps, ${after.staysInRooms} stays in the ${contention.rooms} rooms`);
if (loadTest) {
  loadTest.rowsFound = after.loadRows;
  // A write still in flight when the minute ends is committed but its answer is not counted: rows
  // found may exceed the 2xx answers; a lost write is a 2xx answer without its row.
  loadTest.lost = Math.max(0, loadTest.writesOk - (after.loadRows ?? 0));
  loadTest.inFlightAtStop = Math.max(0, (after.loadRows ?? 0) - loadTest.writesOk);
  log(`  load: ${loadTest.writesOk} journal writes answered 2xx, ${after.loadRows} rows found`);
}

const results: BenchResults = {
  date: today,
  engine,
  scale,
  counts,
  loadSeconds,
  seconds,
  coldStartMs,
  rssAfterStartMb,
  rssAfterLoadMb,
  bundle,
  coldLoad,
  endpoints: rows,
  contention,
  loadTest,
  national: after.national,
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version, loadAverageBefore, loadAverageAfter: (await import('node:os')).loadavg()[0]! },
};
const dir = join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const suffix = engine === 'pglite' ? '-pglite' : '';
const small = args.small ? '-small' : '';
const label = args.label ? `-${args.label}` : '';
writeFileSync(join(dir, `${today}${suffix}${small}${label}.json`), JSON.stringify(results, null, 2) + '\n');
const markdown = renderMarkdown(results);
writeFileSync(join(dir, `${today}${suffix}${small}${label}.md`), markdown);
console.log('\n' + markdown);

if (pgUrl && !args.keep) await dropDatabase(pgUrl, args.database);
if (!pgUrl && !args.keep) rmSync(target.dataDir!, { recursive: true, force: true });
