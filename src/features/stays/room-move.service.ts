import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { isExclusionViolation, isUniqueViolation } from '../../platform/db/errors.ts';
import { markRoomForStayChange } from '../rooms/rooms.service.ts';
import { fullName, loadStay } from './stays.check-in.service.ts';
import { staysError } from './stays.errors.ts';
import { movingOnError } from './move-out.errors.ts';
import { osloDate } from './stays.rules.ts';
import { roomMoveRefusal } from './room-move.rules.ts';
import * as sq from './stays.queries.ts';
import * as q from './room-move.queries.ts';
import type { KeyDoor } from './stays.schema.ts';
import type { RoomMoveInput, RoomMoveOptionsOutput, RoomMoveOutput } from './room-move.schema.ts';

// A room move during a stay (stay:move). The stay row in the old room ends on the move day and a new
// row starts that day in the new room: same household, referral, offer and planned end. The database's
// no-overlap constraint then guards the new room exactly as at check-in, and the three-month clock runs
// from the first row of the chain (room_moves links them).

type MovingOnCode = keyof typeof movingOnError.definitions;

/** A refusal tied to a field: the message goes to the field and to the top of the form (400). */
function fieldError(ctx: Ctx, code: MovingOnCode, field: string) {
  return movingOnError(code, { fields: { [field]: movingOnError.definitions[code][ctx.locale] } });
}

/** A stay row that has ended cannot be moved or moved out again; say where the resident went. */
export async function refuseEndedStay(ctx: Ctx, tenantId: string, stayId: string): Promise<never> {
  const move = await q.findMoveFrom(ctx.db, tenantId, stayId);
  if (move) throw movingOnError('stay.moved_to_other_room', { meta: { public: { stayId: move.toStayId } } });
  throw movingOnError('stay.already_ended');
}

/**
 * What the move dialog offers: the rooms the household can move to today (ready and empty, taking
 * couples when they are two) with their free keys, and the keys the household holds now.
 */
export async function getRoomMoveOptions(ctx: Ctx, stayId: string): Promise<RoomMoveOptionsOutput> {
  const user = requirePermission(ctx, 'stay:move');
  return inTransaction(ctx, async (tx) => {
    const stay = await sq.findStay(tx.db, user.tenantId, stayId);
    if (!stay) throw staysError('stay.not_found');
    if (stay.endOn) await refuseEndedStay(tx, user.tenantId, stayId);
    const today = osloDate(tx.now);
    const boardRooms = await sq.listBoardRooms(tx.db, user.tenantId);
    const reservations = await sq.listArrivals(tx.db, user.tenantId, '9999-12-31', today);
    const candidates = boardRooms.filter((r) => r.id !== stay.roomId && r.state === 'ready' && r.stayId === null && (!stay.partnerPersonId || r.takesCouples));
    const rooms = [];
    for (const r of candidates) {
      const keys = await sq.listKeysForRoom(tx.db, user.tenantId, r.id, { includeShared: true });
      rooms.push({
        id: r.id,
        name: r.name,
        houseName: r.houseName,
        state: r.state,
        takesCouples: r.takesCouples,
        reservedFrom: reservations.find((a) => a.roomId === r.id)?.fromOn ?? null,
        freeKeys: keys.filter((k) => !k.issuedAt).map((k) => ({ id: k.id, keyNumber: k.keyNumber, door: k.door as KeyDoor })),
      });
    }
    const held = await q.listHeldKeys(tx.db, stayId);
    await recordAccess(tx, stay.personId, 'follow_up');
    if (stay.partnerPersonId) await recordAccess(tx, stay.partnerPersonId, 'follow_up');
    return {
      stayId,
      personName: fullName(stay.personGivenName, stay.personFamilyName)!,
      partnerName: fullName(stay.partnerGivenName, stay.partnerFamilyName),
      fromRoom: { id: stay.roomId, name: stay.roomName, houseName: stay.houseName },
      startOn: stay.startOn,
      plannedEndOn: stay.plannedEndOn,
      today,
      heldKeys: held.map((k) => ({ id: k.keyId, keyNumber: k.keyNumber, door: k.door as KeyDoor, returnedAtMove: k.door === 'room' })),
      rooms,
    };
  });
}

/**
 * Moves the household to another room, in one transaction: the old row ends on the move day (closed
 * first, so the one-open-stay-per-person index holds), the new row starts that day (the no-overlap
 * constraint refuses a taken room with a clear 409), the move is linked, the old room's keys are taken
 * back, front-door keys go along to the new row, new keys are handed out, the old room goes to cleaning
 * and the new one is occupied. Any refusal leaves everything as it was.
 */
export async function moveRoom(ctx: Ctx, stayId: string, input: RoomMoveInput): Promise<RoomMoveOutput> {
  const user = requirePermission(ctx, 'stay:move');
  return inTransaction(ctx, async (tx) => {
    const stay = await q.lockStay(tx.db, user.tenantId, stayId);
    if (!stay) throw staysError('stay.not_found');
    if (stay.endOn) await refuseEndedStay(tx, user.tenantId, stayId);

    const today = osloDate(tx.now);
    const movedOn = input.movedOn ?? today;
    const refusal = roomMoveRefusal({ movedOn, today, startOn: stay.startOn, plannedEndOn: stay.plannedEndOn, fromRoomId: stay.roomId, toRoomId: input.toRoomId });
    if (refusal) throw fieldError(tx, `room_move.${refusal}`, refusal === 'same_room' ? 'toRoomId' : 'movedOn');

    const room = await q.findRoomWithHouse(tx.db, user.tenantId, input.toRoomId);
    if (!room) throw fieldError(tx, 'room_move.room_not_found', 'toRoomId');
    if (room.state === 'out_of_service') throw movingOnError('room_move.room_out_of_service');
    if (stay.partnerPersonId && !room.takesCouples) throw movingOnError('room_move.room_not_for_couples');

    const newKeys = await sq.findKeys(tx.db, user.tenantId, input.keyIds);
    const usable = (k: (typeof newKeys)[number]) => !k.issuedAt && (k.roomId === room.id || (k.roomId === null && k.door === 'front_door'));
    if (newKeys.length !== input.keyIds.length || !newKeys.every(usable)) throw fieldError(tx, 'room_move.key_not_usable', 'keyIds');

    // Close first, then insert: the unique open stay per person would refuse the new row otherwise.
    await q.endStay(tx.db, user.tenantId, stay.id, movedOn);
    let created;
    try {
      created = await sq.insertStay(tx.db, {
        tenantId: user.tenantId,
        roomId: room.id,
        personId: stay.personId,
        partnerPersonId: stay.partnerPersonId,
        referralId: stay.referralId,
        offerId: stay.offerId,
        startOn: movedOn,
        plannedEndOn: stay.plannedEndOn,
        checkedInAt: tx.now,
        checkedInBy: user.id,
      });
    } catch (err) {
      if (isExclusionViolation(err, 'stays_no_overlap')) throw staysError('stay.room_taken');
      if (isUniqueViolation(err, 'stays_one_open_per_person')) throw staysError('stay.person_has_open_stay');
      throw err;
    }
    const move = await q.insertRoomMove(tx.db, {
      tenantId: user.tenantId,
      fromStayId: stay.id,
      toStayId: created.id,
      fromRoomId: stay.roomId,
      toRoomId: room.id,
      movedOn,
      reason: input.reason,
      movedBy: user.id,
      movedAt: tx.now,
    });

    // Keys: every open issue of the old row closes; the front-door keys are handed out again on the
    // new row (the same person keeps them), the old room's own keys stay with the house.
    const held = await q.listHeldKeys(tx.db, stay.id);
    const carried = held.filter((k) => k.door !== 'room');
    await q.returnKeyIssues(
      tx.db,
      held.map((k) => k.issueId),
      tx.now,
    );
    await sq.insertKeyIssues(
      tx.db,
      [...carried.map((k) => k.keyId), ...newKeys.map((k) => k.id)].map((keyId) => ({
        tenantId: user.tenantId,
        keyId,
        stayId: created.id,
        personId: stay.personId,
        issuedAt: tx.now,
        issuedBy: user.id,
      })),
    );

    await markRoomForStayChange(tx, stay.roomId, { stayId: stay.id, cause: 'room_move', to: 'cleaning' });
    await markRoomForStayChange(tx, room.id, { stayId: created.id, cause: 'room_move', to: 'occupied' });

    const counts = { keysReturned: held.length - carried.length, keysCarried: carried.length, keysIssued: newKeys.length };
    const details = { fromStayId: stay.id, fromRoomId: stay.roomId, toRoomId: room.id, movedOn, ...counts };
    for (const personId of [stay.personId, ...(stay.partnerPersonId ? [stay.partnerPersonId] : [])]) {
      // The reason is free text about the resident: it stays in room_moves, not in the audit row.
      await recordEvent(tx, { action: 'stay.room_move', entityType: 'stay', entityId: created.id, personId, purpose: 'follow_up', details });
    }
    return {
      id: move.id,
      fromStayId: stay.id,
      toStayId: created.id,
      fromRoomId: stay.roomId,
      toRoomId: room.id,
      movedOn,
      ...counts,
      stay: await loadStay(tx, user.tenantId, created.id),
    };
  });
}
