import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { logInWithPassword } from '../../platform/auth/auth.service.ts';

// The command line tool as an operator runs it: a child process on Node 24 (which runs the .ts file
// directly) against its own PGlite data directory.
const cli = fileURLToPath(new URL('./user-create.cli.ts', import.meta.url));
const password = 'a long enough bootstrap password';
let dataDir: string;

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const childEnv: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, BOLIGNU_PASSWORD: password, LOG_LEVEL: 'silent', ...env };
  delete childEnv.DATABASE_URL; // never touch a real server from this test
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: childEnv as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'bolignu-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each run starts Node and PGlite (and migrates a fresh data directory): seconds, not milliseconds.
describe('npm run user:create', { timeout: 90_000 }, () => {
  it('refuses bad arguments before asking for a password or opening the database', async () => {
    const res = await run(['--username', 'A D', '--name', 'Ada', '--role', 'admin']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--username: Use only lower-case letters');
    expect(res.stderr).toContain('Usage: npm run user:create');
  });

  it('refuses a short password from BOLIGNU_PASSWORD', async () => {
    const res = await run(['--username', 'ada', '--name', 'Ada', '--role', 'admin', '--municipality', 'Bodø kommune'], { BOLIGNU_PASSWORD: 'short' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('at least 12 characters');
  });

  it('says a municipality is needed on a fresh install, and asks for no password it cannot read', async () => {
    expect((await run(['--username', 'ada', '--name', 'Ada', '--role', 'admin'])).stderr).toContain('--municipality');
    const noTty = await run(['--username', 'ada', '--name', 'Ada', '--role', 'admin'], { BOLIGNU_PASSWORD: undefined });
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toContain('set BOLIGNU_PASSWORD');
  });

  it('creates the municipality and the administrator, who can then log in', async () => {
    const res = await run(['--username', 'ada', '--name', 'Ada Admin', '--role', 'admin', '--email', 'ada@bodo.kommune.no', '--municipality', 'Bodø kommune']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Created the municipality "Bodø kommune".');
    expect(res.stdout).toContain('Created user "ada" (Ada Admin) with role admin in "Bodø kommune".');

    const database = await openDatabase({ dataDir });
    try {
      const ctx = await contextFor(database, null);
      expect(await logInWithPassword(ctx, { username: 'ada', password })).toEqual(expect.any(String));
    } finally {
      await database.close();
    }
  });

  it('refuses a second administrator unless --force, exiting non-zero with the reason', async () => {
    const again = await run(['--username', 'eve', '--name', 'Eve', '--role', 'admin']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('An active administrator already exists');
    const forced = await run(['--username', 'reserve', '--name', 'Reserve Admin', '--role', 'admin', '--role', 'staff', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('with roles admin, staff in "Bodø kommune"');
  });

  it('explains that the server must be stopped when it holds the data directory', async () => {
    const database = await openDatabase({ dataDir });
    try {
      const res = await run(['--username', 'late', '--name', 'Late', '--role', 'admin', '--force']);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('is in use by another Bolig Nu process');
      expect(res.stderr).toContain('Is the Bolig Nu server running on this DATA_DIR?');
    } finally {
      await database.close();
    }
  });
});
