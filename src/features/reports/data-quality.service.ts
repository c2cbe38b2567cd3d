import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { listDataQualityIssues, type DataQualityRow } from './data-quality.queries.ts';
import type { DataQualityIssueOutput } from './reports.schema.ts';

// The data-quality list of the service lead: what is wrong and the page that fixes it. Only ids and
// room names are shown (the page behind the link logs its own reads of a person's record).

/** The page that fixes an issue: the person (their stays and move-out), the room, or the decision. */
export function fixPathOf(row: Pick<DataQualityRow, 'kind' | 'entityId' | 'personId' | 'roomId'>): string {
  switch (row.kind) {
    case 'overlapping_stays':
    case 'missing_destination':
      return `/personer/${row.personId}`;
    case 'out_of_service_occupied':
    case 'over_capacity':
    case 'state_mismatch':
      return `/hybler/${row.roomId}`;
    case 'referral_undecided':
      return `/henvisninger/${row.entityId}/vedtak`;
  }
}

export async function getDataQuality(ctx: Ctx): Promise<DataQualityIssueOutput[]> {
  const user = requirePermission(ctx, 'report:read');
  return inTransaction(ctx, async (tx) => {
    const rows = await listDataQualityIssues(tx.db, user.tenantId, tx.now);
    return rows.map((r) => ({ kind: r.kind, entityId: r.entityId, on: r.on, roomName: r.roomName, fixPath: fixPathOf(r) }));
  });
}
