import type { Ctx } from '../http/context.ts';
import { requirePermission } from '../auth/permissions.ts';
import { listAuditEvents } from './audit.queries.ts';

/** The whole audit log of the tenant, newest first, for the administrator. */
export async function readAuditLog(ctx: Ctx, query: { kind?: 'read' | 'write'; before?: string; limit: number }) {
  const user = requirePermission(ctx, 'audit:read');
  const rows = await listAuditEvents(ctx.db, {
    tenantId: user.tenantId,
    kind: query.kind,
    before: query.before ? new Date(query.before) : undefined,
    limit: query.limit,
  });
  const events = rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  return { events, nextBefore: events.length === query.limit ? (events.at(-1)?.at ?? null) : null };
}
