import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { seedDemo } from '../db/seed/demo.ts';
import type { Db } from '../db/client.ts';
import { appRole } from '../http/context.ts';
import { ensureAppRole } from './backup.ts';
import { tableFingerprints } from './fingerprint.ts';
import { runCli } from './cli.ts';
import { testTargets } from './test-targets.ts';

// `npm run backup` then `npm run restore` into an empty target gives back every table as it was,
// on the engine the suite runs on (PGlite, or PostgreSQL when DATABASE_URL is set).

const targets = testTargets('backup');
const newTarget = (label: string) => targets.create(label);
afterAll(() => targets.cleanUp());

const rowsOf = async <T>(db: Db, statement: ReturnType<typeof sql>) => ((await db.execute(statement)) as unknown as { rows: T[] }).rows;

/** People a tenant's request sees: as the app's role with the tenant set, the way every logged-in request runs. */
const peopleSeenAs = (db: Db, tenantId: string) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    await tx.execute(sql.raw(`set local role ${appRole}`));
    const [row] = await rowsOf<{ n: number }>(tx as unknown as Db, sql`select count(*)::int as n from people`);
    return row!.n;
  });

const runWith = (entry: string, args: string[], env: Record<string, string | undefined>) => runCli(entry, args, { ...env, LOG_LEVEL: 'silent' });

describe('backup and restore', () => {
  it('round-trips the whole demo database: every table has the same rows after restore', { timeout: 120_000 }, async () => {
    const source = await newTarget('source');
    const db = await source.open(true);
    await seedDemo(db.db);
    const before = await tableFingerprints(db.db);
    await db.close();

    const file = join(targets.work, targets.engine === 'postgresql' ? 'demo.pgdump' : 'demo.pglite.tar.gz');
    const saved = await runWith('src/platform/reliability/backup.cli.ts', ['--out', file], source.env);
    expect(saved.output).toContain('Backup written to');
    expect(saved.code).toBe(0);

    const target = await newTarget('target');
    const restored = await runWith('src/platform/reliability/restore.cli.ts', [file], target.env);
    expect(restored.output).toContain('Restored');
    // The role step ran before the restore (on a new server it says "Created the role …").
    expect(restored.output).toMatch(/(Created the role|The role) bolignu_app/);
    expect(restored.code).toBe(0);

    const copy = await target.open(false);
    const after = await tableFingerprints(copy.db);
    // Row-level security and its grants came back: the app's role reads its tenant's people, and only those.
    const [tenant] = await rowsOf<{ id: string; n: number }>(copy.db, sql`select tenant_id as id, count(*)::int as n from people group by 1 order by 2 desc limit 1`);
    expect(await peopleSeenAs(copy.db, tenant!.id)).toBe(tenant!.n);
    expect(await peopleSeenAs(copy.db, randomUUID())).toBe(0);
    const [grants] = await rowsOf<{ people: boolean; journal: boolean; rls: boolean }>(
      copy.db,
      sql`select has_table_privilege(${appRole}, 'public.people', 'SELECT, INSERT, UPDATE') as people,
                 has_table_privilege(${appRole}, 'public.journal_entries', 'SELECT, INSERT') as journal,
                 (select relrowsecurity from pg_class where oid = 'public.people'::regclass) as rls`,
    );
    expect(grants).toEqual({ people: true, journal: true, rls: true });
    await copy.close();
    expect(Object.keys(before).length).toBeGreaterThan(30);
    expect(before['public.people']!.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it("restore's role step creates a missing role without login rights, and leaves a present one alone", { timeout: 60_000 }, async () => {
    // Roles are per server and every database here needs bolignu_app, so the step is shown on a
    // throwaway role of the same kind.
    const probe = `bolignu_probe_${process.pid}`;
    const target = await newTarget('role');
    const database = await target.open(false);
    const pg = database.pglite ? null : new (await import('pg')).Client({ connectionString: target.env.DATABASE_URL });
    await pg?.connect();
    const runner = database.pglite ?? pg!;
    try {
      expect(await ensureAppRole(runner, probe)).toBe('created');
      const [role] = await rowsOf<{ login: boolean }>(database.db, sql`select rolcanlogin as login from pg_roles where rolname = ${probe}`);
      expect(role).toEqual({ login: false });
      expect(await ensureAppRole(runner, probe)).toBe('present');
    } finally {
      await database.db.execute(sql.raw(`drop role if exists ${probe}`));
      await pg?.end();
      await database.close();
    }
  });

  it('refuses to restore over a database that holds data, and leaves it as it was', { timeout: 120_000 }, async () => {
    const source = await newTarget('busy');
    const db = await source.open(true);
    await seedDemo(db.db);
    const before = await tableFingerprints(db.db);
    await db.close();
    const file = join(targets.work, targets.engine === 'postgresql' ? 'busy.pgdump' : 'busy.pglite.tar.gz');
    expect((await runWith('src/platform/reliability/backup.cli.ts', ['--out', file], source.env)).code).toBe(0);

    const refused = await runWith('src/platform/reliability/restore.cli.ts', [file], source.env);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/already has tables|is not empty/);
    expect(refused.output).toContain('--force');

    const again = await source.open(false);
    expect(await tableFingerprints(again.db)).toEqual(before);
    await again.close();
    if (targets.engine === 'pglite') expect(readdirSync(join(targets.work, 'busy')).length).toBeGreaterThan(0);
  });
});
