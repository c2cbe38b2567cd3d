import './payments.css';
import { useState } from 'react';
import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDate, formatMoney } from '../../../platform/ui/format.ts';
import type { OverviewBalanceOutput, ProduceOutput, ServiceOverviewOutput } from '../payments.schema.ts';
import { describeArrangement, monthLabel, recentMonths, todayInOslo } from './describe.ts';
import { RateSettings } from './RateSettings.tsx';
import { ClosedRecordTag } from '../../privacy/ui/ClosedRecordTag.tsx';

/** /betaling: the service's balances, who to follow up, statements for a month, export, rates. */
export function PaymentsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const overview = useApi<ServiceOverviewOutput>('/api/payments/overview');
  const months = recentMonths(todayInOslo());
  const [month, setMonth] = useState(months[1]!);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function produce() {
    setError(null);
    setNotice(null);
    try {
      const r = await api.post<ProduceOutput>('/api/payments/statements', { month });
      setNotice(t('payments.page.produced', { month: monthLabel(month, locale), charged: r.charged, corrected: r.corrected, unchanged: r.unchanged }));
      void overview.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  }

  if (overview.error) return <ErrorAlert error={overview.error} />;
  if (!overview.data) return <Loading />;
  const o = overview.data;
  const owing = o.residents.filter((r) => (r.balanceOre ?? 0) > 0);

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('payments.page.title')}
      </Heading>
      <Paragraph>{t('payments.page.intro')}</Paragraph>
      <dl className="payments-totals" aria-label={t('payments.page.totals')}>
        <div>
          <dt>{t('payments.page.totalCharged')}</dt>
          <dd>{formatMoney(o.totalChargedOre)}</dd>
        </div>
        <div>
          <dt>{t('payments.page.totalPaid')}</dt>
          <dd>{formatMoney(o.totalPaidOre)}</dd>
        </div>
        <div>
          <dt>{t('payments.page.totalArrears')}</dt>
          <dd>{formatMoney(o.totalArrearsOre)}</dd>
        </div>
        <div>
          <dt>{t('payments.page.inArrears')}</dt>
          <dd>{o.inArrears}</dd>
        </div>
      </dl>

      <section className="stack" aria-labelledby="follow-up">
        <Heading level={2} data-size="md" id="follow-up">
          {t('payments.page.followUp')}
        </Heading>
        <Paragraph data-size="sm">{t('payments.page.followUpHint')}</Paragraph>
        {owing.length === 0 ? <Paragraph>{t('payments.page.noArrears')}</Paragraph> : <BalanceTable rows={owing} label={t('payments.page.followUp')} />}
      </section>

      <section className="stack" aria-labelledby="month-work">
        <Heading level={2} data-size="md" id="month-work">
          {t('payments.page.monthTitle')}
        </Heading>
        <Paragraph data-size="sm">{t('payments.page.monthHint')}</Paragraph>
        <div className="payments-inline no-print">
          <Field>
            <Label htmlFor="month-select">{t('payments.statement.month')}</Label>
            <Select id="month-select" value={month} onChange={(e) => setMonth(e.target.value)}>
              {months.map((m) => (
                <Select.Option key={m} value={m}>
                  {monthLabel(m, locale)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          {can('payment:write') && (
            <Button variant="secondary" onClick={() => void produce()}>
              {t('payments.page.produceAll')}
            </Button>
          )}
          <Link href={`/api/payments/export/${month}/charges.csv`} download>
            {t('payments.page.exportCsv')}
          </Link>
          <Link href={`/api/payments/export/${month}/charges.xlsx`} download>
            {t('payments.page.exportXlsx')}
          </Link>
        </div>
        {notice && (
          <Alert data-color="success" role="status">
            {notice}
          </Alert>
        )}
        {error && <ErrorAlert error={error} />}
      </section>

      <section className="stack" aria-labelledby="all-balances">
        <Heading level={2} data-size="md" id="all-balances">
          {t('payments.page.balances')}
        </Heading>
        {o.residents.length === 0 ? <Paragraph>{t('payments.page.noBalances')}</Paragraph> : <BalanceTable rows={o.residents} label={t('payments.page.balances')} />}
      </section>

      <RateSettings />
    </div>
  );
}

function BalanceTable({ rows, label }: { rows: OverviewBalanceOutput[]; label: string }) {
  const { t, locale } = useI18n();
  return (
    <TableScroll label={label}>
      <Table>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('payments.page.resident')}</Table.HeaderCell>
            <Table.HeaderCell>{t('payments.person.arrangement')}</Table.HeaderCell>
            <Table.HeaderCell>{t('payments.page.charged')}</Table.HeaderCell>
            <Table.HeaderCell>{t('payments.page.paid')}</Table.HeaderCell>
            <Table.HeaderCell>{t('payments.page.balance')}</Table.HeaderCell>
            <Table.HeaderCell>{t('payments.page.since')}</Table.HeaderCell>
            <Table.HeaderCell>{t('payments.page.lastPaid')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.personId}>
              <Table.Cell>
                <RouterLink to={`/personer/${r.personId}`}>{r.personName}</RouterLink>
                {!r.livesHere && !r.recordClosed && (
                  <>
                    {' '}
                    <Tag data-size="sm">{t('payments.page.movedOut')}</Tag>
                  </>
                )}
                {r.recordClosed && (
                  <>
                    {' '}
                    <ClosedRecordTag />
                  </>
                )}
              </Table.Cell>
              {r.recordClosed || r.chargedOre === null || r.paidOre === null || r.balanceOre === null ? (
                <Table.Cell colSpan={6}>{t('payments.page.closedRow')}</Table.Cell>
              ) : (
                <>
                  <Table.Cell>{describeArrangement(t, r.arrangement)}</Table.Cell>
                  <Table.Cell className="payments-amount">{formatMoney(r.chargedOre)}</Table.Cell>
                  <Table.Cell className="payments-amount">{formatMoney(r.paidOre)}</Table.Cell>
                  <Table.Cell className={`payments-amount${r.balanceOre > 0 ? ' payments-owes' : ''}`}>{formatMoney(r.balanceOre)}</Table.Cell>
                  <Table.Cell>{r.arrearsSince ? monthLabel(r.arrearsSince, locale) : '–'}</Table.Cell>
                  <Table.Cell>{formatDate(r.lastPaidOn)}</Table.Cell>
                </>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
