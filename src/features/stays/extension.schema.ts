import { z } from 'zod';
import { isoDate, requiredText } from '../../platform/http/shared-schemas.ts';
import { stayClockOutput } from './stays.schema.ts';

// Shapes of an extension (forlengelse) and of a stay's clock with its follow-up; shared by the
// dialog, the routes and the OpenAPI document.

export const extendStayInput = z
  .object({
    /** The new planned end (check-out day): after the current planned end, not before today. */
    newPlannedEndOn: isoDate,
    /** Why the stay is extended. Past three months this is the exception's recorded justification. */
    reason: requiredText(2000),
  })
  .meta({ id: 'ExtendStayInput' });

export const extensionOutput = z
  .object({
    id: z.uuid(),
    stayId: z.uuid(),
    decidedAt: z.string(),
    decidedByName: z.string(),
    previousPlannedEndOn: isoDate,
    newPlannedEndOn: isoDate,
    reason: z.string(),
  })
  .meta({ id: 'StayExtension' });

export const stayClockStatusOutput = z
  .object({
    stayId: z.uuid(),
    personId: z.uuid(),
    roomName: z.string(),
    /** The check-in day of the resident's stay (the first room, after room moves). */
    startOn: isoDate,
    plannedEndOn: isoDate,
    endOn: isoDate.nullable(),
    clock: stayClockOutput,
    /** Past the three-month limit with no extension covering today: the law's exception lacks its justification. */
    overdueWithoutExtension: z.boolean(),
    /** The latest planned end an extension set, or null. */
    coveredUntil: isoDate.nullable(),
    /** The warning weeks in force, and the next one still to come (null when all have passed). */
    warningWeeks: z.array(z.number().int()),
    nextWarning: z.object({ week: z.number().int(), on: isoDate }).nullable(),
    extensions: z.array(extensionOutput),
  })
  .meta({ id: 'StayClockStatus' });

export const personStayClockOutput = z
  .object({ stay: stayClockStatusOutput.nullable() })
  .meta({ id: 'PersonStayClock', description: "The clock of the person's current stay, or null when they do not live in the house" });

export type ExtendStayInput = z.infer<typeof extendStayInput>;
export type ExtensionOutput = z.infer<typeof extensionOutput>;
export type StayClockStatusOutput = z.infer<typeof stayClockStatusOutput>;
export type PersonStayClockOutput = z.infer<typeof personStayClockOutput>;
