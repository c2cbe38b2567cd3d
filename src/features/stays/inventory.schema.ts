import { z } from 'zod';
import { optionalText } from '../../platform/http/shared-schemas.ts';
import { inventoryCondition } from './stays.schema.ts';

export const roomCheckInput = z
  .object({
    lines: z
      .array(z.object({ itemId: z.uuid(), condition: inventoryCondition, note: optionalText(500) }))
      .min(1, 'validation.required'),
  })
  .meta({ id: 'RoomCheckInput', description: 'A check of the room’s whole inventory list outside check-in and move-out' });

export const roomConditionOutput = z
  .object({
    roomId: z.uuid(),
    roomName: z.string(),
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        condition: inventoryCondition,
        lastCheckedAt: z.string().nullable(),
        lastCheck: z.enum(['check_in', 'move_out', 'inspection']).nullable(),
        lastNote: z.string().nullable(),
        lastCheckedByName: z.string().nullable(),
        openIncidentId: z.uuid().nullable().meta({ description: 'A damage incident about the item that is not closed' }),
      }),
    ),
  })
  .meta({ id: 'RoomCondition' });

export const roomCheckOutput = z
  .object({ condition: roomConditionOutput, incidentIds: z.array(z.uuid()).meta({ description: 'Damage incidents the check recorded' }) })
  .meta({ id: 'RoomCheckResult' });

export type RoomCheckInput = z.output<typeof roomCheckInput>;
export type RoomConditionOutput = z.infer<typeof roomConditionOutput>;
export type RoomCheckOutput = z.infer<typeof roomCheckOutput>;
