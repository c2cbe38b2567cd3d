import { z } from 'zod';
import { requiredText } from '../../platform/http/shared-schemas.ts';
import { keyDoor } from './stays.schema.ts';

export const keyRegisterRow = z
  .object({
    id: z.uuid(),
    keyNumber: z.string(),
    door: keyDoor,
    roomId: z.uuid().nullable(),
    roomName: z.string().nullable(),
    status: z.enum(['available', 'issued', 'not_returned', 'lost']).meta({ description: 'not_returned: the stay it was issued on has ended' }),
    issuedToPersonId: z.uuid().nullable(),
    issuedToName: z.string().nullable(),
    /** The holder's record is closed to this user (access by need): name only, no dates of the issue. */
    issuedToRecordClosed: z.boolean(),
    issuedAt: z.string().nullable(),
    returnedAt: z.string().nullable().meta({ description: 'Of the latest issue' }),
    lostAt: z.string().nullable(),
    lostIncidentId: z.uuid().nullable(),
  })
  .meta({ id: 'KeyRegisterRow', description: 'A key with its latest issue: who had it, when, whether it came back' });

export const reportKeyLostInput = z
  .object({
    stolen: z.boolean().default(false),
    description: requiredText(2000).meta({ description: 'What happened' }),
  })
  .meta({ id: 'ReportKeyLostInput' });

export type KeyRegisterRow = z.infer<typeof keyRegisterRow>;
export type ReportKeyLostInput = z.output<typeof reportKeyLostInput>;
