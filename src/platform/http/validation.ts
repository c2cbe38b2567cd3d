import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';
import { platformError } from './errors.ts';
import { issuesToFields } from '../i18n/i18n.ts';

// Every route validates with its zod schema; a failure becomes one 400 with field → message,
// in the user's language, before any service runs — so nothing is written.
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (!result.success) {
    const ctx = c.get('ctx');
    throw platformError('request.invalid', { fields: issuesToFields(ctx.locale, result.error.issues) });
  }
};
