import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { insertSetting, listSettingHistory } from '../../platform/notifications/notifications.queries.ts';
import { osloDate } from '../journal/journal.rules.ts';
import { SHIFT_ORDER } from '../shift-log/shift-log.rules.ts';
import { valueOn } from '../patrols/patrols.rules.ts';
import { staffingError } from './staffing.errors.ts';
import {
  assignWeekendGroups,
  daysBetween,
  DEFAULT_PATTERN,
  generateRota,
  isWeekend,
  MAX_PERIOD_DAYS,
  needsOn,
  understaffed,
  weekendGroupOf,
  type StaffingPattern,
} from './staffing.rules.ts';
import { shiftNeeds, type AssignmentInput, type RotaMemberOutput, type WeekendGroupInput, type RotaOutput, type RotaPeriod, type StaffingPatternInput, type StaffingPatternOutput } from './staffing.schema.ts';
import * as q from './staffing.queries.ts';

// The staffing plan (turnus, issue 7 point 7): the pattern as a dated setting, a rota generated from
// it, edits by hand, and warnings where a shift has fewer people than the pattern needs.

export const PATTERN_KEY = 'staffing.pattern';

function parsePattern(value: unknown): StaffingPattern | null {
  const v = value as { weekday?: unknown; weekend?: unknown } | null;
  const weekday = shiftNeeds.safeParse(v?.weekday);
  const weekend = shiftNeeds.safeParse(v?.weekend);
  return weekday.success && weekend.success ? { weekday: weekday.data, weekend: weekend.data } : null;
}

async function patternHistory(db: Db, tenantId: string) {
  const rows = await listSettingHistory(db, tenantId, PATTERN_KEY);
  return rows.flatMap((r) => {
    const value = parsePattern(r.value);
    return value ? [{ ...r, value }] : [];
  });
}

function checkPeriod(ctx: Ctx, period: RotaPeriod): string[] {
  const days = daysBetween(period.from, period.to);
  if (days.length > MAX_PERIOD_DAYS) {
    throw staffingError('staffing.period_too_long', { fields: { to: staffingError.definitions['staffing.period_too_long'][ctx.locale] } });
  }
  return days;
}

async function buildRota(tx: Ctx, tenantId: string, period: RotaPeriod, days: string[]): Promise<RotaOutput> {
  const history = await patternHistory(tx.db, tenantId);
  const needs = (day: string) => needsOn(valueOn(history, day, DEFAULT_PATTERN), day);
  const assignments = await q.listAssignments(tx.db, tenantId, period.from, period.to);
  const members = await q.listCandidates(tx.db, tenantId);
  return {
    from: period.from,
    to: period.to,
    members,
    days: days.map((day) => ({
      day,
      isWeekend: isWeekend(day),
      weekendGroup: weekendGroupOf(day),
      shifts: SHIFT_ORDER.map((shift) => ({
        shift,
        required: needs(day)[shift],
        assigned: assignments.filter((a) => a.day === day && a.shift === shift).map(({ id, userId, name, source }) => ({ id, userId, name, source })),
      })),
    })),
    warnings: understaffed(days, assignments, needs),
  };
}

/** The rota of a period with its under-staffed shifts. */
export async function getRota(ctx: Ctx, period: RotaPeriod): Promise<RotaOutput> {
  const user = requirePermission(ctx, 'staffing:read');
  const days = checkPeriod(ctx, period);
  return inTransaction(ctx, (tx) => buildRota(tx, user.tenantId, period, days));
}

/**
 * Generates the rota of a period from the pattern, replacing what the period had (the page asks
 * first). Everyone with the staff or service-lead role is on it; newcomers get a weekend group.
 */
export async function generateRotaForPeriod(ctx: Ctx, period: RotaPeriod): Promise<RotaOutput> {
  const user = requirePermission(ctx, 'staffing:write');
  const days = checkPeriod(ctx, period);
  if (period.from < osloDate(ctx.now)) {
    throw staffingError('staffing.generate_in_past', { fields: { from: staffingError.definitions['staffing.generate_in_past'][ctx.locale] } });
  }
  return inTransaction(ctx, async (tx) => {
    const candidates = await q.listCandidates(tx.db, user.tenantId);
    if (candidates.length === 0) throw staffingError('staffing.no_members');
    const grouped = candidates.filter((c) => c.weekendGroup !== null) as { userId: string; weekendGroup: number }[];
    const joining = assignWeekendGroups(grouped, candidates.filter((c) => c.weekendGroup === null).map((c) => c.userId));
    await q.insertMembers(tx.db, joining.map((j) => ({ ...j, tenantId: user.tenantId, createdAt: tx.now })));
    const members = [...grouped, ...joining].sort((a, b) => candidates.findIndex((c) => c.userId === a.userId) - candidates.findIndex((c) => c.userId === b.userId));
    const history = await patternHistory(tx.db, user.tenantId);
    const rota = generateRota(days, members, (day) => needsOn(valueOn(history, day, DEFAULT_PATTERN), day));
    const replaced = await q.deleteAssignmentsBetween(tx.db, user.tenantId, period.from, period.to);
    await q.insertAssignments(tx.db, rota.map((a) => ({ ...a, tenantId: user.tenantId, source: 'generated' as const, createdAt: tx.now, createdBy: user.id })));
    await recordEvent(tx, {
      action: 'staffing.generate',
      entityType: 'rota',
      details: { from: period.from, to: period.to, assignments: rota.length, replaced, newMembers: joining.length },
    });
    return buildRota(tx, user.tenantId, period, days);
  });
}

/** Puts a person on a shift by hand. One shift a person a day. */
export async function addAssignment(ctx: Ctx, input: AssignmentInput): Promise<RotaOutput> {
  const user = requirePermission(ctx, 'staffing:write');
  return inTransaction(ctx, async (tx) => {
    const candidates = await q.listCandidates(tx.db, user.tenantId);
    if (!candidates.some((c) => c.userId === input.userId)) {
      throw staffingError('staffing.not_on_rota', { fields: { userId: staffingError.definitions['staffing.not_on_rota'][ctx.locale] } });
    }
    if (await q.findAssignmentOfPersonOn(tx.db, user.tenantId, input.userId, input.day)) throw staffingError('staffing.already_on_shift');
    const [row] = await q.insertAssignments(tx.db, [{ ...input, tenantId: user.tenantId, source: 'manual', createdAt: tx.now, createdBy: user.id }]);
    await recordEvent(tx, { action: 'staffing.assign', entityType: 'rota_assignment', entityId: row!.id, details: { day: input.day, shift: input.shift } });
    return buildRota(tx, user.tenantId, { from: input.day, to: input.day }, [input.day]);
  });
}

/**
 * Moves a person to another weekend group (the lead balances the groups when staff change). It
 * applies to rotas generated from now on; shifts already on the rota stay until edited or regenerated.
 */
export async function setWeekendGroup(ctx: Ctx, userId: string, input: WeekendGroupInput): Promise<RotaMemberOutput[]> {
  const user = requirePermission(ctx, 'staffing:write');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.listCandidates(tx.db, user.tenantId)).some((c) => c.userId === userId)) throw staffingError('staffing.not_on_rota');
    await q.upsertMember(tx.db, { tenantId: user.tenantId, userId, weekendGroup: input.weekendGroup, createdAt: tx.now });
    await recordEvent(tx, { action: 'staffing.weekend_group', entityType: 'rota_member', entityId: userId, details: { weekendGroup: input.weekendGroup } });
    return q.listCandidates(tx.db, user.tenantId);
  });
}

/** Takes a person off a shift (the page asks first). */
export async function removeAssignment(ctx: Ctx, id: string): Promise<{ id: string }> {
  const user = requirePermission(ctx, 'staffing:write');
  return inTransaction(ctx, async (tx) => {
    const row = await q.findAssignment(tx.db, user.tenantId, id);
    if (!row) throw staffingError('staffing.assignment_not_found');
    await q.deleteAssignment(tx.db, id);
    await recordEvent(tx, { action: 'staffing.unassign', entityType: 'rota_assignment', entityId: id, details: { day: row.day, shift: row.shift } });
    return { id };
  });
}

export async function getStaffingPattern(ctx: Ctx): Promise<StaffingPatternOutput> {
  const user = requirePermission(ctx, 'staffing:read');
  return inTransaction(ctx, async (tx) => {
    const history = await patternHistory(tx.db, user.tenantId);
    const today = osloDate(tx.now);
    const current = history.find((h) => h.validFromOn <= today);
    const pattern = current?.value ?? DEFAULT_PATTERN;
    return {
      ...pattern,
      isDefault: !current,
      validFrom: current?.validFromOn ?? null,
      history: history.map((h) => ({ ...h.value, validFrom: h.validFromOn, changedByName: h.changedByName, reason: h.reason })),
    };
  });
}

/** The service lead changes the pattern from a day on (today by default), with a reason. */
export async function updateStaffingPattern(ctx: Ctx, input: StaffingPatternInput): Promise<StaffingPatternOutput> {
  const user = requirePermission(ctx, 'staffing:write');
  const today = osloDate(ctx.now);
  const validFrom = input.validFrom ?? today;
  if (validFrom < today) {
    throw staffingError('staffing.valid_from_in_past', { fields: { validFrom: staffingError.definitions['staffing.valid_from_in_past'][ctx.locale] } });
  }
  await inTransaction(ctx, async (tx) => {
    try {
      const row = await tx.db.transaction((sp) =>
        insertSetting(sp as unknown as Db, {
          tenantId: user.tenantId,
          key: PATTERN_KEY,
          value: { weekday: input.weekday, weekend: input.weekend },
          validFromOn: validFrom,
          changedBy: user.id,
          changedAt: tx.now,
          reason: input.reason,
        }),
      );
      await recordEvent(tx, { action: 'settings.change', entityType: 'setting', entityId: row.id, details: { key: PATTERN_KEY, validFrom, fields: ['value', 'reason'] } });
    } catch (err) {
      if (isUniqueViolation(err, 'settings_key_from_unique')) {
        throw staffingError('staffing.already_changed_that_day', { fields: { validFrom: staffingError.definitions['staffing.already_changed_that_day'][ctx.locale] } });
      }
      throw err;
    }
  });
  return getStaffingPattern(ctx);
}
