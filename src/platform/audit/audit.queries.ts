import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { withoutSorting } from '../db/plan-mode.ts';
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
  // Read from the index in (at, id) order, whatever the statistics guess about how many events
  // match: a much-read resident's events outgrow the estimate within hours (plan-mode.ts).
  return withoutSorting(db, () =>
    db
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
      .limit(filter.limit),
  );
}

/**
 * One write event. Written as SQL rather than through Drizzle's insert builder: every write request
 * records one, and building the eleven-column insert cost Drizzle 0.15 ms a call (docs/scaling.md).
 */
export async function insertWriteEvent(
  db: Db,
  event: {
    tenantId: string | null;
    at: Date;
    actorUserId: string | null;
    action: string;
    entityType: string;
    entityId: string | null;
    personId: string | null;
    purpose: string | null;
    details: Record<string, unknown> | null;
    requestId: string;
  },
) {
  await db.execute(sql`
    insert into audit_events (tenant_id, at, kind, actor_user_id, action, entity_type, entity_id, person_id, purpose, details, request_id)
    values (${event.tenantId}::uuid, ${event.at.toISOString()}::timestamptz, 'write', ${event.actorUserId}::uuid, ${event.action},
            ${event.entityType}, ${event.entityId}::uuid, ${event.personId}::uuid, ${event.purpose},
            ${event.details === null ? null : JSON.stringify(event.details)}::jsonb, ${event.requestId})`);
}

/**
 * One read event per person, in one statement whatever the number: the people go as one array
 * parameter (unnest), so the SQL text is the same for a board of 3 or 300 residents. Built by Drizzle
 * as a multi-row insert (ten parameters a row), building the statement cost more of the app's time
 * than anything else on the board (CPU profile at 50 connections, docs/scaling.md).
 */
export async function insertReadEvents(
  db: Db,
  read: { tenantId: string | null; at: Date; actorUserId: string | null; action: string; purpose: string; requestId: string },
  personIds: string[],
) {
  if (personIds.length === 0) return;
  await db.execute(sql`
    insert into audit_events (tenant_id, at, kind, actor_user_id, action, entity_type, entity_id, person_id, purpose, request_id)
    select ${read.tenantId}::uuid, ${read.at.toISOString()}::timestamptz, 'read', ${read.actorUserId}::uuid, ${read.action}, 'person', p, p,
           ${read.purpose}, ${read.requestId}
      from unnest(${sql.param(personIds)}::uuid[]) as p`);
}
