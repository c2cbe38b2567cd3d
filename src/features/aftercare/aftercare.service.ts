import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent, recordListAccess } from '../../platform/audit/audit.service.ts';
import { aftercareError } from './aftercare.errors.ts';
import { addDays, dueSoonDays, followUpState, plannedFollowUps } from './aftercare.rules.ts';
import * as q from './aftercare.queries.ts';
import type {
  AftercareAgreementInput,
  AftercareAgreementOutput,
  ContactPersonOutput,
  DueFollowUpOutput,
  FollowUpOutput,
  MoveOutDestination,
  PersonAftercareOutput,
  RecordFollowUpInput,
  UpdateAftercareAgreementInput,
} from './aftercare.schema.ts';
import { osloDate } from '../../platform/time/oslo.ts';

const today = (ctx: Ctx) => osloDate(ctx.now);

/** Logs a read of each person shown in a list, once per person. */
async function recordAccessToEach(ctx: Ctx, personIds: Iterable<string>, action: string) {
  for (const id of new Set(personIds)) await recordAccess(ctx, id, 'follow_up', action);
}

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
  input: { personId: string; stayId: string; movedOutOn: string; destination: MoveOutDestination },
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

function toFollowUp(row: q.FollowUpListRow, on: string): FollowUpOutput {
  return {
    id: row.id,
    personId: row.personId,
    personName: row.personName,
    stayId: row.stayId,
    monthsAfter: row.monthsAfter,
    dueOn: row.dueOn,
    state: followUpState(row.dueOn, row.doneOn, on),
    movedOutOn: row.movedOutOn,
    destination: row.destination,
    doneOn: row.doneOn,
    stillHoused: row.stillHoused,
    notes: row.notes,
    doneByName: row.doneByName,
  };
}

/** Follow-ups not done yet that are overdue or fall due within the next two weeks, soonest first. */
export async function listDueFollowUps(ctx: Ctx): Promise<DueFollowUpOutput[]> {
  const user = requirePermission(ctx, 'aftercare:read');
  const on = today(ctx);
  return inTransaction(ctx, async (tx) => {
    const rows = await q.listOpenFollowUps(tx.db, user.tenantId, addDays(on, dueSoonDays));
    const closed = await recordListAccess(tx, rows.map((r) => r.personId), 'follow_up', 'aftercare.read');
    return rows.map((r) =>
      closed.has(r.personId)
        ? {
            ...toFollowUp(r, on),
            recordClosed: true,
            stayId: null,
            monthsAfter: null,
            dueOn: null,
            state: null,
            movedOutOn: null,
            destination: null,
            doneOn: null,
            stillHoused: null,
            notes: null,
            doneByName: null,
          }
        : { ...toFollowUp(r, on), recordClosed: false },
    );
  });
}

/**
 * Records a follow-up: the day it was done, whether the former resident still has a home, notes.
 * Recording it again corrects it (the audit log keeps both). Not before the move-out, not in the future.
 */
export async function recordFollowUp(ctx: Ctx, followUpId: string, input: RecordFollowUpInput): Promise<FollowUpOutput> {
  const user = requirePermission(ctx, 'aftercare:write');
  const on = today(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await q.findFollowUp(tx.db, user.tenantId, followUpId);
    if (!before) throw aftercareError('aftercare.follow_up_not_found');
    if (input.doneOn > on) throw aftercareError('aftercare.follow_up_in_future', { fields: { doneOn: aftercareError.definitions['aftercare.follow_up_in_future'][ctx.locale] } });
    if (before.movedOutOn && input.doneOn < before.movedOutOn) {
      throw aftercareError('aftercare.follow_up_before_move_out', {
        fields: { doneOn: aftercareError.definitions['aftercare.follow_up_before_move_out'][ctx.locale] },
      });
    }
    await q.updateFollowUp(tx.db, user.tenantId, followUpId, {
      doneOn: input.doneOn,
      stillHoused: input.stillHoused,
      notes: input.notes ?? null,
      doneBy: user.id,
    });
    await recordEvent(tx, {
      action: 'aftercare.follow_up_record',
      entityType: 'aftercare_follow_up',
      entityId: followUpId,
      personId: before.personId,
      purpose: 'follow_up',
      details: { fields: ['doneOn', 'stillHoused', ...(input.notes ? ['notes'] : [])], monthsAfter: before.monthsAfter, correction: before.doneOn !== null },
    });
    return toFollowUp((await q.findFollowUp(tx.db, user.tenantId, followUpId))!, on);
  });
}

// ——— Aftercare agreements ———

function toAgreement(row: NonNullable<q.AgreementListRow>, on: string): AftercareAgreementOutput {
  return {
    id: row.id,
    personId: row.personId,
    personName: row.personName,
    stayId: row.stayId,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    contactFrequency: row.contactFrequency,
    contactPersonId: row.contactPersonId,
    contactPersonName: row.contactPersonName,
    isCurrent: row.startsOn <= on && on <= row.endsOn,
    createdAt: row.createdAt.toISOString(),
  };
}

async function assertContactPerson(ctx: Ctx, tenantId: string, userId: string) {
  if (!(await q.isContactPerson(ctx.db, tenantId, userId))) {
    throw aftercareError('aftercare.contact_person_not_found', {
      fields: { contactPersonId: aftercareError.definitions['aftercare.contact_person_not_found'][ctx.locale] },
    });
  }
}

/**
 * The follow-up agreement after moving in to the new home: period, how often to be in touch, and the
 * contact person among the staff. For former residents only; one per stay they moved out of.
 */
export async function createAftercareAgreement(ctx: Ctx, input: AftercareAgreementInput): Promise<AftercareAgreementOutput> {
  const user = requirePermission(ctx, 'aftercare:write');
  return inTransaction(ctx, async (tx) => {
    const person = await q.findPersonName(tx.db, user.tenantId, input.personId);
    if (!person) throw aftercareError('aftercare.person_not_found');
    const [lastMoveOut] = await q.listMoveOutsOfPerson(tx.db, user.tenantId, input.personId);
    if (!lastMoveOut) throw aftercareError('aftercare.not_moved_out');
    if (await q.findAgreementForStay(tx.db, user.tenantId, input.personId, lastMoveOut.stayId)) throw aftercareError('aftercare.agreement_exists');
    await assertContactPerson(tx, user.tenantId, input.contactPersonId);
    const { id } = await q.insertAgreement(tx.db, {
      tenantId: user.tenantId,
      personId: input.personId,
      stayId: lastMoveOut.stayId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      contactFrequency: input.contactFrequency,
      contactPersonId: input.contactPersonId,
      createdAt: tx.now,
      createdBy: user.id,
    });
    await recordEvent(tx, {
      action: 'aftercare.agreement_create',
      entityType: 'aftercare_agreement',
      entityId: id,
      personId: input.personId,
      purpose: 'follow_up',
      details: { fields: ['startsOn', 'endsOn', 'contactFrequency', 'contactPersonId'] },
    });
    return toAgreement((await q.findAgreement(tx.db, user.tenantId, id))!, today(tx));
  });
}

/** Changes an aftercare agreement in place (no versions); the audit row names the fields changed. */
export async function updateAftercareAgreement(ctx: Ctx, agreementId: string, input: UpdateAftercareAgreementInput): Promise<AftercareAgreementOutput> {
  const user = requirePermission(ctx, 'aftercare:write');
  return inTransaction(ctx, async (tx) => {
    const before = await q.findAgreement(tx.db, user.tenantId, agreementId);
    if (!before) throw aftercareError('aftercare.agreement_not_found');
    await assertContactPerson(tx, user.tenantId, input.contactPersonId);
    const changed = (['startsOn', 'endsOn', 'contactFrequency', 'contactPersonId'] as const).filter((f) => before[f] !== input[f]);
    if (changed.length > 0) {
      await q.updateAgreement(tx.db, user.tenantId, agreementId, {
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        contactFrequency: input.contactFrequency,
        contactPersonId: input.contactPersonId,
      });
      await recordEvent(tx, {
        action: 'aftercare.agreement_update',
        entityType: 'aftercare_agreement',
        entityId: agreementId,
        personId: before.personId,
        purpose: 'follow_up',
        details: { fields: changed },
      });
    }
    return toAgreement((await q.findAgreement(tx.db, user.tenantId, agreementId))!, today(tx));
  });
}

/** Aftercare agreements that have not ended, ending soonest first. */
export async function listAftercareAgreements(ctx: Ctx): Promise<AftercareAgreementOutput[]> {
  const user = requirePermission(ctx, 'aftercare:read');
  const on = today(ctx);
  return inTransaction(ctx, async (tx) => {
    const rows = await q.listAgreementsEndingFrom(tx.db, user.tenantId, on);
    await recordAccessToEach(tx, rows.map((r) => r.personId), 'aftercare.read');
    return rows.map((r) => toAgreement(r, on));
  });
}

/** The staff who can be the contact person of an aftercare agreement. */
export async function listContactPersons(ctx: Ctx): Promise<ContactPersonOutput[]> {
  const user = requirePermission(ctx, 'aftercare:read');
  return q.listContactPersons(ctx.db, user.tenantId);
}

/** A person's aftercare: their move-outs, agreements, follow-ups and meeting-place visits. */
export async function getPersonAftercare(ctx: Ctx, personId: string): Promise<PersonAftercareOutput> {
  const user = requirePermission(ctx, 'aftercare:read');
  const on = today(ctx);
  return inTransaction(ctx, async (tx) => {
    const person = await q.findPersonName(tx.db, user.tenantId, personId);
    if (!person) throw aftercareError('aftercare.person_not_found');
    const [moveOuts, agreements, followUps, meetings] = [
      await q.listMoveOutsOfPerson(tx.db, user.tenantId, personId),
      await q.listAgreementsOfPerson(tx.db, user.tenantId, personId),
      await q.listFollowUpsOfPerson(tx.db, user.tenantId, personId),
      await q.listMeetingsOfPerson(tx.db, user.tenantId, personId),
    ];
    await recordAccess(tx, personId, 'follow_up', 'aftercare.read');
    return {
      personId,
      moveOuts: moveOuts.map((m) => ({ stayId: m.stayId, startOn: m.startOn, movedOutOn: m.movedOutOn, destination: m.destination })),
      agreements: agreements.map((a) => toAgreement(a, on)),
      followUps: followUps.map((f) => toFollowUp(f, on)),
      meetings,
    };
  });
}
