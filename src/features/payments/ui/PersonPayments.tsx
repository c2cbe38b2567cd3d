import './payments.css';
import { useState } from 'react';
import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { ErrorAlert } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDate, formatMoney } from '../../../platform/ui/format.ts';
import type { PersonPaymentsOutput, ProduceOutput } from '../payments.schema.ts';
import { ArrangementForm } from './ArrangementForm.tsx';
import { PaymentForm } from './PaymentForm.tsx';
import { describeArrangement, monthLabel, recentMonths, todayInOslo } from './describe.ts';

/**
 * The payment section of the person page (egenbetaling): the arrangement and its history, the balance,
 * the months charged with their statements (PDF), and the payments. Only for roles with payment:read.
 */
export function PersonPayments({ personId }: { personId: string }) {
  const { can } = useSession();
  if (!can('payment:read')) return null;
  return <PersonPaymentsSection personId={personId} />;
}

function PersonPaymentsSection({ personId }: { personId: string }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const data = useApi<PersonPaymentsOutput>(`/api/people/${personId}/payments`);
  const [open, setOpen] = useState<'arrangement' | 'payment' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [produceError, setProduceError] = useState<ApiError | null>(null);
  const today = todayInOslo();
  const months = recentMonths(today);
  const [month, setMonth] = useState(months[1]!);

  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data) return null;
  const d = data.data;
  const b = d.balance;
  // The notice shows once the section shows the new figures, so what it says and what is shown agree.
  const done = async (message: string) => {
    await data.reload();
    setOpen(null);
    setNotice(message);
  };

  async function produce() {
    setProduceError(null);
    try {
      const r = await api.post<ProduceOutput>('/api/payments/statements', { month, personId });
      await done(r.charged ? t('payments.statement.produced', { month: monthLabel(month, locale) }) : r.corrected ? t('payments.statement.corrected', { month: monthLabel(month, locale) }) : r.unchanged ? t('payments.statement.unchanged', { month: monthLabel(month, locale) }) : t('payments.statement.noNights', { month: monthLabel(month, locale) }));
    } catch (err) {
      setProduceError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  }

  return (
    <section className="stack" aria-labelledby="person-payments">
      <Heading level={2} data-size="md" id="person-payments">
        {t('payments.person.title')}
      </Heading>
      {notice && (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      )}
      <dl className="facts">
        <dt>{t('payments.person.arrangement')}</dt>
        <dd data-testid="current-arrangement">
          {describeArrangement(t, d.current)}
          {d.current && ` (${t('payments.person.from', { date: formatDate(d.current.validFrom) })})`}
        </dd>
        <dt>{t('payments.person.balance')}</dt>
        <dd data-testid="balance">
          {b.balanceOre > 0 ? (
            <span className="payments-owes">
              {t('payments.person.owes', { amount: formatMoney(b.balanceOre) })}
              {b.arrearsSince && ` ${t('payments.person.since', { month: monthLabel(b.arrearsSince, locale) })}`}
            </span>
          ) : b.balanceOre < 0 ? (
            t('payments.person.credit', { amount: formatMoney(-b.balanceOre) })
          ) : (
            t('payments.person.settled')
          )}
          {' · '}
          {t('payments.person.chargedPaid', { charged: formatMoney(b.chargedOre), paid: formatMoney(b.paidOre) })}
        </dd>
        <dt>{t('payments.person.thisMonth')}</dt>
        <dd>{t('payments.person.thisMonthValue', { nights: d.thisMonth.nights, amount: formatMoney(d.thisMonth.amountDueOre) })}</dd>
      </dl>
      <div className="row no-print">
        {can('payment:manage') && open !== 'arrangement' && (
          <Button variant="secondary" onClick={() => setOpen('arrangement')}>
            {t('payments.arrangement.change')}
          </Button>
        )}
        {can('payment:write') && open !== 'payment' && (
          <Button variant="secondary" onClick={() => setOpen('payment')}>
            {t('payments.payment.register')}
          </Button>
        )}
      </div>
      {open === 'arrangement' && <ArrangementForm personId={personId} today={today} onCancel={() => setOpen(null)} onSaved={() => void done(t('payments.arrangement.saved'))} />}
      {open === 'payment' && (
        <PaymentForm personId={personId} today={today} onCancel={() => setOpen(null)} onSaved={(p) => void done(t('payments.payment.saved', { amount: formatMoney(p.amountOre) }))} />
      )}

      <Heading level={3} data-size="sm">
        {t('payments.person.statements')}
      </Heading>
      {can('payment:write') && (
        <div className="payments-inline no-print">
          <Field>
            <Label htmlFor="statement-month">{t('payments.statement.month')}</Label>
            <Select id="statement-month" value={month} onChange={(e) => setMonth(e.target.value)}>
              {months.map((m) => (
                <Select.Option key={m} value={m}>
                  {monthLabel(m, locale)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button variant="secondary" onClick={() => void produce()}>
            {t('payments.statement.produce')}
          </Button>
        </div>
      )}
      {produceError && <ErrorAlert error={produceError} />}
      {d.months.length === 0 ? (
        <Paragraph>{t('payments.person.noStatements')}</Paragraph>
      ) : (
        <TableScroll label={t('payments.person.statements')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('payments.statement.month')}</Table.HeaderCell>
                <Table.HeaderCell>{t('payments.statement.nights')}</Table.HeaderCell>
                <Table.HeaderCell>{t('payments.statement.amount')}</Table.HeaderCell>
                <Table.HeaderCell>{t('payments.statement.pdf')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.months.map((m) => (
                <Table.Row key={m.month}>
                  <Table.Cell>
                    {monthLabel(m.month, locale)}
                    {m.corrections > 0 && ` (${t('payments.statement.corrections', { count: m.corrections })})`}
                  </Table.Cell>
                  <Table.Cell>{m.nights}</Table.Cell>
                  <Table.Cell className="payments-amount">{formatMoney(m.amountOre)}</Table.Cell>
                  <Table.Cell>
                    <Link href={`/api/people/${personId}/statements/${m.month}/statement.pdf`} download>
                      {t('payments.statement.download', { month: monthLabel(m.month, locale) })}
                    </Link>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}

      <Heading level={3} data-size="sm">
        {t('payments.person.payments')}
      </Heading>
      {d.payments.length === 0 ? (
        <Paragraph>{t('payments.person.noPayments')}</Paragraph>
      ) : (
        <TableScroll label={t('payments.person.payments')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('payments.payment.paidOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('payments.payment.amount')}</Table.HeaderCell>
                <Table.HeaderCell>{t('payments.payment.method')}</Table.HeaderCell>
                <Table.HeaderCell>{t('payments.payment.reference')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.payments.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{formatDate(p.paidOn)}</Table.Cell>
                  <Table.Cell className="payments-amount">{formatMoney(p.amountOre)}</Table.Cell>
                  <Table.Cell>{t(`payments.method.${p.method}`)}</Table.Cell>
                  <Table.Cell>{p.reference ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}

      {d.arrangements.length > 0 && (
        <>
          <Heading level={3} data-size="sm">
            {t('payments.person.history')}
          </Heading>
          <ul className="stack" style={{ gap: 'var(--ds-size-2)', paddingLeft: '1.25rem', margin: 0 }}>
            {d.arrangements.map((a) => (
              <li key={a.id}>
                <strong>{t('payments.person.from', { date: formatDate(a.validFrom) })}:</strong> {describeArrangement(t, a)}
                {a.reason && ` · ${a.reason}`}
                {a.assessedBy && ` · ${t('payments.arrangement.assessedByValue', { name: a.assessedBy })}`}
                {' · '}
                {t('payments.arrangement.decidedValue', { date: formatDate(a.decidedOn), name: a.createdByName ?? '–' })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
