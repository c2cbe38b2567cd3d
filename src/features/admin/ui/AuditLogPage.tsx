import './admin.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import type { z } from 'zod';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDateTime } from '../../../platform/ui/format.ts';
import { isMessageKey } from '../../../platform/i18n/i18n.ts';
import type { auditPage } from '../../../platform/audit/audit.schema.ts';

type AuditPage = z.infer<typeof auditPage>;
type Kind = '' | 'read' | 'write';
const pageSize = 50;

/** The municipality's whole audit log, newest first: every write and every read of a person's record. */
export function AuditLogPage() {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<Kind>('');
  const [events, setEvents] = useState<AuditPage['events']>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const firstNewRow = useRef<number | null>(null);
  const tableBody = useRef<HTMLTableSectionElement>(null);

  const load = useCallback(
    async (before: string | null) => {
      setLoading(true);
      const params = new URLSearchParams({ limit: String(pageSize) });
      if (kind) params.set('kind', kind);
      if (before) params.set('before', before);
      try {
        const page = await api.get<AuditPage>(`/api/audit?${params}`);
        setEvents((current) => {
          firstNewRow.current = before ? current.length : null;
          return before ? [...current, ...page.events] : page.events;
        });
        setNextBefore(page.nextBefore);
        setError(null);
      } catch (err) {
        setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
      } finally {
        setLoading(false);
      }
    },
    [kind],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  // After "Vis eldre", move focus to the first of the rows just added, so keyboard users continue there.
  useEffect(() => {
    if (firstNewRow.current === null) return;
    const row = tableBody.current?.querySelectorAll('tr')[firstNewRow.current];
    firstNewRow.current = null;
    (row?.querySelector('td') as HTMLElement | null)?.focus();
  }, [events]);

  const label = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);

  return (
    <div className="stack admin-audit">
      <div className="row">
        <Heading level={1} data-size="lg" style={{ marginRight: 'auto' }} id="audit-heading">
          {t('nav.auditLog')}
        </Heading>
        <Button variant="secondary" className="no-print" onClick={() => window.print()}>
          {t('app.print')}
        </Button>
      </div>
      <Paragraph>{t('admin.audit.intro')}</Paragraph>
      <Field className="no-print" style={{ maxWidth: '20rem' }}>
        <Label htmlFor="audit-kind">{t('admin.audit.kindFilter')}</Label>
        <Select id="audit-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <Select.Option value="">{t('admin.audit.kindAll')}</Select.Option>
          <Select.Option value="read">{t('admin.audit.onlyRead')}</Select.Option>
          <Select.Option value="write">{t('admin.audit.onlyWrite')}</Select.Option>
        </Select>
      </Field>
      {error && <ErrorAlert error={error} />}
      <Paragraph aria-live="polite">{!loading || events.length > 0 ? (events.length === 0 ? t('admin.audit.empty') : t('admin.audit.shown', { count: events.length })) : ''}</Paragraph>
      {events.length > 0 && (
        // Focusable, so keyboard users can scroll it sideways on a narrow screen (it holds no links or buttons).
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="audit-heading">
          <Table data-testid="audit-log" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('admin.audit.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.audit.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.audit.action')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.audit.who')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.audit.entity')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.audit.purpose')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body ref={tableBody}>
              {events.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell className="nowrap" tabIndex={-1}>
                    {formatDateTime(e.at, locale)}
                  </Table.Cell>
                  <Table.Cell>{t(`kind.${e.kind}`)}</Table.Cell>
                  <Table.Cell>{label(`action.${e.action}`, e.action)}</Table.Cell>
                  <Table.Cell>{e.actorName ?? t('admin.audit.noActor')}</Table.Cell>
                  <Table.Cell>{label(`admin.entity.${e.entityType}`, e.entityType)}</Table.Cell>
                  <Table.Cell>{e.purpose ? label(`purpose.${e.purpose}`, e.purpose) : '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {loading && <Loading />}
      {nextBefore && !loading && (
        <div className="no-print">
          <Button variant="secondary" onClick={() => void load(nextBefore)}>
            {t('admin.audit.showOlder')}
          </Button>
        </div>
      )}
    </div>
  );
}
