import { z } from 'zod';
import { optionalText, requiredText } from '../../platform/http/shared-schemas.ts';

// Shapes of the administration API, shared by the forms in ui/, the routes, OpenAPI and the
// user:create command line tool. Messages are catalogue keys.

/** Lower-case letters, digits, dot, underscore and hyphen: safe in a URL, a log line and a shell. */
export const username = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z
    .string('validation.required')
    .min(1, 'validation.required')
    .min(3, 'admin.validation.usernameLength')
    .max(50, 'admin.validation.usernameLength')
    .regex(/^[a-z0-9._-]+$/, 'admin.validation.usernameChars'),
);

/** A new password: long rather than complicated (NSM's advice); no upper limit worth meeting. */
export const newPassword = z.string('validation.required').min(12, 'validation.passwordTooShort').max(200, 'validation.tooLong');

const optionalEmail = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.email('validation.invalidEmail').max(200).optional());

export const roleKeys = z
  .array(z.string().trim().min(1).max(50))
  .min(1, 'validation.roleRequired')
  .max(20)
  .refine((keys) => new Set(keys).size === keys.length, 'admin.validation.duplicateRole');

/** How the new user logs in: with a password here, or only through the municipality's identity service. */
export const loginMethod = z.enum(['password', 'oidc']);

export const createUserFields = z.object({
  username,
  displayName: requiredText(100),
  email: optionalEmail,
  roles: roleKeys,
  loginMethod: loginMethod.default('password'),
  password: z.preprocess((v) => (v === '' ? undefined : v), newPassword.optional()),
  oidcSubject: optionalText(200),
});

export const createUserInput = createUserFields
  .superRefine((value, ctx) => {
    if (value.loginMethod === 'password' && value.password === undefined) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'admin.validation.passwordRequired' });
    }
    if (value.loginMethod === 'oidc' && value.password !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'admin.validation.noPasswordForOidc' });
    }
    // Without a subject, the first OIDC login links the account by its e-mail address; with neither,
    // the account could never log in.
    if (value.loginMethod === 'oidc' && value.oidcSubject === undefined && value.email === undefined) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'admin.validation.emailOrSubject' });
    }
  })
  .meta({ id: 'CreateUserInput' });

/** A partial change: only the fields given are changed. An empty e-mail (or null) removes it. */
export const updateUserInput = z
  .object({
    displayName: requiredText(100).optional(),
    email: z.preprocess((v) => (v === '' ? null : v), z.email('validation.invalidEmail').max(200).nullable().optional()),
    roles: roleKeys.optional(),
    isActive: z.boolean().optional(),
  })
  .meta({ id: 'UpdateUserInput' });

export const setPasswordInput = z.object({ password: newPassword }).meta({ id: 'SetPasswordInput' });

export const adminUserOutput = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    roles: z.array(z.string()),
    isActive: z.boolean(),
    /** Set while wrong passwords keep the account locked; may be in the past (then it is no longer locked). */
    lockedUntil: z.string().nullable(),
    isLocked: z.boolean(),
    failedLogins: z.number().int(),
    lastLoginAt: z.string().nullable(),
    hasPassword: z.boolean(),
    oidcSubject: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'AdminUser' });

export const roleOutput = z
  .object({ key: z.string(), nameNb: z.string(), nameEn: z.string(), permissions: z.array(z.string()) })
  .meta({ id: 'Role' });

export type CreateUserInput = z.infer<typeof createUserInput>;
export type UpdateUserInput = z.infer<typeof updateUserInput>;
export type SetPasswordInput = z.infer<typeof setPasswordInput>;
export type AdminUser = z.infer<typeof adminUserOutput>;
export type RoleOutput = z.infer<typeof roleOutput>;
