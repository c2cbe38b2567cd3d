import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { incidentsError } from './incidents.errors.ts';
import * as q from './incidents.queries.ts';
import { getIncident } from './incidents.service.ts';
import type { CloseInput, FollowUpInput, FollowUpOptionsOutput, IncidentOutput, LinksInput, MeasureInput } from './incidents.schema.ts';

// The service lead's side of an incident: who follows it up and by when, the measures, the links to a
// resident's agreement (a breach) and to a hazard of the risk analysis, and closing it.

async function lockOpen(ctx: Ctx, tenantId: string, incidentId: string) {
  const row = await q.lockIncident(ctx.db, tenantId, incidentId);
  if (!row) throw incidentsError('incident.not_found');
  if (row.status === 'closed') throw incidentsError('incident.closed');
  return row;
}

/** Assigns the follow-up to a lead with a due date; the incident is then under follow-up. */
export async function assignFollowUp(ctx: Ctx, incidentId: string, input: FollowUpInput): Promise<IncidentOutput> {
  const user = requirePermission(ctx, 'incident:manage');
  await inTransaction(ctx, async (tx) => {
    await lockOpen(tx, user.tenantId, incidentId);
    const leads = await q.listUsersWithPermission(tx.db, user.tenantId, 'incident:manage');
    if (!leads.some((l) => l.id === input.assignedTo)) {
      throw incidentsError('incident.assignee_not_lead', { fields: { assignedTo: incidentsError.definitions['incident.assignee_not_lead'][tx.locale] } });
    }
    await q.updateIncident(tx.db, user.tenantId, incidentId, { assignedTo: input.assignedTo, followUpDueOn: input.dueOn, status: 'follow_up', updatedAt: tx.now });
    await recordEvent(tx, { action: 'incident.assign', entityType: 'incident', entityId: incidentId, details: { fields: ['assignedTo', 'followUpDueOn'] } });
  });
  return getIncident(ctx, incidentId);
}

/** Records a measure taken in the follow-up. */
export async function addIncidentMeasure(ctx: Ctx, incidentId: string, input: MeasureInput): Promise<IncidentOutput> {
  const user = requirePermission(ctx, 'incident:manage');
  await inTransaction(ctx, async (tx) => {
    const row = await lockOpen(tx, user.tenantId, incidentId);
    const measure = await q.insertMeasure(tx.db, { tenantId: user.tenantId, incidentId, description: input.description, recordedAt: tx.now, recordedBy: user.id });
    if (row.status === 'open') await q.updateIncident(tx.db, user.tenantId, incidentId, { status: 'follow_up', updatedAt: tx.now });
    await recordEvent(tx, { action: 'incident.measure', entityType: 'incident', entityId: incidentId, details: { measureId: measure.id, fields: ['description'] } });
  });
  return getIncident(ctx, incidentId);
}

/** Links the incident to a resident's agreement (a breach of it) and to a hazard; null removes a link. */
export async function setIncidentLinks(ctx: Ctx, incidentId: string, input: LinksInput): Promise<IncidentOutput> {
  const user = requirePermission(ctx, 'incident:manage');
  await inTransaction(ctx, async (tx) => {
    await lockOpen(tx, user.tenantId, incidentId);
    if (input.agreementId) {
      const agreement = await q.findAgreement(tx.db, user.tenantId, input.agreementId);
      if (!agreement) throw incidentsError('incident.unknown_reference', { fields: { agreementId: incidentsError.definitions['incident.unknown_reference'][tx.locale] } });
      const residents = (await q.listInvolved(tx.db, incidentId)).flatMap((p) => (p.personId ? [p.personId] : []));
      if (!residents.includes(agreement.personId) && !(agreement.partnerPersonId && residents.includes(agreement.partnerPersonId))) {
        throw incidentsError('incident.agreement_not_involved', { fields: { agreementId: incidentsError.definitions['incident.agreement_not_involved'][tx.locale] } });
      }
    }
    if (input.hazardId && !(await q.findHazard(tx.db, user.tenantId, input.hazardId))) {
      throw incidentsError('incident.unknown_reference', { fields: { hazardId: incidentsError.definitions['incident.unknown_reference'][tx.locale] } });
    }
    await q.updateIncident(tx.db, user.tenantId, incidentId, { agreementId: input.agreementId, hazardId: input.hazardId, updatedAt: tx.now });
    await recordEvent(tx, {
      action: 'incident.link',
      entityType: 'incident',
      entityId: incidentId,
      details: { agreementId: input.agreementId, hazardId: input.hazardId },
    });
  });
  return getIncident(ctx, incidentId);
}

/** Closes the incident with a closing note; a closed incident is not changed again. */
export async function closeIncident(ctx: Ctx, incidentId: string, input: CloseInput): Promise<IncidentOutput> {
  const user = requirePermission(ctx, 'incident:manage');
  await inTransaction(ctx, async (tx) => {
    await lockOpen(tx, user.tenantId, incidentId);
    await q.updateIncident(tx.db, user.tenantId, incidentId, { status: 'closed', closedAt: tx.now, closedBy: user.id, closingNote: input.closingNote, updatedAt: tx.now });
    await recordEvent(tx, { action: 'incident.close', entityType: 'incident', entityId: incidentId, details: { fields: ['closingNote'] } });
  });
  return getIncident(ctx, incidentId);
}

/** The leads who can follow up and the hazards to link: what the lead's forms offer (no residents). */
export async function getFollowUpOptions(ctx: Ctx): Promise<FollowUpOptionsOutput> {
  const user = requirePermission(ctx, 'incident:manage');
  const leads = await q.listUsersWithPermission(ctx.db, user.tenantId, 'incident:manage');
  return { leads: leads.map((l) => ({ id: l.id, displayName: l.displayName })), hazards: await q.listHazards(ctx.db, user.tenantId) };
}
