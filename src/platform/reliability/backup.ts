import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../db/client.ts';

// Backup and restore of the whole database: pg_dump/pg_restore for a PostgreSQL server, and PGlite's
// own dump of its data directory (a gzipped tarball) for the embedded database. With PGlite the app
// must be stopped first: the data directory's lock refuses a second process with a clear message.

export type Target = { databaseUrl: string } | { dataDir: string };

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (err) =>
      reject(new Error(`${command} could not be started (${err.message}); install the PostgreSQL client tools of the server's version`)),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}):\n${stderr.trim()}`))));
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

export interface RestoreOptions {
  /** Replace what the target holds. Without it, a target with data is refused. */
  force?: boolean;
  /** For PGlite with force: where the data directory that was there is moved (kept, not deleted). */
  setAsideAs?: string;
}

/** Restores a backup into the target. A target that already holds data is refused unless forced. */
export async function restore(target: Target, file: string, options: RestoreOptions = {}): Promise<void> {
  if (!existsSync(file)) throw new Error(`There is no backup file at ${file}.`);
  if ('databaseUrl' in target) {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: target.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from information_schema.tables where table_schema = 'public'`);
    await client.end();
    if (Number(rows[0]!.n) > 0 && !options.force) {
      throw new Error('The target database already has tables. Restore into an empty database, or pass --force to replace its contents.');
    }
    await run('pg_restore', [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      ...(options.force ? ['--clean', '--if-exists'] : []),
      `--dbname=${target.databaseUrl}`,
      file,
    ]);
    return;
  }
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
    if (!options.force) {
      throw new Error(`The data directory ${target.dataDir} is not empty. Restore into a new directory, or pass --force to set the old one aside.`);
    }
    renameSync(target.dataDir, options.setAsideAs ?? `${target.dataDir}.before-restore-${Date.now()}`);
  }
  const database = await openDatabase({ dataDir: target.dataDir, loadDataDir: new Blob([readFileSync(file)]), migrate: false });
  await database.close();
}
