import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { Link as RouterLink, useLocation } from 'react-router';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import type { ApiError } from '../../../platform/ui/api.ts';
import { api } from '../../../platform/ui/api.ts';
import { ErrorAlert } from '../../../platform/ui/Feedback.tsx';
import { formatDate } from '../../../platform/ui/format.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import type { PersonSummary } from '../people.schema.ts';
import { ClosedRecordTag } from '../../privacy/ui/ClosedRecordTag.tsx';

/** Find a person; the search term is sent in the request body, never in the address bar. */
export function PeopleSearchPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [results, setResults] = useState<PersonSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  // Back here after deleting a person on request (PersonRights): say it was done.
  const erased = (useLocation().state as { erased?: string } | null)?.erased;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = String(new FormData(event.currentTarget).get('query') ?? '');
    try {
      setResults(await api.post<PersonSummary[]>('/api/people/search', { query }));
      setError(null);
      setFieldError(undefined);
    } catch (err) {
      const apiError = err as ApiError;
      if (apiError.fields?.query) setFieldError(apiError.fields.query);
      else setError(apiError);
    }
  }

  return (
    <div className="stack">
      <div className="row">
        <Heading level={1} data-size="lg" style={{ marginRight: 'auto' }}>
          {t('people.title')}
        </Heading>
        {can('person:write') && (
          <Button asChild>
            <RouterLink to="/personer/ny">{t('people.register')}</RouterLink>
          </Button>
        )}
      </div>
      {erased && (
        <Alert data-color="success" role="status">
          {t('privacy.erased', { name: erased })}
        </Alert>
      )}
      <form onSubmit={handleSubmit} className="row" role="search" noValidate>
        <Textfield name="query" label={t('people.searchLabel')} error={fieldError} autoComplete="off" style={{ minWidth: 'min(28rem, 100%)' }} />
        <Button type="submit">{t('people.search')}</Button>
      </form>
      {error && <ErrorAlert error={error} />}
      {results && (
        <section aria-live="polite" className="stack">
          <Paragraph>{results.length === 0 ? t('people.noResults') : t('people.resultsCount', { count: results.length })}</Paragraph>
          {results.length > 0 && (
            <TableScroll label={t('people.title')}>
              <Table>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('people.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('people.birthDate')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('people.idType')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {results.map((p) => (
                    <Table.Row key={p.id}>
                      <Table.Cell>
                        <Link asChild>
                          <RouterLink to={`/personer/${p.id}`}>
                            {p.familyName}, {p.givenName}
                          </RouterLink>
                        </Link>{' '}
                        {p.hasProtectedAddress && <Tag data-color="warning">{t('people.protectedAddress')}</Tag>} {p.recordClosed && <ClosedRecordTag />}
                      </Table.Cell>
                      <Table.Cell>{formatDate(p.birthDate)}</Table.Cell>
                      <Table.Cell>
                        {t(`idType.${p.idType}`)} {p.maskedNationalId ?? ''}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
        </section>
      )}
    </div>
  );
}
