import { z } from 'zod';
import { isoDate, optionalIsoDate, optionalText, requiredText } from '../../platform/http/shared-schemas.ts';

// Shapes of the stays feature: check-in, the board and its calendar, the fire list, keys and inventory.
// Shared by the forms, the routes and the OpenAPI document. Messages are catalogue keys.

export const inventoryCondition = z.enum(['good', 'worn', 'damaged', 'missing']);
/** Which door a key opens: the room's own door, or the house's front door. */
export const keyDoor = z.enum(['room', 'front_door']);
export const clockStatus = z.enum(['ok', 'soon', 'over']);
export const roomStateForBoard = z.enum(['ready', 'occupied', 'cleaning', 'out_of_service']);

// ---- keys and inventory -------------------------------------------------------------------------

export const registerKeyInput = z
  .object({
    keyNumber: requiredText(30),
    door: keyDoor,
  })
  .meta({ id: 'RegisterKeyInput' });

export const keyOutput = z
  .object({
    id: z.uuid(),
    keyNumber: z.string(),
    door: keyDoor,
    /** Null for a front-door key shared by the house. */
    roomId: z.uuid().nullable(),
    issued: z.boolean(),
    issuedAt: z.string().nullable(),
    issuedToStayId: z.uuid().nullable(),
  })
  .meta({ id: 'RoomKey' });

export const inventoryItemInput = z
  .object({
    name: requiredText(100),
    condition: inventoryCondition.default('good'),
  })
  .meta({ id: 'InventoryItemInput' });

export const inventoryItemOutput = z
  .object({ id: z.uuid(), roomId: z.uuid(), name: z.string(), condition: inventoryCondition })
  .meta({ id: 'InventoryItem' });

// ---- check-in -----------------------------------------------------------------------------------

export const checkInInventoryLine = z
  .object({ itemId: z.uuid(), condition: inventoryCondition, note: optionalText(300) })
  .meta({ id: 'CheckInInventoryLine' });

export const checkInInput = z
  .object({
    /** The check-in day; today when left out. Not before the offer's from-date, not in the future. */
    startOn: optionalIsoDate,
    /** Registered keys of the room (or the house's front door) handed out now. */
    keyIds: z.array(z.uuid()).max(10).default([]),
    /** Key numbers registered on the spot and handed out now. */
    newKeys: z.array(registerKeyInput).max(10).default([]),
    /** Every item of the room's inventory list, with its condition at check-in. */
    inventory: z.array(checkInInventoryLine).max(200).default([]),
    /** The version of the house rules the resident was shown; refused if it is no longer the current one. */
    houseRulesVersionId: z.uuid('stays.validation.houseRulesVersion'),
    /** Must be true: the resident has read and accepted that version (checked with the other fields, so every error shows at once). */
    houseRulesAccepted: z.boolean('stays.validation.houseRulesAccepted'),
  })
  .superRefine((value, ctx) => {
    if (!value.houseRulesAccepted) {
      ctx.addIssue({ code: 'custom', path: ['houseRulesAccepted'], message: 'stays.validation.houseRulesAccepted' });
    }
    if (value.keyIds.length + value.newKeys.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['keyIds'], message: 'stays.validation.keysRequired' });
    }
    if (new Set(value.keyIds).size !== value.keyIds.length) {
      ctx.addIssue({ code: 'custom', path: ['keyIds'], message: 'stays.validation.keyTwice' });
    }
    const numbers = value.newKeys.map((k) => k.keyNumber.toLocaleLowerCase('nb-NO'));
    numbers.forEach((n, i) => {
      if (numbers.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: ['newKeys', i, 'keyNumber'], message: 'stays.validation.keyTwice' });
    });
    const items = value.inventory.map((l) => l.itemId);
    if (new Set(items).size !== items.length) {
      ctx.addIssue({ code: 'custom', path: ['inventory'], message: 'stays.validation.inventoryTwice' });
    }
  })
  .meta({ id: 'CheckInInput' });

export const stayClockOutput = z
  .object({
    nightsSoFar: z.number().int(),
    /** Negative once the three-month limit has passed. */
    nightsLeft: z.number().int(),
    latestEndOn: isoDate,
    status: clockStatus,
  })
  .meta({ id: 'StayClock', description: 'Nights so far and nights left to the three-month limit' });

export const stayOutput = z
  .object({
    id: z.uuid(),
    roomId: z.uuid(),
    roomName: z.string(),
    houseName: z.string(),
    personId: z.uuid(),
    personName: z.string(),
    partnerPersonId: z.uuid().nullable(),
    partnerName: z.string().nullable(),
    referralId: z.uuid().nullable(),
    offerId: z.uuid().nullable(),
    startOn: isoDate,
    plannedEndOn: isoDate,
    endOn: isoDate.nullable(),
    checkedInAt: z.string(),
    clock: stayClockOutput,
    keys: z.array(z.object({ id: z.uuid(), keyNumber: z.string(), door: keyDoor, issuedAt: z.string(), returnedAt: z.string().nullable() })),
    inventory: z.array(z.object({ itemId: z.uuid(), name: z.string(), condition: inventoryCondition, note: z.string().nullable() })),
    houseRules: z.object({ versionId: z.uuid(), version: z.number().int(), acceptedAt: z.string() }).nullable(),
  })
  .meta({ id: 'Stay' });

export const checkInPreparationOutput = z
  .object({
    offerId: z.uuid(),
    offerStatus: z.enum(['open', 'accepted', 'declined', 'lapsed']),
    referralId: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    partnerPersonId: z.uuid().nullable(),
    partnerName: z.string().nullable(),
    room: z.object({ id: z.uuid(), name: z.string(), houseName: z.string(), state: roomStateForBoard, takesCouples: z.boolean() }),
    fromOn: isoDate,
    plannedEndOn: isoDate,
    today: isoDate,
    /** The three-month limit counted from a check-in today. */
    latestEndOn: isoDate,
    availableKeys: z.array(z.object({ id: z.uuid(), keyNumber: z.string(), door: keyDoor, roomId: z.uuid().nullable() })),
    inventory: z.array(inventoryItemOutput),
    houseRules: z.object({ id: z.uuid(), version: z.number().int(), rules: z.array(z.string()) }).nullable(),
    /** Set when this offer has been checked in already. */
    stayId: z.uuid().nullable(),
  })
  .meta({ id: 'CheckInPreparation' });

// ---- the board ----------------------------------------------------------------------------------

export const boardResidentOutput = z
  .object({
    stayId: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    partnerPersonId: z.uuid().nullable(),
    partnerName: z.string().nullable(),
    startOn: isoDate,
    plannedEndOn: isoDate,
    clock: stayClockOutput,
  })
  // The three-month rule's follow-up (extension.rules.ts): past the limit with no extension covering today.
  .extend({ overdueWithoutExtension: z.boolean(), extendedUntil: isoDate.nullable() })
  .meta({ id: 'BoardResident' });

export const boardRoomOutput = z
  .object({
    id: z.uuid(),
    houseId: z.uuid(),
    houseName: z.string(),
    name: z.string(),
    capacity: z.number().int(),
    isCrisisRoom: z.boolean(),
    takesCouples: z.boolean(),
    state: roomStateForBoard,
    outOfServiceReason: z.string().nullable(),
    resident: boardResidentOutput.nullable(),
  })
  .meta({ id: 'BoardRoom' });

export const boardArrivalOutput = z
  .object({
    offerId: z.uuid(),
    referralId: z.uuid(),
    roomId: z.uuid(),
    roomName: z.string(),
    personName: z.string(),
    partnerName: z.string().nullable(),
    fromOn: isoDate,
    plannedEndOn: isoDate,
    /** The from-date has passed and they have not come yet. */
    overdue: z.boolean(),
  })
  .meta({ id: 'BoardArrival' });

export const boardDepartureOutput = z
  .object({
    stayId: z.uuid(),
    roomId: z.uuid(),
    roomName: z.string(),
    personName: z.string(),
    partnerName: z.string().nullable(),
    plannedEndOn: isoDate,
    overdue: z.boolean(),
    clock: stayClockOutput,
  })
  .extend({ overdueWithoutExtension: z.boolean() })
  .meta({ id: 'BoardDeparture' });

export const boardOutput = z
  .object({
    today: isoDate,
    /** Arrivals and departures up to and including this day (today + 14). */
    horizonOn: isoDate,
    rooms: z.array(boardRoomOutput),
    arrivals: z.array(boardArrivalOutput),
    departures: z.array(boardDepartureOutput),
    freeRooms: z.array(z.object({ id: z.uuid(), name: z.string(), houseName: z.string() })),
  })
  .meta({ id: 'Board' });

export const calendarQuery = z.object({ from: optionalIsoDate });

export const calendarSpanOutput = z
  .object({
    kind: z.enum(['stay', 'arrival', 'out_of_service']),
    /** The stay or offer the span belongs to (null for out of service). */
    id: z.uuid().nullable(),
    startOn: isoDate,
    /** The first day no longer in the span (exclusive), as nights are counted. */
    endOn: isoDate.nullable(),
    initials: z.string(),
    /** The text alternative: who, and from when to when. */
    label: z.string(),
  })
  .meta({ id: 'CalendarSpan' });

export const calendarOutput = z
  .object({
    from: isoDate,
    to: isoDate,
    today: isoDate,
    weeks: z.array(z.object({ startOn: isoDate, week: z.number().int() })),
    rooms: z.array(z.object({ id: z.uuid(), name: z.string(), houseName: z.string(), spans: z.array(calendarSpanOutput) })),
  })
  .meta({ id: 'BoardCalendar' });

// ---- the fire list ------------------------------------------------------------------------------

export const fireListOutput = z
  .object({
    printedAt: z.string(),
    today: isoDate,
    houses: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        streetAddress: z.string(),
        postalCode: z.string(),
        city: z.string(),
        residents: z.array(z.object({ stayId: z.uuid(), roomName: z.string(), personName: z.string(), partnerName: z.string().nullable() })),
        /** People in the house: residents and their partners. */
        peopleCount: z.number().int(),
      }),
    ),
    peopleCount: z.number().int(),
  })
  .meta({ id: 'FireList' });

export type InventoryCondition = z.infer<typeof inventoryCondition>;
export type KeyDoor = z.infer<typeof keyDoor>;
export type RegisterKeyInput = z.infer<typeof registerKeyInput>;
export type KeyOutput = z.infer<typeof keyOutput>;
export type InventoryItemInput = z.infer<typeof inventoryItemInput>;
export type InventoryItemOutput = z.infer<typeof inventoryItemOutput>;
export type CheckInInput = z.infer<typeof checkInInput>;
export type StayOutput = z.infer<typeof stayOutput>;
export type CheckInPreparationOutput = z.infer<typeof checkInPreparationOutput>;
export type BoardOutput = z.infer<typeof boardOutput>;
export type BoardRoomOutput = z.infer<typeof boardRoomOutput>;
export type BoardArrivalOutput = z.infer<typeof boardArrivalOutput>;
export type BoardDepartureOutput = z.infer<typeof boardDepartureOutput>;
export type StayClockOutput = z.infer<typeof stayClockOutput>;
export type CalendarOutput = z.infer<typeof calendarOutput>;
export type CalendarSpanOutput = z.infer<typeof calendarSpanOutput>;
export type FireListOutput = z.infer<typeof fireListOutput>;
