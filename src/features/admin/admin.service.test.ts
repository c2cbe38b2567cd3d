import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { sessions, users } from '../../platform/auth/auth.tables.ts';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { logInWithPassword } from '../../platform/auth/auth.service.ts';
import { AppError } from '../../platform/http/errors.ts';
import { createUserInput } from './admin.schema.ts';
import { createFirstAdministrator, createUser, listRoles, listUsers, setUserPassword, unlockUser, updateUser } from './admin.service.ts';

let database: Database;
let tenantId: string;
let adminId: string;
let staffId: string;

const password = 'correct horse battery staple';

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  adminId = (await buildUser(database.db, { tenantId, roles: ['admin'], displayName: 'Ada Admin' })).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
});
afterAll(() => database.close());

let counter = 0;
const input = (overrides: Record<string, unknown> = {}) =>
  createUserInput.parse({ username: `ny.bruker${++counter}`, displayName: 'Ny Bruker', roles: ['staff'], password, ...overrides });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const eventsFor = (entityId: string) => database.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));

async function sessionFor(username: string, pw = password) {
  return logInWithPassword(await contextFor(database, null), { username, password: pw });
}

describe('createUser', () => {
  it('creates a user who can log in, with an audit row naming the roles and never the password', async () => {
    const ctx = await contextFor(database, adminId);
    const user = await createUser(ctx, input({ username: 'Kari.Ansatt', email: 'kari@kommune.no', roles: ['staff', 'service_lead'] }));
    expect(user).toMatchObject({
      username: 'kari.ansatt',
      displayName: 'Ny Bruker',
      email: 'kari@kommune.no',
      roles: ['service_lead', 'staff'],
      isActive: true,
      isLocked: false,
      hasPassword: true,
      lastLoginAt: null,
    });
    expect(await sessionFor('kari.ansatt')).toEqual(expect.any(String));
    const [event] = await eventsFor(user.id);
    expect(event).toMatchObject({ action: 'user.create', actorUserId: adminId, tenantId });
    expect(event!.details).toMatchObject({ roles: ['service_lead', 'staff'], loginMethod: 'password' });
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(JSON.stringify(event)).not.toContain(password);
    expect(JSON.stringify(event)).not.toContain(row!.passwordHash);
  });

  it('creates an account that logs in only through the municipality, with an OIDC subject', async () => {
    const ctx = await contextFor(database, adminId);
    const user = await createUser(ctx, input({ loginMethod: 'oidc', password: undefined, oidcSubject: 'sub-123' }));
    expect(user).toMatchObject({ hasPassword: false, oidcSubject: 'sub-123' });
    const again = await rejection(createUser(ctx, input({ loginMethod: 'oidc', password: undefined, oidcSubject: 'sub-123' })));
    expect(again).toMatchObject({ code: 'user.oidc_subject_taken', status: 409 });
    expect(again.fields).toHaveProperty('oidcSubject');
  });

  it('refuses a username already in use, whatever the case, with 409 and a field message', async () => {
    const ctx = await contextFor(database, adminId);
    await createUser(ctx, input({ username: 'dobbel' }));
    const before = await database.db.select().from(users);
    const err = await rejection(createUser(ctx, input({ username: 'DOBBEL' })));
    expect(err).toMatchObject({ code: 'user.username_taken', status: 409, fields: { username: 'Brukernavnet er allerede i bruk. Velg et annet.' } });
    expect(await database.db.select().from(users)).toHaveLength(before.length);
  });

  it('refuses a role that is not in the roles table', async () => {
    const err = await rejection(createUser(await contextFor(database, adminId), input({ roles: ['superuser'] })));
    expect(err).toMatchObject({ code: 'user.unknown_role', status: 400 });
    expect(Object.keys(err.fields!)).toEqual(['roles']);
  });

  it('refuses staff (403) and anyone not logged in (401)', async () => {
    expect((await rejection(createUser(await contextFor(database, staffId), input()))).status).toBe(403);
    expect((await rejection(createUser(await contextFor(database, null), input()))).status).toBe(401);
  });
});

describe('the schema shared by form, API and command line', () => {
  const issues = (raw: Record<string, unknown>) =>
    Object.fromEntries(createUserInput.safeParse(raw).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? []);

  it('gives catalogue keys for a bad username, a short password and no role', () => {
    expect(issues({ username: 'Ad', displayName: 'A', roles: [], password: 'kort' })).toEqual({
      username: 'admin.validation.usernameLength',
      roles: 'validation.roleRequired',
      password: 'validation.passwordTooShort',
    });
    expect(issues({ username: 'ada lovelace', displayName: 'A', roles: ['admin'], password })).toEqual({ username: 'admin.validation.usernameChars' });
  });

  it('needs a password unless the user logs in only through the municipality, and then allows none', () => {
    expect(issues({ username: 'ada', displayName: 'A', roles: ['admin'] })).toEqual({ password: 'admin.validation.passwordRequired' });
    expect(issues({ username: 'ada', displayName: 'A', roles: ['admin'], loginMethod: 'oidc', email: 'ada@kommune.no' })).toEqual({});
    expect(issues({ username: 'ada', displayName: 'A', roles: ['admin'], loginMethod: 'oidc', oidcSubject: 'sub-1' })).toEqual({});
    // With neither, the first OIDC login could never find the account.
    expect(issues({ username: 'ada', displayName: 'A', roles: ['admin'], loginMethod: 'oidc' })).toEqual({ email: 'admin.validation.emailOrSubject' });
    expect(issues({ username: 'ada', displayName: 'A', roles: ['admin'], loginMethod: 'oidc', oidcSubject: 'sub-1', password })).toEqual({
      password: 'admin.validation.noPasswordForOidc',
    });
  });
});

describe('listUsers and listRoles', () => {
  it('lists the users of the own municipality only, with roles and lock status, and no password hashes', async () => {
    const other = await buildTenant(database.db);
    const stranger = await buildUser(database.db, { tenantId: other.id, roles: ['staff'] });
    const locked = await buildUser(database.db, {
      tenantId,
      roles: ['staff'],
      lockedUntil: new Date('2026-11-26T12:00:00+01:00'),
      failedLogins: 0,
      passwordHash: '$argon2id$secret',
    });
    const list = await listUsers(await contextFor(database, adminId, { now: new Date('2026-11-26T10:00:00+01:00') }));
    expect(list.map((u) => u.id)).not.toContain(stranger.id);
    expect(list.find((u) => u.id === adminId)).toMatchObject({ roles: ['admin'], isActive: true });
    expect(list.find((u) => u.id === locked.id)).toMatchObject({ isLocked: true, lockedUntil: '2026-11-26T11:00:00.000Z', hasPassword: true });
    expect(JSON.stringify(list)).not.toContain('argon2');
    expect((await rejection(listUsers(await contextFor(database, staffId)))).status).toBe(403);
  });

  it('lists the roles with the permissions the data gives them', async () => {
    const roles = await listRoles(await contextFor(database, adminId));
    expect(roles.find((r) => r.key === 'admin')).toMatchObject({ nameNb: 'Administrator', permissions: expect.arrayContaining(['user:admin', 'audit:read']) });
    expect([...roles.find((r) => r.key === 'steering_group')!.permissions].sort()).toEqual(['economics:read', 'report:dashboard', 'report:read:aggregate', 'risk:read']);
  });
});

describe('updateUser', () => {
  it('changes name, e-mail and roles, recording the fields and role keys changed', async () => {
    const ctx = await contextFor(database, adminId);
    const user = await createUser(ctx, input({ email: 'gammel@kommune.no' }));
    const updated = await updateUser(ctx, user.id, { displayName: 'Nytt Navn', email: null, roles: ['staff', 'housing_office'] });
    expect(updated).toMatchObject({ displayName: 'Nytt Navn', email: null, roles: ['housing_office', 'staff'] });
    const events = await eventsFor(user.id);
    expect(events.find((e) => e.action === 'user.update')!.details).toEqual({
      changed: ['displayName', 'email', 'roles'],
      roles: ['housing_office', 'staff'],
      rolesAdded: ['housing_office'],
      rolesRemoved: [],
    });
    expect(JSON.stringify(events)).not.toContain('Nytt Navn');
  });

  it('writes nothing when nothing changes', async () => {
    const ctx = await contextFor(database, adminId);
    const user = await createUser(ctx, input());
    await updateUser(ctx, user.id, { displayName: user.displayName, roles: ['staff'] });
    expect((await eventsFor(user.id)).map((e) => e.action)).toEqual(['user.create']);
  });

  it('deactivates a user, ending their sessions so they are logged out at once, and reactivates them', async () => {
    const ctx = await contextFor(database, adminId);
    const user = await createUser(ctx, input());
    await sessionFor(user.username);
    const deactivated = await updateUser(ctx, user.id, { isActive: false });
    expect(deactivated.isActive).toBe(false);
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await rejection(sessionFor(user.username))).code).toBe('auth.login_failed');
    const [event] = (await eventsFor(user.id)).filter((e) => e.action === 'user.deactivate');
    expect(event!.details).toEqual({ changed: ['isActive'], sessionsEnded: 1 });
    await updateUser(ctx, user.id, { isActive: true });
    expect(await sessionFor(user.username)).toEqual(expect.any(String));
  });

  it('refuses an administrator deactivating themselves', async () => {
    const err = await rejection(updateUser(await contextFor(database, adminId), adminId, { isActive: false }));
    expect(err).toMatchObject({ code: 'user.cannot_deactivate_self', status: 422 });
  });

  it('refuses to take the administrator role from the last active administrator, and changes nothing', async () => {
    const tenant = await buildTenant(database.db);
    const first = await buildUser(database.db, { tenantId: tenant.id, roles: ['admin'] });
    const second = await buildUser(database.db, { tenantId: tenant.id, roles: ['admin', 'staff'] });
    const ctx = await contextFor(database, first.id);
    // Two administrators: one may leave the role, and may be deactivated by the other.
    await updateUser(ctx, second.id, { roles: ['staff'] });
    const err = await rejection(updateUser(ctx, first.id, { roles: ['staff'], displayName: 'Ikke lagret' }));
    expect(err).toMatchObject({ code: 'user.last_administrator', status: 422 });
    const [row] = await database.db.select().from(users).where(eq(users.id, first.id));
    expect(row!.displayName).not.toBe('Ikke lagret');
    expect((await listUsers(ctx)).find((u) => u.id === first.id)!.roles).toEqual(['admin']);
    expect((await eventsFor(first.id)).filter((e) => e.action === 'user.update')).toHaveLength(0);
  });

  it('counts administrators by the permission their roles give, not by who asks', async () => {
    const tenant = await buildTenant(database.db);
    const only = await buildUser(database.db, { tenantId: tenant.id, roles: ['admin'] });
    const helper = await buildUser(database.db, { tenantId: tenant.id, roles: ['admin'] });
    const ctx = await contextFor(database, helper.id);
    // The helper gives up the role first; then only `only` holds user:admin and the helper no longer may act.
    await updateUser(ctx, helper.id, { roles: ['staff'] });
    expect((await rejection(updateUser(await contextFor(database, helper.id), only.id, { isActive: false }))).status).toBe(403);
    expect((await rejection(updateUser(await contextFor(database, only.id), only.id, { roles: ['steering_group'] }))).code).toBe(
      'user.last_administrator',
    );
  });

  it('does not find a user of another municipality', async () => {
    const other = await buildTenant(database.db);
    const stranger = await buildUser(database.db, { tenantId: other.id, roles: ['staff'] });
    const err = await rejection(updateUser(await contextFor(database, adminId), stranger.id, { isActive: false }));
    expect(err).toMatchObject({ code: 'user.not_found', status: 404 });
  });
});

describe('setUserPassword and unlockUser', () => {
  it("sets a new password: the old one stops working and the user's sessions end", async () => {
    const ctx = await contextFor(database, adminId);
    const user = await createUser(ctx, input());
    await sessionFor(user.username);
    await setUserPassword(ctx, user.id, { password: 'a brand new long password' });
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await rejection(sessionFor(user.username))).code).toBe('auth.login_failed');
    expect(await sessionFor(user.username, 'a brand new long password')).toEqual(expect.any(String));
    const events = await eventsFor(user.id);
    const event = events.find((e) => e.action === 'user.password_set');
    expect(event!.details).toEqual({ hadPassword: true, sessionsEnded: 1 });
    expect(JSON.stringify(events)).not.toContain('brand new');
  });

  it('lifts a lock after wrong passwords so the user can log in again', async () => {
    const ctx = await contextFor(database, adminId);
    const user = await createUser(ctx, input());
    const loginCtx = await contextFor(database, null);
    for (let i = 0; i < loginCtx.env.LOGIN_MAX_FAILURES; i++) {
      await rejection(logInWithPassword(loginCtx, { username: user.username, password: 'wrong password!' }));
    }
    expect((await rejection(sessionFor(user.username))).code).toBe('auth.account_locked');
    expect((await listUsers(ctx)).find((u) => u.id === user.id)).toMatchObject({ isLocked: true });
    const unlocked = await unlockUser(ctx, user.id);
    expect(unlocked).toMatchObject({ isLocked: false, lockedUntil: null, failedLogins: 0 });
    expect(await sessionFor(user.username)).toEqual(expect.any(String));
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, 'user.unlock')));
    expect(event!.details).toEqual({ wasLocked: true, failedLogins: 0 });
  });
});

describe('createFirstAdministrator (the command line bootstrap)', () => {
  let fresh: Database;
  beforeAll(async () => {
    fresh = await createTestDatabase();
  });
  afterAll(() => fresh.close());

  const adminInput = (username: string, roles = ['admin']) => createUserInput.parse({ username, displayName: 'Ada Admin', roles, password });

  it('needs a municipality name on a fresh install', async () => {
    const err = await rejection(createFirstAdministrator(await contextFor(fresh, null), {}, adminInput('ada')));
    expect(err.code).toBe('tenant.name_required');
  });

  it('creates the municipality and the administrator, audited with no actor, and the administrator can log in', async () => {
    const ctx = await contextFor(fresh, null);
    const result = await createFirstAdministrator(ctx, { municipality: 'Bodø kommune' }, adminInput('ada'));
    expect(result.tenant).toMatchObject({ name: 'Bodø kommune', created: true });
    expect(result.user).toMatchObject({ username: 'ada', roles: ['admin'] });
    expect(await logInWithPassword(ctx, { username: 'ada', password })).toEqual(expect.any(String));
    const events = await fresh.db.select().from(auditEvents).where(eq(auditEvents.tenantId, result.tenant.id));
    expect(events.map((e) => [e.action, e.actorUserId])).toEqual(
      expect.arrayContaining([
        ['tenant.create', null],
        ['user.create', null],
      ]),
    );
    expect(events.find((e) => e.action === 'user.create')!.details).toMatchObject({ via: 'cli', roles: ['admin'] });
  });

  it('refuses when an active administrator exists, unless forced', async () => {
    const ctx = await contextFor(fresh, null);
    expect((await rejection(createFirstAdministrator(ctx, {}, adminInput('eve')))).code).toBe('user.bootstrap_not_allowed');
    const forced = await createFirstAdministrator(ctx, { municipality: 'bodø KOMMUNE', force: true }, adminInput('reserve'));
    expect(forced.tenant).toMatchObject({ name: 'Bodø kommune', created: false });
    expect(await fresh.db.select().from(tenants)).toHaveLength(1);
  });

  it('creates administrators only, and never a second municipality by a typo', async () => {
    const ctx = await contextFor(fresh, null);
    expect((await rejection(createFirstAdministrator(ctx, { force: true }, adminInput('staffer', ['staff'])))).code).toBe('user.bootstrap_needs_admin_role');
    const typo = await rejection(createFirstAdministrator(ctx, { municipality: 'Bodo kommune' }, adminInput('typo')));
    expect(typo).toMatchObject({ code: 'tenant.not_found', meta: { public: { municipalities: ['Bodø kommune'] } } });
  });

  it('is not for logged-in users', async () => {
    const [tenant] = await fresh.db.select().from(tenants);
    const someone = await buildUser(fresh.db, { tenantId: tenant!.id, roles: ['staff'] });
    await expect(createFirstAdministrator(await contextFor(fresh, someone.id), {}, adminInput('sneaky'))).rejects.toThrow(/bootstrapping/);
  });
});

describe('the system role of scheduled jobs', () => {
  it('is neither listed nor assignable to a person', async () => {
    const tenant = await buildTenant(database.db);
    const admin = await buildUser(database.db, { tenantId: tenant.id, roles: ['admin'] });
    const ctx = await contextFor(database, admin.id);
    expect((await listRoles(ctx)).map((r) => r.key)).not.toContain('system');
    await expect(
      createUser(ctx, createUserInput.parse({ username: 'jobb.bruker', displayName: 'Jobb', password: 'et langt passord', roles: ['system'] })),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe('the system user of scheduled jobs', () => {
  it('is not listed and cannot be changed by an administrator', async () => {
    const tenant = await buildTenant(database.db);
    const admin = await buildUser(database.db, { tenantId: tenant.id, roles: ['admin'] });
    const system = await buildUser(database.db, { tenantId: tenant.id, roles: ['system'], isActive: false, username: `system-${tenant.id}` });
    const ctx = await contextFor(database, admin.id);
    expect((await listUsers(ctx)).map((u) => u.id)).not.toContain(system.id);
    await expect(updateUser(ctx, system.id, { isActive: true })).rejects.toMatchObject({ status: 404 });
  });
});
