import { loadEnv } from '../config/env.ts';
import { backup } from './backup.ts';

// npm run backup [-- --out <file>]: backs up DATABASE_URL with pg_dump, or the PGlite DATA_DIR (stop the app first).
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const env = loadEnv();
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const file = outIndex >= 0 ? args[outIndex + 1] : `bolignu-backup-${stamp}.${env.DATABASE_URL ? 'pgdump' : 'pglite.tar.gz'}`;
if (!file) {
  console.error('Usage: npm run backup -- [--out <file>]');
  process.exit(2);
}
try {
  await backup(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR }, file);
  console.log(`Backup written to ${file} (${env.DATABASE_URL ? 'PostgreSQL, pg_dump custom format' : `PGlite data directory ${env.DATA_DIR}`}).`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
