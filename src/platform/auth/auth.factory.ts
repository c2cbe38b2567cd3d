import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { tenants } from '../db/tenants.tables.ts';
import { users, userRoles } from './auth.tables.ts';
import { hashPassword } from './password.ts';

export async function buildTenant(db: Db, overrides: Partial<typeof tenants.$inferInsert> = {}) {
  const [row] = await db.insert(tenants).values({ name: `Testkommune ${randomBytes(3).toString('hex')}`, ...overrides }).returning();
  return row!;
}

/** A user with the given roles; the password is hashed only when one is given (hashing is slow). */
export async function buildUser(
  db: Db,
  options: { tenantId: string; roles: string[]; password?: string } & Partial<typeof users.$inferInsert>,
) {
  const { roles, password, ...overrides } = options;
  const suffix = randomBytes(4).toString('hex');
  const [row] = await db
    .insert(users)
    .values({
      username: `user_${suffix}`,
      displayName: `Test Bruker ${suffix}`,
      passwordHash: password ? await hashPassword(password) : null,
      ...overrides,
    })
    .returning();
  if (roles.length) await db.insert(userRoles).values(roles.map((roleKey) => ({ userId: row!.id, roleKey })));
  return row!;
}
