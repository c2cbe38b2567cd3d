import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { houseRulesAcceptances, houseRulesVersions } from './agreements.tables.ts';

const versionColumns = {
  id: houseRulesVersions.id,
  tenantId: houseRulesVersions.tenantId,
  version: houseRulesVersions.version,
  rules: houseRulesVersions.rules,
  publishedAt: houseRulesVersions.publishedAt,
  publishedBy: houseRulesVersions.publishedBy,
  publishedByName: users.displayName,
};

export type HouseRulesVersionRow = typeof houseRulesVersions.$inferSelect & { publishedByName: string | null };

const selectVersions = (db: Db) => db.select(versionColumns).from(houseRulesVersions).leftJoin(users, eq(users.id, houseRulesVersions.publishedBy));

export async function findCurrentHouseRules(db: Db, tenantId: string): Promise<HouseRulesVersionRow | undefined> {
  const [row] = await selectVersions(db).where(eq(houseRulesVersions.tenantId, tenantId)).orderBy(desc(houseRulesVersions.version)).limit(1);
  return row;
}

export async function findHouseRulesVersion(db: Db, tenantId: string, id: string): Promise<HouseRulesVersionRow | undefined> {
  const [row] = await selectVersions(db).where(and(eq(houseRulesVersions.tenantId, tenantId), eq(houseRulesVersions.id, id)));
  return row;
}

export async function listHouseRulesVersions(db: Db, tenantId: string): Promise<HouseRulesVersionRow[]> {
  return selectVersions(db).where(eq(houseRulesVersions.tenantId, tenantId)).orderBy(desc(houseRulesVersions.version));
}

/** The newest house rules version the household of a stay accepted (at check-in), if any. */
export async function findAcceptedHouseRules(db: Db, tenantId: string, stayId: string): Promise<HouseRulesVersionRow | undefined> {
  const [row] = await selectVersions(db)
    .innerJoin(houseRulesAcceptances, eq(houseRulesAcceptances.versionId, houseRulesVersions.id))
    .where(and(eq(houseRulesAcceptances.tenantId, tenantId), eq(houseRulesAcceptances.stayId, stayId)))
    .orderBy(desc(houseRulesVersions.version))
    .limit(1);
  return row;
}

export async function insertHouseRulesVersion(db: Db, row: typeof houseRulesVersions.$inferInsert) {
  const [created] = await db.insert(houseRulesVersions).values(row).returning();
  return created!;
}

export async function insertAcceptance(db: Db, row: typeof houseRulesAcceptances.$inferInsert) {
  const [created] = await db.insert(houseRulesAcceptances).values(row).onConflictDoNothing().returning();
  return created;
}
