import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent, recordListAccess } from '../../platform/audit/audit.service.ts';
import { deliverToInbox } from '../../platform/notifications/notifications.service.ts';
import { incidentsError } from './incidents.errors.ts';
import { isSevere } from './incidents.rules.ts';
import * as q from './incidents.queries.ts';
import type {
  IncidentFormOptionsOutput,
  IncidentListQuery,
  IncidentOutput,
  IncidentSummaryOutput,
  ParsedIncidentInput,
} from './incidents.schema.ts';
import { osloDate } from '../../platform/time/oslo.ts';

const osloDay = (d: Date) => osloDate(d);
const osloTime = (d: Date) =>
  `${d.toLocaleDateString('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' })} ${d.toLocaleTimeString('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' })}`;

function unknownReference(ctx: Ctx, field: string) {
  return incidentsError('incident.unknown_reference', { fields: { [field]: incidentsError.definitions['incident.unknown_reference'][ctx.locale] } });
}

/** What other features link an incident to when they create one (a lost key, a damaged item). */
export interface IncidentLinks {
  keyId?: string;
  inventoryItemId?: string;
}

/**
 * Records an incident: when (now unless given), where, type, severity, who was involved, what was
 * done at once. A high or critical one goes at once to each lead's inbox (no names in it, a link) and
 * queues an e-mail to them, in the same transaction. Other features call this inside their own
 * transaction (a lost key, damage found at move-out) with the link to their record.
 */
export async function recordIncident(ctx: Ctx, input: ParsedIncidentInput, links: IncidentLinks = {}): Promise<{ id: string }> {
  const user = requirePermission(ctx, 'incident:create');
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : ctx.now;
  if (occurredAt.getTime() > ctx.now.getTime() + 5 * 60_000) {
    throw incidentsError('incident.in_future', { fields: { occurredAt: incidentsError.definitions['incident.in_future'][ctx.locale] } });
  }
  return inTransaction(ctx, async (tx) => {
    const tenantId = user.tenantId;
    const roomId = input.location === 'room' || input.roomId ? (input.roomId ?? null) : null;
    if (roomId && !(await q.findRoom(tx.db, tenantId, roomId))) throw unknownReference(tx, 'roomId');
    const residentIds = [...new Set(input.residentIds)];
    const staffIds = [...new Set(input.staffUserIds)];
    if ((await q.countPeopleOfTenant(tx.db, tenantId, residentIds)) !== residentIds.length) throw unknownReference(tx, 'residentIds');
    if ((await q.countUsersOfTenant(tx.db, tenantId, staffIds)) !== staffIds.length) throw unknownReference(tx, 'staffUserIds');
    if (input.hazardId && !(await q.findHazard(tx.db, tenantId, input.hazardId))) throw unknownReference(tx, 'hazardId');

    const row = await q.insertIncident(tx.db, {
      tenantId,
      occurredAt,
      location: input.location,
      roomId,
      locationNote: input.locationNote ?? null,
      type: input.type,
      severity: input.severity,
      description: input.description,
      immediateAction: input.immediateAction ?? null,
      hazardId: input.hazardId ?? null,
      keyId: links.keyId ?? null,
      inventoryItemId: links.inventoryItemId ?? null,
      reportedBy: user.id,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    await q.insertIncidentPeople(tx.db, [
      ...residentIds.map((personId) => ({ tenantId, incidentId: row.id, kind: 'resident' as const, personId })),
      ...staffIds.map((userId) => ({ tenantId, incidentId: row.id, kind: 'staff' as const, userId })),
      ...input.others.map((name) => ({ tenantId, incidentId: row.id, kind: 'other' as const, name })),
    ]);
    const details = {
      type: input.type,
      severity: input.severity,
      location: input.location,
      residents: residentIds.length,
      staff: staffIds.length,
      others: input.others.length,
      fields: Object.keys(input).filter((k) => input[k as keyof ParsedIncidentInput] !== undefined),
      ...links,
    };
    await recordEvent(tx, { action: 'incident.create', entityType: 'incident', entityId: row.id, details });
    // One row per resident named, so the incident shows in each one's log of what was written about them.
    for (const personId of residentIds) {
      await recordEvent(tx, { action: 'incident.involve', entityType: 'incident', entityId: row.id, personId, purpose: 'follow_up', details: { type: input.type } });
    }
    if (isSevere(input.severity)) await alertLeads(tx, tenantId, row.id, input.severity, occurredAt);
    return { id: row.id };
  });
}

/** A severe incident: a message in each lead's inbox now, and an e-mail queued for the alerts job. */
async function alertLeads(ctx: Ctx, tenantId: string, incidentId: string, severity: 'high' | 'critical' | 'low' | 'medium', occurredAt: Date) {
  const leads = await q.listUsersWithPermission(ctx.db, tenantId, 'incident:manage');
  for (const lead of leads) {
    await deliverToInbox(ctx, tenantId, {
      kind: 'incident_severe',
      messageKey: severity === 'critical' ? 'incidents.inbox.critical' : 'incidents.inbox.high',
      params: { time: osloTime(occurredAt) },
      link: `/avvik/${incidentId}`,
      dedupeKey: `incident:${incidentId}:severe:${lead.id}`,
      userId: lead.id,
    });
  }
  await q.insertAlerts(
    ctx.db,
    leads.filter((l) => l.email).map((l) => ({ tenantId, incidentId, userId: l.id, createdAt: ctx.now })),
  );
}

/** The list by status, type and period; no names in it, so reading it is not a read of anyone's record. */
export async function listIncidents(ctx: Ctx, filter: IncidentListQuery): Promise<IncidentSummaryOutput[]> {
  const user = requirePermission(ctx, 'incident:read');
  const rows = await q.listIncidents(ctx.db, user.tenantId, { status: filter.status, type: filter.type, fromOn: filter.from, toOn: filter.to });
  return rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() }));
}

/** One incident in full. It names residents, so the read is logged in each one's access log. */
export async function getIncident(ctx: Ctx, incidentId: string): Promise<IncidentOutput> {
  const user = requirePermission(ctx, 'incident:read');
  return inTransaction(ctx, async (tx) => {
    const found = await q.findIncident(tx.db, user.tenantId, incidentId);
    if (!found) throw incidentsError('incident.not_found');
    const i = found.incident;
    const involvedRows = await q.listInvolved(tx.db, i.id);
    const residentIds = involvedRows.flatMap((p) => (p.kind === 'resident' && p.personId ? [p.personId] : []));
    const options = await q.listLatestAgreementsOf(tx.db, user.tenantId, residentIds);
    const linked = i.agreementId ? await q.findAgreement(tx.db, user.tenantId, i.agreementId) : undefined;
    const names = await q.personNames(tx.db, [...residentIds, ...(linked ? [linked.personId] : [])]);
    const agreementPerson = (a: { personId: string; partnerPersonId: string | null }) => (residentIds.includes(a.personId) || !a.partnerPersonId ? a.personId : a.partnerPersonId);
    // The incident is the house's record and stays readable; a resident in it whose record has closed
    // since (access by need) is named but not read, and their agreements are not offered.
    const closed = await recordListAccess(tx, [...residentIds, ...(linked ? [linked.personId] : [])], 'follow_up', 'incident.read');
    return {
      id: i.id,
      occurredAt: i.occurredAt.toISOString(),
      location: i.location,
      roomId: i.roomId,
      roomName: found.roomName,
      locationNote: i.locationNote,
      type: i.type,
      severity: i.severity,
      status: i.status,
      description: i.description,
      immediateAction: i.immediateAction,
      involved: involvedRows.map((p) => ({
        kind: p.kind,
        personId: p.personId,
        userId: p.userId,
        name: p.kind === 'resident' ? `${p.givenName} ${p.familyName}` : p.kind === 'staff' ? (p.displayName ?? '') : (p.name ?? ''),
        recordClosed: p.personId !== null && closed.has(p.personId),
      })),
      reportedByName: found.reportedByName,
      createdAt: i.createdAt.toISOString(),
      assignedTo: i.assignedTo,
      assignedToName: found.assignedToName,
      followUpDueOn: i.followUpDueOn,
      measures: (await q.listMeasures(tx.db, i.id)).map((m) => ({ ...m, recordedAt: m.recordedAt.toISOString() })),
      closedAt: i.closedAt?.toISOString() ?? null,
      closedByName: found.closedByName,
      closingNote: i.closingNote,
      agreement: linked ? { id: linked.id, version: linked.version, personId: linked.personId, personName: names.get(linked.personId) ?? '' } : null,
      hazard: i.hazardId ? { id: i.hazardId, title: found.hazardTitle ?? '' } : null,
      keyNumber: found.keyNumber,
      inventoryItemName: found.inventoryItemName,
      agreementOptions: options.filter((a) => !closed.has(agreementPerson(a))).map((a) => {
        const personId = agreementPerson(a);
        return { id: a.id, version: a.version, personId, personName: names.get(personId) ?? '' };
      }),
    };
  });
}

/**
 * What the form offers: rooms, the people living in the house today (the board shows them to staff
 * too; picking one is logged when the incident is written), staff, leads and the hazards of the analysis.
 */
export async function getIncidentFormOptions(ctx: Ctx): Promise<IncidentFormOptionsOutput> {
  const user = requirePermission(ctx, 'incident:create');
  return inTransaction(ctx, async (tx) => {
    const residents = await q.listCurrentResidents(tx.db, user.tenantId, osloDay(tx.now));
    for (const personId of new Set(residents.map((r) => r.personId))) await recordAccess(tx, personId, 'follow_up', 'incident.form');
    const staff = await q.listUsersWithPermission(tx.db, user.tenantId, 'incident:create');
    const leads = await q.listUsersWithPermission(tx.db, user.tenantId, 'incident:manage');
    return {
      rooms: await q.listRooms(tx.db, user.tenantId),
      residents,
      staff: staff.map((s) => ({ id: s.id, displayName: s.displayName })),
      leads: leads.map((s) => ({ id: s.id, displayName: s.displayName })),
      hazards: await q.listHazards(tx.db, user.tenantId),
    };
  });
}
