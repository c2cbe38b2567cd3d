import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditEvents } from './audit.tables.ts';
import { users } from '../auth/auth.tables.ts';

export async function listAuditEvents(
  db: Db,
  filter: { tenantId: string; personId?: string; kind?: 'read' | 'write'; before?: { at: Date; id: string }; limit: number },
) {
  const where: SQL[] = [eq(auditEvents.tenantId, filter.tenantId)];
  if (filter.personId) where.push(eq(auditEvents.personId, filter.personId));
  if (filter.kind) where.push(eq(auditEvents.kind, filter.kind));
  // Keyset paging on (at, id): events written in one transaction share a timestamp, so paging on
  // the time alone would skip the rest of such a group.
  if (filter.before) where.push(sql`(${auditEvents.at}, ${auditEvents.id}) < (${filter.before.at.toISOString()}::timestamptz, ${filter.before.id}::uuid)`);
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      kind: auditEvents.kind,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      personId: auditEvents.personId,
      purpose: auditEvents.purpose,
      actorUserId: auditEvents.actorUserId,
      actorName: users.displayName,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(filter.limit);
}
