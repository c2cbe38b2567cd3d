import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { lockDataDir } from './data-dir-lock.ts';
import type { PGlite } from '@electric-sql/pglite';

/**
 * The app's database handle. Drizzle is opened without the schema: the app writes its queries with the
 * query builder and SQL, never with the relational `db.query.*` API, and with the schema Drizzle built
 * that API's ~100 table objects again for every transaction (one per request).
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgresql';
  close(): Promise<void>;
  /** PGlite only: the raw client, for dumping a migrated image in tests. */
  pglite?: PGlite;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; undefined means in memory. */
  dataDir?: string;
  /** A dumped PGlite data directory (tarball) to start from, used by tests. */
  loadDataDir?: Blob | File;
  migrate?: boolean;
  poolMax?: number;
  /** PostgreSQL: prepare parameterised statements by name (default true; see named-statements.ts). */
  namedStatements?: boolean;
}

/** Opens PostgreSQL when a URL is given, else PGlite; runs migrations unless told not to. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const migrate = options.migrate ?? true;
  if (options.databaseUrl) {
    const { Pool } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { NamingClient } = await import('./named-statements.ts');
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.poolMax ?? 10,
      ...(options.namedStatements === false ? {} : { Client: NamingClient }),
    });
    // An idle connection that the server ends (restart, failover, a dropped test database) emits an
    // error on the pool; without a listener that would crash the process. The next query reconnects.
    pool.on('error', () => {});
    const db = drizzle({ client: pool }) as unknown as Db;
    if (migrate) {
      const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
      await run(db as never, { migrationsFolder });
    }
    return { db, engine: 'postgresql', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { drizzle } = await import('drizzle-orm/pglite');
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const client = await PGlite.create(options.dataDir, {
      extensions: { btree_gist },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    takeTurns(client);
    const db = drizzle({ client }) as unknown as Db;
    if (migrate) {
      const { migrate: run } = await import('drizzle-orm/pglite/migrator');
      await run(db as never, { migrationsFolder });
    }
    return {
      db,
      engine: 'pglite',
      pglite: client,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * PGlite runs each statement synchronously on this thread, and its lock hands over to the next waiter
 * in a microtask: with many requests queued, their statements ran back to back without the event loop
 * ever polling the network. Node accepts one new connection per loop turn, so under the load test
 * (50 users connecting at once) the last connections waited over 30 s for their first answer (the
 * client's timeout: the "errors" of `npm run bench -- --load` on PGlite). Here every top-level call
 * (a statement or a whole transaction) waits its turn in one FIFO and then for one setImmediate, so the
 * loop polls between calls. The order stays first come, first served; statements inside a transaction
 * go straight to PGlite (they hold the lock already).
 */
function takeTurns(client: PGlite) {
  const calls = client as unknown as Record<'query' | 'exec' | 'transaction', (...args: unknown[]) => Promise<unknown>>;
  let last: Promise<unknown> = Promise.resolve();
  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const ignore = () => undefined;
  for (const method of ['query', 'exec', 'transaction'] as const) {
    const call = calls[method].bind(client);
    calls[method] = (...args: unknown[]) => {
      const result = last.then(nextTurn).then(() => call(...args));
      last = result.then(ignore, ignore);
      return result;
    };
  }
}

/** The server's version string, for /api/health. */
export async function databaseVersion(db: Db): Promise<string> {
  const rows = await db.execute<{ version: string }>(sql`select current_setting('server_version') as version`);
  return (rows as unknown as { rows: { version: string }[] }).rows[0]?.version ?? 'unknown';
}
