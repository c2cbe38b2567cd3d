import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';
import { openDatabase } from './client.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'bolignu-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the PGlite data directory lock', () => {
  it('refuses a second holder with a message that says what to do', () => {
    const dir = tempDir();
    // A live process other than this one holds the lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    writeFileSync(join(dir, 'bolig-nu.lock'), String(holder.pid));
    try {
      expect(() => lockDataDir(dir)).toThrowError(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrowError(/in use by another Bolig Nu process .*Stop that process first, or set DATA_DIR/);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that died, and releases it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bolig-nu.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, 'bolig-nu.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'bolig-nu.lock'))).toBe(false);
  });

  it('makes a second server on the same data directory stop with a clear message', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir, migrate: false });
    try {
      // The lock is PGlite's: the second server must use PGlite too, even when the suite runs on PostgreSQL.
      const { DATABASE_URL: _ignored, ...env } = process.env;
      const server = spawn(process.execPath, ['src/server.ts'], { env: { ...env, DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', JOBS: 'false' } });
      let stderr = '';
      server.stderr.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise((resolve) => server.on('exit', resolve)).finally(() => server.kill());
      expect(code).toBe(1);
      expect(stderr).toContain(`The data directory ${dir} is in use by another Bolig Nu process (pid ${process.pid})`);
    } finally {
      await first.close();
    }
    expect(existsSync(join(dir, 'bolig-nu.lock'))).toBe(false);
  }, 90_000); // a cold Node start with every import takes long on a busy two-core machine
});
