import { describe, expect, it } from 'vitest';
import { assessHazard, needsMeasures, residualRefusal, riskLevel, riskMatrix, riskScore } from './risk.rules.ts';

describe('riskScore', () => {
  it('is probability × consequence', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(5, 5)).toBe(25);
  });
  it('refuses scores outside 1–5 or not whole', () => {
    expect(() => riskScore(0, 3)).toThrow(RangeError);
    expect(() => riskScore(6, 1)).toThrow(RangeError);
    expect(() => riskScore(2.5, 2)).toThrow(RangeError);
  });
});

describe('needsMeasures: risk ≥ threshold needs measures', () => {
  it('at the default threshold 9: 9 needs measures, 8 does not', () => {
    expect(needsMeasures(9, 9)).toBe(true);
    expect(needsMeasures(8, 9)).toBe(false);
  });
  it('at Bodø’s raised threshold 11: 3 × 3 = 9 and 2 × 5 = 10 no longer need measures, 3 × 4 = 12 does', () => {
    expect(needsMeasures(riskScore(3, 3), 11)).toBe(false);
    expect(needsMeasures(riskScore(2, 5), 11)).toBe(false);
    expect(needsMeasures(riskScore(3, 4), 11)).toBe(true);
    expect(needsMeasures(11, 11)).toBe(true);
  });
});

describe('riskLevel', () => {
  it('bands the cells by the threshold', () => {
    expect([1, 5, 6, 8, 9, 25].map((r) => riskLevel(r, 9))).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
    expect([7, 8, 10, 11].map((r) => riskLevel(r, 11))).toEqual(['low', 'medium', 'medium', 'high']);
  });
});

describe('assessHazard', () => {
  it('gives the risk before and after measures against the threshold', () => {
    // Fire in a room: probability 3, consequence 5 = 15; after smoke detectors and drills 2 × 5 = 10.
    const a = assessHazard({ probability: 3, consequence: 5, residualProbability: 2, residualConsequence: 5 }, 11);
    expect(a).toEqual({ risk: 15, needsMeasures: true, residualRisk: 10, residualNeedsMeasures: false, currentRisk: 10, acceptable: true });
    // The same at threshold 9 is still not acceptable after measures.
    expect(assessHazard({ probability: 3, consequence: 5, residualProbability: 2, residualConsequence: 5 }, 9).acceptable).toBe(false);
  });
  it('without residual scores the risk before measures applies', () => {
    const a = assessHazard({ probability: 4, consequence: 3, residualProbability: null, residualConsequence: null }, 9);
    expect(a).toMatchObject({ risk: 12, residualRisk: null, residualNeedsMeasures: null, currentRisk: 12, acceptable: false });
  });
});

describe('residualRefusal', () => {
  it('refuses residual scores higher than before, or only one of the two', () => {
    expect(residualRefusal({ probability: 3, consequence: 3, residualProbability: 4, residualConsequence: 3 })).toBe('residualProbability');
    expect(residualRefusal({ probability: 3, consequence: 3, residualProbability: 2, residualConsequence: 4 })).toBe('residualConsequence');
    expect(residualRefusal({ probability: 3, consequence: 3, residualProbability: 2, residualConsequence: null })).toBe('residualConsequence');
    expect(residualRefusal({ probability: 3, consequence: 3, residualProbability: 2, residualConsequence: 3 })).toBeNull();
    expect(residualRefusal({ probability: 3, consequence: 3, residualProbability: null, residualConsequence: null })).toBeNull();
  });
});

describe('riskMatrix', () => {
  it('puts each hazard in the cell of its scores, probability 5 on the top row', () => {
    const items = [
      { id: 'a', p: 3, c: 5 },
      { id: 'b', p: 1, c: 1 },
      { id: 'c', p: 3, c: 5 },
    ];
    const m = riskMatrix(items, (i) => ({ probability: i.p, consequence: i.c }), 9);
    expect(m).toHaveLength(5);
    expect(m[0]!.map((cell) => cell.probability)).toEqual([5, 5, 5, 5, 5]);
    expect(m[0]!.map((cell) => cell.consequence)).toEqual([1, 2, 3, 4, 5]);
    const cell35 = m[5 - 3]![5 - 1]!;
    expect(cell35).toMatchObject({ probability: 3, consequence: 5, risk: 15, level: 'high' });
    expect(cell35.items.map((i) => i.id)).toEqual(['a', 'c']);
    expect(m[4]![0]!.items.map((i) => i.id)).toEqual(['b']);
    expect(m.flat().reduce((n, cell) => n + cell.items.length, 0)).toBe(3);
  });
  it('leaves out hazards without a place (no residual assessment)', () => {
    const m = riskMatrix([{ id: 'x' }], () => null, 9);
    expect(m.flat().every((cell) => cell.items.length === 0)).toBe(true);
  });
});
