import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent, recordListAccess } from '../../platform/audit/audit.service.ts';
import { peopleError } from '../people/people.errors.ts';
import { fullName } from './stays.check-in.service.ts';
import { movingOnError } from './move-out.errors.ts';
import { osloDate } from './stays.rules.ts';
import { isPastKeepUntil, pickUpRefusal } from './belongings.rules.ts';
import * as q from './belongings.queries.ts';
import * as sq from './stays.queries.ts';
import type { BelongingsOutput, OverdueBelongingsOutput, PickedUpInput, StoreBelongingsInput } from './belongings.schema.ts';

// Belongings the service keeps for a resident, usually from the move-out day (stay:move_out writes,
// stay:read reads). What they are and where they are is free text about the person: it stays in the
// rows, and the audit rows hold dates and ids only.

type Code = keyof typeof movingOnError.definitions;
const fieldError = (ctx: Ctx, code: Code, field: string) => movingOnError(code, { fields: { [field]: movingOnError.definitions[code][ctx.locale] } });

export function toBelongingsOutput(row: q.BelongingsRow, today: string): BelongingsOutput {
  return { ...row, pastKeepUntil: isPastKeepUntil(row, today) };
}

/** A person's stored belongings, oldest first (logged as a read of the person). */
export async function listBelongings(ctx: Ctx, personId: string): Promise<BelongingsOutput[]> {
  const user = requirePermission(ctx, 'stay:read');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.personExists(tx.db, user.tenantId, personId))) throw peopleError('person.not_found');
    const rows = await q.listForPerson(tx.db, user.tenantId, personId);
    await recordAccess(tx, personId, 'follow_up', 'belongings.read');
    const today = osloDate(tx.now);
    return rows.map((r) => toBelongingsOutput(r, today));
  });
}

/** Registers belongings put in storage for a person: what, where, from when and until when. */
export async function storeBelongings(ctx: Ctx, personId: string, input: StoreBelongingsInput): Promise<BelongingsOutput> {
  const user = requirePermission(ctx, 'stay:move_out');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.personExists(tx.db, user.tenantId, personId))) throw peopleError('person.not_found');
    const today = osloDate(tx.now);
    const storedOn = input.storedOn ?? today;
    if (storedOn > today) throw fieldError(tx, 'belongings.stored_in_future', 'storedOn');
    if (input.keepUntilOn < storedOn) throw fieldError(tx, 'belongings.keep_until_before_stored', 'keepUntilOn');
    if (input.stayId) {
      const stay = await sq.findStay(tx.db, user.tenantId, input.stayId);
      if (!stay || (stay.personId !== personId && stay.partnerPersonId !== personId)) throw fieldError(tx, 'belongings.stay_not_of_person', 'stayId');
    }
    const [row] = await q.insertBelongings(tx.db, [
      {
        tenantId: user.tenantId,
        personId,
        stayId: input.stayId ?? null,
        description: input.description,
        location: input.location,
        storedOn,
        keepUntilOn: input.keepUntilOn,
        recordedBy: user.id,
      },
    ]);
    await recordEvent(tx, {
      action: 'belongings.store',
      entityType: 'stored_belongings',
      entityId: row!.id,
      personId,
      purpose: 'follow_up',
      details: { stayId: input.stayId ?? null, storedOn, keepUntilOn: input.keepUntilOn },
    });
    return toBelongingsOutput(row!, today);
  });
}

/** Records that the belongings were picked up (today unless another day is given). */
export async function markBelongingsPickedUp(ctx: Ctx, id: string, input: PickedUpInput): Promise<BelongingsOutput> {
  const user = requirePermission(ctx, 'stay:move_out');
  return inTransaction(ctx, async (tx) => {
    const row = await q.lockBelongings(tx.db, user.tenantId, id);
    if (!row) throw movingOnError('belongings.not_found');
    if (row.pickedUpOn) throw movingOnError('belongings.already_picked_up');
    const today = osloDate(tx.now);
    const pickedUpOn = input.pickedUpOn ?? today;
    const refusal = pickUpRefusal(pickedUpOn, row.storedOn, today);
    if (refusal) throw fieldError(tx, `belongings.${refusal}`, 'pickedUpOn');
    const updated = await q.setPickedUp(tx.db, id, pickedUpOn);
    await recordEvent(tx, { action: 'belongings.picked_up', entityType: 'stored_belongings', entityId: id, personId: row.personId, purpose: 'follow_up', details: { pickedUpOn } });
    return toBelongingsOutput(updated, today);
  });
}

/** Belongings still in storage after their keep-until day, across the service, oldest first. */
export async function listBelongingsPastKeepUntil(ctx: Ctx): Promise<OverdueBelongingsOutput> {
  const user = requirePermission(ctx, 'stay:read');
  return inTransaction(ctx, async (tx) => {
    const today = osloDate(tx.now);
    const rows = await q.listPastKeepUntil(tx.db, user.tenantId, today);
    const closed = await recordListAccess(tx, rows.map((r) => r.personId), 'follow_up', 'belongings.read');
    return {
      today,
      items: rows.map(({ personGivenName, personFamilyName, ...r }) => {
        const item = { ...toBelongingsOutput(r, today), personName: fullName(personGivenName, personFamilyName)!, recordClosed: closed.has(r.personId) };
        // A closed record: the owner's name only; what is stored, where and since when stay behind break-the-glass.
        return item.recordClosed ? { ...item, stayId: null, description: null, location: null, storedOn: null, keepUntilOn: null } : item;
      }),
    };
  });
}
