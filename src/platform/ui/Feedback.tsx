import { Alert, ErrorSummary, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { ApiError } from './api.ts';
import { useI18n } from './i18n-context.tsx';

export function Loading() {
  const { t } = useI18n();
  return <Spinner aria-label={t('app.loading')} />;
}

/** A refusal or failure from the server, in words a caseworker understands. */
export function ErrorAlert({ error }: { error: ApiError }) {
  const { t } = useI18n();
  if (error.status === 403) return <Forbidden message={error.message} />;
  return (
    <Alert data-color="danger" role="alert">
      {error.status >= 500 || error.status === 0 ? t('app.errorReference', { ref: error.referenceId ?? '–' }) : error.message}
    </Alert>
  );
}

export function Forbidden({ message }: { message?: string }) {
  const { t } = useI18n();
  return (
    <Alert data-color="warning" role="alert">
      <Heading level={2} data-size="xs">
        {t('app.forbiddenTitle')}
      </Heading>
      <Paragraph>{message ?? t('app.forbiddenTitle')}</Paragraph>
    </Alert>
  );
}

/** Lists every field error at the top of a form, each a link to its field (WCAG 3.3.1). */
export function FormErrors({ fields, labels, message }: { fields: Record<string, string>; labels: Record<string, string>; message?: string }) {
  const entries = Object.entries(fields);
  if (entries.length === 0) return message ? <Alert data-color="danger" role="alert">{message}</Alert> : null;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{message}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {entries.map(([field, text]) => (
          <ErrorSummary.Item key={field}>
            <ErrorSummary.Link href={`#field-${field.replace(/\./g, '-')}`}>
              {labels[field] ? `${labels[field]}: ` : ''}
              {text}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

export const fieldId = (field: string) => `field-${field.replace(/\./g, '-')}`;
