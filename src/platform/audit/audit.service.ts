import { auditEvents } from './audit.tables.ts';
import type { Ctx } from '../http/context.ts';

export interface AuditWrite {
  action: string;
  entityType: string;
  entityId?: string | null;
  personId?: string | null;
  tenantId?: string | null;
  /** Names of fields changed and other non-personal facts; never the values of personal fields. */
  details?: Record<string, unknown>;
  purpose?: string;
}

/** Records a write. Call inside the same transaction as the write itself. */
export async function recordEvent(ctx: Ctx, event: AuditWrite): Promise<void> {
  await ctx.db.insert(auditEvents).values({
    tenantId: event.tenantId ?? ctx.user?.tenantId ?? null,
    at: ctx.now,
    kind: 'write',
    actorUserId: ctx.user?.id ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    personId: event.personId ?? null,
    purpose: event.purpose ?? null,
    details: event.details ?? null,
    requestId: ctx.requestId,
  });
}

/** Records a read of a person's record, with the purpose the reader gave. */
export async function recordAccess(ctx: Ctx, personId: string, purpose: string, action = 'person.read'): Promise<void> {
  await ctx.db.insert(auditEvents).values({
    tenantId: ctx.user?.tenantId ?? null,
    at: ctx.now,
    kind: 'read',
    actorUserId: ctx.user?.id ?? null,
    action,
    entityType: 'person',
    entityId: personId,
    personId,
    purpose,
    requestId: ctx.requestId,
  });
}

/** recordEvent for many rows at once (bulk imports): the same rows, written in chunks. */
export async function recordEvents(ctx: Ctx, events: AuditWrite[]): Promise<void> {
  const rows = events.map((event) => ({
    tenantId: event.tenantId ?? ctx.user?.tenantId ?? null,
    at: ctx.now,
    kind: 'write' as const,
    actorUserId: ctx.user?.id ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    personId: event.personId ?? null,
    purpose: event.purpose ?? null,
    details: event.details ?? null,
    requestId: ctx.requestId,
  }));
  for (let i = 0; i < rows.length; i += 500) await ctx.db.insert(auditEvents).values(rows.slice(i, i + 500));
}

/** recordAccess for many people at once (bulk exports): one read row per person, written in chunks. */
export async function recordAccesses(ctx: Ctx, personIds: string[], purpose: string, action = 'person.read'): Promise<void> {
  const rows = personIds.map((personId) => ({
    tenantId: ctx.user?.tenantId ?? null,
    at: ctx.now,
    kind: 'read' as const,
    actorUserId: ctx.user?.id ?? null,
    action,
    entityType: 'person',
    entityId: personId,
    personId,
    purpose,
    requestId: ctx.requestId,
  }));
  for (let i = 0; i < rows.length; i += 500) await ctx.db.insert(auditEvents).values(rows.slice(i, i + 500));
}
