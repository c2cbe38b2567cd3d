// Helpers of the benchmark: databases, the app as a child process, logins, autocannon in a child
// process, memory and bundle sizes.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CannonConfig, CannonResult } from './cannon.ts';
import { benchFieldKeys } from './synthetic.ts';

export const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const tmp = mkdtempSync(join(tmpdir(), 'bolignu-bench-'));
let fileNo = 0;
export const tmpFile = (name: string) => join(tmp, `${fileNo++}-${name}`);

/** The same server URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function recreateDatabase(adminUrl: string, name: string, drop: boolean) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await client.connect();
  try {
    const exists = (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
    if (exists && drop) await client.query(`drop database "${name}" with (force)`);
    if (!exists || drop) await client.query(`create database "${name}"`);
    return exists && !drop;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
}

export interface AppProcess {
  child: ChildProcess;
  port: number;
  url: string;
  startMs: number;
  stop(): Promise<void>;
}

/** Production requires its own field keys; the synthetic data is sealed with the benchmark's. */
export const benchKeyEnv = {
  DATA_ENCRYPTION_KEY: benchFieldKeys.encryption.toString('base64'),
  DATA_HASH_KEY: benchFieldKeys.hash.toString('base64'),
};

/** Starts `node src/server.ts` on the given database and waits until /api/health answers. */
export async function startApp(options: { port: number; databaseUrl?: string; dataDir?: string; webDir: string; extraEnv?: Record<string, string> }): Promise<AppProcess> {
  const started = performance.now();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(options.port),
    HOST: '127.0.0.1',
    WEB_DIR: options.webDir,
    JOBS: 'false',
    DEMO: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ALLOW_SYNTHETIC_IDS: 'true',
    ...benchKeyEnv,
    ...options.extraEnv,
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.dataDir) env.DATA_DIR = options.dataDir;
  const child = spawn(process.execPath, ['src/server.ts'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const url = `http://127.0.0.1:${options.port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited during start: ${stderr}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) throw new Error('app did not start within 120 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  const startMs = performance.now() - started;
  return {
    child,
    port: options.port,
    url,
    startMs,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Resident set size of a process in MB (from /proc). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Logs in over HTTP and returns the session cookie ("name=value"). */
export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 204) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** Runs autocannon in a second process and returns its result. */
export function cannon(config: CannonConfig): Promise<CannonResult> {
  const file = tmpFile('cannon.json');
  writeFileSync(file, JSON.stringify(config));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['bench/cannon.ts', file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    child.on('exit', (code) => (code === 0 ? done(JSON.parse(out.trim().split('\n').pop()!)) : fail(new Error(`cannon exited with ${code}`))));
  });
}

/** Starts the bare HTTP server (bench/bare-server.ts) answering `responses` from memory. */
export async function startBare(responses: Record<string, unknown>, port: number): Promise<{ url: string; stop(): void }> {
  const file = tmpFile('responses.json');
  writeFileSync(file, JSON.stringify(responses));
  const child = spawn(process.execPath, ['bench/bare-server.ts', file, String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((done) => child.stdout!.once('data', () => done()));
  return { url: `http://127.0.0.1:${port}`, stop: () => void child.kill('SIGTERM') };
}

/** Gzipped bytes of the JavaScript and CSS the first page loads (index.html's scripts, preloads and styles). */
export function firstPageSizes(webDir: string): { jsGzipKb: number; cssGzipKb: number; files: string[] } {
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    const size = gzipSync(readFileSync(join(webDir, ref))).length;
    if (ref.endsWith('.js')) js += size;
    else css += size;
  }
  return { jsGzipKb: Math.round(js / 102.4) / 10, cssGzipKb: Math.round(css / 102.4) / 10, files: refs };
}

/** Gzipped size of every JS chunk of the build (for the record: the lazy pages). */
export function allJsGzipKb(webDir: string): number {
  const dir = join(webDir, 'assets');
  let total = 0;
  for (const f of readdirSync(dir)) if (f.endsWith('.js')) total += gzipSync(readFileSync(join(dir, f))).length;
  return Math.round(total / 102.4) / 10;
}

export function runCommand(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
    child.on('exit', (code) => (code === 0 ? done(code) : fail(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

/** CPU time (user + system) a process has used, in ms (from /proc; 0 if it is gone). */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ = 100
  } catch {
    return 0;
  }
}

/** CPU time of every PostgreSQL server process on this machine, in ms (the server runs beside the app). */
export function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuMs(Number(pid));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}
