import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent, recordListAccess } from '../../platform/audit/audit.service.ts';
import { markRoomForStayChange } from '../rooms/rooms.service.ts';
import { planFollowUpsAfterMoveOut } from '../aftercare/aftercare.service.ts';
import { fullName } from './stays.check-in.service.ts';
import { refuseEndedStay } from './room-move.service.ts';
import { toBelongingsOutput } from './belongings.service.ts';
import { staysError } from './stays.errors.ts';
import { movingOnError } from './move-out.errors.ts';
import { nightsBetween, osloDate } from './stays.rules.ts';
import { damagedItems, destinationGroup, moveOutDateRefusal } from './move-out.rules.ts';
import * as sq from './stays.queries.ts';
import * as rq from './room-move.queries.ts';
import * as bq from './belongings.queries.ts';
import * as q from './move-out.queries.ts';
import type { KeyDoor } from './stays.schema.ts';
import { recordDamageIncidents } from './inventory.service.ts';
import type { KeysNotReturnedOutput, MoveOutInput, MoveOutOutput, MoveOutViewOutput } from './move-out.schema.ts';

// Move-out (utflytting, stay:move_out): the stay ends, where the household went is recorded in the
// categories of the statistics, the keys come back (or are listed as not returned), the room is gone
// through with its inventory list and goes to cleaning, and belongings can be put in storage.

type Code = keyof typeof movingOnError.definitions;
const fieldError = (ctx: Ctx, code: Code, field: string) => movingOnError(code, { fields: { [field]: movingOnError.definitions[code][ctx.locale] } });

const household = (stay: { personId: string; partnerPersonId: string | null }) => [stay.personId, ...(stay.partnerPersonId ? [stay.partnerPersonId] : [])];

async function loadMoveOut(ctx: Ctx, tenantId: string, stay: { id: string; startOn: string }): Promise<MoveOutOutput | null> {
  const row = await q.findMoveOut(ctx.db, tenantId, stay.id);
  if (!row) return null;
  const chainStart = (await rq.chainStartsOf(ctx.db, tenantId, [stay])).get(stay.id)!;
  const today = osloDate(ctx.now);
  const [stillOut, inventory, belongings] = [
    await rq.listHeldKeys(ctx.db, stay.id),
    await sq.listStayInventoryChecks(ctx.db, stay.id, 'move_out'),
    await bq.listForStay(ctx.db, tenantId, stay.id),
  ];
  return {
    ...row,
    destinationGroup: destinationGroup(row.destination),
    keysNotReturned: stillOut.map((k) => ({ id: k.keyId, keyNumber: k.keyNumber, door: k.door as KeyDoor })),
    inventory,
    belongings: belongings.map((b) => toBelongingsOutput(b, today)),
    recordedAt: row.recordedAt.toISOString(),
    nights: nightsBetween(chainStart, row.movedOutOn),
  };
}

/**
 * What the move-out page shows for a stay: the household, the room, the keys they hold, the room's
 * inventory list — and the move-out itself once it is recorded.
 */
export async function getMoveOut(ctx: Ctx, stayId: string): Promise<MoveOutViewOutput> {
  const user = requirePermission(ctx, 'stay:read');
  return inTransaction(ctx, async (tx) => {
    const stay = await sq.findStay(tx.db, user.tenantId, stayId);
    if (!stay) throw staysError('stay.not_found');
    const chainStart = (await rq.chainStartsOf(tx.db, user.tenantId, [stay])).get(stay.id)!;
    const [moveOut, movedTo, held, inventory] = [
      await loadMoveOut(tx, user.tenantId, stay),
      await rq.findMoveFrom(tx.db, user.tenantId, stayId),
      await rq.listHeldKeys(tx.db, stayId),
      await sq.listInventoryItems(tx.db, user.tenantId, stay.roomId),
    ];
    for (const personId of household(stay)) await recordAccess(tx, personId, 'follow_up');
    return {
      stayId,
      personId: stay.personId,
      personName: fullName(stay.personGivenName, stay.personFamilyName)!,
      partnerPersonId: stay.partnerPersonId,
      partnerName: fullName(stay.partnerGivenName, stay.partnerFamilyName),
      room: { id: stay.roomId, name: stay.roomName, houseName: stay.houseName },
      stayStartOn: chainStart,
      startOn: stay.startOn,
      plannedEndOn: stay.plannedEndOn,
      endOn: stay.endOn,
      today: osloDate(tx.now),
      movedToStayId: movedTo?.toStayId ?? null,
      heldKeys: held.map((k) => ({ id: k.keyId, keyNumber: k.keyNumber, door: k.door as KeyDoor })),
      inventory,
      moveOut,
    };
  });
}

/**
 * Records a move-out, all in one transaction: the stay ends on the day, the move_outs row, the room's
 * inventory check, the keys handed back, belongings put in storage, the room to cleaning — and the
 * aftercare follow-ups planned. The referral's status stays as it is. Any refusal leaves all as it was.
 */
export async function recordMoveOut(ctx: Ctx, stayId: string, input: MoveOutInput): Promise<MoveOutOutput> {
  const user = requirePermission(ctx, 'stay:move_out');
  return inTransaction(ctx, async (tx) => {
    const stay = await rq.lockStay(tx.db, user.tenantId, stayId);
    if (!stay) throw staysError('stay.not_found');
    if (await q.findMoveOut(tx.db, user.tenantId, stayId)) throw movingOnError('move_out.already_recorded');
    if (stay.endOn) await refuseEndedStay(tx, user.tenantId, stayId);

    const today = osloDate(tx.now);
    const movedOutOn = input.movedOutOn ?? today;
    const refusal = moveOutDateRefusal(movedOutOn, stay.startOn, today);
    if (refusal) throw fieldError(tx, `move_out.${refusal}`, 'movedOutOn');
    const tooEarly = input.belongings.findIndex((b) => b.keepUntilOn < movedOutOn);
    if (tooEarly >= 0) throw fieldError(tx, 'belongings.keep_until_before_stored', `belongings.${tooEarly}.keepUntilOn`);

    // The whole inventory list of the room when it was checked: nothing skipped, nothing from elsewhere.
    const items = await sq.listInventoryItems(tx.db, user.tenantId, stay.roomId);
    if (input.roomChecked) {
      const itemIds = new Set(items.map((i) => i.id));
      if (input.inventory.some((l) => !itemIds.has(l.itemId))) throw fieldError(tx, 'move_out.inventory_unknown_item', 'inventory');
      if (input.inventory.length !== items.length) throw fieldError(tx, 'move_out.inventory_incomplete', 'inventory');
    }

    const held = await rq.listHeldKeys(tx.db, stay.id);
    const heldIds = new Set(held.map((k) => k.keyId));
    if (!input.returnedKeyIds.every((id) => heldIds.has(id))) throw fieldError(tx, 'move_out.key_not_held', 'returnedKeyIds');
    const returned = held.filter((k) => input.returnedKeyIds.includes(k.keyId));

    await rq.endStay(tx.db, user.tenantId, stay.id, movedOutOn);
    const moveOut = await q.insertMoveOut(tx.db, {
      tenantId: user.tenantId,
      stayId: stay.id,
      movedOutOn,
      destination: input.destination,
      destinationNote: input.destinationNote ?? null,
      wasPlanned: input.wasPlanned,
      keysReturned: returned.length === held.length,
      roomChecked: input.roomChecked,
      damageNotes: input.damageNotes ?? null,
      movingHelp: input.movingHelp,
      furnitureObtained: input.furnitureObtained ?? null,
      recordedBy: user.id,
      recordedAt: tx.now,
    });

    await sq.insertInventoryChecks(
      tx.db,
      input.inventory.map((l) => ({
        tenantId: user.tenantId,
        stayId: stay.id,
        itemId: l.itemId,
        kind: 'move_out' as const,
        condition: l.condition,
        note: l.note ?? null,
        checkedAt: tx.now,
        checkedBy: user.id,
      })),
    );
    // The item's present condition follows the latest check, so the next check-in starts from it.
    const changed = input.inventory.filter((l) => items.find((i) => i.id === l.itemId)!.condition !== l.condition);
    for (const l of changed) await sq.setInventoryCondition(tx.db, user.tenantId, l.itemId, l.condition);
    // An item found newly damaged or missing becomes a damage incident, in this transaction.
    const damageIncidentIds = await recordDamageIncidents(tx, {
      roomId: stay.roomId,
      when: 'move_out',
      residentIds: household(stay),
      lines: input.inventory.map((l) => {
        const item = items.find((i) => i.id === l.itemId)!;
        return { itemId: l.itemId, name: item.name, before: item.condition, now: l.condition, note: l.note };
      }),
    });

    await rq.returnKeyIssues(
      tx.db,
      returned.map((k) => k.issueId),
      tx.now,
    );
    await bq.insertBelongings(
      tx.db,
      input.belongings.map((b) => ({
        tenantId: user.tenantId,
        personId: stay.personId,
        stayId: stay.id,
        description: b.description,
        location: b.location,
        storedOn: movedOutOn,
        keepUntilOn: b.keepUntilOn,
        recordedBy: user.id,
      })),
    );
    await markRoomForStayChange(tx, stay.roomId, { stayId: stay.id, cause: 'move_out', to: 'cleaning' });

    // Where they went (it may be prison or treatment) and the free-text notes stay in move_outs; the
    // audit row holds dates, ids and counts only.
    const details = {
      moveOutId: moveOut.id,
      roomId: stay.roomId,
      movedOutOn,
      keysReturned: returned.length,
      keysNotReturned: held.length - returned.length,
      roomChecked: input.roomChecked,
      inventoryItems: input.inventory.length,
      inventoryDamagedOrMissing: damagedItems(input.inventory).length,
      damageIncidents: damageIncidentIds.length,
      belongingsStored: input.belongings.length,
    };
    for (const personId of household(stay)) {
      await recordEvent(tx, { action: 'stay.move_out', entityType: 'stay', entityId: stay.id, personId, purpose: 'follow_up', details });
    }

    // The "still housed?" follow-ups at 1, 3 and 6 months (aftercare owns the plan), in this transaction.
    await planFollowUpsAfterMoveOut(tx, { personId: stay.personId, stayId: stay.id, movedOutOn, destination: input.destination });

    return (await loadMoveOut(tx, user.tenantId, stay))!;
  });
}

/** Keys handed out on stays that have ended and not come back, for the board. */
export async function listKeysNotReturned(ctx: Ctx): Promise<KeysNotReturnedOutput> {
  const user = requirePermission(ctx, 'stay:read');
  return inTransaction(ctx, async (tx) => {
    const rows = await q.listKeysNotReturned(tx.db, user.tenantId);
    // The key and its room are the house's; the holder of a closed record is shown by name only.
    const closed = await recordListAccess(tx, rows.map((r) => r.personId), 'follow_up');
    return rows.map((r) => ({
      keyId: r.keyId,
      keyNumber: r.keyNumber,
      door: r.door as KeyDoor,
      roomName: r.roomName,
      stayId: r.stayId,
      personId: r.personId,
      personName: fullName(r.personGivenName, r.personFamilyName)!,
      recordClosed: closed.has(r.personId),
      endedOn: closed.has(r.personId) ? null : r.endedOn!,
    }));
  });
}

/** A key handed back after the move-out (or at any time): its open issue closes. */
export async function returnKey(ctx: Ctx, keyId: string): Promise<void> {
  const user = requirePermission(ctx, 'key:manage');
  return inTransaction(ctx, async (tx) => {
    const issue = await q.lockOpenKeyIssue(tx.db, user.tenantId, keyId);
    if (!issue) throw movingOnError('key.not_issued');
    await rq.returnKeyIssues(tx.db, [issue.id], tx.now);
    await recordEvent(tx, { action: 'key.return', entityType: 'room_key', entityId: keyId, personId: issue.personId, details: { stayId: issue.stayId } });
  });
}
