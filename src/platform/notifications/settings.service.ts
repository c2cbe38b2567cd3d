import type { Ctx } from '../http/context.ts';
import { inTransaction } from '../http/context.ts';
import { requirePermission } from '../auth/permissions.ts';
import { recordEvent } from '../audit/audit.service.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Db } from '../db/client.ts';
import { DEFAULT_WARNING_WEEKS } from '../../features/stays/extension.rules.ts';
import { notificationsError } from './notifications.errors.ts';
import * as q from './notifications.queries.ts';
import { warningWeeks as warningWeeksSchema, type ClockSettingsInput, type ClockSettingsOutput } from './notifications.schema.ts';
import { osloDate } from '../time/oslo.ts';

// Dated settings of the three-month clock: a change applies from its date and is kept as a row with
// who and why, so what applied on any past day can be told.

export const WARNING_WEEKS_KEY = 'clock.warning_weeks';

const today = (ctx: Ctx) => osloDate(ctx.now);
const sorted = (weeks: readonly number[]) => [...weeks].sort((a, b) => a - b);

/** A stored value read back defensively: a row that does not parse falls back to the default. */
function parseWeeks(value: unknown): number[] | null {
  const parsed = warningWeeksSchema.safeParse(value);
  return parsed.success ? sorted(parsed.data) : null;
}

/** The warning weeks in force on a day in a municipality (for the daily job; no permission of its own). */
export async function warningWeeksOn(db: Db, tenantId: string, day: string): Promise<number[]> {
  const row = await q.findSettingOn(db, tenantId, WARNING_WEEKS_KEY, day);
  return (row && parseWeeks(row.value)) ?? [...DEFAULT_WARNING_WEEKS];
}

export async function getClockSettings(ctx: Ctx): Promise<ClockSettingsOutput> {
  const user = requirePermission(ctx, 'settings:write');
  return inTransaction(ctx, async (tx) => {
    const current = await q.findSettingOn(tx.db, user.tenantId, WARNING_WEEKS_KEY, today(tx));
    const weeks = current && parseWeeks(current.value);
    const history = await q.listSettingHistory(tx.db, user.tenantId, WARNING_WEEKS_KEY);
    return {
      warningWeeks: weeks ?? [...DEFAULT_WARNING_WEEKS],
      isDefault: !weeks,
      validFrom: weeks ? current!.validFromOn : null,
      history: history.map((h) => ({
        warningWeeks: parseWeeks(h.value) ?? [],
        validFrom: h.validFromOn,
        changedAt: h.changedAt.toISOString(),
        changedByName: h.changedByName,
        reason: h.reason,
      })),
    };
  });
}

/** The service lead sets new warning weeks from a day on (today by default), with a reason. */
export async function updateClockSettings(ctx: Ctx, input: ClockSettingsInput): Promise<ClockSettingsOutput> {
  const user = requirePermission(ctx, 'settings:write');
  const validFrom = input.validFrom ?? today(ctx);
  if (validFrom < today(ctx)) {
    throw notificationsError('settings.valid_from_in_past', { fields: { validFrom: notificationsError.definitions['settings.valid_from_in_past'][ctx.locale] } });
  }
  await inTransaction(ctx, async (tx) => {
    try {
      // A savepoint, so the transaction can still answer after the unique index refuses the row.
      const row = await tx.db.transaction((sp) =>
        q.insertSetting(sp as unknown as Db, {
          tenantId: user.tenantId,
          key: WARNING_WEEKS_KEY,
          value: sorted(input.warningWeeks),
          validFromOn: validFrom,
          changedBy: user.id,
          changedAt: tx.now,
          reason: input.reason,
        }),
      );
      await recordEvent(tx, {
        action: 'settings.change',
        entityType: 'setting',
        entityId: row.id,
        details: { key: WARNING_WEEKS_KEY, validFrom, fields: ['value', 'reason'] },
      });
    } catch (err) {
      if (isUniqueViolation(err, 'settings_key_from_unique')) {
        throw notificationsError('settings.already_changed_that_day', {
          fields: { validFrom: notificationsError.definitions['settings.already_changed_that_day'][ctx.locale] },
        });
      }
      throw err;
    }
  });
  return getClockSettings(ctx);
}
