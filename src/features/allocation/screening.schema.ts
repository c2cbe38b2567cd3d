import { z } from 'zod';
import { optionalText } from '../../platform/http/shared-schemas.ts';

const answer = z.boolean('screening.validation.answer');

/** The screener's answers; children and age are derived from the household, not asked. */
export const screeningAnswersInput = z
  .object({
    inTargetGroup: answer,
    canSelfEvacuate: answer,
    elderlyOrSickUnable: answer,
    activeSubstanceDependence: answer,
    justReleasedFromPrison: answer,
    justDischargedFromInstitution: answer,
  })
  .meta({ id: 'ScreeningAnswers' });

export const createScreeningInput = z
  .object({
    answers: screeningAnswersInput,
    /** The screener wants the case to go on to a decision despite an exception: then a justification is required. */
    proceedWithExceptions: z.boolean().default(false),
    justification: optionalText(2000),
    note: optionalText(2000),
  })
  .meta({ id: 'CreateScreeningInput' });

export const screeningResult = z.enum(['eligible', 'needs_justification', 'excluded']);

export const screeningLineOutput = z
  .object({
    criterion: z.string(),
    answer: z.enum(['yes', 'no', 'unknown']),
    outcome: z.enum(['pass', 'exclude', 'exception']),
    explanation: z.string().meta({ description: 'Message catalogue key' }),
    text: z.string().meta({ description: "The explanation in the reader's language" }),
  })
  .meta({ id: 'ScreeningLine' });

export const screeningOutput = z
  .object({
    id: z.uuid(),
    referralId: z.uuid(),
    screenedAt: z.string(),
    screenedByName: z.string().nullable(),
    answers: screeningAnswersInput,
    childrenInHousehold: z.boolean(),
    youngPerson: z.boolean(),
    result: screeningResult,
    exceptions: z.array(z.string()),
    justification: z.string().nullable(),
    note: z.string().nullable(),
    lines: z.array(screeningLineOutput),
  })
  .meta({ id: 'Screening' });

export type CreateScreeningInput = z.infer<typeof createScreeningInput>;
export type ScreeningOutput = z.infer<typeof screeningOutput>;
