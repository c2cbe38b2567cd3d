import type * as q from './allocation.queries.ts';
import { complaintDeadline, isComplaintLate, isOfferExpired, nextComplaintSteps, osloDate } from './allocation.rules.ts';
import type { ComplaintOutput, OfferOutput, WaitingListItemOutput } from './allocation.schema.ts';

// Rows → the shapes of allocation.schema.ts. No I/O.

export function toOfferOutput(row: q.OfferListRow, now: Date): OfferOutput {
  const o = row.offer;
  return {
    id: o.id,
    decisionId: o.decisionId,
    referralId: o.referralId,
    roomId: o.roomId,
    roomName: row.roomName,
    houseName: row.houseName,
    fromDate: o.fromOn,
    plannedEndDate: o.plannedEndOn,
    expiresAt: o.expiresAt.toISOString(),
    // An open offer past its time is lapsed, even before the job has marked it.
    status: o.status === 'open' && isOfferExpired(o.expiresAt, now) ? 'lapsed' : o.status,
    respondedAt: o.respondedAt ? o.respondedAt.toISOString() : null,
    respondedByName: row.respondedByName,
    declineReason: o.declineReason,
  };
}

export function toComplaintOutput(row: q.ComplaintListRow, events: q.ComplaintEventRow[]): ComplaintOutput {
  const c = row.complaint;
  const decidedOn = osloDate(row.decidedAt);
  return {
    id: c.id,
    decisionId: c.decisionId,
    receivedOn: c.receivedOn,
    summary: c.summary,
    status: c.status,
    registeredAt: c.registeredAt.toISOString(),
    registeredByName: row.registeredByName,
    deadline: complaintDeadline(decidedOn),
    receivedAfterDeadline: isComplaintLate(decidedOn, c.receivedOn),
    nextSteps: nextComplaintSteps(c.status),
    events: events
      .filter((e) => e.complaintId === c.id)
      .map((e) => ({ id: e.id, at: e.at.toISOString(), byName: e.byName, status: e.status, note: e.note })),
  };
}

/** The applicant's name as the waiting list shows it: given name, then family name. */
export const householdName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

export function toWaitingListItem(row: q.WaitingListRow): WaitingListItemOutput {
  return {
    entryId: row.entryId,
    referralId: row.referralId,
    position: row.position,
    householdName: householdName(row),
    urgency: row.urgency,
    reason: row.reason,
    addedAt: row.addedAt.toISOString(),
  };
}
