import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { findSettingOn, insertSetting, listSettingHistory } from '../../platform/notifications/notifications.queries.ts';
import { riskError } from './risk.errors.ts';
import { ACTION_THRESHOLD_KEY, DEFAULT_ACTION_THRESHOLD, assessHazard, residualRefusal, riskMatrix } from './risk.rules.ts';
import * as q from './risk.queries.ts';
import type { HazardInput, HazardMeasureInput, HazardOutput, RiskAnalysisOutput, ThresholdInput } from './risk.schema.ts';
import { osloDate } from '../../platform/time/oslo.ts';

const today = (ctx: Ctx) => osloDate(ctx.now);

/** A stored threshold read back defensively: anything but a whole number 1–25 is ignored. */
const parseThreshold = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 25 ? value : null);

/** The action threshold in force on a day (the default 9 when the service has never set one). */
export async function actionThresholdOn(db: Db, tenantId: string, day: string): Promise<{ threshold: number; validFrom: string | null }> {
  const row = await findSettingOn(db, tenantId, ACTION_THRESHOLD_KEY, day);
  const value = row ? parseThreshold(row.value) : null;
  return value === null ? { threshold: DEFAULT_ACTION_THRESHOLD, validFrom: null } : { threshold: value, validFrom: row!.validFromOn };
}

/**
 * The whole analysis as the service uses it: the threshold in force today and its history with
 * reasons, every hazard before and after its measures against it ("risk ≥ threshold needs
 * measures"), the measures, the incidents that realised each hazard, and the two 5×5 matrices.
 */
export async function getRiskAnalysis(ctx: Ctx): Promise<RiskAnalysisOutput> {
  const user = requirePermission(ctx, 'risk:read');
  return inTransaction(ctx, async (tx) => {
    const { threshold, validFrom } = await actionThresholdOn(tx.db, user.tenantId, today(tx));
    const history = await listSettingHistory(tx.db, user.tenantId, ACTION_THRESHOLD_KEY);
    const rows = await q.listHazards(tx.db, user.tenantId);
    const measures = await q.listMeasures(tx.db, user.tenantId);
    const realised = await q.listRealisingIncidents(tx.db, user.tenantId, rows.map((h) => h.id));
    const hazards: HazardOutput[] = rows.map((h) => {
      const a = assessHazard(h, threshold);
      return {
        id: h.id,
        title: h.title,
        description: h.description,
        probability: h.probability,
        consequence: h.consequence,
        risk: a.risk,
        needsMeasures: a.needsMeasures,
        residualProbability: h.residualProbability,
        residualConsequence: h.residualConsequence,
        residualRisk: a.residualRisk,
        residualNeedsMeasures: a.residualNeedsMeasures,
        acceptable: a.acceptable,
        reviewOn: h.reviewOn,
        measures: measures.filter((m) => m.hazardId === h.id).map((m) => ({ id: m.id, description: m.description, owner: m.owner, dueOn: m.dueOn, doneOn: m.doneOn })),
        realisedBy: realised
          .filter((i) => i.hazardId === h.id)
          .map((i) => ({ id: i.id, occurredAt: i.occurredAt.toISOString(), type: i.type, severity: i.severity, status: i.status })),
      };
    });
    const toCells = (matrix: ReturnType<typeof riskMatrix<HazardOutput>>) =>
      matrix.map((row) => row.map((cell) => ({ probability: cell.probability, consequence: cell.consequence, risk: cell.risk, level: cell.level, hazardIds: cell.items.map((h) => h.id) })));
    return {
      threshold,
      thresholdIsDefault: validFrom === null,
      thresholdValidFrom: validFrom,
      thresholdHistory: history.flatMap((r) => {
        const value = parseThreshold(r.value);
        return value === null ? [] : [{ threshold: value, validFrom: r.validFromOn, changedAt: r.changedAt.toISOString(), changedByName: r.changedByName, reason: r.reason }];
      }),
      hazards,
      matrixBefore: toCells(riskMatrix(hazards, (h) => ({ probability: h.probability, consequence: h.consequence }), threshold)),
      matrixAfter: toCells(
        riskMatrix(hazards, (h) => (h.residualProbability !== null && h.residualConsequence !== null ? { probability: h.residualProbability, consequence: h.residualConsequence } : null), threshold),
      ),
    };
  });
}

function checkResidual(ctx: Ctx, input: HazardInput) {
  const field = residualRefusal(input);
  if (field) throw riskError('risk.residual_invalid', { fields: { [field]: riskError.definitions['risk.residual_invalid'][ctx.locale] } });
}

const hazardValues = (input: HazardInput) => ({
  title: input.title,
  description: input.description ?? null,
  probability: input.probability,
  consequence: input.consequence,
  residualProbability: input.residualProbability,
  residualConsequence: input.residualConsequence,
  reviewOn: input.reviewOn ?? null,
});

/** Adds a hazard with its probability and consequence (and residual scores once assessed). */
export async function createHazard(ctx: Ctx, input: HazardInput): Promise<{ id: string }> {
  const user = requirePermission(ctx, 'risk:manage');
  checkResidual(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const row = await q.insertHazard(tx.db, { tenantId: user.tenantId, ...hazardValues(input), createdAt: tx.now, createdBy: user.id, updatedAt: tx.now });
    await recordEvent(tx, { action: 'risk.hazard_create', entityType: 'hazard', entityId: row.id, details: { probability: row.probability, consequence: row.consequence } });
    return { id: row.id };
  });
}

/** Changes a hazard: the new scores replace the old, the audit log keeps which fields changed. */
export async function updateHazard(ctx: Ctx, hazardId: string, input: HazardInput): Promise<{ id: string }> {
  const user = requirePermission(ctx, 'risk:manage');
  checkResidual(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const before = await q.findHazard(tx.db, user.tenantId, hazardId);
    if (!before) throw riskError('risk.hazard_not_found');
    const values = hazardValues(input);
    const changed = Object.keys(values).filter((k) => values[k as keyof typeof values] !== before[k as keyof typeof before]);
    await q.updateHazard(tx.db, user.tenantId, hazardId, { ...values, updatedAt: tx.now });
    await recordEvent(tx, { action: 'risk.hazard_update', entityType: 'hazard', entityId: hazardId, details: { fields: changed } });
    return { id: hazardId };
  });
}

/** Adds a measure against a hazard, with its owner and due date. */
export async function addHazardMeasure(ctx: Ctx, hazardId: string, input: HazardMeasureInput): Promise<{ id: string }> {
  const user = requirePermission(ctx, 'risk:manage');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findHazard(tx.db, user.tenantId, hazardId))) throw riskError('risk.hazard_not_found');
    const row = await q.insertMeasure(tx.db, { tenantId: user.tenantId, hazardId, ...input, createdAt: tx.now, createdBy: user.id });
    await recordEvent(tx, { action: 'risk.measure_create', entityType: 'hazard_measure', entityId: row.id, details: { hazardId, dueOn: input.dueOn } });
    return { id: row.id };
  });
}

/** Marks a measure done today (or not done again). */
export async function setHazardMeasureDone(ctx: Ctx, measureId: string, done: boolean): Promise<void> {
  const user = requirePermission(ctx, 'risk:manage');
  await inTransaction(ctx, async (tx) => {
    if (!(await q.findMeasure(tx.db, user.tenantId, measureId))) throw riskError('risk.measure_not_found');
    await q.setMeasureDone(tx.db, user.tenantId, measureId, done ? today(tx) : null);
    await recordEvent(tx, { action: 'risk.measure_done', entityType: 'hazard_measure', entityId: measureId, details: { done } });
  });
}

/** Sets the action threshold from a day on (today by default) with the reason; earlier values stay in the history. */
export async function setActionThreshold(ctx: Ctx, input: ThresholdInput): Promise<void> {
  const user = requirePermission(ctx, 'risk:manage');
  const validFrom = input.validFrom ?? today(ctx);
  if (validFrom < today(ctx)) throw riskError('risk.valid_from_in_past', { fields: { validFrom: riskError.definitions['risk.valid_from_in_past'][ctx.locale] } });
  await inTransaction(ctx, async (tx) => {
    try {
      // A savepoint, so the transaction can still answer after the unique index refuses the row.
      const row = await tx.db.transaction((sp) =>
        insertSetting(sp as unknown as Db, {
          tenantId: user.tenantId,
          key: ACTION_THRESHOLD_KEY,
          value: input.threshold,
          validFromOn: validFrom,
          changedBy: user.id,
          changedAt: tx.now,
          reason: input.reason,
        }),
      );
      await recordEvent(tx, { action: 'settings.change', entityType: 'setting', entityId: row.id, details: { key: ACTION_THRESHOLD_KEY, validFrom, fields: ['value', 'reason'] } });
    } catch (err) {
      if (isUniqueViolation(err, 'settings_key_from_unique')) {
        throw riskError('risk.threshold_changed_that_day', { fields: { validFrom: riskError.definitions['risk.threshold_changed_that_day'][ctx.locale] } });
      }
      throw err;
    }
  });
}
