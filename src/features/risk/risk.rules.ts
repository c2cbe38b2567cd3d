// Pure rules of the risk and vulnerability analysis (ROS-analyse). No database, no clock.

/** The action threshold when the service has never set one: risk 9 or more needs measures. */
export const DEFAULT_ACTION_THRESHOLD = 9;
export const ACTION_THRESHOLD_KEY = 'risk.action_threshold';
export const SCALE = [1, 2, 3, 4, 5] as const;

/** Risk is probability × consequence, each 1–5, so 1–25. */
export function riskScore(probability: number, consequence: number): number {
  if (!SCALE.includes(probability as 1) || !SCALE.includes(consequence as 1)) {
    throw new RangeError('probability and consequence are whole numbers from 1 to 5');
  }
  return probability * consequence;
}

/** The comparison of the analysis, stated once: risk ≥ threshold needs measures. */
export function needsMeasures(risk: number, threshold: number): boolean {
  return risk >= threshold;
}

export type RiskLevel = 'low' | 'medium' | 'high';

/**
 * The colour band of a cell: at or above the threshold is high (needs measures); within 3 below it
 * medium (watch); lower is low. With threshold 9: 1–5 low, 6–8 medium, 9–25 high.
 */
export function riskLevel(risk: number, threshold: number): RiskLevel {
  if (needsMeasures(risk, threshold)) return 'high';
  return risk >= threshold - 3 ? 'medium' : 'low';
}

export interface HazardScores {
  probability: number;
  consequence: number;
  residualProbability: number | null;
  residualConsequence: number | null;
}

export interface HazardAssessment {
  risk: number;
  needsMeasures: boolean;
  /** Null while the residual probability and consequence have not been assessed. */
  residualRisk: number | null;
  residualNeedsMeasures: boolean | null;
  /** The risk that applies now: the residual risk once assessed, else the risk before measures. */
  currentRisk: number;
  acceptable: boolean;
}

/** One hazard against the threshold, before and after its measures. */
export function assessHazard(h: HazardScores, threshold: number): HazardAssessment {
  const risk = riskScore(h.probability, h.consequence);
  const residualRisk = h.residualProbability !== null && h.residualConsequence !== null ? riskScore(h.residualProbability, h.residualConsequence) : null;
  const currentRisk = residualRisk ?? risk;
  return {
    risk,
    needsMeasures: needsMeasures(risk, threshold),
    residualRisk,
    residualNeedsMeasures: residualRisk === null ? null : needsMeasures(residualRisk, threshold),
    currentRisk,
    acceptable: !needsMeasures(currentRisk, threshold),
  };
}

/** Residual scores cannot be higher than the scores before measures: measures do not add risk. */
export function residualRefusal(h: HazardScores): 'residualProbability' | 'residualConsequence' | null {
  if ((h.residualProbability === null) !== (h.residualConsequence === null)) return h.residualProbability === null ? 'residualProbability' : 'residualConsequence';
  if (h.residualProbability !== null && h.residualProbability > h.probability) return 'residualProbability';
  if (h.residualConsequence !== null && h.residualConsequence > h.consequence) return 'residualConsequence';
  return null;
}

export interface MatrixCell<T> {
  probability: number;
  consequence: number;
  risk: number;
  level: RiskLevel;
  items: T[];
}

/**
 * The 5×5 matrix: rows probability 5 down to 1 (the most likely at the top), columns consequence 1 to
 * 5; each hazard placed by the scores `place` picks (before or after measures), or left out (null).
 */
export function riskMatrix<T>(items: T[], place: (item: T) => { probability: number; consequence: number } | null, threshold: number): MatrixCell<T>[][] {
  return [...SCALE].reverse().map((probability) =>
    SCALE.map((consequence) => {
      const risk = probability * consequence;
      return {
        probability,
        consequence,
        risk,
        level: riskLevel(risk, threshold),
        items: items.filter((item) => {
          const p = place(item);
          return p !== null && p.probability === probability && p.consequence === consequence;
        }),
      };
    }),
  );
}
