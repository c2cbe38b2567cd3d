import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { findSettingOn } from '../../platform/notifications/notifications.queries.ts';
import { MAX_RETENTION_YEARS } from './privacy.rules.ts';

// The dated settings of access by need and retention (the `settings` table): a change applies from
// its date, and the rows keep who changed what and why.

export const privacySettingDefs = {
  /** Months after the last contact before a former resident's record closes to ordinary access. */
  'privacy.close_after_months': { schema: z.number().int().min(1).max(120), default: 6 },
  /** Whether the access log printed for the person names the staff (default: roles only). */
  'privacy.access_log_shows_names': { schema: z.boolean(), default: false },
  /** Years after the last stay (or aftercare) ends before a record is anonymised. */
  'retention.with_stay_years': { schema: z.number().int().min(1).max(MAX_RETENTION_YEARS), default: 10 },
  /** Years after the last referral before the record of someone who never stayed is anonymised. */
  'retention.without_stay_years': { schema: z.number().int().min(1).max(MAX_RETENTION_YEARS), default: 10 },
} as const;

export type PrivacySettingKey = keyof typeof privacySettingDefs;
export type PrivacySettingValue<K extends PrivacySettingKey> = z.infer<(typeof privacySettingDefs)[K]['schema']>;

/** The value in force on a day; a stored value that does not parse falls back to the default. */
export async function privacySettingOn<K extends PrivacySettingKey>(db: Db, tenantId: string, key: K, day: string): Promise<PrivacySettingValue<K>> {
  const row = await findSettingOn(db, tenantId, key, day);
  const parsed = privacySettingDefs[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : privacySettingDefs[key].default) as PrivacySettingValue<K>;
}
