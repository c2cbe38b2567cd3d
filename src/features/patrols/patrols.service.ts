import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { findSettingOn, insertSetting, listSettingHistory } from '../../platform/notifications/notifications.queries.ts';
import { deliverToInbox } from '../../platform/notifications/notifications.service.ts';
import { FUTURE_SLACK_MS, osloDate, osloInstant } from '../journal/journal.rules.ts';
import { patrolError } from './patrols.errors.ts';
import { checkNights, DEFAULT_EXPECTED_ROUNDS, isChecked, isNightOver, lastNightOver, nightOf, nightOfInstant, nightsUpTo, valueOn } from './patrols.rules.ts';
import * as q from './patrols.queries.ts';
import type { ExpectedRoundsInput, ExpectedRoundsOutput, PatrolOverviewOutput, PatrolRoundInput, PatrolRoundOutput } from './patrols.schema.ts';

// The security company's night rounds (issue 7, point 4): registered by staff for the guard; the
// morning job flags a night with fewer rounds than expected (a dated setting, default 2).

export const EXPECTED_ROUNDS_KEY = 'patrol.expected_rounds';
const OVERVIEW_NIGHTS = 14;

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const asCount = (value: unknown) => (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10 ? (value as number) : null);

async function expectedHistory(db: Db, tenantId: string) {
  const rows = await listSettingHistory(db, tenantId, EXPECTED_ROUNDS_KEY);
  return rows.flatMap((r) => {
    const value = asCount(r.value);
    return value === null ? [] : [{ ...r, value }];
  });
}

/** Registers a round. The guard's name and the findings are not in the audit row, only which fields were given. */
export async function registerPatrolRound(ctx: Ctx, input: PatrolRoundInput): Promise<PatrolRoundOutput> {
  const user = requirePermission(ctx, 'patrol:write');
  const at = osloInstant(input.patrolledOn, input.patrolledTime);
  if (at.getTime() > ctx.now.getTime() + FUTURE_SLACK_MS) {
    const message = patrolError.definitions['patrol.in_future'][ctx.locale];
    throw patrolError('patrol.in_future', { fields: { patrolledOn: message, patrolledTime: message } });
  }
  return inTransaction(ctx, async (tx) => {
    const night = nightOf(input.patrolledOn, input.patrolledTime);
    const { id } = await q.insertRound(tx.db, {
      tenantId: user.tenantId,
      nightOf: night,
      patrolledAt: at,
      guardName: input.guardName,
      findings: input.findings ?? null,
      needsIncident: input.needsIncident,
      incidentNote: input.needsIncident ? (input.incidentNote ?? null) : null,
      createdAt: tx.now,
      createdBy: user.id,
    });
    await recordEvent(tx, {
      action: 'patrol.register',
      entityType: 'patrol_round',
      entityId: id,
      details: { nightOf: night, needsIncident: input.needsIncident, fields: ['patrolledAt', 'guardName', ...(input.findings ? ['findings'] : [])] },
    });
    return (await q.findRound(tx.db, user.tenantId, id))!;
  });
}

/**
 * Tonight and the last 14 nights with their rounds, and the nights short of rounds. Nights before the
 * first round ever recorded are left out (see isChecked).
 */
export async function getPatrolOverview(ctx: Ctx): Promise<PatrolOverviewOutput> {
  const user = requirePermission(ctx, 'patrol:read');
  return inTransaction(ctx, async (tx) => {
    const current = nightOfInstant(tx.now);
    const first = await q.findFirstNight(tx.db, user.tenantId);
    const nights = nightsUpTo(current, OVERVIEW_NIGHTS + (current === lastNightOver(tx.now) ? 0 : 1)).filter(
      (night) => night === current || isChecked(night, first),
    );
    const rounds = await q.listRounds(tx.db, user.tenantId, nights.at(-1)!, nights[0]!);
    const counts = new Map<string, number>();
    for (const r of rounds) counts.set(r.nightOf, (counts.get(r.nightOf) ?? 0) + 1);
    const history = await expectedHistory(tx.db, user.tenantId);
    const checks = checkNights(nights, counts, (night) => valueOn(history, night, DEFAULT_EXPECTED_ROUNDS));
    const result = checks.map((c) => ({
      night: c.night,
      rounds: rounds.filter((r) => r.nightOf === c.night),
      expected: c.expected,
      missing: isChecked(c.night, first) ? c.missing : 0,
      isOver: isNightOver(c.night, tx.now),
    }));
    return {
      expectedRounds: valueOn(history, osloDate(tx.now), DEFAULT_EXPECTED_ROUNDS),
      nights: result,
      nightsWithMissingRounds: result.filter((n) => n.isOver && n.missing > 0).map((n) => n.night),
    };
  });
}

/**
 * The morning check (daily job, as the system user): if last night had fewer rounds than expected,
 * one message to all staff (from the first night any round was recorded; see isChecked). Keyed by the night, so a rerun the same morning writes nothing new.
 */
export async function flagMissingPatrolRounds(ctx: Ctx): Promise<{ night: string; rounds: number; expected: number; flagged: boolean }> {
  const user = requirePermission(ctx, 'patrol:read');
  return inTransaction(ctx, async (tx) => {
    const night = lastNightOver(tx.now);
    const rounds = await q.countRoundsOfNight(tx.db, user.tenantId, night);
    if (!isChecked(night, await q.findFirstNight(tx.db, user.tenantId))) return { night, rounds, expected: 0, flagged: false };
    const setting = await findSettingOn(tx.db, user.tenantId, EXPECTED_ROUNDS_KEY, night);
    const expected = asCount(setting?.value) ?? DEFAULT_EXPECTED_ROUNDS;
    let flagged = false;
    if (rounds < expected) {
      const id = await deliverToInbox(tx, user.tenantId, {
        kind: 'patrol.missing',
        messageKey: 'patrol.inbox.missing',
        params: { date: ddmmyyyy(night), rounds, expected },
        link: '/nattrunder',
        dedupeKey: `patrol:night:${night}`,
      });
      flagged = id !== null;
    }
    return { night, rounds, expected, flagged };
  });
}

export async function getExpectedRounds(ctx: Ctx): Promise<ExpectedRoundsOutput> {
  const user = requirePermission(ctx, 'patrol:read');
  return inTransaction(ctx, async (tx) => {
    const history = await expectedHistory(tx.db, user.tenantId);
    const today = osloDate(tx.now);
    const current = history.find((h) => h.validFromOn <= today);
    return {
      expectedRounds: current?.value ?? DEFAULT_EXPECTED_ROUNDS,
      isDefault: !current,
      history: history.map((h) => ({ expectedRounds: h.value, validFrom: h.validFromOn, changedByName: h.changedByName, reason: h.reason })),
    };
  });
}

/** The service lead changes the expected number of rounds from a day on (today by default), with a reason. */
export async function updateExpectedRounds(ctx: Ctx, input: ExpectedRoundsInput): Promise<ExpectedRoundsOutput> {
  const user = requirePermission(ctx, 'settings:write');
  const today = osloDate(ctx.now);
  const validFrom = input.validFrom ?? today;
  if (validFrom < today) {
    throw patrolError('patrol.valid_from_in_past', { fields: { validFrom: patrolError.definitions['patrol.valid_from_in_past'][ctx.locale] } });
  }
  await inTransaction(ctx, async (tx) => {
    try {
      const row = await tx.db.transaction((sp) =>
        insertSetting(sp as unknown as Db, {
          tenantId: user.tenantId,
          key: EXPECTED_ROUNDS_KEY,
          value: input.expectedRounds,
          validFromOn: validFrom,
          changedBy: user.id,
          changedAt: tx.now,
          reason: input.reason,
        }),
      );
      await recordEvent(tx, { action: 'settings.change', entityType: 'setting', entityId: row.id, details: { key: EXPECTED_ROUNDS_KEY, validFrom, fields: ['value', 'reason'] } });
    } catch (err) {
      if (isUniqueViolation(err, 'settings_key_from_unique')) {
        throw patrolError('patrol.already_changed_that_day', { fields: { validFrom: patrolError.definitions['patrol.already_changed_that_day'][ctx.locale] } });
      }
      throw err;
    }
  });
  return getExpectedRounds(ctx);
}
