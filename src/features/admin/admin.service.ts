import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { adminError } from './admin.errors.ts';
import * as q from './admin.queries.ts';
import type { AdminUser, CreateUserInput, RoleOutput, SetPasswordInput, UpdateUserInput } from './admin.schema.ts';

// Users and roles of a municipality. Every write runs in one transaction with its audit row; the
// audit details name the fields changed and the role keys, never a password or its hash.

function toOutput(row: q.UserRow, roles: string[], now: Date): AdminUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    roles,
    isActive: row.isActive,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    isLocked: row.lockedUntil !== null && row.lockedUntil > now,
    failedLogins: row.failedLogins,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    hasPassword: row.hasPassword,
    oidcSubject: row.oidcSubject,
    createdAt: row.createdAt.toISOString(),
  };
}

async function loadOutput(tx: Ctx, tenantId: string, userId: string): Promise<AdminUser> {
  const row = await q.findUser(tx.db, tenantId, userId);
  if (!row) throw adminError('user.not_found');
  const roles = await q.rolesOfUsers(tx.db, [userId]);
  return toOutput(row, roles.get(userId) ?? [], tx.now);
}

const fieldMessage = (ctx: Ctx, code: keyof typeof adminError.definitions) => adminError.definitions[code][ctx.locale];

async function assertRolesExist(tx: Ctx, keys: string[]) {
  const known = await q.existingRoleKeys(tx.db, keys);
  if (keys.some((k) => !known.has(k))) throw adminError('user.unknown_role', { fields: { roles: fieldMessage(tx, 'user.unknown_role') } });
}

/** Refuses, and so rolls back, a change that leaves the tenant without an active administrator. */
async function assertAdministratorRemains(tx: Ctx, tenantId: string) {
  if ((await q.countActiveAdministrators(tx.db, tenantId)) === 0) throw adminError('user.last_administrator');
}

/**
 * The one way a user row is created, shared by the API and the bootstrap of the command line:
 * checks the username, OIDC subject and roles, inserts, and writes the audit row.
 */
async function insertNewUser(
  tx: Ctx,
  tenantId: string,
  input: CreateUserInput,
  passwordHash: string | null,
  extraDetails: Record<string, unknown> = {},
): Promise<AdminUser> {
  if (await q.findUserIdByUsername(tx.db, input.username)) {
    throw adminError('user.username_taken', { fields: { username: fieldMessage(tx, 'user.username_taken') } });
  }
  const oidcSubject = input.loginMethod === 'oidc' ? (input.oidcSubject ?? null) : null;
  if (oidcSubject && (await q.findUserIdByOidcSubject(tx.db, oidcSubject))) {
    throw adminError('user.oidc_subject_taken', { fields: { oidcSubject: fieldMessage(tx, 'user.oidc_subject_taken') } });
  }
  await assertRolesExist(tx, input.roles);
  let userId: string;
  try {
    userId = await q.insertUser(tx.db, {
      tenantId,
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      passwordHash,
      oidcSubject,
      createdAt: tx.now,
    });
  } catch (err) {
    // Someone took the name between the check and the insert.
    if (isUniqueViolation(err, 'users_username_unique')) throw adminError('user.username_taken', { fields: { username: fieldMessage(tx, 'user.username_taken') } });
    if (isUniqueViolation(err, 'users_oidc_subject_unique')) throw adminError('user.oidc_subject_taken', { fields: { oidcSubject: fieldMessage(tx, 'user.oidc_subject_taken') } });
    throw err;
  }
  const roles = [...input.roles].sort();
  await q.replaceUserRoles(tx.db, userId, roles);
  await recordEvent(tx, {
    tenantId,
    action: 'user.create',
    entityType: 'user',
    entityId: userId,
    details: { roles, loginMethod: input.loginMethod, hasEmail: Boolean(input.email), hasOidcSubject: Boolean(oidcSubject), ...extraDetails },
  });
  return loadOutput(tx, tenantId, userId);
}

/** The users of the administrator's municipality with their roles, status and last login. */
export async function listUsers(ctx: Ctx): Promise<AdminUser[]> {
  const admin = requirePermission(ctx, 'user:admin');
  const rows = await q.listUsers(ctx.db, admin.tenantId);
  const roles = await q.rolesOfUsers(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toOutput(r, roles.get(r.id) ?? [], ctx.now));
}

/** Every role with the permissions it grants (roles map to permissions in data, not in code). */
export async function listRoles(ctx: Ctx): Promise<RoleOutput[]> {
  requirePermission(ctx, 'user:admin');
  return q.listRolesWithPermissions(ctx.db);
}

/** Creates a user with a password, or an account that only logs in through the municipality's OIDC. */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<AdminUser> {
  const admin = requirePermission(ctx, 'user:admin');
  // Hashing takes a while on purpose; do it before the transaction holds any lock.
  const passwordHash = input.loginMethod === 'password' && input.password ? await hashPassword(input.password) : null;
  return inTransaction(ctx, (tx) => insertNewUser(tx, admin.tenantId, input, passwordHash));
}

/**
 * Changes name, e-mail, roles or active flag. Deactivating ends the user's sessions. Refuses to
 * deactivate oneself, and any change that would leave the municipality without an active administrator.
 */
export async function updateUser(ctx: Ctx, userId: string, input: UpdateUserInput): Promise<AdminUser> {
  const admin = requirePermission(ctx, 'user:admin');
  if (input.isActive === false && userId === admin.id) throw adminError('user.cannot_deactivate_self');
  return inTransaction(ctx, async (tx) => {
    await q.lockTenantForUserChanges(tx.db, admin.tenantId);
    const before = await q.findUser(tx.db, admin.tenantId, userId);
    if (!before) throw adminError('user.not_found');
    const rolesBefore = (await q.rolesOfUsers(tx.db, [userId])).get(userId) ?? [];

    const values: { displayName?: string; email?: string | null; isActive?: boolean } = {};
    if (input.displayName !== undefined && input.displayName !== before.displayName) values.displayName = input.displayName;
    if (input.email !== undefined && input.email !== before.email) values.email = input.email;
    if (input.isActive !== undefined && input.isActive !== before.isActive) values.isActive = input.isActive;
    const changed: string[] = Object.keys(values);

    const rolesAfter = input.roles ? [...input.roles].sort() : rolesBefore;
    const rolesAdded = rolesAfter.filter((r) => !rolesBefore.includes(r));
    const rolesRemoved = rolesBefore.filter((r) => !rolesAfter.includes(r));
    if (rolesAdded.length || rolesRemoved.length) {
      await assertRolesExist(tx, rolesAdded);
      changed.push('roles');
    }
    if (changed.length === 0) return loadOutput(tx, admin.tenantId, userId);

    if (Object.keys(values).length) await q.updateUserRow(tx.db, admin.tenantId, userId, values);
    if (changed.includes('roles')) await q.replaceUserRoles(tx.db, userId, rolesAfter);
    if (values.isActive === false || rolesRemoved.length) await assertAdministratorRemains(tx, admin.tenantId);
    const sessionsEnded = values.isActive === false ? await q.deleteSessionsOfUser(tx.db, userId) : undefined;

    const action = values.isActive === false ? 'user.deactivate' : values.isActive === true ? 'user.reactivate' : 'user.update';
    await recordEvent(tx, {
      action,
      entityType: 'user',
      entityId: userId,
      details: {
        changed,
        ...(changed.includes('roles') ? { roles: rolesAfter, rolesAdded, rolesRemoved } : {}),
        ...(sessionsEnded !== undefined ? { sessionsEnded } : {}),
      },
    });
    return loadOutput(tx, admin.tenantId, userId);
  });
}

/** Sets a new password. Another user's sessions end, since a reset often follows a leaked password. */
export async function setUserPassword(ctx: Ctx, userId: string, input: SetPasswordInput): Promise<void> {
  const admin = requirePermission(ctx, 'user:admin');
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx, async (tx) => {
    const row = await q.findUser(tx.db, admin.tenantId, userId);
    if (!row) throw adminError('user.not_found');
    await q.updateUserRow(tx.db, admin.tenantId, userId, { passwordHash });
    const sessionsEnded = userId === admin.id ? 0 : await q.deleteSessionsOfUser(tx.db, userId);
    await recordEvent(tx, { action: 'user.password_set', entityType: 'user', entityId: userId, details: { hadPassword: row.hasPassword, sessionsEnded } });
  });
}

/** Lifts a lock after too many wrong passwords and starts the count again. */
export async function unlockUser(ctx: Ctx, userId: string): Promise<AdminUser> {
  const admin = requirePermission(ctx, 'user:admin');
  return inTransaction(ctx, async (tx) => {
    const row = await q.findUser(tx.db, admin.tenantId, userId);
    if (!row) throw adminError('user.not_found');
    await q.updateUserRow(tx.db, admin.tenantId, userId, { lockedUntil: null, failedLogins: 0 });
    await recordEvent(tx, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: userId,
      details: { wasLocked: row.lockedUntil !== null && row.lockedUntil > tx.now, failedLogins: row.failedLogins },
    });
    return loadOutput(tx, admin.tenantId, userId);
  });
}

export interface BootstrapResult {
  tenant: { id: string; name: string; created: boolean };
  user: AdminUser;
}

/**
 * Bootstrapping only, for the `user:create` command line tool run by whoever runs the server: creates
 * an administrator without a logged-in user (ctx.user must be null), and the municipality if there is
 * none yet. It skips the permission check, so it refuses when the municipality already has an active
 * administrator, unless `force` is set to recover access (for example when every administrator has
 * forgotten their password). Everything else goes through the same path as createUser.
 */
export async function createFirstAdministrator(
  ctx: Ctx,
  options: { municipality?: string; force?: boolean },
  input: CreateUserInput,
): Promise<BootstrapResult> {
  if (ctx.user !== null) throw new Error('createFirstAdministrator is for bootstrapping without a logged-in user');
  const passwordHash = input.loginMethod === 'password' && input.password ? await hashPassword(input.password) : null;
  return inTransaction(ctx, async (tx) => {
    const tenant = await resolveTenant(tx, options.municipality?.trim() || undefined);
    await q.lockTenantForUserChanges(tx.db, tenant.id);
    const grants = await q.permissionsOfRoles(tx.db, input.roles);
    await assertRolesExist(tx, input.roles);
    if (!grants.has(q.adminPermission)) throw adminError('user.bootstrap_needs_admin_role', { fields: { roles: fieldMessage(tx, 'user.bootstrap_needs_admin_role') } });
    if (!options.force && (await q.countActiveAdministrators(tx.db, tenant.id)) > 0) throw adminError('user.bootstrap_not_allowed');
    const user = await insertNewUser(tx, tenant.id, input, passwordHash, { via: 'cli', ...(options.force ? { force: true } : {}) });
    return { tenant, user };
  });
}

/** The municipality named (created when there is none at all), or the only one there is. */
async function resolveTenant(tx: Ctx, name: string | undefined): Promise<BootstrapResult['tenant']> {
  const existing = await q.listTenants(tx.db);
  if (name) {
    const match = existing.find((t) => t.name.toLocaleLowerCase('nb') === name.toLocaleLowerCase('nb'));
    if (match) return { ...match, created: false };
    if (existing.length > 0) {
      // A typo must not quietly create a second municipality next to the real one.
      throw adminError('tenant.not_found', { meta: { public: { municipalities: existing.map((t) => t.name) } } });
    }
    const created = await q.insertTenant(tx.db, name);
    await recordEvent(tx, { tenantId: created.id, action: 'tenant.create', entityType: 'tenant', entityId: created.id, details: { via: 'cli' } });
    return { ...created, created: true };
  }
  if (existing.length === 1) return { ...existing[0]!, created: false };
  if (existing.length === 0) throw adminError('tenant.name_required');
  throw adminError('tenant.ambiguous', { meta: { public: { municipalities: existing.map((t) => t.name) } } });
}
