import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { api } from '../../../platform/ui/api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ErrorAlert, FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDate, formatDateTime, formatMoney, parseDateInput } from '../../../platform/ui/format.ts';
import { parseKroner } from '../payments.rules.ts';
import { rateSettingsInput, type RateSettingsOutput } from '../payments.schema.ts';
import { todayInOslo } from './describe.ts';

/** The rate per night and the monthly cap: in force today, their history, and (service lead) a change from a date. */
export function RateSettings() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const settings = useApi<RateSettingsOutput>('/api/payments/settings');
  const form = useSchemaForm(rateSettingsInput);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [rate, setRate] = useState('');
  const [cap, setCap] = useState('');
  const [validFrom, setValidFrom] = useState(formatDate(todayInOslo()));
  const [reason, setReason] = useState('');
  const labels: Record<string, string> = {
    rateOre: t('payments.rates.rate'),
    capOre: t('payments.rates.cap'),
    validFrom: t('payments.rates.validFrom'),
    reason: t('payments.rates.reason'),
  };

  if (settings.error) return <ErrorAlert error={settings.error} />;
  if (!settings.data) return null;
  const s = settings.data;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = {
      rateOre: rate.trim() === '' ? undefined : (parseKroner(rate) ?? rate),
      capOre: cap.trim() === '' ? undefined : (parseKroner(cap) ?? cap),
      validFrom: parseDateInput(validFrom),
      reason,
    };
    const ok = await form.submit(value, async (parsed) => settings.setData(await api.put<RateSettingsOutput>('/api/payments/settings', parsed)));
    if (ok) {
      setEditing(false);
      setSaved(true);
    }
  }

  return (
    <section className="stack" aria-labelledby="rate-settings">
      <Heading level={2} data-size="md" id="rate-settings">
        {t('payments.rates.title')}
      </Heading>
      {saved && (
        <Alert data-color="success" role="status">
          {t('payments.rates.saved')}
        </Alert>
      )}
      <Paragraph>{t('payments.rates.current', { rate: formatMoney(s.rateOre), cap: formatMoney(s.capOre) })}</Paragraph>
      {can('payment:manage') && !editing && (
        <div className="no-print">
          <Button
            variant="secondary"
            onClick={() => {
              setRate(String(s.rateOre / 100));
              setCap(String(s.capOre / 100));
              setEditing(true);
              setSaved(false);
            }}
          >
            {t('payments.rates.change')}
          </Button>
        </div>
      )}
      {editing && (
        <form className="payments-form" onSubmit={handleSubmit} noValidate aria-labelledby="rates-form-title">
          <Heading level={3} data-size="xs" id="rates-form-title">
            {t('payments.rates.formTitle')}
          </Heading>
          <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
          <div className="grid-2">
            <Textfield id={fieldId('rateOre')} label={labels.rateOre} description={t('payments.amountHint')} value={rate} onChange={(e) => setRate(e.target.value)} error={form.fieldErrors.rateOre} inputMode="decimal" />
            <Textfield id={fieldId('capOre')} label={labels.capOre} description={t('payments.amountHint')} value={cap} onChange={(e) => setCap(e.target.value)} error={form.fieldErrors.capOre} inputMode="decimal" />
          </div>
          <Textfield id={fieldId('validFrom')} label={labels.validFrom} description={t('payments.rates.validFromHint')} value={validFrom} onChange={(e) => setValidFrom(e.target.value)} error={form.fieldErrors.validFrom} inputMode="numeric" />
          <Textfield id={fieldId('reason')} label={labels.reason} value={reason} onChange={(e) => setReason(e.target.value)} error={form.fieldErrors.reason} multiline rows={2} />
          <div className="row">
            <Button type="submit" disabled={form.submitting}>
              {t('app.save')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setEditing(false)}>
              {t('app.cancel')}
            </Button>
          </div>
        </form>
      )}
      {s.history.length > 0 && (
        <TableScroll label={t('payments.rates.history')}>
          <Table>
            <caption>{t('payments.rates.history')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('payments.rates.what')}</Table.HeaderCell>
                <Table.HeaderCell>{t('payments.rates.value')}</Table.HeaderCell>
                <Table.HeaderCell>{t('payments.rates.validFrom')}</Table.HeaderCell>
                <Table.HeaderCell>{t('payments.rates.reason')}</Table.HeaderCell>
                <Table.HeaderCell>{t('payments.rates.changedBy')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {s.history.map((h) => (
                <Table.Row key={`${h.key}-${h.validFrom}`}>
                  <Table.Cell>{h.key === 'rate' ? t('payments.rates.rate') : t('payments.rates.cap')}</Table.Cell>
                  <Table.Cell className="payments-amount">{formatMoney(h.valueOre)}</Table.Cell>
                  <Table.Cell>{formatDate(h.validFrom)}</Table.Cell>
                  <Table.Cell>{h.reason ?? '–'}</Table.Cell>
                  <Table.Cell>
                    {h.changedByName ?? '–'}, {formatDateTime(h.changedAt, locale)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
