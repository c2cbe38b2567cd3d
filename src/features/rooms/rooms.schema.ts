import { z } from 'zod';
import { isoDate, optionalIsoDate, optionalText, requiredText } from '../../platform/http/shared-schemas.ts';

export const roomState = z.enum(['ready', 'occupied', 'cleaning', 'out_of_service']);

export const houseInput = z
  .object({
    name: requiredText(100),
    streetAddress: requiredText(200),
    postalCode: z.string('validation.required').trim().regex(/^\d{4}$/, 'rooms.validation.postalCode'),
    city: requiredText(100),
  })
  .meta({ id: 'HouseInput' });

export const roomInput = z
  .object({
    name: requiredText(50),
    capacity: z.number('rooms.validation.capacity').int('rooms.validation.capacity').min(1, 'rooms.validation.capacity').max(2, 'rooms.validation.capacity'),
    isCrisisRoom: z.boolean().default(false),
    takesCouples: z.boolean().default(false),
    sortOrder: z
      .number('rooms.validation.sortOrder')
      .int('rooms.validation.sortOrder')
      .min(0, 'rooms.validation.sortOrder')
      .max(999, 'rooms.validation.sortOrder')
      .default(0),
  })
  // A couple needs a room for two; the database has the same check.
  .superRefine((value, ctx) => {
    if (value.takesCouples && value.capacity !== 2) {
      ctx.addIssue({ code: 'custom', path: ['takesCouples'], message: 'rooms.validation.couplesNeedTwo' });
    }
  })
  .meta({ id: 'RoomInput' });

export const changeRoomStateInput = z
  .object({
    // 'occupied' is accepted by the shape so the service can refuse it with a clear rule message:
    // a room becomes occupied at check-in, never by hand.
    state: roomState,
    reason: optionalText(500),
    fromDate: optionalIsoDate,
    toDate: optionalIsoDate,
  })
  .superRefine((value, ctx) => {
    if (value.state === 'out_of_service') {
      if (!value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'rooms.validation.reasonRequired' });
      if (!value.fromDate) ctx.addIssue({ code: 'custom', path: ['fromDate'], message: 'rooms.validation.fromDateRequired' });
      // ISO dates compare correctly as strings.
      if (value.fromDate && value.toDate && value.toDate < value.fromDate) {
        ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'rooms.validation.toBeforeFrom' });
      }
    } else {
      // Dates belong to an out-of-service period only; silently dropping them would surprise the caller.
      if (value.fromDate) ctx.addIssue({ code: 'custom', path: ['fromDate'], message: 'rooms.validation.datesOnlyOutOfService' });
      if (value.toDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'rooms.validation.datesOnlyOutOfService' });
    }
  })
  .meta({ id: 'ChangeRoomStateInput', description: 'Ready, cleaning or out of service (with a reason and a from-date)' });

export const roomOutput = z
  .object({
    id: z.uuid(),
    houseId: z.uuid(),
    name: z.string(),
    capacity: z.number().int(),
    isCrisisRoom: z.boolean(),
    takesCouples: z.boolean(),
    state: roomState,
    outOfServiceReason: z.string().nullable(),
    outOfServiceFrom: isoDate.nullable(),
    outOfServiceTo: isoDate.nullable(),
    /** When the room got its present state (the latest state change). */
    stateSince: z.string().nullable(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'Room' });

export const houseOutput = z
  .object({
    id: z.uuid(),
    name: z.string(),
    streetAddress: z.string(),
    postalCode: z.string(),
    city: z.string(),
    rooms: z.array(roomOutput),
  })
  .meta({ id: 'House' });

export const roomStateChangeOutput = z
  .object({
    id: z.uuid(),
    changedAt: z.string(),
    changedByName: z.string().nullable(),
    fromState: roomState.nullable(),
    toState: roomState,
    reason: z.string().nullable(),
    fromDate: isoDate.nullable(),
    toDate: isoDate.nullable(),
  })
  .meta({ id: 'RoomStateChange' });

export type RoomState = z.infer<typeof roomState>;
export type HouseInput = z.infer<typeof houseInput>;
export type RoomInput = z.infer<typeof roomInput>;
export type ChangeRoomStateInput = z.infer<typeof changeRoomStateInput>;
export type RoomOutput = z.infer<typeof roomOutput>;
export type HouseOutput = z.infer<typeof houseOutput>;
export type RoomStateChangeOutput = z.infer<typeof roomStateChangeOutput>;
