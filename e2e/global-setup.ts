import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from './support/chromium.ts';
import { startServer, type ServerProcess } from '../src/platform/reliability/server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the server for the browser journeys listens, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
  }
}

const repoRoot = join(import.meta.dirname, '..');

// The browser journeys run against the real thing: the web app as built for production, served by
// src/server.ts in its own process with demo data, on a fresh PGlite data directory, or on a fresh
// PostgreSQL database when DATABASE_URL is set (so CI runs the journeys on both, like the unit tests).
export default async function setup(project: TestProject) {
  findChromium(); // fail at once, with install instructions, rather than after the build and server start
  // One temporary directory per run holds the build and the PGlite data: runs never share dist/web
  // with `npm start` or with another run.
  const runDir = mkdtempSync(join(tmpdir(), 'bolignu-e2e-'));
  const webDir = join(runDir, 'web');
  const dataDir = join(runDir, 'data');
  const started = Date.now();
  try {
    buildWebApp(webDir);
  } catch (err) {
    rmSync(runDir, { recursive: true, force: true });
    throw err;
  }
  const built = Date.now();
  const pg = process.env.DATABASE_URL ? await createDatabase(process.env.DATABASE_URL) : null;

  const env: Record<string, string | undefined> = {
    DATA_DIR: dataDir,
    WEB_DIR: webDir,
    DEMO: 'true',
    NODE_ENV: 'test',
    DATABASE_URL: pg ? pg.url : undefined,
    // Every journey logs in from 127.0.0.1; the per-address login limit is tested in security.test.ts.
    LOGIN_MAX_PER_IP: '100000',
  };

  let server: ServerProcess | null = null;
  async function teardown() {
    await server?.stop();
    if (pg) await pg.drop();
    rmSync(runDir, { recursive: true, force: true });
  }

  try {
    server = await startServer(env, 'e2e');
    project.provide('baseUrl', server.baseUrl);
    console.log(
      `[e2e] web app built in ${((built - started) / 1000).toFixed(1)} s; server ready at ${server.baseUrl} ` +
        `(${pg ? `PostgreSQL database ${pg.name}` : 'PGlite'}) after ${((Date.now() - built) / 1000).toFixed(1)} s`,
    );
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}

function buildWebApp(outDir: string) {
  // vite's own bin under the same Node as the tests (Node 24, from the `node` devDependency).
  // NODE_ENV must be production: Vitest sets it to "test", and vite build then bundles React's
  // development build (StrictMode runs every effect twice, so each page would read a person twice).
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    throw new Error(`[e2e] vite build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

async function createDatabase(adminUrl: string) {
  const { Client } = await import('pg');
  const name = `bolignu_e2e_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
