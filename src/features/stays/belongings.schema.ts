import { z } from 'zod';
import { isoDate, optionalIsoDate, requiredText } from '../../platform/http/shared-schemas.ts';

// Belongings the service keeps for a resident (oppbevaring): what, where, from and until when, and when
// they were picked up. Written with stay:move_out, read with stay:read.

/** One thing (or box of things) put in storage; the move-out form registers several at once. */
export const belongingsLine = z
  .object({
    description: requiredText(500),
    location: requiredText(200),
    /** The last day the service keeps them; after that staff contact the owner or dispose of them. */
    keepUntilOn: isoDate,
  })
  .meta({ id: 'BelongingsLine' });

export const storeBelongingsInput = belongingsLine
  .extend({
    /** The day they were put in storage; today when left out. */
    storedOn: optionalIsoDate,
    /** The stay they came from, when known. */
    stayId: z.uuid().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.storedOn && value.keepUntilOn < value.storedOn) {
      ctx.addIssue({ code: 'custom', path: ['keepUntilOn'], message: 'moveOut.validation.keepUntilBeforeStored' });
    }
  })
  .meta({ id: 'StoreBelongingsInput' });

export const pickedUpInput = z
  .object({
    /** The day the owner (or someone for them) took the things; today when left out. */
    pickedUpOn: optionalIsoDate,
  })
  .meta({ id: 'BelongingsPickedUpInput' });

export const belongingsOutput = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    stayId: z.uuid().nullable(),
    description: z.string(),
    location: z.string(),
    storedOn: isoDate,
    keepUntilOn: isoDate,
    pickedUpOn: isoDate.nullable(),
    /** Not picked up, and the keep-until day has passed. */
    pastKeepUntil: z.boolean(),
  })
  .meta({ id: 'StoredBelongings' });

export const overdueBelongingsOutput = z
  .object({
    today: isoDate,
    items: z.array(
      belongingsOutput.extend({
        personName: z.string(),
        /** The owner's record is closed to this user (access by need): name only, what and where left out. */
        recordClosed: z.boolean(),
        description: z.string().nullable(),
        location: z.string().nullable(),
        storedOn: isoDate.nullable(),
        keepUntilOn: isoDate.nullable(),
      }),
    ),
  })
  .meta({ id: 'OverdueBelongings' });

export type BelongingsLine = z.infer<typeof belongingsLine>;
export type StoreBelongingsInput = z.infer<typeof storeBelongingsInput>;
export type PickedUpInput = z.infer<typeof pickedUpInput>;
export type BelongingsOutput = z.infer<typeof belongingsOutput>;
export type OverdueBelongingsOutput = z.infer<typeof overdueBelongingsOutput>;
