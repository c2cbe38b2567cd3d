import { loadEnv } from '../config/env.ts';
import { restore } from './backup.ts';

// npm run restore -- <file> [--force]: restores into DATABASE_URL with pg_restore, or into the PGlite
// DATA_DIR (stop the app first). A target that holds data is refused unless --force.
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Usage: npm run restore -- <backup file> [--force]');
  process.exit(2);
}
const env = loadEnv();
try {
  await restore(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR }, file, { force: args.includes('--force') });
  console.log(`Restored ${file} into ${env.DATABASE_URL ? 'the PostgreSQL database in DATABASE_URL' : `the PGlite data directory ${env.DATA_DIR}`}.`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
