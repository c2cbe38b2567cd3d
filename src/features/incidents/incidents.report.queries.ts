import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { incidents } from './incidents.tables.ts';
import { osloDayStart } from './incidents.queries.ts';

export interface IncidentCount {
  type: (typeof incidents.$inferSelect)['type'];
  severity: (typeof incidents.$inferSelect)['severity'];
  count: number;
}

/**
 * For the monthly report: incidents of a tenant that occurred in a period, counted by type and
 * severity (only combinations that occurred). `fromOn` and `toOn` are Oslo calendar days, both
 * included. No personal data.
 */
export async function countIncidentsByTypeAndSeverity(db: Db, tenantId: string, fromOn: string, toOn: string): Promise<IncidentCount[]> {
  return db
    .select({ type: incidents.type, severity: incidents.severity, count: sql<number>`count(*)::int` })
    .from(incidents)
    .where(and(eq(incidents.tenantId, tenantId), gte(incidents.occurredAt, osloDayStart(fromOn)), lt(incidents.occurredAt, osloDayStart(toOn, 1))))
    .groupBy(incidents.type, incidents.severity)
    .orderBy(incidents.type, incidents.severity);
}
