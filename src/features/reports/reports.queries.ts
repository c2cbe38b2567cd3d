import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { monthlyReportArchive } from './reports.tables.ts';

// The archive of monthly reports and the little the reports need besides their figures.

export async function findTenantName(db: Db, tenantId: string): Promise<string> {
  const [row] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.name ?? '';
}

export type ArchiveRow = typeof monthlyReportArchive.$inferSelect;

/** Stores a report; a scheduled one is stored once per month (a unique index), so a retried job changes nothing. */
export async function insertArchivedReport(db: Db, row: typeof monthlyReportArchive.$inferInsert): Promise<ArchiveRow | null> {
  const [inserted] = await db.insert(monthlyReportArchive).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function listArchivedReports(db: Db, tenantId: string) {
  return db
    .select({ id: monthlyReportArchive.id, month: monthlyReportArchive.month, producedAt: monthlyReportArchive.producedAt, trigger: monthlyReportArchive.trigger })
    .from(monthlyReportArchive)
    .where(eq(monthlyReportArchive.tenantId, tenantId))
    .orderBy(desc(monthlyReportArchive.month), desc(monthlyReportArchive.producedAt));
}

export async function findArchivedReport(db: Db, tenantId: string, id: string): Promise<ArchiveRow | undefined> {
  const [row] = await db
    .select()
    .from(monthlyReportArchive)
    .where(and(eq(monthlyReportArchive.tenantId, tenantId), eq(monthlyReportArchive.id, id)));
  return row;
}
