import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './app-env.ts';
import { AppError, platformError } from './errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; referenceId?: string; meta?: Record<string, unknown> };
}

/** Maps any thrown error to a JSON answer. Unexpected errors give 500 with a reference id only. */
export function handleError(err: Error, c: Context<AppEnv>) {
  const ctx = c.get('ctx');
  const locale = ctx?.locale ?? 'nb';
  if (err instanceof AppError) {
    const body: ErrorBody = {
      error: {
        code: err.code,
        message: err.definition[locale],
        ...(err.fields ? { fields: err.fields } : {}),
        ...(err.meta?.public ? { meta: err.meta.public as Record<string, unknown> } : {}),
      },
    };
    return c.json(body, err.status);
  }
  if (err instanceof HTTPException && err.status === 413) {
    const e = platformError('request.too_large');
    return c.json({ error: { code: e.code, message: e.definition[locale] } } satisfies ErrorBody, 413);
  }
  if (err instanceof HTTPException && err.status < 500) {
    return c.json({ error: { code: 'request.invalid', message: err.message } } satisfies ErrorBody, err.status);
  }
  const referenceId = ctx?.requestId ?? 'unknown';
  // The log gets the stack for developers; the response gets the reference only.
  (ctx?.log ?? console).error({ err, referenceId }, 'unexpected error');
  const message =
    locale === 'en'
      ? `Something went wrong. Quote reference ${referenceId} if you contact support.`
      : `Noe gikk galt. Oppgi referanse ${referenceId} hvis du kontakter brukerstøtte.`;
  return c.json({ error: { code: 'internal', message, referenceId } } satisfies ErrorBody, 500);
}
