import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { insertSetting, listSettingHistory } from '../../platform/notifications/notifications.queries.ts';
import { paymentsError } from './payments.errors.ts';
import { CAP_KEY, RATE_KEY, datedRates } from './payments.charges.ts';
import { DEFAULT_CAP_ORE, DEFAULT_RATE_ORE, monthOf, monthStart, valueOn } from './payments.rules.ts';
import { today } from './payments.statements.service.ts';
import type { RateSettingsInput, RateSettingsOutput } from './payments.schema.ts';

// The rate per night and the monthly cap are dated settings of the municipality (the `settings`
// table): a change applies from its date, also in the middle of a month or a stay, and is kept with
// who and why. Defaults 300 kr and 9 000 kr while nothing is set.

export async function getRateSettings(ctx: Ctx): Promise<RateSettingsOutput> {
  const user = requirePermission(ctx, 'payment:read');
  return inTransaction(ctx, async (tx) => {
    const day = today(tx);
    const { rates, caps } = await datedRates(tx.db, user.tenantId);
    const history = [
      ...(await listSettingHistory(tx.db, user.tenantId, RATE_KEY)).map((h) => ({ ...h, key: 'rate' as const })),
      ...(await listSettingHistory(tx.db, user.tenantId, CAP_KEY)).map((h) => ({ ...h, key: 'cap' as const })),
    ].sort((a, b) => b.validFromOn.localeCompare(a.validFromOn) || b.changedAt.getTime() - a.changedAt.getTime());
    return {
      rateOre: valueOn(rates, day, DEFAULT_RATE_ORE),
      capOre: valueOn(caps, day, DEFAULT_CAP_ORE),
      history: history.map((h) => ({
        key: h.key,
        valueOre: typeof h.value === 'number' ? h.value : 0,
        validFrom: h.validFromOn,
        changedAt: h.changedAt.toISOString(),
        changedByName: h.changedByName,
        reason: h.reason,
      })),
    };
  });
}

/**
 * The service lead sets the rate and the cap from a day (in this month or later; months before were
 * settled with the rates then in force), with a reason. Both are stored as dated rows.
 */
export async function updateRateSettings(ctx: Ctx, input: RateSettingsInput): Promise<RateSettingsOutput> {
  const user = requirePermission(ctx, 'payment:manage');
  if (input.validFrom < monthStart(monthOf(today(ctx)))) {
    throw paymentsError('payments.valid_from_in_past', { fields: { validFrom: paymentsError.definitions['payments.valid_from_in_past'][ctx.locale] } });
  }
  await inTransaction(ctx, async (tx) => {
    try {
      await tx.db.transaction(async (sp) => {
        for (const [key, value] of [
          [RATE_KEY, input.rateOre],
          [CAP_KEY, input.capOre],
        ] as const) {
          const row = await insertSetting(sp as unknown as Db, {
            tenantId: user.tenantId,
            key,
            value,
            validFromOn: input.validFrom,
            changedBy: user.id,
            changedAt: tx.now,
            reason: input.reason,
          });
          await recordEvent({ ...tx, db: sp as unknown as Db }, {
            action: 'settings.change',
            entityType: 'setting',
            entityId: row.id,
            details: { key, validFrom: input.validFrom, fields: ['value', 'reason'] },
          });
        }
      });
    } catch (err) {
      if (isUniqueViolation(err, 'settings_key_from_unique')) {
        throw paymentsError('payments.setting_exists_that_day', {
          fields: { validFrom: paymentsError.definitions['payments.setting_exists_that_day'][ctx.locale] },
        });
      }
      throw err;
    }
  });
  return getRateSettings(ctx);
}
