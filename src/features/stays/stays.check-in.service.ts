import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { isExclusionViolation, isUniqueViolation } from '../../platform/db/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { getCurrentHouseRules, recordHouseRulesAcceptance, type HouseRulesVersion } from '../agreements/house-rules.service.ts';
import { setReferralStatus } from '../referrals/referrals.status.ts';
import { markRoomOccupiedAtCheckIn } from '../rooms/rooms.service.ts';
import { staysError } from './stays.errors.ts';
import { latestEndDate, osloDate, stayClock } from './stays.rules.ts';
import * as q from './stays.queries.ts';
import { chainStartsOf } from './room-move.queries.ts';
import type { CheckInInput, CheckInPreparationOutput, KeyDoor, StayOutput } from './stays.schema.ts';

export const fullName = (given: string | null, family: string | null) => (given === null ? null : `${given} ${family ?? ''}`.trim());

/** A field-level refusal: the message goes both to the form field and to the top of the form. */
function fieldError(ctx: Ctx, code: keyof typeof staysError.definitions, field: string, meta?: Record<string, unknown>) {
  return staysError(code, { fields: { [field]: staysError.definitions[code][ctx.locale] }, meta });
}

async function currentHouseRulesOrNull(ctx: Ctx): Promise<HouseRulesVersion | null> {
  try {
    return await getCurrentHouseRules(ctx);
  } catch (err) {
    if ((err as { code?: string }).code === 'house_rules.none_published') return null;
    throw err;
  }
}

/**
 * Everything the check-in form shows for an accepted offer: the household, the room and dates, the
 * keys that can be handed out, the room's inventory list and the house rules in force.
 */
export async function getCheckInPreparation(ctx: Ctx, offerId: string): Promise<CheckInPreparationOutput> {
  const user = requirePermission(ctx, 'stay:check_in');
  return inTransaction(ctx, async (tx) => {
    const offer = await q.findOfferForCheckIn(tx.db, user.tenantId, offerId);
    if (!offer) throw staysError('offer.not_found');
    const today = osloDate(tx.now);
    const [keys, inventory, houseRules, stayId] = [
      await q.listKeysForRoom(tx.db, user.tenantId, offer.roomId, { includeShared: true }),
      await q.listInventoryItems(tx.db, user.tenantId, offer.roomId),
      await currentHouseRulesOrNull(tx),
      await q.findStayIdForOffer(tx.db, user.tenantId, offerId),
    ];
    await recordAccess(tx, offer.personId, 'follow_up');
    if (offer.partnerPersonId) await recordAccess(tx, offer.partnerPersonId, 'follow_up');
    return {
      offerId: offer.offerId,
      offerStatus: offer.status,
      referralId: offer.referralId,
      personId: offer.personId,
      personName: fullName(offer.personGivenName, offer.personFamilyName)!,
      partnerPersonId: offer.partnerPersonId,
      partnerName: fullName(offer.partnerGivenName, offer.partnerFamilyName),
      room: { id: offer.roomId, name: offer.roomName, houseName: offer.houseName, state: offer.roomState, takesCouples: offer.takesCouples },
      fromOn: offer.fromOn,
      plannedEndOn: offer.plannedEndOn,
      today,
      latestEndOn: latestEndDate(today > offer.fromOn ? today : offer.fromOn),
      availableKeys: keys.filter((k) => !k.issuedAt && !k.lostAt).map((k) => ({ id: k.id, keyNumber: k.keyNumber, door: k.door as KeyDoor, roomId: k.roomId })),
      inventory,
      houseRules: houseRules ? { id: houseRules.id, version: houseRules.version, rules: houseRules.rules } : null,
      stayId,
    };
  });
}

// The constraints are the final word, also when two staff check in at the same moment: the loser's
// insert waits for the winner's transaction and then fails; the caller gets a clear 409, not a 500.
async function insertStayOrExplain(db: Db, row: Parameters<typeof q.insertStay>[1]) {
  try {
    return await q.insertStay(db, row);
  } catch (err) {
    if (isExclusionViolation(err, 'stays_no_overlap')) throw staysError('stay.room_taken');
    if (isUniqueViolation(err, 'stays_one_open_per_person')) throw staysError('stay.person_has_open_stay');
    throw err;
  }
}

async function orKeyConflict<T>(ctx: Ctx, write: Promise<T>, field: string): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (isUniqueViolation(err, 'room_keys_number_unique')) throw fieldError(ctx, 'key.duplicate_number', field);
    if (isUniqueViolation(err, 'key_issues_one_holder')) throw fieldError(ctx, 'key.already_issued', 'keyIds');
    throw err;
  }
}

/**
 * Checks a household in from an accepted offer, all in one transaction: the stay, the keys handed
 * out, the inventory list gone through, acceptance of the house rules in force, the room occupied
 * and the referral checked in. Any refusal leaves everything as it was.
 */
export async function checkIn(ctx: Ctx, offerId: string, input: CheckInInput): Promise<StayOutput> {
  const user = requirePermission(ctx, 'stay:check_in');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.lockOffer(tx.db, user.tenantId, offerId))) throw staysError('offer.not_found');
    const offer = (await q.findOfferForCheckIn(tx.db, user.tenantId, offerId))!;
    await q.lockRoom(tx.db, user.tenantId, offer.roomId);
    if (offer.status !== 'accepted') throw staysError('stay.offer_not_accepted', { meta: { public: { status: offer.status } } });
    const existing = await q.findStayIdForOffer(tx.db, user.tenantId, offerId);
    if (existing) throw staysError('stay.offer_already_checked_in', { meta: { public: { stayId: existing } } });

    const today = osloDate(tx.now);
    const startOn = input.startOn ?? today;
    if (startOn > today) throw fieldError(tx, 'stay.check_in_in_future', 'startOn');
    if (startOn < offer.fromOn) throw fieldError(tx, 'stay.check_in_before_offer', 'startOn', { public: { fromOn: offer.fromOn } });
    if (startOn >= offer.plannedEndOn) throw fieldError(tx, 'stay.check_in_after_planned_end', 'startOn');
    if (offer.roomState === 'out_of_service') throw staysError('stay.room_out_of_service');
    if (offer.partnerPersonId && !offer.takesCouples) throw staysError('stay.room_not_for_couples');

    // The resident accepts the rules they were shown; if a new version was published meanwhile, they
    // must read that one first.
    const rules = await getCurrentHouseRules(tx);
    if (rules.id !== input.houseRulesVersionId) {
      throw fieldError(tx, 'stay.house_rules_changed', 'houseRulesAccepted', { public: { currentVersionId: rules.id, currentVersion: rules.version } });
    }

    // The whole inventory list of the room, each item once: nothing skipped, nothing from elsewhere.
    const items = await q.listInventoryItems(tx.db, user.tenantId, offer.roomId);
    const itemIds = new Set(items.map((i) => i.id));
    if (input.inventory.some((l) => !itemIds.has(l.itemId))) throw fieldError(tx, 'stay.inventory_unknown_item', 'inventory');
    if (input.inventory.length !== items.length) throw fieldError(tx, 'stay.inventory_incomplete', 'inventory');

    const keys = await q.findKeys(tx.db, user.tenantId, input.keyIds);
    const usable = (k: (typeof keys)[number]) => k.roomId === offer.roomId || (k.roomId === null && k.door === 'front_door');
    if (keys.length !== input.keyIds.length || !keys.every(usable)) throw fieldError(tx, 'key.not_found', 'keyIds');
    if (keys.some((k) => k.issuedAt || k.lostAt)) throw fieldError(tx, 'key.already_issued', 'keyIds');

    const household = [offer.personId, ...(offer.partnerPersonId ? [offer.partnerPersonId] : [])];
    if (await q.findOpenStayOfPeople(tx.db, user.tenantId, household)) throw staysError('stay.person_has_open_stay');

    // The stay first: in a race, this insert is where the loser waits and is refused.
    const stay = await insertStayOrExplain(tx.db, {
      tenantId: user.tenantId,
      roomId: offer.roomId,
      personId: offer.personId,
      partnerPersonId: offer.partnerPersonId,
      referralId: offer.referralId,
      offerId: offer.offerId,
      startOn,
      plannedEndOn: offer.plannedEndOn,
      checkedInAt: tx.now,
      checkedInBy: user.id,
    });

    const newKeys = [];
    for (const [i, k] of input.newKeys.entries()) {
      newKeys.push(
        await orKeyConflict(
          tx,
          q.insertKey(tx.db, { tenantId: user.tenantId, keyNumber: k.keyNumber, door: k.door, roomId: offer.roomId }),
          `newKeys.${i}.keyNumber`,
        ),
      );
    }
    await orKeyConflict(
      tx,
      q.insertKeyIssues(
        tx.db,
        [...keys.map((k) => k.id), ...newKeys.map((k) => k.id)].map((keyId) => ({
          tenantId: user.tenantId,
          keyId,
          stayId: stay.id,
          personId: offer.personId,
          issuedAt: tx.now,
          issuedBy: user.id,
        })),
      ),
      'keyIds',
    );

    await q.insertInventoryChecks(
      tx.db,
      input.inventory.map((l) => ({
        tenantId: user.tenantId,
        stayId: stay.id,
        itemId: l.itemId,
        kind: 'check_in' as const,
        condition: l.condition,
        note: l.note ?? null,
        checkedAt: tx.now,
        checkedBy: user.id,
      })),
    );
    const conditionChanged = input.inventory.filter((l) => items.find((i) => i.id === l.itemId)!.condition !== l.condition);
    for (const l of conditionChanged) await q.setInventoryCondition(tx.db, user.tenantId, l.itemId, l.condition);

    await recordHouseRulesAcceptance(tx, { stayId: stay.id, versionId: rules.id, personId: offer.personId });
    await markRoomOccupiedAtCheckIn(tx, offer.roomId, stay.id);
    await setReferralStatus(tx, offer.referralId, 'checked_in');

    const details = {
      roomId: offer.roomId,
      offerId: offer.offerId,
      startOn,
      keysIssued: keys.length + newKeys.length,
      keysRegistered: newKeys.length,
      inventoryItems: input.inventory.length,
      inventoryConditionChanged: conditionChanged.length,
      houseRulesVersion: rules.version,
    };
    for (const personId of household) {
      await recordEvent(tx, { action: 'stay.check_in', entityType: 'stay', entityId: stay.id, personId, purpose: 'follow_up', details });
    }
    return loadStay(tx, user.tenantId, stay.id);
  });
}

/** One stay row as the API shows it; the clock counts from the first row of its chain of room moves. */
export async function loadStay(ctx: Ctx, tenantId: string, stayId: string): Promise<StayOutput> {
  const row = await q.findStay(ctx.db, tenantId, stayId);
  if (!row) throw staysError('stay.not_found');
  const chainStart = (await chainStartsOf(ctx.db, tenantId, [row])).get(row.id)!;
  const [keys, inventory, acceptance] = [
    await q.listStayKeys(ctx.db, stayId),
    await q.listStayInventoryChecks(ctx.db, stayId, 'check_in'),
    await q.findHouseRulesAcceptance(ctx.db, stayId),
  ];
  return {
    id: row.id,
    roomId: row.roomId,
    roomName: row.roomName,
    houseName: row.houseName,
    personId: row.personId,
    personName: fullName(row.personGivenName, row.personFamilyName)!,
    partnerPersonId: row.partnerPersonId,
    partnerName: fullName(row.partnerGivenName, row.partnerFamilyName),
    referralId: row.referralId,
    offerId: row.offerId,
    startOn: row.startOn,
    plannedEndOn: row.plannedEndOn,
    endOn: row.endOn,
    checkedInAt: row.checkedInAt.toISOString(),
    clock: stayClock(chainStart, row.endOn ?? osloDate(ctx.now)),
    keys: keys.map((k) => ({ ...k, door: k.door as KeyDoor, issuedAt: k.issuedAt.toISOString(), returnedAt: k.returnedAt?.toISOString() ?? null })),
    inventory,
    houseRules: acceptance ? { versionId: acceptance.versionId, version: acceptance.version, acceptedAt: acceptance.acceptedAt.toISOString() } : null,
  };
}

/** One stay: household, room, dates, the three-month clock, keys, inventory and house rules accepted. */
export async function getStay(ctx: Ctx, stayId: string): Promise<StayOutput> {
  const user = requirePermission(ctx, 'stay:read');
  return inTransaction(ctx, async (tx) => {
    const stay = await loadStay(tx, user.tenantId, stayId);
    await recordAccess(tx, stay.personId, 'follow_up');
    if (stay.partnerPersonId) await recordAccess(tx, stay.partnerPersonId, 'follow_up');
    return stay;
  });
}
