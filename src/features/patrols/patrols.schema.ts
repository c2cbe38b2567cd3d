import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../platform/http/shared-schemas.ts';
import { clockTime } from '../journal/journal.schema.ts';

/** A night round registered by staff, for the security company's guard. */
export const patrolRoundInput = z
  .object({
    patrolledOn: isoDate.meta({ description: 'Calendar day of the round (02:10 on the 27th is the night of the 26th)' }),
    patrolledTime: clockTime,
    guardName: requiredText(200).meta({ description: "The security company's guard, as text (they have no user here)" }),
    findings: optionalText(4_000),
    needsIncident: z.boolean().default(false).meta({ description: 'A finding that should be recorded as an incident (avvik)' }),
    incidentNote: optionalText(2_000),
  })
  .superRefine((value, ctx) => {
    if (value.needsIncident && !value.findings) {
      ctx.addIssue({ code: 'custom', path: ['findings'], message: 'patrol.validation.findingsForIncident' });
    }
  })
  .meta({ id: 'PatrolRoundInput' });

export const patrolRoundOutput = z
  .object({
    id: z.uuid(),
    nightOf: isoDate,
    patrolledAt: z.string(),
    guardName: z.string(),
    findings: z.string().nullable(),
    needsIncident: z.boolean(),
    incidentNote: z.string().nullable(),
    incidentId: z.uuid().nullable(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'PatrolRound' });

export const patrolNightOutput = z
  .object({
    night: isoDate,
    rounds: z.array(patrolRoundOutput),
    expected: z.number().int(),
    missing: z.number().int().meta({ description: 'Rounds short of the expected number (0 when enough)' }),
    isOver: z.boolean().meta({ description: 'The night is over (06:00 the next morning); only then is a shortfall flagged' }),
  })
  .meta({ id: 'PatrolNight' });

export const patrolOverviewOutput = z
  .object({
    expectedRounds: z.number().int(),
    nights: z.array(patrolNightOutput).meta({ description: 'Tonight and the last 14 nights (from the first night a round was recorded), newest first' }),
    nightsWithMissingRounds: z.array(isoDate),
  })
  .meta({ id: 'PatrolOverview' });

export const expectedRoundsInput = z
  .object({
    expectedRounds: z.number('patrol.validation.expected').int('patrol.validation.expected').min(1, 'patrol.validation.expected').max(10, 'patrol.validation.expected'),
    validFrom: z.preprocess((v) => (v === '' || v === null ? undefined : v), isoDate.optional()),
    reason: requiredText(500),
  })
  .meta({ id: 'ExpectedRoundsInput' });

export const expectedRoundsOutput = z
  .object({
    expectedRounds: z.number().int(),
    isDefault: z.boolean(),
    history: z.array(z.object({ expectedRounds: z.number().int(), validFrom: isoDate, changedByName: z.string().nullable(), reason: z.string().nullable() })),
  })
  .meta({ id: 'ExpectedRounds' });

export type PatrolRoundInput = z.infer<typeof patrolRoundInput>;
export type PatrolRoundOutput = z.infer<typeof patrolRoundOutput>;
export type PatrolNightOutput = z.infer<typeof patrolNightOutput>;
export type PatrolOverviewOutput = z.infer<typeof patrolOverviewOutput>;
export type ExpectedRoundsInput = z.infer<typeof expectedRoundsInput>;
export type ExpectedRoundsOutput = z.infer<typeof expectedRoundsOutput>;
