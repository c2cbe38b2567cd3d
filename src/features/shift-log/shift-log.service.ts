import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent, recordListAccess } from '../../platform/audit/audit.service.ts';
import { FUTURE_SLACK_MS } from '../journal/journal.rules.ts';
import { shiftLogError } from './shift-log.errors.ts';
import { entryInstant, groupByShift, HANDOVER_HOURS, shiftAt } from './shift-log.rules.ts';
import * as q from './shift-log.queries.ts';
import type { HandoverOutput, ShiftLogDayOutput, ShiftLogEntryInput, ShiftLogEntryOutput, ShiftLogResidentOutput } from './shift-log.schema.ts';

// The shift log (vaktbok, issue 7 point 3). Entries are written by staff for the next shift, may name
// residents, and are never edited: a correction is a new entry that references the one it corrects.

const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/**
 * Entries with the residents they name. Every named resident's access log gets one row per read.
 * An old day may name someone whose record has closed since (access by need): the entry is the
 * shift's record and stays, the person is named but marked closed and not logged as read.
 */
async function withPeople(tx: Ctx, rows: q.EntryRow[]): Promise<ShiftLogEntryOutput[]> {
  const named = await q.listEntryPeople(tx.db, rows.map((r) => r.id));
  const closed = await recordListAccess(tx, named.map((n) => n.id), 'shift_log', 'shift_log.read');
  return rows.map((row) => ({
    ...row,
    people: named.filter((n) => n.entryId === row.id).map((n) => ({ id: n.id, name: fullName(n), recordClosed: closed.has(n.id) })),
  }));
}

function occurredAt(ctx: Ctx, input: ShiftLogEntryInput): Date {
  const at = entryInstant(input.shiftDate, input.shift, input.occurredTime);
  if (at.getTime() > ctx.now.getTime() + FUTURE_SLACK_MS) {
    const message = shiftLogError.definitions['shift_log.occurred_in_future'][ctx.locale];
    throw shiftLogError('shift_log.occurred_in_future', { fields: { shiftDate: message, occurredTime: message } });
  }
  return at;
}

async function checkIncident(tx: Ctx, tenantId: string, incidentId: string | undefined) {
  if (incidentId && !(await q.incidentExists(tx.db, tenantId, incidentId))) {
    throw shiftLogError('shift_log.incident_not_found', { fields: { incidentId: shiftLogError.definitions['shift_log.incident_not_found'][tx.locale] } });
  }
}

async function checkPeople(tx: Ctx, tenantId: string, personIds: string[]) {
  if ((await q.countPeopleOfTenant(tx.db, tenantId, personIds)) !== personIds.length) {
    throw shiftLogError('shift_log.person_not_found', { fields: { personIds: shiftLogError.definitions['shift_log.person_not_found'][tx.locale] } });
  }
}

/**
 * The handover (overlevering): every entry of the last 24 hours, grouped by shift in the order they
 * were worked. Reading it logs a read in the access log of each resident an entry names.
 */
export async function getHandover(ctx: Ctx): Promise<HandoverOutput> {
  const user = requirePermission(ctx, 'shift_log:read');
  return inTransaction(ctx, async (tx) => {
    const from = new Date(tx.now.getTime() - HANDOVER_HOURS * 3_600_000);
    const entries = await withPeople(tx, await q.listEntriesBetween(tx.db, user.tenantId, from, tx.now));
    return { from: from.toISOString(), to: tx.now.toISOString(), current: shiftAt(tx.now), shifts: groupByShift(entries) };
  });
}

/** The shifts that began on a day (an earlier day than the handover covers), logged like the handover. */
export async function getShiftLogDay(ctx: Ctx, day: string): Promise<ShiftLogDayOutput> {
  const user = requirePermission(ctx, 'shift_log:read');
  return inTransaction(ctx, async (tx) => {
    const entries = await withPeople(tx, await q.listEntriesOfShiftDate(tx.db, user.tenantId, day));
    return { day, shifts: groupByShift(entries) };
  });
}

/** Writes an entry for a shift. The audit row holds the shift and the number of residents named, never the text. */
export async function writeShiftLogEntry(ctx: Ctx, input: ShiftLogEntryInput): Promise<ShiftLogEntryOutput> {
  const user = requirePermission(ctx, 'shift_log:write');
  const at = occurredAt(ctx, input);
  const personIds = [...new Set(input.personIds)];
  return inTransaction(ctx, async (tx) => {
    await checkPeople(tx, user.tenantId, personIds);
    await checkIncident(tx, user.tenantId, input.incidentId);
    const { id } = await q.insertEntry(
      tx.db,
      {
        tenantId: user.tenantId,
        shiftDate: input.shiftDate,
        shift: input.shift,
        occurredAt: at,
        body: input.body,
        incidentId: input.incidentId ?? null,
        createdAt: tx.now,
        createdBy: user.id,
      },
      personIds,
    );
    await recordEvent(tx, {
      action: 'shift_log.write',
      entityType: 'shift_log_entry',
      entityId: id,
      details: { shiftDate: input.shiftDate, shift: input.shift, fields: ['body', 'occurredAt'], people: personIds.length, incident: Boolean(input.incidentId) },
    });
    for (const personId of personIds) {
      await recordEvent(tx, { action: 'shift_log.name_person', entityType: 'shift_log_entry', entityId: id, personId, purpose: 'shift_log' });
    }
    const [entry] = await withPeople(tx, [(await q.findEntry(tx.db, user.tenantId, id))!]);
    return entry!;
  });
}

/** Corrects an entry with a new one that references it; the original stays and is shown as corrected. One correction per entry. */
export async function correctShiftLogEntry(ctx: Ctx, entryId: string, input: ShiftLogEntryInput): Promise<ShiftLogEntryOutput> {
  const user = requirePermission(ctx, 'shift_log:write');
  const at = occurredAt(ctx, input);
  const personIds = [...new Set(input.personIds)];
  return inTransaction(ctx, async (tx) => {
    if (!(await q.lockEntry(tx.db, user.tenantId, entryId))) throw shiftLogError('shift_log.entry_not_found');
    if (await q.findCorrectionOf(tx.db, entryId)) throw shiftLogError('shift_log.already_corrected');
    await checkPeople(tx, user.tenantId, personIds);
    await checkIncident(tx, user.tenantId, input.incidentId);
    const { id } = await q.insertEntry(
      tx.db,
      {
        tenantId: user.tenantId,
        shiftDate: input.shiftDate,
        shift: input.shift,
        occurredAt: at,
        body: input.body,
        incidentId: input.incidentId ?? null,
        correctsEntryId: entryId,
        createdAt: tx.now,
        createdBy: user.id,
      },
      personIds,
    );
    await recordEvent(tx, {
      action: 'shift_log.correct',
      entityType: 'shift_log_entry',
      entityId: id,
      details: { correctsEntryId: entryId, shiftDate: input.shiftDate, shift: input.shift, fields: ['body', 'occurredAt'], people: personIds.length },
    });
    for (const personId of personIds) {
      await recordEvent(tx, { action: 'shift_log.name_person', entityType: 'shift_log_entry', entityId: id, personId, purpose: 'shift_log' });
    }
    const [entry] = await withPeople(tx, [(await q.findEntry(tx.db, user.tenantId, id))!]);
    return entry!;
  });
}

/** The residents in the house now, to choose whom an entry is about (names and rooms, as on the board). */
export async function listShiftLogResidents(ctx: Ctx): Promise<ShiftLogResidentOutput[]> {
  const user = requirePermission(ctx, 'shift_log:write');
  const rows = await q.listResidentsInHouse(ctx.db, user.tenantId);
  return rows.map((r) => ({ id: r.id, name: fullName(r), roomName: r.roomName }));
}
