import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../platform/http/shared-schemas.ts';

export const breakGlassInput = z.object({ reason: requiredText(500) }).meta({ id: 'BreakGlassInput' });
export type BreakGlassInput = z.infer<typeof breakGlassInput>;

export const breakGlassOutput = z.object({ grantId: z.uuid(), expiresAt: z.string() }).meta({ id: 'BreakGlassOutput' });
export type BreakGlassOutput = z.infer<typeof breakGlassOutput>;

export const grantOutput = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    userName: z.string(),
    reason: z.string(),
    grantedAt: z.string(),
    expiresAt: z.string(),
    reviewedAt: z.string().nullable(),
    reviewedByName: z.string().nullable(),
    reviewNote: z.string().nullable(),
  })
  .meta({ id: 'BreakGlassGrant' });
export type GrantOutput = z.infer<typeof grantOutput>;

export const grantQuery = z.object({ unreviewed: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });

export const reviewGrantInput = z.object({ note: optionalText(500) }).meta({ id: 'ReviewBreakGlassInput' });
export type ReviewGrantInput = z.infer<typeof reviewGrantInput>;

export const privacySettingsOutput = z
  .object({
    closeAfterMonths: z.number().int(),
    accessLogShowsNames: z.boolean(),
    retentionWithStayYears: z.number().int(),
    retentionWithoutStayYears: z.number().int(),
    history: z.array(z.object({ key: z.string(), value: z.unknown(), validFrom: z.string(), changedByName: z.string().nullable(), reason: z.string().nullable() })),
  })
  .meta({ id: 'PrivacySettings' });
export type PrivacySettingsOutput = z.infer<typeof privacySettingsOutput>;

export const privacySettingsInput = z
  .object({
    closeAfterMonths: z.number('validation.required').int().min(1, 'privacy.validation.months').max(120, 'privacy.validation.months'),
    accessLogShowsNames: z.boolean(),
    retentionWithStayYears: z.number('validation.required').int().min(1, 'privacy.validation.years').max(10, 'privacy.validation.years'),
    retentionWithoutStayYears: z.number('validation.required').int().min(1, 'privacy.validation.years').max(10, 'privacy.validation.years'),
    validFrom: isoDate.optional(),
    reason: requiredText(500),
  })
  .meta({ id: 'PrivacySettingsInput' });
export type PrivacySettingsInput = z.infer<typeof privacySettingsInput>;

export const erasureInput = z.object({ reason: requiredText(500) }).meta({ id: 'ErasureInput' });
export type ErasureInput = z.infer<typeof erasureInput>;

export const retentionReportOutput = z
  .object({
    today: z.string(),
    settings: z.object({ withStay: z.number(), withoutStay: z.number() }),
    due: z.array(z.object({ personId: z.uuid(), expiredOn: z.string(), anonymiseOn: z.string(), everStayed: z.boolean() })),
    counts: z.record(z.string(), z.number()),
  })
  .meta({ id: 'RetentionReport' });
export type RetentionReportOutput = z.infer<typeof retentionReportOutput>;

export const retentionRunOutput = z
  .object({ id: z.uuid(), ranAt: z.string(), kind: z.enum(['dry_run', 'anonymise', 'erasure']), reason: z.string().nullable(), summary: z.record(z.string(), z.number()), actorName: z.string().nullable() })
  .meta({ id: 'RetentionRun' });
