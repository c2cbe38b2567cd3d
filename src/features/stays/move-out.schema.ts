import { z } from 'zod';
import { isoDate, optionalIsoDate, optionalText } from '../../platform/http/shared-schemas.ts';
import { checkInInventoryLine, inventoryCondition, inventoryItemOutput, keyDoor } from './stays.schema.ts';
import { belongingsLine, belongingsOutput } from './belongings.schema.ts';
import { destinationGroups, moveOutDestinations } from './move-out.rules.ts';

// Move-out (utflytting, stay:move_out). Shared by the form, the route and the OpenAPI document.

export const moveOutDestination = z.enum(moveOutDestinations, 'moveOut.validation.destination');
export const destinationGroup = z.enum(destinationGroups);

export const moveOutInput = z
  .object({
    /** The day they moved out; today when left out. Not in the future, not before the stay began. */
    movedOutOn: optionalIsoDate,
    destination: moveOutDestination,
    /** Required for "other": where to, in a few words. */
    destinationNote: optionalText(500),
    wasPlanned: z.boolean('moveOut.validation.wasPlanned'),
    /** The household's keys handed back now; the others are listed as not returned. */
    returnedKeyIds: z.array(z.uuid()).max(20).default([]),
    /** The room was gone through with its inventory list; then every item needs a condition. */
    roomChecked: z.boolean().default(false),
    inventory: z.array(checkInInventoryLine).max(200).default([]),
    damageNotes: optionalText(2000),
    movingHelp: z.boolean().default(false),
    /** Furniture the household got for the new home (start-up grant, second-hand, donations). */
    furnitureObtained: optionalText(500),
    /** Belongings the service keeps for them, stored on the move-out day. */
    belongings: z.array(belongingsLine).max(20).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.destination === 'other' && !value.destinationNote) {
      ctx.addIssue({ code: 'custom', path: ['destinationNote'], message: 'moveOut.validation.destinationNote' });
    }
    if (!value.roomChecked && value.inventory.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['roomChecked'], message: 'moveOut.validation.roomCheckedForInventory' });
    }
    const items = value.inventory.map((l) => l.itemId);
    if (new Set(items).size !== items.length) ctx.addIssue({ code: 'custom', path: ['inventory'], message: 'stays.validation.inventoryTwice' });
    if (new Set(value.returnedKeyIds).size !== value.returnedKeyIds.length) {
      ctx.addIssue({ code: 'custom', path: ['returnedKeyIds'], message: 'stays.validation.keyTwice' });
    }
    value.belongings.forEach((b, i) => {
      if (value.movedOutOn && b.keepUntilOn < value.movedOutOn) {
        ctx.addIssue({ code: 'custom', path: ['belongings', i, 'keepUntilOn'], message: 'moveOut.validation.keepUntilBeforeStored' });
      }
    });
  })
  .meta({ id: 'MoveOutInput' });

const keySummary = z.object({ id: z.uuid(), keyNumber: z.string(), door: keyDoor });

export const moveOutOutput = z
  .object({
    id: z.uuid(),
    stayId: z.uuid(),
    movedOutOn: isoDate,
    destination: moveOutDestination,
    destinationGroup,
    destinationNote: z.string().nullable(),
    wasPlanned: z.boolean(),
    keysReturned: z.boolean(),
    /** Keys of the stay still not handed back (also after the move-out, until they are). */
    keysNotReturned: z.array(keySummary),
    roomChecked: z.boolean(),
    inventory: z.array(z.object({ itemId: z.uuid(), name: z.string(), condition: inventoryCondition, note: z.string().nullable() })),
    damageNotes: z.string().nullable(),
    movingHelp: z.boolean(),
    furnitureObtained: z.string().nullable(),
    belongings: z.array(belongingsOutput),
    recordedAt: z.string(),
    recordedByName: z.string().nullable(),
    /** Nights of the whole stay, from the first room to the move-out. */
    nights: z.number().int(),
  })
  .meta({ id: 'MoveOut' });

export const moveOutViewOutput = z
  .object({
    stayId: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    partnerPersonId: z.uuid().nullable(),
    partnerName: z.string().nullable(),
    room: z.object({ id: z.uuid(), name: z.string(), houseName: z.string() }),
    /** The first day of the stay (the first room, when they have moved rooms). */
    stayStartOn: isoDate,
    /** The first day in this room: the earliest possible move-out day. */
    startOn: isoDate,
    plannedEndOn: isoDate,
    endOn: isoDate.nullable(),
    today: isoDate,
    /** Set when this stay row ended with a move to another room: record the move-out on that one. */
    movedToStayId: z.uuid().nullable(),
    heldKeys: z.array(keySummary),
    inventory: z.array(inventoryItemOutput),
    moveOut: moveOutOutput.nullable(),
  })
  .meta({ id: 'MoveOutView' });

export const keysNotReturnedOutput = z
  .array(
    z.object({
      keyId: z.uuid(),
      keyNumber: z.string(),
      door: keyDoor,
      roomName: z.string().nullable(),
      stayId: z.uuid(),
      personId: z.uuid(),
      personName: z.string(),
      /** The holder's record is closed to this user (access by need): name only, no stay dates. */
      recordClosed: z.boolean(),
      endedOn: isoDate.nullable(),
    }),
  )
  .meta({ id: 'KeysNotReturned' });

export type MoveOutInput = z.infer<typeof moveOutInput>;
export type MoveOutOutput = z.infer<typeof moveOutOutput>;
export type MoveOutViewOutput = z.infer<typeof moveOutViewOutput>;
export type KeysNotReturnedOutput = z.infer<typeof keysNotReturnedOutput>;
