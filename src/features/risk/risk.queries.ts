import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { incidents } from '../incidents/incidents.tables.ts';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { hazardMeasures, hazards } from './risk.tables.ts';

// SQL of the risk analysis. Every query is scoped to one tenant.

export async function listHazards(db: Db, tenantId: string) {
  return db.select().from(hazards).where(eq(hazards.tenantId, tenantId)).orderBy(asc(hazards.createdAt), asc(hazards.title), asc(hazards.id));
}

export async function findHazard(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(hazards).where(and(eq(hazards.tenantId, tenantId), eq(hazards.id, id)));
  return row;
}

export async function insertHazard(db: Db, row: typeof hazards.$inferInsert) {
  const [inserted] = await db.insert(hazards).values(row).returning();
  return inserted!;
}

export async function updateHazard(db: Db, tenantId: string, id: string, values: Partial<typeof hazards.$inferInsert>) {
  await db.update(hazards).set(values).where(and(eq(hazards.tenantId, tenantId), eq(hazards.id, id)));
}

export async function listMeasures(db: Db, tenantId: string) {
  return db.select().from(hazardMeasures).where(eq(hazardMeasures.tenantId, tenantId)).orderBy(asc(hazardMeasures.dueOn), asc(hazardMeasures.id));
}

export async function insertMeasure(db: Db, row: typeof hazardMeasures.$inferInsert) {
  const [inserted] = await db.insert(hazardMeasures).values(row).returning();
  return inserted!;
}

export async function findMeasure(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(hazardMeasures).where(and(eq(hazardMeasures.tenantId, tenantId), eq(hazardMeasures.id, id)));
  return row;
}

export async function setMeasureDone(db: Db, tenantId: string, id: string, doneOn: string | null) {
  await db.update(hazardMeasures).set({ doneOn }).where(and(eq(hazardMeasures.tenantId, tenantId), eq(hazardMeasures.id, id)));
}

/** Incidents that realised the hazards (linked to them), newest first; type and severity only. */
export async function listRealisingIncidents(db: Db, tenantId: string, hazardIds: string[]) {
  if (hazardIds.length === 0) return [];
  return db
    .select({ id: incidents.id, hazardId: incidents.hazardId, occurredAt: incidents.occurredAt, type: incidents.type, severity: incidents.severity, status: incidents.status })
    .from(incidents)
    .where(and(eq(incidents.tenantId, tenantId), inArray(incidents.hazardId, hazardIds)))
    .orderBy(desc(incidents.occurredAt));
}

export async function findTenantName(db: Db, tenantId: string): Promise<string> {
  const [row] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.name ?? '';
}
