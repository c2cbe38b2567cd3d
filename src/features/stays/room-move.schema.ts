import { z } from 'zod';
import { isoDate, optionalIsoDate, requiredText } from '../../platform/http/shared-schemas.ts';
import { keyDoor, roomStateForBoard, stayOutput } from './stays.schema.ts';

// A room move during a stay (stay:move). Shared by the dialog, the route and the OpenAPI document.

export const roomMoveInput = z
  .object({
    toRoomId: z.uuid('moveOut.validation.toRoom'),
    /** The day of the move; today when left out. Not in the future, not before the present row began. */
    movedOn: optionalIsoDate,
    reason: requiredText(500),
    /**
     * Free keys of the new room (or the house's front door) handed out now. The old room's keys are
     * taken back at the move; front-door keys the resident holds go with them to the new room.
     */
    keyIds: z.array(z.uuid()).max(10).default([]),
  })
  .superRefine((value, ctx) => {
    if (new Set(value.keyIds).size !== value.keyIds.length) ctx.addIssue({ code: 'custom', path: ['keyIds'], message: 'stays.validation.keyTwice' });
  })
  .meta({ id: 'RoomMoveInput' });

export const roomMoveOptionsOutput = z
  .object({
    stayId: z.uuid(),
    personName: z.string(),
    partnerName: z.string().nullable(),
    fromRoom: z.object({ id: z.uuid(), name: z.string(), houseName: z.string() }),
    startOn: isoDate,
    plannedEndOn: isoDate,
    today: isoDate,
    /** Keys the household holds now, and whether the move takes them back (the old room's own keys). */
    heldKeys: z.array(z.object({ id: z.uuid(), keyNumber: z.string(), door: keyDoor, returnedAtMove: z.boolean() })),
    /** Rooms the household can move to today: ready, empty, and taking couples when they are two. */
    rooms: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        houseName: z.string(),
        state: roomStateForBoard,
        takesCouples: z.boolean(),
        /** The from-date of an accepted offer for this room not yet checked in. */
        reservedFrom: isoDate.nullable(),
        freeKeys: z.array(z.object({ id: z.uuid(), keyNumber: z.string(), door: keyDoor })),
      }),
    ),
  })
  .meta({ id: 'RoomMoveOptions' });

export const roomMoveOutput = z
  .object({
    id: z.uuid(),
    fromStayId: z.uuid(),
    toStayId: z.uuid(),
    fromRoomId: z.uuid(),
    toRoomId: z.uuid(),
    movedOn: isoDate,
    keysReturned: z.number().int(),
    keysCarried: z.number().int(),
    keysIssued: z.number().int(),
    /** The new stay row, with the three-month clock counted from the first row of the chain. */
    stay: stayOutput,
  })
  .meta({ id: 'RoomMove' });

export type RoomMoveInput = z.infer<typeof roomMoveInput>;
export type RoomMoveOptionsOutput = z.infer<typeof roomMoveOptionsOutput>;
export type RoomMoveOutput = z.infer<typeof roomMoveOutput>;
