import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { insertSetting, listSettingHistory } from '../../platform/notifications/notifications.queries.ts';
import { privacyError } from './privacy.errors.ts';
import { isoDay } from './privacy.rules.ts';
import { privacySettingOn, type PrivacySettingKey } from './privacy.settings.ts';
import type { PrivacySettingsInput, PrivacySettingsOutput } from './privacy.schema.ts';

const fieldKeys = {
  closeAfterMonths: 'privacy.close_after_months',
  accessLogShowsNames: 'privacy.access_log_shows_names',
  retentionWithStayYears: 'retention.with_stay_years',
  retentionWithoutStayYears: 'retention.without_stay_years',
} as const satisfies Record<string, PrivacySettingKey>;

/** The access and retention settings in force today, with their history (who changed what, when, why). */
export async function getPrivacySettings(ctx: Ctx): Promise<PrivacySettingsOutput> {
  const user = requirePermission(ctx, 'settings:write');
  const today = isoDay(ctx.now);
  const history: PrivacySettingsOutput['history'] = [];
  for (const key of Object.values(fieldKeys)) {
    for (const h of await listSettingHistory(ctx.db, user.tenantId, key)) {
      history.push({ key, value: h.value, validFrom: h.validFromOn, changedByName: h.changedByName, reason: h.reason });
    }
  }
  return {
    closeAfterMonths: await privacySettingOn(ctx.db, user.tenantId, 'privacy.close_after_months', today),
    accessLogShowsNames: await privacySettingOn(ctx.db, user.tenantId, 'privacy.access_log_shows_names', today),
    retentionWithStayYears: await privacySettingOn(ctx.db, user.tenantId, 'retention.with_stay_years', today),
    retentionWithoutStayYears: await privacySettingOn(ctx.db, user.tenantId, 'retention.without_stay_years', today),
    history: history.sort((a, b) => b.validFrom.localeCompare(a.validFrom)),
  };
}

/** Sets the values that changed, from a day on (today by default), with a reason. */
export async function updatePrivacySettings(ctx: Ctx, input: PrivacySettingsInput): Promise<PrivacySettingsOutput> {
  const user = requirePermission(ctx, 'settings:write');
  const today = isoDay(ctx.now);
  const validFrom = input.validFrom ?? today;
  if (validFrom < today) {
    throw privacyError('privacy.valid_from_in_past', { fields: { validFrom: privacyError.definitions['privacy.valid_from_in_past'][ctx.locale] } });
  }
  await inTransaction(ctx, async (tx) => {
    const changed: string[] = [];
    for (const [field, key] of Object.entries(fieldKeys) as [keyof typeof fieldKeys, PrivacySettingKey][]) {
      if ((await privacySettingOn(tx.db, user.tenantId, key, validFrom)) === input[field]) continue;
      try {
        await tx.db.transaction((sp) =>
          insertSetting(sp as unknown as Db, { tenantId: user.tenantId, key, value: input[field], validFromOn: validFrom, changedBy: user.id, changedAt: tx.now, reason: input.reason }),
        );
      } catch (err) {
        if (!isUniqueViolation(err, 'settings_key_from_unique')) throw err;
        throw privacyError('privacy.setting_already_changed_that_day', {
          fields: { validFrom: privacyError.definitions['privacy.setting_already_changed_that_day'][ctx.locale] },
        });
      }
      changed.push(key);
    }
    await recordEvent(tx, { action: 'settings.change', entityType: 'setting', details: { keys: changed, validFrom, fields: ['value', 'reason'] } });
  });
  return getPrivacySettings(ctx);
}
