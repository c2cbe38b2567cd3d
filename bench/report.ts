// The results file's shape and its Markdown table.
import type { CannonResult } from './cannon.ts';
import type { SqlResult } from './sql-limit.ts';
import type { LoadTestResult } from './load.ts';
import type { Scale } from './synthetic.ts';
import type { ColdLoadResult } from './browser.ts';

export interface BenchResults {
  date: string;
  engine: 'postgresql' | 'pglite';
  scale: Scale;
  counts: Record<string, number>;
  loadSeconds: number | null;
  seconds: number;
  coldStartMs: number;
  rssAfterStartMb: number;
  rssAfterLoadMb: number;
  bundle: { jsGzipKb: number; cssGzipKb: number; allJsGzipKb: number; files: string[] };
  endpoints: { name: string; app1: CannonResult; app50: CannonResult; bare1: CannonResult; bare50: CannonResult; sql: SqlResult; cpuMsPerRequest?: { app: number; postgres: number } }[];
  /** The board on a cold load in Chromium (bench/browser.ts). */
  coldLoad?: ColdLoadResult | null;
  contention: CannonResult & { offers: number; rooms: number; checkedIn: number; overlaps: number; staysInRooms: number; personOverlaps: number };
  loadTest: LoadTestResult | null;
  machine: { cpus: number; node: string; loadAverageBefore: number; loadAverageAfter: number };
  national?: { name: string; ms: number } | null;
}

const n = (v: number | null | undefined, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: digits }));
const ratio = (a: number, b: number | null) => (b && a ? `${(a / b).toFixed(1)}×` : '–');

export function renderMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  lines.push(`## Benchmark ${r.date} — ${r.engine}, ${r.scale.services} services × ${r.scale.years} years (${r.machine.cpus} cores shared, load average ${r.machine.loadAverageBefore.toFixed(1)} before / ${r.machine.loadAverageAfter.toFixed(1)} after; Node ${r.machine.node})`);
  lines.push('');
  lines.push(
    `Data: ${Object.entries(r.counts).map(([k, v]) => `${k} ${n(v, 0)}`).join(', ')}.` + (r.loadSeconds !== null ? ` Loaded in ${r.loadSeconds} s.` : ' (reused)'),
  );
  lines.push('');
  lines.push('| Endpoint | conn. | app req/s | p50 ms | p95 ms | p99 ms | errors | SQL p50 ms | SQL req/s | bare req/s | bare p50 ms | app/SQL | app/bare | CPU ms/req app + PG |');
  lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const e of r.endpoints) {
    for (const c of [1, 50] as const) {
      const app = c === 1 ? e.app1 : e.app50;
      const bare = c === 1 ? e.bare1 : e.bare50;
      const sqlRps = c === 1 ? e.sql.rps1 : e.sql.rpsParallel;
      // Ratios ≥ 1 say how many times slower than the limit: latency at 1 connection, throughput at 50.
      const appSql = c === 1 ? ratio(app.p50, e.sql.p50) : sqlRps ? ratio(sqlRps, app.rps) : '–';
      const appBare = c === 1 ? ratio(app.p50, bare.p50 || 0.01) : ratio(bare.rps, app.rps);
      lines.push(
        `| ${c === 1 ? e.name : ''} | ${c} | ${n(app.rps, 0)} | ${n(app.p50)} | ${n(app.p95)} | ${n(app.p99)} | ${app.errors + app.non2xx} | ${c === 1 ? n(e.sql.p50, 2) : ''} | ${n(sqlRps, 0)} | ${n(bare.rps, 0)} | ${n(bare.p50)} | ${appSql} | ${appBare} | ${c === 50 && e.cpuMsPerRequest ? `${n(e.cpuMsPerRequest.app)} + ${n(e.cpuMsPerRequest.postgres)}` : ''} |`,
      );
    }
  }
  lines.push('');
  lines.push(
    `SQL: the statements each endpoint ran (captured with a query logger, ${r.endpoints.map((e) => `${e.sql.statementsPerRequest}`).join(' / ')} per request), replayed on one connection (p50, req/s) and on ${r.endpoints[0]?.sql.workers || 1} connections (req/s at 50). app/SQL and app/bare: p50 latency ratio at 1 connection, throughput ratio at 50. CPU ms/req: CPU time the app process and the PostgreSQL server processes used per request during the 50-connection run.`,
  );
  lines.push('');
  const c = r.contention;
  lines.push(
    `Check-in under contention: ${c.offers} accepted offers for ${c.rooms} rooms, ${c.connections} clients: ${n(c.rps, 0)} req/s, p95 ${n(c.p95)} ms; ${c.checkedIn} check-ins succeeded, the rest refused (${Object.entries(c.statusCodes).map(([k, v]) => `${v}× ${k}`).join(', ')}); stays in those rooms afterwards ${c.staysInRooms}, overlapping stays ${c.overlaps}. In all the data: ${c.personOverlaps} people in two stays at once.`,
  );
  if (r.national) lines.push(`National KOSTRA aggregation (${r.national.name}): ${n(r.national.ms, 0)} ms.`);
  lines.push(`Cold start (${r.engine === 'pglite' ? 'PGlite, existing data directory' : 'PostgreSQL'}): ${n(r.coldStartMs, 0)} ms. RSS after start ${r.rssAfterStartMb} MB, after the load ${r.rssAfterLoadMb} MB.`);
  if (r.coldLoad) {
    const b = r.coldLoad;
    lines.push(`Board on a cold load (Chromium, empty cache, ${b.runs} runs): first room card on screen after ${n(b.visibleMedian, 0)} ms (median; worst ${n(b.visibleMax, 0)} ms), interactive (the main thread idle after it) after ${n(b.interactiveMedian, 0)} ms (worst ${n(b.interactiveMax, 0)} ms).`);
  }
  lines.push(`First page: ${n(r.bundle.jsGzipKb)} kB JavaScript + ${n(r.bundle.cssGzipKb)} kB CSS gzipped (${r.bundle.files.length} files; all JS chunks together ${n(r.bundle.allJsGzipKb)} kB).`);
  if (r.loadTest) {
    const l = r.loadTest;
    lines.push(
      `Load held (issue #8 point 9): ${l.users} staff users, ${l.seconds} s, reads and journal writes mixed: ${n(l.requests, 0)} requests, ${n(l.rps, 0)} req/s, p95 ${n(l.p95)} ms, p99 ${n(l.p99)} ms, errors ${l.errors + l.non2xx}; ${l.writesOk} writes answered 2xx, ${l.rowsFound} rows found (${l.inFlightAtStop ?? 0} still in flight when the time ran out), lost ${l.lost}.`,
    );
  }
  lines.push('');
  lines.push(...targets(r));
  lines.push('');
  return lines.join('\n');
}

/** The issue's targets beside what was measured. */
function targets(r: BenchResults): string[] {
  const find = (prefix: string) => r.endpoints.find((e) => e.name.startsWith(prefix));
  const rows: [string, string, boolean | null][] = [];
  for (const prefix of ['Room board', "Resident's page"]) {
    const e = find(prefix);
    if (!e) continue;
    rows.push([`${prefix}: p95 < 50 ms at 50 connections`, `${n(e.app50.p95)} ms`, e.app50.p95 < 50]);
    const appSql = e.sql.rpsParallel ? e.sql.rpsParallel / e.app50.rps : e.app1.p50 / e.sql.p50;
    rows.push([`${prefix}: app/SQL ≤ 2`, `${appSql.toFixed(1)}× (50 conn.)`, appSql <= 2]);
  }
  const search = find('Person search');
  if (search) rows.push(['Person search: p95 < 30 ms', `${n(search.app1.p95)} ms at 1, ${n(search.app50.p95)} ms at 50 conn.`, search.app1.p95 < 30]);
  if (r.national) rows.push(['National KOSTRA year < 2 s', `${n(r.national.ms, 0)} ms (${r.national.name})`, r.national.ms < 2000]);
  for (const [prefix, limit] of [['Monthly report', 100], ['Year report', 300]] as const) {
    const e = find(prefix);
    if (e) rows.push([`${prefix} (one service) < ${limit} ms`, `p50 ${n(e.app1.p50)} ms, p95 ${n(e.app1.p95)} ms at 1 conn.`, e.app1.p95 < limit]);
  }
  rows.push(['First page < 250 kB JS gzipped', `${n(r.bundle.jsGzipKb)} kB`, r.bundle.jsGzipKb < 250]);
  if (r.coldLoad) rows.push(['Board interactive within 1 s on a cold load', `${n(r.coldLoad.interactiveMedian, 0)} ms median, ${n(r.coldLoad.interactiveMax, 0)} ms worst`, r.coldLoad.interactiveMedian < 1000]);
  if (r.engine === 'pglite') rows.push(['Cold start on PGlite < 5 s', `${n(r.coldStartMs, 0)} ms`, r.coldStartMs < 5000]);
  return [
    '| Target (issue #9) | Measured | Holds |',
    '|---|---|---|',
    ...rows.map(([t, m, ok]) => `| ${t} | ${m} | ${ok === null ? '–' : ok ? 'yes' : '**no**'} |`),
  ];
}
