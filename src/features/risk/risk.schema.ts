import { z } from 'zod';
import { isoDate, optionalIsoDate, optionalText, requiredText } from '../../platform/http/shared-schemas.ts';

const score = z.coerce.number('risk.validation.score').int('risk.validation.score').min(1, 'risk.validation.score').max(5, 'risk.validation.score');
const optionalScore = z.preprocess((v) => (v === '' || v === undefined ? null : v), score.nullable());

export const hazardInput = z
  .object({
    title: requiredText(200),
    description: optionalText(2000),
    probability: score,
    consequence: score,
    residualProbability: optionalScore.default(null),
    residualConsequence: optionalScore.default(null),
    reviewOn: optionalIsoDate,
  })
  .meta({ id: 'HazardInput' });

export const hazardMeasureInput = z
  .object({ description: requiredText(2000), owner: requiredText(200), dueOn: isoDate })
  .meta({ id: 'HazardMeasureInput' });

export const thresholdInput = z
  .object({
    threshold: z.coerce.number('risk.validation.threshold').int('risk.validation.threshold').min(1, 'risk.validation.threshold').max(25, 'risk.validation.threshold'),
    validFrom: optionalIsoDate,
    reason: requiredText(1000),
  })
  .meta({ id: 'RiskThresholdInput' });

export const riskLevel = z.enum(['low', 'medium', 'high']).meta({ id: 'RiskLevel' });

export const hazardOutput = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    probability: z.number().int(),
    consequence: z.number().int(),
    risk: z.number().int(),
    needsMeasures: z.boolean().meta({ description: 'risk ≥ threshold' }),
    residualProbability: z.number().int().nullable(),
    residualConsequence: z.number().int().nullable(),
    residualRisk: z.number().int().nullable(),
    residualNeedsMeasures: z.boolean().nullable().meta({ description: 'residual risk ≥ threshold; null until assessed' }),
    acceptable: z.boolean().meta({ description: 'The risk that applies now (residual once assessed) is below the threshold' }),
    reviewOn: isoDate.nullable(),
    measures: z.array(z.object({ id: z.uuid(), description: z.string(), owner: z.string(), dueOn: isoDate, doneOn: isoDate.nullable() })),
    realisedBy: z
      .array(z.object({ id: z.uuid(), occurredAt: z.string(), type: z.string(), severity: z.string(), status: z.string() }))
      .meta({ description: 'Incidents linked to the hazard, newest first (no names)' }),
  })
  .meta({ id: 'Hazard' });

const matrixCell = z.object({
  probability: z.number().int(),
  consequence: z.number().int(),
  risk: z.number().int(),
  level: riskLevel,
  hazardIds: z.array(z.uuid()),
});

export const riskAnalysisOutput = z
  .object({
    threshold: z.number().int(),
    thresholdIsDefault: z.boolean(),
    thresholdValidFrom: isoDate.nullable(),
    thresholdHistory: z.array(
      z.object({ threshold: z.number().int(), validFrom: isoDate, changedAt: z.string(), changedByName: z.string().nullable(), reason: z.string().nullable() }),
    ),
    hazards: z.array(hazardOutput),
    matrixBefore: z.array(z.array(matrixCell)).meta({ description: 'Rows probability 5 → 1, columns consequence 1 → 5' }),
    matrixAfter: z.array(z.array(matrixCell)).meta({ description: 'The same, by residual scores (hazards not yet assessed are left out)' }),
  })
  .meta({ id: 'RiskAnalysis' });

export type HazardInput = z.output<typeof hazardInput>;
export type HazardMeasureInput = z.infer<typeof hazardMeasureInput>;
export type ThresholdInput = z.output<typeof thresholdInput>;
export type HazardOutput = z.infer<typeof hazardOutput>;
export type RiskAnalysisOutput = z.infer<typeof riskAnalysisOutput>;
export type MatrixCellOutput = z.infer<typeof matrixCell>;
