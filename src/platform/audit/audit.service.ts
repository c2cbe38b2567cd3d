import { auditEvents } from './audit.tables.ts';
import { insertReadEvents, insertWriteEvent } from './audit.queries.ts';
import type { Ctx } from '../http/context.ts';
import { assertRecordAccess, closedRecordsAmong } from '../../features/privacy/privacy.access.ts';

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
  await insertWriteEvent(ctx.db, {
    tenantId: event.tenantId ?? ctx.user?.tenantId ?? null,
    at: ctx.now,
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

/**
 * Records a read of a person's record, with the purpose the reader gave — after the one access check
 * (access by need, `assertRecordAccess`): a closed record is refused here, before anything is shown.
 */
export async function recordAccess(ctx: Ctx, personId: string, purpose: string, action = 'person.read'): Promise<void> {
  await assertRecordAccess(ctx, personId);
  await insertReadEvents(
    ctx.db,
    { tenantId: ctx.user?.tenantId ?? null, at: ctx.now, actorUserId: ctx.user?.id ?? null, action, purpose, requestId: ctx.requestId },
    [personId],
  );
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

/**
 * Records reads of several people's records at once (a list page such as the board, a bulk export):
 * one row per distinct person, exactly as recordAccess would write them, in statements of 500 rows.
 * It does not apply the access-by-need check: callers list people they may see (current residents)
 * or hold a permission that covers everyone (data:export).
 */
export async function recordAccesses(ctx: Ctx, personIds: Iterable<string | null>, purpose: string, action = 'person.read'): Promise<void> {
  const ids = [...new Set([...personIds].filter((p): p is string => p !== null))];
  await insertReadEvents(
    ctx.db,
    { tenantId: ctx.user?.tenantId ?? null, at: ctx.now, actorUserId: ctx.user?.id ?? null, action, purpose, requestId: ctx.requestId },
    ids,
  );
}

/**
 * Records the reads of the people a list shows, after the access check (access by need) for each.
 * Unlike recordAccess it does not refuse: people whose record is closed to this user are not read and
 * get no row in their access log; the list shows them as closed rows (name only, «Lukket journal»).
 * Returns those closed people, so the caller can leave out everything but their name.
 */
export async function recordListAccess(ctx: Ctx, personIds: Iterable<string | null>, purpose: string, action = 'person.read'): Promise<Set<string>> {
  const ids = [...new Set([...personIds].filter((p): p is string => p !== null))];
  const closed = await closedRecordsAmong(ctx, ids);
  await recordAccesses(
    ctx,
    ids.filter((id) => !closed.has(id)),
    purpose,
    action,
  );
  return closed;
}
