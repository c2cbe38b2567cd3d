import './incidents.css';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { Button, Field, Heading, Label, Link, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDate, formatDateTime, parseDateInput } from '../../../platform/ui/format.ts';
import { incidentStatusValues, incidentTypeValues, type IncidentSummaryOutput } from '../incidents.schema.ts';
import { SeverityTag, StatusTag } from './IncidentTags.tsx';

const isIso = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** /avvik — incidents by status, type and period, newest first; no names, so it is safe on a shared screen. */
export function IncidentsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [query, setQuery] = useState('');
  const list = useApi<IncidentSummaryOutput[]>(`/api/incidents${query}`);
  const [status, setStatus] = useState('');
  const [type, setType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  function applyFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    if (type) params.set('type', type);
    const fromIso = parseDateInput(from);
    const toIso = parseDateInput(to);
    if (from && isIso(fromIso)) params.set('from', fromIso);
    if (to && isIso(toIso)) params.set('to', toIso);
    const s = params.toString();
    setQuery(s ? `?${s}` : '');
  }

  return (
    <div className="stack">
      <div className="incidents-head">
        <Heading level={1} data-size="lg">
          {t('incidents.title')}
        </Heading>
        {can('incident:create') && (
          <Button asChild>
            <RouterLink to="/avvik/ny">{t('incidents.new')}</RouterLink>
          </Button>
        )}
      </div>
      <Paragraph>{t('incidents.intro')}</Paragraph>
      <form className="incidents-filter" onSubmit={applyFilter} aria-label={t('incidents.filter.title')}>
        <Field>
          <Label htmlFor="incident-filter-status">{t('incidents.filter.status')}</Label>
          <Select id="incident-filter-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <Select.Option value="">{t('incidents.filter.all')}</Select.Option>
            {incidentStatusValues.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`incidents.status.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="incident-filter-type">{t('incidents.filter.type')}</Label>
          <Select id="incident-filter-type" value={type} onChange={(e) => setType(e.target.value)}>
            <Select.Option value="">{t('incidents.filter.all')}</Select.Option>
            {incidentTypeValues.map((v) => (
              <Select.Option key={v} value={v}>
                {t(`incidents.type.${v}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield id="incident-filter-from" label={t('incidents.filter.from')} description={t('incidents.dateHint')} value={from} onChange={(e) => setFrom(e.target.value)} inputMode="numeric" autoComplete="off" />
        <Textfield id="incident-filter-to" label={t('incidents.filter.to')} description={t('incidents.dateHint')} value={to} onChange={(e) => setTo(e.target.value)} inputMode="numeric" autoComplete="off" />
        <Button type="submit" variant="secondary">
          {t('incidents.filter.apply')}
        </Button>
      </form>
      {list.error && <ErrorAlert error={list.error} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && <Paragraph>{t('incidents.list.none')}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <TableScroll label={t('incidents.list.caption')}>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('incidents.list.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('incidents.list.type')}</Table.HeaderCell>
                <Table.HeaderCell>{t('incidents.list.severity')}</Table.HeaderCell>
                <Table.HeaderCell>{t('incidents.list.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('incidents.list.where')}</Table.HeaderCell>
                <Table.HeaderCell>{t('incidents.list.followUp')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.map((i) => (
                <Table.Row key={i.id}>
                  <Table.Cell>{formatDateTime(i.occurredAt, locale)}</Table.Cell>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/avvik/${i.id}`}>{t(`incidents.type.${i.type}`)}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <SeverityTag severity={i.severity} />
                  </Table.Cell>
                  <Table.Cell>
                    <StatusTag status={i.status} />
                  </Table.Cell>
                  <Table.Cell>
                    {i.roomName ?? t(`incidents.location.${i.location}`)}
                    {i.residentCount > 0 ? ` · ${t('incidents.list.residents', { count: i.residentCount })}` : ''}
                  </Table.Cell>
                  <Table.Cell>{i.assignedToName ? `${i.assignedToName}${i.followUpDueOn ? `, ${formatDate(i.followUpDueOn)}` : ''}` : '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </div>
  );
}
