import { z } from 'zod';

export const loginInput = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'LoginInput' });

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
