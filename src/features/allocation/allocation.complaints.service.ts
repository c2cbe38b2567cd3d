import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { allocationError } from './allocation.errors.ts';
import * as q from './allocation.queries.ts';
import { toComplaintOutput } from './allocation.outputs.ts';
import { isComplaintLate, nextComplaintSteps, osloDate } from './allocation.rules.ts';
import type { ComplaintEventInput, ComplaintInput, ComplaintOutput } from './allocation.schema.ts';

const fieldError = (ctx: Ctx, code: Parameters<typeof allocationError>[0], field: string) =>
  allocationError(code, { fields: { [field]: allocationError.definitions[code][ctx.locale] } });

async function loadComplaint(ctx: Ctx, tenantId: string, complaintId: string): Promise<ComplaintOutput> {
  const [row] = await q.listComplaints(ctx.db, tenantId, { complaintId });
  return toComplaintOutput(row!, await q.listComplaintEvents(ctx.db, tenantId, [complaintId]));
}

/**
 * Registers a complaint (klage) against a decision. One received more than three weeks after the
 * decision is registered all the same and marked as probably late: the deadline runs from when the
 * letter reached the person, and a late complaint may still be considered (forvaltningsloven § 31).
 */
export async function registerComplaint(ctx: Ctx, decisionId: string, input: ComplaintInput): Promise<ComplaintOutput> {
  const user = requirePermission(ctx, 'complaint:write');
  return inTransaction(ctx, async (tx) => {
    const found = await q.findDecision(tx.db, user.tenantId, decisionId);
    if (!found) throw allocationError('decision.not_found');
    const decidedOn = osloDate(found.decision.decidedAt);
    if (input.receivedOn > osloDate(tx.now)) throw fieldError(tx, 'complaint.received_in_future', 'receivedOn');
    if (input.receivedOn < decidedOn) throw fieldError(tx, 'complaint.received_before_decision', 'receivedOn');
    const complaint = await q.insertComplaint(tx.db, {
      tenantId: user.tenantId,
      decisionId,
      receivedOn: input.receivedOn,
      summary: input.summary,
      status: 'received',
      registeredBy: user.id,
      registeredAt: tx.now,
    });
    await q.insertComplaintEvent(tx.db, { tenantId: user.tenantId, complaintId: complaint.id, at: tx.now, by: user.id, status: 'received', note: null });
    await recordEvent(tx, {
      action: 'complaint.register',
      entityType: 'complaint',
      entityId: complaint.id,
      personId: found.personId,
      purpose: 'allocation',
      details: { decisionId, receivedAfterDeadline: isComplaintLate(decidedOn, input.receivedOn) },
    });
    return loadComplaint(tx, user.tenantId, complaint.id);
  });
}

/**
 * Moves a complaint one step on its path (re-assessed, sent to Statsforvalteren, upheld, overturned,
 * withdrawn), each step a row with its note. A step the path does not allow is refused.
 */
export async function addComplaintStep(ctx: Ctx, complaintId: string, input: ComplaintEventInput): Promise<ComplaintOutput> {
  const user = requirePermission(ctx, 'complaint:write');
  return inTransaction(ctx, async (tx) => {
    const complaint = await q.findComplaint(tx.db, user.tenantId, complaintId, { lock: true });
    if (!complaint) throw allocationError('complaint.not_found');
    if (!nextComplaintSteps(complaint.status).includes(input.status)) throw fieldError(tx, 'complaint.invalid_step', 'status');
    await q.updateComplaintStatus(tx.db, complaintId, input.status);
    await q.insertComplaintEvent(tx.db, {
      tenantId: user.tenantId,
      complaintId,
      at: tx.now,
      by: user.id,
      status: input.status,
      note: input.note ?? null,
    });
    const found = (await q.findDecision(tx.db, user.tenantId, complaint.decisionId))!;
    await recordEvent(tx, {
      action: 'complaint.step',
      entityType: 'complaint',
      entityId: complaintId,
      personId: found.personId,
      purpose: 'allocation',
      details: { from: complaint.status, to: input.status },
    });
    return loadComplaint(tx, user.tenantId, complaintId);
  });
}
