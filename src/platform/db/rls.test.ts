import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-database.ts';
import type { Database, Db } from './client.ts';
import { contextFor } from '../http/test-context.ts';
import { appRole, inTransaction, withTenantScope, type Ctx } from '../http/context.ts';
import { buildTenant, buildUser } from '../auth/auth.factory.ts';
import { buildPerson } from '../../features/people/people.factory.ts';
import { people } from '../../features/people/people.tables.ts';
import { createTestApp } from '../http/test-app.ts';

// Issue #8 point 5: municipalities share one database and are kept apart by PostgreSQL row-level
// security on tenant_id, set per transaction (migration `security_extra`, ADR 006).

let database: Database;
let tenantA: string;
let tenantB: string;
let staffA: string;
let personA: string;
let personB: string;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const query = async <T>(db: Db, statement: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(statement));

beforeAll(async () => {
  database = await createTestDatabase();
  tenantA = (await buildTenant(database.db)).id;
  tenantB = (await buildTenant(database.db)).id;
  staffA = (await buildUser(database.db, { tenantId: tenantA, roles: ['staff'], username: `rls_${randomUUID().slice(0, 8)}`, password: 'riktig-passord-123' })).id;
  await buildUser(database.db, { tenantId: tenantB, roles: ['staff'] });
  personA = (await buildPerson(database.db, { tenantId: tenantA, givenName: 'Anna' })).id;
  personB = (await buildPerson(database.db, { tenantId: tenantB, givenName: 'Berit' })).id;
});
afterAll(() => database.close());

/** Every table in public with a tenant_id column. */
async function tenantTables(): Promise<string[]> {
  const rows = await query<{ table: string }>(
    database.db,
    sql`select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  return rows.map((r) => r.table);
}

/** A context acting for a tenant, as a user of it would (the user row itself is not needed). */
async function actingFor(tenantId: string): Promise<Ctx> {
  const ctx = await contextFor(database, staffA);
  return { ...ctx, user: { ...ctx.user!, tenantId } };
}

describe('row-level security', () => {
  it('is on, with the tenant policy, for every table that has a tenant_id column (new tables included)', async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(expect.arrayContaining(['people', 'users', 'audit_events', 'stays', 'referrals']));
    const rows = await query<{ table: string; rls: boolean; policies: number }>(
      database.db,
      sql`select c.relname as table, c.relrowsecurity as rls,
                 (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname
                    and p.policyname = 'tenant_isolation' and ${appRole} = any(p.roles)) as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relname in (${sql.join(tables.map((t) => sql`${t}`), sql`, `)})`,
    );
    const unprotected = rows.filter((r) => !r.rls || r.policies !== 1).map((r) => r.table);
    // A table listed here needs `SELECT bolignu_isolate_tenant_tables();` at the end of its migration.
    expect(unprotected).toEqual([]);
    expect(rows).toHaveLength(tables.length);
  });

  it('a query without any WHERE clause sees only its own tenant, and a wrong tenant sees nothing at all', async () => {
    const seen = await withTenantScope(await actingFor(tenantA), (tx) => tx.db.select({ id: people.id }).from(people));
    expect(seen.map((p) => p.id)).toContain(personA);
    expect(seen.map((p) => p.id)).not.toContain(personB);

    const nobody = await actingFor(randomUUID());
    for (const table of await tenantTables()) {
      const [count] = await withTenantScope(nobody, (tx) => query<{ n: number }>(tx.db, sql`select count(*)::int as n from ${sql.identifier(table)}`));
      expect({ table, n: count!.n }).toEqual({ table, n: 0 });
    }
    // The owner connection (migrations, start-up) still sees both, so the rows are there.
    const [all] = await query<{ n: number }>(database.db, sql`select count(*)::int as n from people where id in (${personA}, ${personB})`);
    expect(all!.n).toBe(2);
  });

  it('runs scoped work as the non-owner role, and refuses to write a row into another tenant', async () => {
    const ctx = await actingFor(tenantA);
    const [who] = await withTenantScope(ctx, (tx) => query<{ role: string; tenant: string }>(tx.db, sql`select current_user as role, current_setting('app.tenant_id') as tenant`));
    expect(who).toEqual({ role: appRole, tenant: tenantA });

    const write = inTransaction(ctx, (tx) =>
      tx.db.execute(sql`update people set family_name = 'Flyttet' where id = ${personB} returning id`).then((r) => rowsOf(r).length),
    );
    expect(await write).toBe(0);
    const smuggle = inTransaction(ctx, (tx) =>
      tx.db.execute(sql`insert into people (tenant_id, given_name, family_name, id_type, created_at, updated_at) values (${tenantB}, 'Inn', 'Smuglet', 'none', now(), now())`),
    );
    const refused = await smuggle.then(() => undefined, (e: unknown) => e as { cause?: { message?: string } });
    expect(refused?.cause?.message).toMatch(/row-level security/);
    const [count] = await query<{ n: number }>(database.db, sql`select count(*)::int as n from people where family_name in ('Flyttet', 'Smuglet')`);
    expect(count!.n).toBe(0);
  });

  it('the setting ends with the transaction: the next transaction on the connection has no tenant', async () => {
    await withTenantScope(await actingFor(tenantA), async () => undefined);
    const [after] = await query<{ role: string; tenant: string | null }>(
      database.db,
      sql`select current_user as role, nullif(current_setting('app.tenant_id', true), '') as tenant`,
    );
    expect(after!.role).not.toBe(appRole);
    expect(after!.tenant).toBeNull();
  });

  it('a logged-in request is scoped to the user tenant: another tenant person is not found', async () => {
    const { client } = createTestApp(database);
    const staff = client();
    const [user] = await query<{ username: string }>(database.db, sql`select username from users where id = ${staffA}`);
    await staff.login(user!.username, 'riktig-passord-123');
    expect((await staff.get(`/api/people/${personA}?purpose=follow_up`)).status).toBe(200);
    expect((await staff.get(`/api/people/${personB}?purpose=follow_up`)).status).toBe(404);
  });
});
