import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { rolePermissions, roles, sessions, userRoles, users } from '../../platform/auth/auth.tables.ts';

/** The permission that makes a user an administrator; who holds it is decided by the roles in data. */
export const adminPermission = 'user:admin';

const userColumns = {
  id: users.id,
  tenantId: users.tenantId,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  hasPassword: sql<boolean>`(${users.passwordHash} is not null)`,
  oidcSubject: users.oidcSubject,
  isActive: users.isActive,
  failedLogins: users.failedLogins,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

// The scheduled jobs' own user (role system) is not a person: administrators neither see nor change it,
// so it can never be activated, given a password or other roles.
const isNotSystemUser = sql`not exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.roleKey} = 'system')`;

/** The people who use the tenant's service, without password hashes, ordered by name. */
export async function listUsers(db: Db, tenantId: string) {
  return db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.tenantId, tenantId), isNotSystemUser))
    .orderBy(asc(users.displayName), asc(users.username));
}

export async function findUser(db: Db, tenantId: string, userId: string) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId), isNotSystemUser));
  return row;
}

/** Role keys per user id, each list sorted. */
export async function rolesOfUsers(db: Db, userIds: string[]): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: userRoles.userId, roleKey: userRoles.roleKey })
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.roleKey));
  for (const r of rows) byUser.get(r.userId)?.push(r.roleKey);
  return byUser;
}

/** Usernames are unique across all municipalities (login asks for no municipality), whatever the case. */
export async function findUserIdByUsername(db: Db, username: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return row?.id;
}

export async function findUserIdByOidcSubject(db: Db, subject: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.oidcSubject, subject));
  return row?.id;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert) {
  const [created] = await db.insert(users).values(row).returning({ id: users.id });
  return created!.id;
}

export async function updateUserRow(db: Db, tenantId: string, userId: string, values: Partial<typeof users.$inferInsert>) {
  await db
    .update(users)
    .set(values)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}

export async function replaceUserRoles(db: Db, userId: string, roleKeys: string[]) {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roleKeys.length) await db.insert(userRoles).values(roleKeys.map((roleKey) => ({ userId, roleKey })));
}

/** Ends every session of the user; returns how many there were. */
export async function deleteSessionsOfUser(db: Db, userId: string) {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

/** Active users of the tenant who hold the administrator permission through any of their roles. */
export async function countActiveAdministrators(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${users.id})::int` })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, eq(rolePermissions.roleKey, userRoles.roleKey))
    .where(and(eq(users.tenantId, tenantId), eq(users.isActive, true), eq(rolePermissions.permissionKey, adminPermission)));
  return row?.n ?? 0;
}

/**
 * Takes a row lock on the tenant, so two administrators changing users at the same moment are
 * serialised and cannot together remove the last administrator.
 */
export async function lockTenantForUserChanges(db: Db, tenantId: string) {
  await db.execute(sql`select ${tenants.id} from ${tenants} where ${tenants.id} = ${tenantId} for update`);
}

// The system role belongs to the scheduled jobs' own user; a person is never given it.
const systemRole = 'system';

/** Every role a person can hold, with the permission strings it grants. */
export async function listRolesWithPermissions(db: Db) {
  const rows = await db
    .select({ key: roles.key, nameNb: roles.nameNb, nameEn: roles.nameEn, permission: rolePermissions.permissionKey })
    .from(roles)
    .leftJoin(rolePermissions, eq(rolePermissions.roleKey, roles.key))
    .where(ne(roles.key, systemRole))
    .orderBy(asc(roles.nameNb), asc(rolePermissions.permissionKey));
  const byKey = new Map<string, { key: string; nameNb: string; nameEn: string; permissions: string[] }>();
  for (const r of rows) {
    const role = byKey.get(r.key) ?? { key: r.key, nameNb: r.nameNb, nameEn: r.nameEn, permissions: [] };
    if (r.permission) role.permissions.push(r.permission);
    byKey.set(r.key, role);
  }
  return [...byKey.values()];
}

/** The permissions the given roles grant together. */
export async function permissionsOfRoles(db: Db, roleKeys: string[]): Promise<Set<string>> {
  if (roleKeys.length === 0) return new Set();
  const rows = await db
    .select({ permission: rolePermissions.permissionKey })
    .from(rolePermissions)
    .where(inArray(rolePermissions.roleKey, roleKeys));
  return new Set(rows.map((r) => r.permission));
}

export async function existingRoleKeys(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: roles.key })
    .from(roles)
    .where(and(inArray(roles.key, keys), ne(roles.key, systemRole)));
  return new Set(rows.map((r) => r.key));
}

export async function listTenants(db: Db) {
  return db.select({ id: tenants.id, name: tenants.name }).from(tenants).orderBy(asc(tenants.createdAt));
}

export async function insertTenant(db: Db, name: string) {
  const [row] = await db.insert(tenants).values({ name }).returning({ id: tenants.id, name: tenants.name });
  return row!;
}
