// The database's own limit: run each endpoint once through the real app in this process with a
// query logger on the Drizzle handle, capture exactly the SQL it sends (session check, the reads, the
// access-log inserts), then replay those statements straight on the driver in a timed loop.
import pino from 'pino';
import type { Logger } from 'drizzle-orm';
import * as schema from '../src/platform/db/schema.ts';
import type { Database, Db } from '../src/platform/db/client.ts';
import { createApp } from '../src/platform/http/app.ts';
import { loadEnv } from '../src/platform/config/env.ts';
import type { Raw } from './load-data.ts';
import type { CannonRequest } from './cannon.ts';
import { benchKeyEnv } from './lib.ts';

export interface Endpoint {
  name: string;
  requests: CannonRequest[];
  /** Log in as this user instead of the default one (reports are the service lead's). */
  username?: string;
}
export interface Captured {
  name: string;
  /** Per request of the endpoint: the statements it ran. */
  statements: { sql: string; params: unknown[] }[][];
}
export interface SqlResult {
  name: string;
  statementsPerRequest: number;
  /** Sequential replay: latency of one request's statements. */
  p50: number;
  p95: number;
  p99: number;
  rps1: number;
  /** Replayed by `workers` concurrent connections (PostgreSQL only; PGlite has one connection). */
  rpsParallel: number | null;
  workers: number;
}

interface Handles {
  database: Database;
  raw: Raw;
  parallel: Raw[];
  close(): Promise<void>;
}

async function openWithLogger(target: { databaseUrl?: string; dataDir?: string }, logger: Logger, workers: number): Promise<Handles> {
  if (target.databaseUrl) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    // The replay prepares its statements by name, as the app does (src/platform/db/named-statements.ts).
    const { NamingClient } = await import('../src/platform/db/named-statements.ts');
    const replay = new pg.Pool({ connectionString: target.databaseUrl, max: workers, Client: NamingClient });
    const clients = await Promise.all(Array.from({ length: workers }, () => replay.connect()));
    const db = drizzle({ client: pool, schema, logger }) as unknown as Db;
    return {
      database: { db, engine: 'postgresql', close: () => pool.end() },
      raw: clients[0]!,
      parallel: clients,
      close: async () => {
        clients.forEach((c) => c.release());
        await replay.end();
        await pool.end();
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = await PGlite.create(target.dataDir, { extensions: { btree_gist } });
  const db = drizzle({ client, schema, logger }) as unknown as Db;
  return { database: { db, engine: 'pglite', close: () => client.close() }, raw: client as unknown as Raw, parallel: [], close: () => client.close() };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (n: number) => Math.round(n * 100) / 100;

const TIMEOUT_S = 60;
const executionMs = (text: string) => {
  const m = /Execution Time: ([\d.]+) ms/.exec(text);
  return m ? Number(m[1]) : null;
};

async function explainText(raw: Raw, st: { sql: string; params: unknown[] }) {
  const plan = await raw.query<Record<string, string>>(`explain (analyze, buffers) ${st.sql}`, st.params);
  const text = plan.rows.map((r) => Object.values(r)[0]).join('\n');
  return { text, ms: executionMs(text) };
}

/**
 * The plan as it was before the benchmark's indexes: drop them inside a transaction (DROP INDEX is
 * transactional), explain, roll back. A statement that runs longer than a minute is cancelled and
 * shown with its estimated plan.
 */
async function explainWithout(raw: Raw, st: { sql: string; params: unknown[] }, indexes: string[]) {
  await raw.query('begin');
  try {
    for (const index of indexes) await raw.query(`drop index if exists "${index}"`);
    await raw.query(`set local statement_timeout = '${TIMEOUT_S}s'`);
    await raw.query('savepoint plan');
    try {
      return await explainText(raw, st);
    } catch {
      await raw.query('rollback to savepoint plan');
      const plan = await raw.query<Record<string, string>>(`explain ${st.sql}`, st.params);
      return { text: `(cancelled after ${TIMEOUT_S} s; the estimated plan:)\n${plan.rows.map((r) => Object.values(r)[0]).join('\n')}`, ms: null };
    }
  } finally {
    await raw.query('rollback');
  }
}

// One transaction per request, as the service runs its part in one (so access-log inserts cost one commit).
async function replayOnce(raw: Raw, statements: { sql: string; params: unknown[] }[]) {
  await raw.query('begin');
  for (const s of statements) await raw.query(s.sql, s.params);
  await raw.query('commit');
}

/**
 * Captures the SQL of every endpoint (and its JSON answers, for the bare server), then replays it.
 * Returns the SQL timings and the responses keyed "METHOD path".
 */
export async function measureSql(
  target: { databaseUrl?: string; dataDir?: string },
  login: { username: string; password: string },
  endpoints: Endpoint[],
  seconds: number,
  options: { explain?: boolean; withoutIndexes?: string[] } = {},
): Promise<{ results: SqlResult[]; responses: Record<string, unknown>; captured: Captured[]; explain: string }> {
  let sink: { sql: string; params: unknown[] }[] | null = null;
  const logger: Logger = { logQuery: (q, params) => sink?.push({ sql: q, params }) };
  const workers = 10;
  const h = await openWithLogger(target, logger, workers);
  try {
    const env = loadEnv({ NODE_ENV: 'production', DEMO: 'false', JOBS: 'false', ALLOW_SYNTHETIC_IDS: 'true', ...benchKeyEnv });
    const app = createApp({ database: h.database, env, log: pino({ level: 'silent' }) });
    const cookies = new Map<string, string>();
    const cookieFor = async (username: string) => {
      if (cookies.has(username)) return cookies.get(username)!;
      const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...login, username }) });
      if (res.status !== 204) throw new Error(`in-process login as ${username} failed: ${res.status}`);
      cookies.set(username, res.headers.get('set-cookie')!.split(';')[0]!);
      return cookies.get(username)!;
    };

    const responses: Record<string, unknown> = {};
    const captured: Captured[] = [];
    for (const e of endpoints) {
      const statements: Captured['statements'] = [];
      const cookie = await cookieFor(e.username ?? login.username);
      for (const r of e.requests) {
        sink = [];
        const answer = await app.request(r.path, {
          method: r.method,
          headers: { cookie, 'content-type': 'application/json' },
          ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
        });
        if (answer.status >= 300) throw new Error(`${r.method} ${r.path} answered ${answer.status}: ${await answer.text()}`);
        responses[`${r.method} ${r.path}`] = await answer.json();
        statements.push(sink);
        sink = null;
      }
      captured.push({ name: e.name, statements });
    }

    let explain = '';
    let summary = '';
    if (options.explain) {
      const seen = new Set<string>();
      for (const c of captured) {
        explain += `\n=== ${c.name}\n`;
        for (const statements of c.statements) {
          for (const st of statements) {
            if (!/^\s*(select|with)\b/i.test(st.sql) || seen.has(st.sql)) continue;
            seen.add(st.sql);
            const after = await explainText(h.raw, st);
            explain += `\n-- ${st.sql.slice(0, 300)}\n${after.text}\n`;
            if (options.withoutIndexes?.length) {
              const before = await explainWithout(h.raw, st, options.withoutIndexes);
              explain += `\n-- the same WITHOUT ${options.withoutIndexes.join(', ')}:\n${before.text}\n`;
              if (before.ms === null || Math.abs(before.ms - after.ms!) > 0.5) {
                const label = st.sql.replace(/\s+/g, ' ').replace(/"/g, '').slice(0, 90);
                summary += `| ${c.name} | \`${label}…\` | ${before.ms === null ? `> ${TIMEOUT_S} s (cancelled)` : before.ms.toFixed(1)} | ${after.ms!.toFixed(1)} |\n`;
              }
            }
          }
        }
      }
      if (summary) explain = `| Endpoint | Statement | ms without | ms with the indexes |\n|---|---|--:|--:|\n${summary}${explain}`;
    }

    const results: SqlResult[] = [];
    for (const c of captured) {
      const latencies: number[] = [];
      const until = performance.now() + seconds * 1000;
      let i = 0;
      while (performance.now() < until) {
        const statements = c.statements[i++ % c.statements.length]!;
        const t = performance.now();
        await replayOnce(h.raw, statements);
        latencies.push(performance.now() - t);
      }
      latencies.sort((a, b) => a - b);
      let rpsParallel: number | null = null;
      if (h.parallel.length > 0) {
        let done = 0;
        const start = performance.now();
        const end = start + seconds * 1000;
        await Promise.all(
          h.parallel.map(async (client, w) => {
            let k = w;
            while (performance.now() < end) {
              await replayOnce(client, c.statements[k++ % c.statements.length]!);
              done++;
            }
          }),
        );
        rpsParallel = round(done / ((performance.now() - start) / 1000));
      }
      const total = latencies.reduce((s, l) => s + l, 0);
      results.push({
        name: c.name,
        statementsPerRequest: round(c.statements.reduce((s, x) => s + x.length, 0) / c.statements.length),
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        rps1: round(latencies.length / (total / 1000)),
        rpsParallel,
        workers: h.parallel.length,
      });
    }
    return { results, responses, captured, explain };
  } finally {
    await h.close();
  }
}
