import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from './client.ts';

/**
 * A fresh, migrated database for one test file: PGlite loaded from the run's image, or a new
 * PostgreSQL database copied from the run's template when DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<Database> {
  const templateUrl = inject('pgTemplateUrl');
  if (templateUrl) {
    const { Client } = await import('pg');
    const template = new URL(templateUrl);
    const name = `bolignu_test_${randomBytes(4).toString('hex')}_${template.pathname.split('_').at(-1)}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${template.pathname.slice(1)}`);
    await admin.end();
    const url = new URL(templateUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), migrate: false, poolMax: 5 });
    return {
      ...database,
      close: async () => {
        await database.close();
        const drop = new Client({ connectionString: process.env.DATABASE_URL });
        await drop.connect();
        await drop.query(`drop database if exists ${name} with (force)`);
        await drop.end();
      },
    };
  }
  const image = readFileSync(inject('pgliteImage'));
  return openDatabase({ loadDataDir: new Blob([image]), migrate: false });
}
