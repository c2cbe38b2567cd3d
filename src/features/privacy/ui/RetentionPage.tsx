import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import type { ApiError } from '../../../platform/ui/api.ts';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import { privacySettingsInput, type PrivacySettingsOutput, type RetentionReportOutput } from '../privacy.schema.ts';

const NOTICE_DAYS = 14;

interface RunOutput {
  id: string;
  ranAt: string;
  kind: 'dry_run' | 'anonymise' | 'erasure';
  reason: string | null;
  summary: Record<string, number>;
  actorName: string | null;
}

function SettingsForm() {
  const { t } = useI18n();
  const settings = useApi<PrivacySettingsOutput>('/api/privacy/settings');
  const form = useSchemaForm(privacySettingsInput);
  const [saved, setSaved] = useState(false);
  const labels = {
    closeAfterMonths: t('privacy.closeAfterMonths'),
    retentionWithStayYears: t('privacy.retentionWithStayYears'),
    retentionWithoutStayYears: t('privacy.retentionWithoutStayYears'),
    reason: t('privacy.settingsReason'),
  };
  if (settings.error) return <ErrorAlert error={settings.error} />;
  if (!settings.data) return <Loading />;
  const s = settings.data;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const num = (k: string) => (String(data.get(k) ?? '').trim() === '' ? undefined : Number(data.get(k)));
    setSaved(false);
    await form.submit(
      {
        closeAfterMonths: num('closeAfterMonths'),
        accessLogShowsNames: data.get('accessLogShowsNames') === 'on',
        retentionWithStayYears: num('retentionWithStayYears'),
        retentionWithoutStayYears: num('retentionWithoutStayYears'),
        reason: String(data.get('reason') ?? ''),
      },
      async (parsed) => {
        settings.setData(await api.put<PrivacySettingsOutput>('/api/privacy/settings', parsed));
        setSaved(true);
      },
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="stack" style={{ maxWidth: '40rem' }}>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      {saved && <Alert data-color="success">{t('privacy.settingsSaved')}</Alert>}
      <Textfield id={fieldId('closeAfterMonths')} name="closeAfterMonths" type="number" label={labels.closeAfterMonths} defaultValue={s.closeAfterMonths} error={form.fieldErrors.closeAfterMonths} />
      <Checkbox name="accessLogShowsNames" label={t('privacy.accessLogShowsNames')} defaultChecked={s.accessLogShowsNames} />
      <Textfield id={fieldId('retentionWithStayYears')} name="retentionWithStayYears" type="number" label={labels.retentionWithStayYears} defaultValue={s.retentionWithStayYears} error={form.fieldErrors.retentionWithStayYears} />
      <Textfield id={fieldId('retentionWithoutStayYears')} name="retentionWithoutStayYears" type="number" label={labels.retentionWithoutStayYears} defaultValue={s.retentionWithoutStayYears} error={form.fieldErrors.retentionWithoutStayYears} />
      <Textfield id={fieldId('reason')} name="reason" label={labels.reason} error={form.fieldErrors.reason} />
      <div className="row">
        <Button type="submit" disabled={form.submitting}>
          {t('app.save')}
        </Button>
      </div>
    </form>
  );
}

/** Retention for the service lead and the administrator: settings, the dry-run report and the runs. */
export function RetentionPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const runs = useApi<RunOutput[]>('/api/privacy/retention/runs');
  const [report, setReport] = useState<RetentionReportOutput | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('privacy.retentionTitle')}
      </Heading>
      <Paragraph>{t('privacy.retentionIntro', { days: NOTICE_DAYS })}</Paragraph>
      <div className="row">
        <Button
          onClick={async () => {
            try {
              setReport(await api.post<RetentionReportOutput>('/api/privacy/retention/dry-run'));
              setError(null);
              void runs.reload();
            } catch (err) {
              setError(err as ApiError);
            }
          }}
        >
          {t('privacy.dryRun')}
        </Button>
      </div>
      {error && <ErrorAlert error={error} />}
      {report && (
        <section className="stack" aria-live="polite">
          <Paragraph>{report.due.length === 0 ? t('privacy.dryRunNone') : t('privacy.dryRunCount', { count: report.due.length })}</Paragraph>
          {report.due.length > 0 && (
            <TableScroll label={t('privacy.dryRun')}>
              <Table>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('privacy.col.expired')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('privacy.col.anonymiseOn')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('privacy.col.stayed')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {report.due.map((d) => (
                    <Table.Row key={d.personId}>
                      <Table.Cell>{formatDate(d.expiredOn)}</Table.Cell>
                      <Table.Cell>{formatDate(d.anonymiseOn)}</Table.Cell>
                      <Table.Cell>{d.everStayed ? t('privacy.yes') : t('privacy.no')}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
        </section>
      )}

      <Heading level={2} data-size="md">
        {t('privacy.runsTitle')}
      </Heading>
      {runs.error && <ErrorAlert error={runs.error} />}
      {runs.data && (
        <TableScroll label={t('privacy.runsTitle')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('privacy.col.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('privacy.col.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('privacy.col.who')}</Table.HeaderCell>
                <Table.HeaderCell>{t('privacy.col.rows')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {runs.data.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>{formatDateTime(r.ranAt, locale)}</Table.Cell>
                  <Table.Cell>{t(`privacy.run.${r.kind}`)}</Table.Cell>
                  <Table.Cell>{r.actorName ?? '–'}</Table.Cell>
                  <Table.Cell>
                    {Object.entries(r.summary)
                      .filter(([, n]) => n > 0)
                      .map(([table, n]) => `${table}: ${n}`)
                      .join(', ') || '–'}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}

      {can('settings:write') && (
        <>
          <Heading level={2} data-size="md">
            {t('privacy.settingsTitle')}
          </Heading>
          <SettingsForm />
        </>
      )}
    </div>
  );
}
