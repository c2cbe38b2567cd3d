import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../db/seed/demo.ts';
import { tableFingerprints } from './fingerprint.ts';
import { runCli } from './cli.ts';
import { testTargets } from './test-targets.ts';

// `npm run backup` then `npm run restore` into an empty target gives back every table as it was,
// on the engine the suite runs on (PGlite, or PostgreSQL when DATABASE_URL is set).

const targets = testTargets('backup');
const newTarget = (label: string) => targets.create(label);
afterAll(() => targets.cleanUp());

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
    expect(restored.code).toBe(0);

    const copy = await target.open(false);
    const after = await tableFingerprints(copy.db);
    await copy.close();
    expect(Object.keys(before).length).toBeGreaterThan(30);
    expect(before['public.people']!.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);
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
