import { loadEnv } from '../config/env.ts';
import { restore } from './backup.ts';
import { appRole } from '../http/context.ts';

// npm run restore -- <file> [--force]: restores into DATABASE_URL with pg_restore, or into the PGlite
// DATA_DIR (stop the app first). A target that holds data is refused unless --force. On PostgreSQL the
// app's role bolignu_app is created first when the server lacks it (roles are per server, not in a dump).
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Usage: npm run restore -- <backup file> [--force]');
  process.exit(2);
}
const env = loadEnv();
try {
  const result = await restore(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR }, file, { force: args.includes('--force') });
  console.log(
    result.appRole === 'created'
      ? `Created the role ${appRole} (NOLOGIN) on this server: the backup's grants and row-level security policies name it.`
      : `The role ${appRole} is on this server.`,
  );
  console.log(`Restored ${file} into ${env.DATABASE_URL ? 'the PostgreSQL database in DATABASE_URL' : `the PGlite data directory ${env.DATA_DIR}`}.`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
