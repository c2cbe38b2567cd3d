import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { houseRulesAcceptances, houseRulesVersions } from './agreements.tables.ts';

export async function findCurrentHouseRules(db: Db, tenantId: string) {
  const [row] = await db
    .select()
    .from(houseRulesVersions)
    .where(eq(houseRulesVersions.tenantId, tenantId))
    .orderBy(desc(houseRulesVersions.version))
    .limit(1);
  return row;
}

export async function findHouseRulesVersion(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(houseRulesVersions)
    .where(and(eq(houseRulesVersions.tenantId, tenantId), eq(houseRulesVersions.id, id)));
  return row;
}

export async function listHouseRulesVersions(db: Db, tenantId: string) {
  return db.select().from(houseRulesVersions).where(eq(houseRulesVersions.tenantId, tenantId)).orderBy(desc(houseRulesVersions.version));
}

export async function insertHouseRulesVersion(db: Db, row: typeof houseRulesVersions.$inferInsert) {
  const [created] = await db.insert(houseRulesVersions).values(row).returning();
  return created!;
}

export async function insertAcceptance(db: Db, row: typeof houseRulesAcceptances.$inferInsert) {
  const [created] = await db.insert(houseRulesAcceptances).values(row).onConflictDoNothing().returning();
  return created;
}
