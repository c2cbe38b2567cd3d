import { useState } from 'react';
import type { ZodType } from 'zod';
import { issuesToFields } from '../i18n/i18n.ts';
import { ApiError } from './api.ts';
import { useI18n } from './i18n-context.tsx';

/**
 * Form state with the same zod schema the API uses: the form shows the same messages the server
 * would give, before the request is sent. Server refusals land in the same field map.
 */
export function useSchemaForm<S extends ZodType>(schema: S) {
  const { locale, t } = useI18n();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  /** Validates, then runs send with the parsed value; returns false when nothing was sent or it failed. */
  async function submit(raw: unknown, send: (value: ReturnType<S['parse']>) => Promise<void>): Promise<boolean> {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      setFieldErrors(issuesToFields(locale, parsed.error.issues));
      setFormError(new ApiError(400, { code: 'request.invalid', message: t('app.formHasErrors') }));
      return false;
    }
    setFieldErrors({});
    setFormError(null);
    setSubmitting(true);
    try {
      await send(parsed.data as ReturnType<S['parse']>);
      return true;
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(0, { message: String(err) });
      setFieldErrors(apiError.fields);
      setFormError(apiError);
      return false;
    } finally {
      setSubmitting(false);
    }
  }

  return { fieldErrors, formError, submitting, submit, setFieldErrors };
}
