import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { AppError } from '../../platform/http/errors.ts';
import { recordIncident } from '../incidents/incidents.service.ts';
import { incidentInput } from '../incidents/incidents.schema.ts';
import { hazards } from './risk.tables.ts';
import { hazardInput, thresholdInput } from './risk.schema.ts';
import { addHazardMeasure, createHazard, getRiskAnalysis, setActionThreshold, setHazardMeasureDone, updateHazard } from './risk.service.ts';
import { riskAnalysisPdf } from './risk.pdf.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let navId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db, { name: 'Bodø kommune' })).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
});
afterAll(() => database.close());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const as = (userId: string, now = new Date('2026-11-26T10:00:00+01:00')) => contextFor(database, userId, { now });
const hazard = (overrides: Record<string, unknown> = {}) => hazardInput.parse({ title: 'Brann på hybel', probability: 3, consequence: 3, ...overrides });
const cellOf = (matrix: { probability: number; consequence: number; hazardIds: string[] }[][], p: number, c: number) =>
  matrix.flat().find((cell) => cell.probability === p && cell.consequence === c)!;

describe('the risk analysis', () => {
  let fireId: string;
  let violenceId: string;

  it('starts at the default threshold 9: risk 3 × 3 = 9 needs measures (risk ≥ threshold)', async () => {
    const lead = await as(leadId);
    fireId = (await createHazard(lead, hazard())).id;
    violenceId = (await createHazard(lead, hazard({ title: 'Vold mot ansatt alene på jobb', probability: 3, consequence: 4, residualProbability: 2, residualConsequence: 4 }))).id;
    const a = await getRiskAnalysis(await as(staffId));
    expect(a).toMatchObject({ threshold: 9, thresholdIsDefault: true, thresholdHistory: [] });
    expect(a.hazards.find((h) => h.id === fireId)).toMatchObject({ risk: 9, needsMeasures: true, residualRisk: null, acceptable: false });
    expect(a.hazards.find((h) => h.id === violenceId)).toMatchObject({ risk: 12, needsMeasures: true, residualRisk: 8, residualNeedsMeasures: false, acceptable: true });
    expect(cellOf(a.matrixBefore, 3, 3).hazardIds).toEqual([fireId]);
    expect(cellOf(a.matrixBefore, 3, 4).hazardIds).toEqual([violenceId]);
    expect(cellOf(a.matrixAfter, 2, 4).hazardIds).toEqual([violenceId]);
    expect(a.matrixAfter.flat().flatMap((c) => c.hazardIds)).not.toContain(fireId);
    expect(a.matrixBefore[0]![0]).toMatchObject({ probability: 5, consequence: 1 });
  });

  it('the lead raises the threshold to 11 with a reason: 9 no longer needs measures, the history keeps why', async () => {
    await setActionThreshold(await as(leadId), thresholdInput.parse({ threshold: 11, reason: 'Ikke mulig å få alle faktorene under 9.' }));
    const a = await getRiskAnalysis(await as(staffId));
    expect(a).toMatchObject({ threshold: 11, thresholdIsDefault: false, thresholdValidFrom: '2026-11-26' });
    expect(a.thresholdHistory).toEqual([expect.objectContaining({ threshold: 11, validFrom: '2026-11-26', reason: 'Ikke mulig å få alle faktorene under 9.' })]);
    expect(a.hazards.find((h) => h.id === fireId)).toMatchObject({ risk: 9, needsMeasures: false, acceptable: true });
    expect(a.hazards.find((h) => h.id === violenceId)).toMatchObject({ risk: 12, needsMeasures: true });
    // The day before the change, the old threshold applied.
    expect((await getRiskAnalysis(await as(staffId, new Date('2026-11-25T10:00:00+01:00')))).threshold).toBe(9);
  });

  it('refuses a threshold from a past day, or a second change the same day; without a reason the schema refuses', async () => {
    expect((await rejection(setActionThreshold(await as(leadId), thresholdInput.parse({ threshold: 10, validFrom: '2026-11-01', reason: 'x' })))).code).toBe('risk.valid_from_in_past');
    expect((await rejection(setActionThreshold(await as(leadId), thresholdInput.parse({ threshold: 10, reason: 'x' })))).code).toBe('risk.threshold_changed_that_day');
    expect(thresholdInput.safeParse({ threshold: 10, reason: '' }).success).toBe(false);
    expect(thresholdInput.safeParse({ threshold: 26, reason: 'x' }).success).toBe(false);
    expect((await getRiskAnalysis(await as(staffId))).threshold).toBe(11);
  });

  it('measures with owner and due date; marking one done; residual scores cannot be above the scores before', async () => {
    const lead = await as(leadId);
    const { id } = await addHazardMeasure(lead, fireId, { description: 'Røykvarslere kontrolleres månedlig', owner: 'Boligkontoret', dueOn: '2026-12-01' });
    await setHazardMeasureDone(lead, id, true);
    const refused = await rejection(updateHazard(lead, fireId, hazard({ residualProbability: 4, residualConsequence: 3 })));
    expect(refused.code).toBe('risk.residual_invalid');
    expect(Object.keys(refused.fields ?? {})).toEqual(['residualProbability']);
    const [row] = await database.db.select().from(hazards).where(eq(hazards.id, fireId));
    expect(row!.residualProbability).toBeNull();
    await updateHazard(lead, fireId, hazard({ residualProbability: 2, residualConsequence: 3, reviewOn: '2027-05-01' }));
    const a = await getRiskAnalysis(lead);
    expect(a.hazards.find((h) => h.id === fireId)).toMatchObject({
      residualRisk: 6,
      reviewOn: '2027-05-01',
      measures: [{ id, description: 'Røykvarslere kontrolleres månedlig', owner: 'Boligkontoret', dueOn: '2026-12-01', doneOn: '2026-11-26' }],
    });
  });

  it('an incident linked to a hazard shows up beside it in the analysis', async () => {
    const { id } = await recordIncident(
      await as(staffId),
      incidentInput.parse({ location: 'common_area', type: 'fire_alarm', severity: 'medium', description: 'Brannalarm fra matos.', hazardId: fireId }),
    );
    const a = await getRiskAnalysis(await as(staffId));
    expect(a.hazards.find((h) => h.id === fireId)!.realisedBy).toEqual([
      { id, occurredAt: '2026-11-26T09:00:00.000Z', type: 'fire_alarm', severity: 'medium', status: 'open' },
    ]);
    expect(a.hazards.find((h) => h.id === violenceId)!.realisedBy).toEqual([]);
  });

  it('staff may read but not change it; NAV may not read; another municipality sees none of it', async () => {
    expect((await rejection(createHazard(await as(staffId), hazard()))).code).toBe('auth.forbidden');
    expect((await rejection(setActionThreshold(await as(staffId), thresholdInput.parse({ threshold: 12, validFrom: '2026-12-01', reason: 'x' })))).code).toBe('auth.forbidden');
    expect((await rejection(getRiskAnalysis(await as(navId)))).code).toBe('auth.forbidden');
    const other = (await buildTenant(database.db)).id;
    const otherLead = (await buildUser(database.db, { tenantId: other, roles: ['service_lead'] })).id;
    expect((await getRiskAnalysis(await as(otherLead))).hazards).toEqual([]);
    expect((await rejection(updateHazard(await as(otherLead), fireId, hazard()))).code).toBe('risk.hazard_not_found');
  });

  it('prints the analysis as PDF with the threshold rule, the matrices and the hazards', async () => {
    const { pdf, filename } = await riskAnalysisPdf(await as(leadId));
    expect(filename).toBe('ros-analyse-2026-11-26.pdf');
    const dir = mkdtempSync(join(tmpdir(), 'ros-'));
    writeFileSync(join(dir, 'ros.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'ros.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('ROS-analyse – Bodø kommune');
    expect(text).toContain('Risiko ≥ 11 krever tiltak');
    expect(text).toContain('Ikke mulig å få alle faktorene under 9.');
    expect(text).toMatch(/#\d Brann på hybel/);
    expect(text).toContain('Røykvarslere kontrolleres månedlig – ansvarlig: Boligkontoret, frist 01.12.2026');
    expect(text).toContain('Risikomatrise etter tiltak');
    expect(text).toMatch(/brann eller brannalarm/i);
  });
});
