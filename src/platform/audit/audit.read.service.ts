import type { Ctx } from '../http/context.ts';
import { requirePermission } from '../auth/permissions.ts';
import { listAuditEvents } from './audit.queries.ts';

/** The paging cursor is "<ISO instant>_<event id>" of the last event on the previous page. */
function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = cursor.split('_');
  return { at: new Date(at!), id: id! };
}

/** The whole audit log of the tenant, newest first, for the administrator. */
export async function readAuditLog(ctx: Ctx, query: { kind?: 'read' | 'write'; before?: string; limit: number }) {
  const user = requirePermission(ctx, 'audit:read');
  const rows = await listAuditEvents(ctx.db, {
    tenantId: user.tenantId,
    kind: query.kind,
    before: query.before ? decodeCursor(query.before) : undefined,
    limit: query.limit,
  });
  const events = rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  const last = events.at(-1);
  return { events, nextBefore: events.length === query.limit && last ? `${last.at}_${last.id}` : null };
}
