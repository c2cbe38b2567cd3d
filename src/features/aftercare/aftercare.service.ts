import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import type { moveOutDestinations } from '../stays/moving-on.tables.ts';
import { aftercareError } from './aftercare.errors.ts';
import { plannedFollowUps } from './aftercare.rules.ts';
import * as q from './aftercare.queries.ts';

export interface PlannedFollowUp {
  id: string;
  monthsAfter: number;
  dueOn: string;
}

/**
 * Plans the "still housed?" follow-ups 1, 3 and 6 months after a move-out (calendar months, clamped
 * to the month's end; none after a death). Called by the move-out inside its own transaction, with the
 * same context, so the move-out and its follow-ups are written together or not at all. Planning is a
 * consequence of recording the move-out, so it asks for the move-out's permission, not aftercare:write.
 * Calling it twice for one stay keeps the first plan.
 */
export async function planFollowUpsAfterMoveOut(
  ctx: Ctx,
  input: { personId: string; stayId: string; movedOutOn: string; destination: (typeof moveOutDestinations)[number] },
): Promise<PlannedFollowUp[]> {
  const user = requirePermission(ctx, 'stay:move_out');
  const planned = plannedFollowUps(input.movedOutOn, input.destination);
  return inTransaction(ctx, async (tx) => {
    const stay = await q.findStayOfPerson(tx.db, user.tenantId, input.stayId, input.personId);
    if (!stay) throw aftercareError('aftercare.stay_not_found');
    const rows = await q.insertFollowUps(
      tx.db,
      planned.map((p) => ({ tenantId: user.tenantId, personId: input.personId, stayId: input.stayId, monthsAfter: p.monthsAfter, dueOn: p.dueOn })),
    );
    await recordEvent(tx, {
      action: 'aftercare.follow_ups_planned',
      entityType: 'stay',
      entityId: input.stayId,
      personId: input.personId,
      purpose: 'follow_up',
      details: { monthsAfter: rows.map((r) => r.monthsAfter) },
    });
    return rows.map((r) => ({ id: r.id, monthsAfter: r.monthsAfter, dueOn: r.dueOn }));
  });
}
