import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client.ts';
import { appRole } from '../http/context.ts';

// Backup and restore of the whole database: pg_dump/pg_restore for a PostgreSQL server, and PGlite's
// own dump of its data directory (a gzipped tarball) for the embedded database. With PGlite the app
// must be stopped first: the data directory's lock refuses a second process with a clear message.

export type Target = { databaseUrl: string } | { dataDir: string };

/** Runs a client tool; resolves with its standard output. */
function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (err) =>
      reject(new Error(`${command} could not be started (${err.message}); install the PostgreSQL client tools of the server's version`)),
    );
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} failed (exit ${code}):\n${stderr.trim()}`))));
  });
}

/** Writes a backup of the target to file: pg_dump's custom format, or a PGlite data-directory dump. */
export async function backup(target: Target, file: string): Promise<void> {
  if ('databaseUrl' in target) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${target.databaseUrl}`]);
    return;
  }
  if (!existsSync(target.dataDir)) throw new Error(`There is no data directory at ${target.dataDir} to back up.`);
  const database = await openDatabase({ dataDir: target.dataDir, migrate: false });
  try {
    const dump = await database.pglite!.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

/** Something that runs SQL text: a node-postgres client, or PGlite. */
interface SqlRunner {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/**
 * The role the app's tenant-scoped work runs as (row-level security, migration `security_extra`).
 * Roles belong to the server (cluster), not to a database, so a dump carries the grants and policies
 * `TO bolignu_app` but not the role: on a new server pg_restore would stop at the first of them. This
 * creates it when missing (NOLOGIN, as the migration does) and, for a connecting role that is not a
 * superuser, makes that role a member so the app can `SET ROLE` to it. Idempotent.
 */
export async function ensureAppRole(client: SqlRunner, role: string = appRole): Promise<'created' | 'present'> {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`Not a plain role name: ${role}`);
  const { rows } = await client.query<{ present: boolean }>('select exists (select 1 from pg_roles where rolname = $1) as present', [role]);
  // The DO block re-checks, so two restores at once do not both try to create the role.
  await client.query(`DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
    CREATE ROLE ${role} NOLOGIN;
  END IF;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND NOT pg_has_role(current_user, '${role}', 'MEMBER') THEN
    EXECUTE format('GRANT ${role} TO %I', current_user);
  END IF;
END $$`);
  return rows[0]!.present ? 'present' : 'created';
}

export interface RestoreResult {
  /** Whether the app's role had to be created on this server before restoring. */
  appRole: 'created' | 'present';
}

export interface RestoreOptions {
  /** Replace what the target holds. Without it, a target with data is refused. */
  force?: boolean;
  /** For PGlite with force: where the data directory that was there is moved (kept, not deleted). */
  setAsideAs?: string;
}

/** Restores a backup into the target. A target that already holds data is refused unless forced. */
export async function restore(target: Target, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  if (!existsSync(file)) throw new Error(`There is no backup file at ${file}.`);
  if ('databaseUrl' in target) {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: target.databaseUrl });
    await client.connect();
    let role: RestoreResult['appRole'];
    try {
      const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from information_schema.tables where table_schema = 'public'`);
      if (Number(rows[0]!.n) > 0 && !options.force) {
        throw new Error('The target database already has tables. Restore into an empty database, or pass --force to replace its contents.');
      }
      // Before pg_restore: the dump's grants and policies name the role.
      role = await ensureAppRole(client);
      // The dump's default privileges are those of the role that ran the migrations (`FOR ROLE postgres`),
      // which another server may not have or may not let the restoring role change. They are left out
      // and set again for the restoring role, which owns the restored tables and runs later migrations.
      const work = mkdtempSync(join(tmpdir(), 'bolignu-restore-'));
      try {
        const list = join(work, 'list');
        writeFileSync(list, (await run('pg_restore', ['--list', file])).split('\n').filter((line) => !/ DEFAULT ACL /.test(line)).join('\n'));
        await run('pg_restore', [
          '--no-owner',
          '--exit-on-error',
          '--single-transaction',
          ...(options.force ? ['--clean', '--if-exists'] : []),
          `--use-list=${list}`,
          `--dbname=${target.databaseUrl}`,
          file,
        ]);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${appRole}`);
    } finally {
      await client.end();
    }
    return { appRole: role };
  }
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
    if (!options.force) {
      throw new Error(`The data directory ${target.dataDir} is not empty. Restore into a new directory, or pass --force to set the old one aside.`);
    }
    renameSync(target.dataDir, options.setAsideAs ?? `${target.dataDir}.before-restore-${Date.now()}`);
  }
  const database = await openDatabase({ dataDir: target.dataDir, loadDataDir: new Blob([readFileSync(file)]), migrate: false });
  try {
    // PGlite's dump is the whole cluster, roles included; the step only matters for a backup taken
    // before the role existed (the migration on the next start would then create it as well).
    return { appRole: await ensureAppRole(database.pglite!) };
  } finally {
    await database.close();
  }
}
