import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/client.ts';
import { contextFor } from '../http/test-context.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { buildTenant, buildUser } from './auth.factory.ts';
import { logInWithPassword, logOut, resolveSession } from './auth.service.ts';
import { hashPassword, verifyPassword } from './password.ts';

let database: Database;
let tenantId: string;
const password = 'riktig hest batteri stift';
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
});
afterAll(() => database.close());

describe('password hashing', () => {
  it('stores argon2id in PHC format and verifies only the right password', async () => {
    const hash = await hashPassword('et langt passord');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('et langt passord', hash)).toBe(true);
    expect(await verifyPassword('et langt passorD', hash)).toBe(false);
    expect(await hashPassword('et langt passord')).not.toBe(hash); // salted
  });
});

describe('logInWithPassword', () => {
  it('logs in, and the session resolves to the user with the permissions of their role', async () => {
    const user = await buildUser(database.db, { tenantId, roles: ['staff'], password });
    const ctx = await contextFor(database, null);
    const token = await logInWithPassword(ctx, { username: user.username.toUpperCase(), password });
    const current = await resolveSession(ctx, token);
    expect(current).toMatchObject({ id: user.id, roles: ['staff'] });
    expect([...current!.permissions]).toEqual(expect.arrayContaining(['person:read', 'person:search', 'person:write', 'room:read', 'room:state']));
    expect(current!.permissions.has('user:admin')).toBe(false);
    expect(current!.permissions.has('allocation:decide')).toBe(false);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const user = await buildUser(database.db, { tenantId, roles: ['staff'], password });
    const ctx = await contextFor(database, null);
    await expect(logInWithPassword(ctx, { username: 'finnes-ikke', password })).rejects.toMatchObject({ code: 'auth.login_failed' });
    await expect(logInWithPassword(ctx, { username: user.username, password: 'feil' })).rejects.toMatchObject({ code: 'auth.login_failed' });
  });

  it('locks the account after five wrong passwords in a row, even for the right password, until the lock expires', async () => {
    const user = await buildUser(database.db, { tenantId, roles: ['staff'], password });
    const t0 = '2026-11-26T09:00:00Z';
    for (let i = 0; i < 5; i++) {
      await expect(logInWithPassword(await contextFor(database, null, { now: at(t0) }), { username: user.username, password: 'feil' })).rejects.toMatchObject({
        code: 'auth.login_failed',
      });
    }
    const locked = logInWithPassword(await contextFor(database, null, { now: at('2026-11-26T09:05:00Z') }), { username: user.username, password });
    await expect(locked).rejects.toMatchObject({ code: 'auth.account_locked', status: 423 });
    const lockRows = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, 'auth.account_locked')));
    expect(lockRows).toHaveLength(1);
    // 15 minutes later (the default lock) the right password works again.
    const token = await logInWithPassword(await contextFor(database, null, { now: at('2026-11-26T09:15:01Z') }), { username: user.username, password });
    expect(token).toMatch(/^[\w-]{40,}$/);
  });

  it('does not count wrong passwords that are not in a row', async () => {
    const user = await buildUser(database.db, { tenantId, roles: ['staff'], password });
    const ctx = await contextFor(database, null);
    for (let i = 0; i < 4; i++) await logInWithPassword(ctx, { username: user.username, password: 'feil' }).catch(() => {});
    await logInWithPassword(ctx, { username: user.username, password });
    for (let i = 0; i < 4; i++) await logInWithPassword(ctx, { username: user.username, password: 'feil' }).catch(() => {});
    await expect(logInWithPassword(ctx, { username: user.username, password })).resolves.toBeTypeOf('string');
  });

  it('refuses a deactivated user', async () => {
    const user = await buildUser(database.db, { tenantId, roles: ['staff'], password, isActive: false });
    await expect(logInWithPassword(await contextFor(database, null), { username: user.username, password })).rejects.toMatchObject({
      code: 'auth.login_failed',
    });
  });
});

describe('sessions', () => {
  it('expire after 30 minutes without activity, and activity keeps them alive', async () => {
    const user = await buildUser(database.db, { tenantId, roles: ['staff'], password });
    const token = await logInWithPassword(await contextFor(database, null, { now: at('2026-11-26T10:00:00Z') }), { username: user.username, password });
    expect(await resolveSession(await contextFor(database, null, { now: at('2026-11-26T10:25:00Z') }), token)).not.toBeNull();
    // Active at 10:25, so still valid at 10:50 …
    expect(await resolveSession(await contextFor(database, null, { now: at('2026-11-26T10:50:00Z') }), token)).not.toBeNull();
    // … but not after 31 quiet minutes.
    expect(await resolveSession(await contextFor(database, null, { now: at('2026-11-26T11:21:00Z') }), token)).toBeNull();
  });

  it('end at logout', async () => {
    const user = await buildUser(database.db, { tenantId, roles: ['staff'], password });
    const ctx = await contextFor(database, null);
    const token = await logInWithPassword(ctx, { username: user.username, password });
    await logOut(await contextFor(database, user.id), token);
    expect(await resolveSession(ctx, token)).toBeNull();
  });
});
