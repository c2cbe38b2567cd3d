import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { tenants } from '../db/tenants.tables.ts';
import { rolePermissions, userRoles, users } from '../auth/auth.tables.ts';

/** Every municipality on this server: the daily jobs run once for each. */
export async function listTenantIds(db: Db): Promise<string[]> {
  return (await db.select({ id: tenants.id }).from(tenants).orderBy(tenants.createdAt)).map((t) => t.id);
}

export async function findUserByUsername(db: Db, username: string) {
  const [row] = await db.select({ id: users.id, tenantId: users.tenantId, displayName: users.displayName }).from(users).where(eq(users.username, username));
  return row;
}

/** Inserts the system user with its role, unless a parallel run got there first (the username is unique). */
export async function insertSystemUser(db: Db, tenantId: string, username: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ tenantId, username, displayName: 'System (planlagte jobber)', passwordHash: null, isActive: false })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (row) await tx.insert(userRoles).values({ userId: row.id, roleKey: 'system' }).onConflictDoNothing();
  });
}

/** The permissions the user's roles give, from the data (role_permissions), whatever is_active says. */
export async function listPermissions(db: Db, userId: string): Promise<{ roles: string[]; permissions: string[] }> {
  const rows = await db
    .select({ role: userRoles.roleKey, permission: rolePermissions.permissionKey })
    .from(userRoles)
    .leftJoin(rolePermissions, eq(rolePermissions.roleKey, userRoles.roleKey))
    .where(eq(userRoles.userId, userId));
  return {
    roles: [...new Set(rows.map((r) => r.role))].sort(),
    permissions: rows.flatMap((r) => (r.permission ? [r.permission] : [])),
  };
}
