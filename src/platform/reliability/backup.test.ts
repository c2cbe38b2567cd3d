import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/client.ts';
import { seedDemo } from '../db/seed/demo.ts';
import { tableFingerprints } from './fingerprint.ts';
import { runCli } from './cli.ts';

// `npm run backup` then `npm run restore` into an empty target gives back every table as it was,
// on the engine the suite runs on (PGlite, or PostgreSQL when DATABASE_URL is set).

const work = mkdtempSync(join(tmpdir(), 'bolignu-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const serverUrl = process.env.DATABASE_URL;
const created: string[] = [];

/** A new empty database on the server (PostgreSQL) or a new data directory (PGlite), as env for the CLI. */
async function newTarget(label: string): Promise<{ env: Record<string, string | undefined>; open: (migrate: boolean) => Promise<Database> }> {
  if (serverUrl) {
    const { Client } = await import('pg');
    const name = `bolignu_backup_${label}_${process.pid}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    created.push(name);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { env: { DATABASE_URL: url.toString() }, open: (migrate) => openDatabase({ databaseUrl: url.toString(), migrate, poolMax: 2 }) };
  }
  const dataDir = join(work, label);
  const env = { DATA_DIR: dataDir, DATABASE_URL: undefined };
  return { env, open: (migrate) => openDatabase({ dataDir, migrate }) };
}

afterAll(async () => {
  if (!serverUrl) return;
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

const runWith = (entry: string, args: string[], env: Record<string, string | undefined>) => runCli(entry, args, { ...env, LOG_LEVEL: 'silent' });

describe('backup and restore', () => {
  it('round-trips the whole demo database: every table has the same rows after restore', async () => {
    const source = await newTarget('source');
    const db = await source.open(true);
    await seedDemo(db.db);
    const before = await tableFingerprints(db.db);
    await db.close();

    const file = join(work, serverUrl ? 'demo.pgdump' : 'demo.pglite.tar.gz');
    const saved = await runWith('src/platform/reliability/backup.cli.ts', ['--out', file], source.env);
    expect(saved.output).toContain('Backup written to');
    expect(saved.code).toBe(0);

    const target = await newTarget('target');
    const restored = await runWith('src/platform/reliability/restore.cli.ts', [file], target.env);
    expect(restored.output).toContain('Restored');
    expect(restored.code).toBe(0);

    const copy = await target.open(false);
    const after = await tableFingerprints(copy.db);
    await copy.close();
    expect(Object.keys(before).length).toBeGreaterThan(30);
    expect(before['public.people']!.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it('refuses to restore over a database that holds data, and leaves it as it was', async () => {
    const source = await newTarget('busy');
    const db = await source.open(true);
    await seedDemo(db.db);
    const before = await tableFingerprints(db.db);
    await db.close();
    const file = join(work, serverUrl ? 'busy.pgdump' : 'busy.pglite.tar.gz');
    expect((await runWith('src/platform/reliability/backup.cli.ts', ['--out', file], source.env)).code).toBe(0);

    const refused = await runWith('src/platform/reliability/restore.cli.ts', [file], source.env);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/already has tables|is not empty/);
    expect(refused.output).toContain('--force');

    const again = await source.open(false);
    expect(await tableFingerprints(again.db)).toEqual(before);
    await again.close();
    if (!serverUrl) expect(readdirSync(join(work, 'busy')).length).toBeGreaterThan(0);
  });
});
