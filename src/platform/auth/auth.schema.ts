import { z } from 'zod';

export const loginInput = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
    // The six digits from the authenticator app, for accounts with a second factor.
    totpCode: z.string().trim().regex(/^\d{6}$/, 'validation.totpCode').optional(),
  })
  .meta({ id: 'LoginInput' });

export const totpCodeInput = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'validation.totpCode') }).meta({ id: 'TotpCodeInput' });

export const totpEnrolmentOutput = z
  .object({
    secret: z.string().meta({ description: 'Base32, to type into an authenticator app' }),
    otpauthUri: z.string().meta({ description: 'otpauth:// URI, for a QR code' }),
  })
  .meta({ id: 'TotpEnrolment' });

export const totpStatusOutput = z.object({ enabled: z.boolean(), available: z.boolean() }).meta({ id: 'TotpStatus' });

export const currentUserOutput = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    locale: z.enum(['nb', 'en']),
    roles: z.array(z.string()),
    permissions: z.array(z.string()),
    idleMinutes: z.number().int(),
  })
  .meta({ id: 'CurrentUser' });

export const localeInput = z.object({ locale: z.enum(['nb', 'en']) }).meta({ id: 'LocaleInput' });

export type LoginInput = z.infer<typeof loginInput>;
export type CurrentUserOutput = z.infer<typeof currentUserOutput>;
