import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Client } from 'pg';
import { appRole } from '../http/context.ts';
import { buildTenant } from '../auth/auth.factory.ts';
import { buildPerson } from '../../features/people/people.factory.ts';
import { runCli } from './cli.ts';
import { testTargets } from './test-targets.ts';

// PostgreSQL only: a restore onto another server, as near as one server allows. Roles are per server,
// so the restore is done by a role that did not make the backup and is no superuser (as on a managed
// server): the dump's grants and policies name bolignu_app, and its default privileges name the role
// that ran the migrations. After the restore the app's role must work as before, also on tables that
// later migrations create.

const targets = testTargets('restorepg');
const restorer = `bolignu_restorer_${process.pid}`;
const targetDb = `bolignu_restorepg_other_${process.pid}`;

async function admin<T>(work: (client: Client) => Promise<T>, url = process.env.DATABASE_URL!): Promise<T> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await admin(async (c) => {
    await c.query(`drop database if exists ${targetDb} with (force)`);
    await c.query(`drop role if exists ${restorer}`);
  });
  await targets.cleanUp();
});

describe('restore as another, non-superuser role', () => {
  it('restores, makes the restoring role able to act as bolignu_app, and keeps the grants for later tables', { timeout: 120_000 }, async () => {
    const source = await targets.create('source');
    const db = await source.open(true);
    const tenant = await buildTenant(db.db);
    const person = await buildPerson(db.db, { tenantId: tenant.id, givenName: 'Rita' });
    await db.close();
    const file = join(targets.work, 'source.pgdump');
    const saved = await runCli('src/platform/reliability/backup.cli.ts', ['--out', file], { ...source.env, LOG_LEVEL: 'silent' });
    expect(saved.code).toBe(0);

    await admin(async (c) => {
      await c.query(`create role ${restorer} login createrole`);
      await c.query(`create database ${targetDb} owner ${restorer}`);
    });
    const url = new URL(process.env.DATABASE_URL!);
    url.username = restorer;
    url.pathname = `/${targetDb}`;
    const restored = await runCli('src/platform/reliability/restore.cli.ts', [file], { DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' });
    expect(restored.output).toContain(`The role ${appRole} is on this server.`);
    expect(restored.output).toContain('Restored');
    expect(restored.code).toBe(0);

    const after = await admin(async (c) => {
      const member = (await c.query<{ member: boolean }>(`select pg_has_role(current_user, '${appRole}', 'MEMBER') as member`)).rows[0]!.member;
      // As a request runs: the app's role, the tenant set.
      await c.query('begin');
      await c.query(`select set_config('app.tenant_id', $1, true)`, [tenant.id]);
      await c.query(`set local role ${appRole}`);
      const seen = (await c.query<{ id: string }>('select id from people')).rows.map((r) => r.id);
      await c.query('rollback');
      // A table a later migration adds (run by the restoring role) is open to the app's role too.
      await c.query('create table later_feature (id int primary key)');
      const later = (await c.query<{ ok: boolean }>(`select has_table_privilege('${appRole}', 'public.later_feature', 'SELECT, INSERT, UPDATE, DELETE') as ok`)).rows[0]!.ok;
      return { member, seen, later };
    }, url.toString());
    expect(after).toEqual({ member: true, seen: [person.id], later: true });
  });
});
