import { randomBytes, randomUUID } from 'node:crypto';
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
import { sessions } from '../auth/auth.tables.ts';
import { inboxMessages, inboxReads } from '../notifications/notifications.tables.ts';

// Issue #8 point 5: municipalities share one database and are kept apart by PostgreSQL row-level
// security on tenant_id, set per transaction (migration `security_extra`, ADR 006).

let database: Database;
let tenantA: string;
let tenantB: string;
let staffA: string;
let staffB: string;
let personA: string;
let personB: string;
let sessionA: string;
let sessionB: string;
let messageA: string;
let messageB: string;

/** Tables that belong to one municipality without a tenant_id column of their own (migration `security_ops_extra`). */
const tenantOwnedTables = ['sessions', 'user_roles', 'inbox_reads', 'tenants'];

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const query = async <T>(db: Db, statement: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(statement));

beforeAll(async () => {
  database = await createTestDatabase();
  tenantA = (await buildTenant(database.db)).id;
  tenantB = (await buildTenant(database.db)).id;
  staffA = (await buildUser(database.db, { tenantId: tenantA, roles: ['staff'], username: `rls_${randomUUID().slice(0, 8)}`, password: 'riktig-passord-123' })).id;
  staffB = (await buildUser(database.db, { tenantId: tenantB, roles: ['staff'] })).id;
  personA = (await buildPerson(database.db, { tenantId: tenantA, givenName: 'Anna' })).id;
  personB = (await buildPerson(database.db, { tenantId: tenantB, givenName: 'Berit' })).id;
  // A session, an inbox message and its read mark in each municipality.
  const now = new Date();
  const later = new Date(now.getTime() + 3_600_000);
  sessionA = randomBytes(32).toString('hex');
  sessionB = randomBytes(32).toString('hex');
  await database.db.insert(sessions).values([
    { tokenHash: sessionA, userId: staffA, createdAt: now, lastSeenAt: now, expiresAt: later },
    { tokenHash: sessionB, userId: staffB, createdAt: now, lastSeenAt: now, expiresAt: later },
  ]);
  const message = (tenantId: string) => ({ tenantId, createdAt: now, kind: 'test', messageKey: 'test.message', params: {}, dedupeKey: randomUUID() });
  const inserted = await database.db.insert(inboxMessages).values([message(tenantA), message(tenantB)]).returning({ id: inboxMessages.id });
  [messageA, messageB] = inserted.map((m) => m.id) as [string, string];
  await database.db.insert(inboxReads).values([
    { messageId: messageA, userId: staffA, readAt: now },
    { messageId: messageB, userId: staffB, readAt: now },
  ]);
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
    for (const table of [...(await tenantTables()), ...tenantOwnedTables]) {
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

  it('tables without tenant_id that belong to one municipality have row-level security too', async () => {
    const rows = await query<{ table: string; rls: boolean; policies: number }>(
      database.db,
      sql`select c.relname as table, c.relrowsecurity as rls,
                 (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname
                    and p.policyname = 'tenant_isolation' and ${appRole} = any(p.roles)) as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relname in (${sql.join(tenantOwnedTables.map((t) => sql`${t}`), sql`, `)}) order by 1`,
    );
    expect(rows).toEqual([...tenantOwnedTables].sort().map((table) => ({ table, rls: true, policies: 1 })));
  });

  it('through its user, its message or itself: a municipality sees only its own sessions, role grants, read marks and tenant row', async () => {
    const seen = await withTenantScope(await actingFor(tenantA), async (tx) => ({
      tenants: (await query<{ id: string }>(tx.db, sql`select id from tenants`)).map((r) => r.id),
      sessions: (await query<{ token: string }>(tx.db, sql`select token_hash as token from sessions`)).map((r) => r.token),
      reads: (await query<{ id: string }>(tx.db, sql`select message_id as id from inbox_reads`)).map((r) => r.id),
      grantsToOthers: (await query<{ n: number }>(tx.db, sql`select count(*)::int as n from user_roles ur where ur.user_id <> all (select id from users)`))[0]!.n,
      myGrants: (await query<{ role: string }>(tx.db, sql`select role_key as role from user_roles where user_id = ${staffA}`)).map((r) => r.role),
    }));
    expect(seen).toEqual({ tenants: [tenantA], sessions: [sessionA], reads: [messageA], grantsToOthers: 0, myGrants: ['staff'] });
    // Without a scope (login, start-up) the owner still sees both.
    const [owner] = await query<{ n: number }>(database.db, sql`select count(*)::int as n from sessions where token_hash in (${sessionA}, ${sessionB})`);
    expect(owner!.n).toBe(2);
  });

  it("refuses to change another municipality's sessions, role grants, read marks or tenant row", async () => {
    const ctx = await actingFor(tenantA);
    const changed = await withTenantScope(ctx, async (tx) => ({
      sessions: (await query(tx.db, sql`delete from sessions where user_id = ${staffB} returning 1`)).length,
      roles: (await query(tx.db, sql`delete from user_roles where user_id = ${staffB} returning 1`)).length,
      reads: (await query(tx.db, sql`update inbox_reads set read_at = now() where message_id = ${messageB} returning 1`)).length,
      tenant: (await query(tx.db, sql`update tenants set name = 'Overtatt' where id = ${tenantB} returning 1`)).length,
    }));
    expect(changed).toEqual({ sessions: 0, roles: 0, reads: 0, tenant: 0 });
    const refusal = (statement: ReturnType<typeof sql>) =>
      inTransaction(ctx, (tx) => tx.db.execute(statement)).then(
        () => 'allowed',
        (e: { cause?: { message?: string } }) => e.cause?.message ?? String(e),
      );
    // Giving another municipality's user a role, or marking its message read, is refused outright.
    expect(await refusal(sql`insert into user_roles (user_id, role_key) values (${staffB}, 'service_lead')`)).toMatch(/row-level security/);
    expect(await refusal(sql`insert into inbox_reads (message_id, user_id, read_at) values (${messageB}, ${staffA}, now())`)).toMatch(/row-level security/);
    expect(await refusal(sql`insert into tenants (name) values ('Ny kommune')`)).toMatch(/row-level security/);
    const [after] = await query<{ sessions: number; roles: number; name: string }>(
      database.db,
      sql`select (select count(*)::int from sessions where user_id = ${staffB}) as sessions,
                 (select count(*)::int from user_roles where user_id = ${staffB}) as roles,
                 (select name from tenants where id = ${tenantB}) as name`,
    );
    expect(after).toMatchObject({ sessions: 1, roles: 1 });
    expect(after!.name).not.toBe('Overtatt');
  });

  it('the role catalogue is shared by every municipality: readable in a request, never changed by one', async () => {
    const ctx = await actingFor(tenantA);
    const [roles] = await withTenantScope(ctx, (tx) => query<{ n: number }>(tx.db, sql`select count(*)::int as n from roles join role_permissions on role_key = key`));
    expect(roles!.n).toBeGreaterThan(10);
    for (const statement of [
      sql`insert into roles (key, name_nb, name_en) values ('superbruker', 'Superbruker', 'Super user')`,
      sql`update permissions set description = 'x'`,
      sql`insert into role_permissions (role_key, permission_key) values ('staff', 'user:admin')`,
      sql`delete from role_permissions`,
    ]) {
      const refused = await inTransaction(ctx, (tx) => tx.db.execute(statement)).then(
        () => 'allowed',
        (e: { cause?: { message?: string } }) => e.cause?.message ?? String(e),
      );
      expect(refused).toMatch(/permission denied/);
    }
  });

  it('logging out, reading the inbox and listing users still work as the app role', async () => {
    const { client } = createTestApp(database);
    const admin = await buildUser(database.db, { tenantId: tenantA, roles: ['admin'], username: `rls_admin_${randomUUID().slice(0, 8)}`, password: 'riktig-passord-123' });
    const adminClient = client();
    await adminClient.login(admin.username, 'riktig-passord-123');
    const users = await adminClient.get('/api/admin/users');
    expect(users.status).toBe(200);
    const listed = JSON.stringify(users.body);
    expect(listed).toContain(staffA);
    expect(listed).not.toContain(staffB);

    const [user] = await query<{ username: string }>(database.db, sql`select username from users where id = ${staffA}`);
    const staff = client();
    await staff.login(user!.username, 'riktig-passord-123');
    const sessionsOfStaffA = async () => (await query<{ n: number }>(database.db, sql`select count(*)::int as n from sessions where user_id = ${staffA}`))[0]!.n;
    expect(await sessionsOfStaffA()).toBe(2);
    expect((await staff.get('/api/inbox/unread-count')).status).toBe(200);
    // Logging out deletes the session inside the request's tenant scope.
    expect((await staff.post('/api/auth/logout', {})).status).toBeLessThan(300);
    expect(await sessionsOfStaffA()).toBe(1);
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
