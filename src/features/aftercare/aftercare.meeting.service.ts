import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccesses, recordEvent } from '../../platform/audit/audit.service.ts';
import { closedRecordsAmong } from '../privacy/privacy.access.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { aftercareError } from './aftercare.errors.ts';
import * as q from './aftercare.queries.ts';
import type { FormerResidentOutput, MeetingSessionInput, MeetingSessionOutput, MeetingSessionSummaryOutput } from './aftercare.schema.ts';

// The weekly meeting place (felles treffsted) for former residents: one session a day, and a register
// of who came. Only people who have moved out of the service can be on it.

/** The sessions, newest first, with how many came. */
export async function listMeetingSessions(ctx: Ctx): Promise<MeetingSessionSummaryOutput[]> {
  const user = requirePermission(ctx, 'aftercare:read');
  return q.listSessions(ctx.db, user.tenantId);
}

/** Opens the register of a day; a second session on the same day is refused (409). */
export async function createMeetingSession(ctx: Ctx, input: MeetingSessionInput): Promise<MeetingSessionOutput> {
  const user = requirePermission(ctx, 'aftercare:write');
  return inTransaction(ctx, async (tx) => {
    let id: string;
    try {
      // A savepoint, so the transaction can still answer after the unique index refuses the day.
      ({ id } = await tx.db.transaction((sp) =>
        q.insertSession(sp as unknown as Db, { tenantId: user.tenantId, heldOn: input.heldOn, notes: input.notes ?? null, createdBy: user.id }),
      ));
    } catch (err) {
      if (isUniqueViolation(err, 'meeting_sessions_day_unique')) throw aftercareError('aftercare.session_exists');
      throw err;
    }
    await recordEvent(tx, {
      action: 'aftercare.session_create',
      entityType: 'meeting_session',
      entityId: id,
      purpose: 'follow_up',
      details: { fields: ['heldOn', ...(input.notes ? ['notes'] : [])] },
    });
    return { id, heldOn: input.heldOn, notes: input.notes ?? null, attendeeCount: 0, attendees: [] };
  });
}

async function sessionWithAttendees(ctx: Ctx, tenantId: string, sessionId: string): Promise<MeetingSessionOutput> {
  const session = await q.findSession(ctx.db, tenantId, sessionId);
  if (!session) throw aftercareError('aftercare.session_not_found');
  const attendees = await q.listAttendees(ctx.db, sessionId);
  const closed = await closedRecordsAmong(ctx, attendees.map((a) => a.personId));
  return { ...session, attendeeCount: attendees.length, attendees: attendees.map((a) => ({ ...a, recordClosed: closed.has(a.personId) })) };
}

/** A session with its register (each name shown is a logged read). */
export async function getMeetingSession(ctx: Ctx, sessionId: string): Promise<MeetingSessionOutput> {
  const user = requirePermission(ctx, 'aftercare:read');
  return inTransaction(ctx, async (tx) => {
    const session = await sessionWithAttendees(tx, user.tenantId, sessionId);
    // The register of an old session may name people whose record has closed since: shown by name, not read.
    await recordAccesses(tx, session.attendees.filter((a) => !a.recordClosed).map((a) => a.personId), 'follow_up', 'aftercare.meeting_read');
    return session;
  });
}

/** Puts a former resident on the register of a session; someone who never moved out is refused (422). */
export async function addAttendance(ctx: Ctx, sessionId: string, personId: string): Promise<MeetingSessionOutput> {
  const user = requirePermission(ctx, 'aftercare:write');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findSession(tx.db, user.tenantId, sessionId))) throw aftercareError('aftercare.session_not_found');
    if (!(await q.findPersonName(tx.db, user.tenantId, personId))) throw aftercareError('aftercare.person_not_found');
    if (!(await q.isFormerResident(tx.db, user.tenantId, personId))) throw aftercareError('aftercare.not_former_resident');
    const added = await q.insertAttendance(tx.db, { sessionId, personId, tenantId: user.tenantId });
    if (added) {
      await recordEvent(tx, { action: 'aftercare.attendance_add', entityType: 'meeting_session', entityId: sessionId, personId, purpose: 'follow_up' });
    }
    return sessionWithAttendees(tx, user.tenantId, sessionId);
  });
}

/** Takes a person off the register of a session (a mistake in the register). */
export async function removeAttendance(ctx: Ctx, sessionId: string, personId: string): Promise<MeetingSessionOutput> {
  const user = requirePermission(ctx, 'aftercare:write');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findSession(tx.db, user.tenantId, sessionId))) throw aftercareError('aftercare.session_not_found');
    if (!(await q.deleteAttendance(tx.db, sessionId, personId))) throw aftercareError('aftercare.person_not_found');
    await recordEvent(tx, { action: 'aftercare.attendance_remove', entityType: 'meeting_session', entityId: sessionId, personId, purpose: 'follow_up' });
    return sessionWithAttendees(tx, user.tenantId, sessionId);
  });
}

/** Former residents whose name matches every word typed, for the attendance register. */
export async function searchFormerResidents(ctx: Ctx, query: string): Promise<FormerResidentOutput[]> {
  const user = requirePermission(ctx, 'aftercare:read');
  const words = query.split(/\s+/).filter((w) => w.length > 0).slice(0, 5);
  return inTransaction(ctx, async (tx) => {
    const rows = await q.searchFormerResidents(tx.db, user.tenantId, words);
    await recordEvent(tx, { action: 'aftercare.former_resident_search', entityType: 'person', purpose: 'follow_up', details: { results: rows.length } });
    return rows;
  });
}
