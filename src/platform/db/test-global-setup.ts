import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from './client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteImage: string;
    pgTemplateUrl: string;
  }
}

// Migrates one database per test run and hands it to the test files as a template: a dumped
// PGlite data directory (about 1 s to load instead of 4 s to create and migrate), or a PostgreSQL
// template database when DATABASE_URL is set.
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { Client } = await import('pg');
    const name = `bolignu_tpl_${process.pid}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: templateUrl.toString(), poolMax: 1 });
    await db.close();
    project.provide('pgTemplateUrl', templateUrl.toString());
    project.provide('pgliteImage', '');
    return async () => {
      const leftovers = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'bolignu_t%_${process.pid}%'`,
      );
      for (const row of leftovers.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'bolignu-test-'));
  const db = await openDatabase({});
  const dump = await db.pglite!.dumpDataDir('gzip');
  await db.close();
  const path = join(dir, 'image.tar.gz');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteImage', path);
  project.provide('pgTemplateUrl', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
