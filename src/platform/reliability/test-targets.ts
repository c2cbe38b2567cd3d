import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { openDatabase, type Database } from '../db/client.ts';

// Databases for tests that run the real server or the command-line scripts in another process:
// a new PGlite data directory, or a new database on the PostgreSQL server when DATABASE_URL is set.

export interface Target {
  /** Environment for the server or a script: DATA_DIR, or DATABASE_URL (undefined removes the suite's). */
  env: Record<string, string | undefined>;
  open(migrate: boolean): Promise<Database>;
}

export function testTargets(prefix: string) {
  const serverUrl = process.env.DATABASE_URL;
  const work = mkdtempSync(join(tmpdir(), `bolignu-${prefix}-`));
  const created: string[] = [];

  async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const pg = await import('pg');
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  return {
    engine: serverUrl ? ('postgresql' as const) : ('pglite' as const),
    work,
    async create(label: string): Promise<Target> {
      if (serverUrl) {
        const name = `bolignu_${prefix}_${label}_${process.pid}`.replace(/[^a-z0-9_]/g, '_');
        await admin(async (c) => {
          await c.query(`drop database if exists ${name} with (force)`);
          await c.query(`create database ${name}`);
        });
        created.push(name);
        const url = new URL(serverUrl);
        url.pathname = `/${name}`;
        return { env: { DATABASE_URL: url.toString() }, open: (migrate) => openDatabase({ databaseUrl: url.toString(), migrate, poolMax: 2 }) };
      }
      const dataDir = join(work, label);
      return { env: { DATA_DIR: dataDir, DATABASE_URL: undefined }, open: (migrate) => openDatabase({ dataDir, migrate }) };
    },
    async cleanUp() {
      if (serverUrl) await admin(async (c) => {
        for (const name of created) await c.query(`drop database if exists ${name} with (force)`);
      });
      rmSync(work, { recursive: true, force: true });
    },
  };
}
