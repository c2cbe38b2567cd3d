import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../ui/i18n-context.tsx';
import { useApi } from '../../ui/use-api.ts';
import { api } from '../../ui/api.ts';
import { useSchemaForm } from '../../ui/forms.ts';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../ui/Feedback.tsx';
import { formatDate, formatDateTime, parseDateInput } from '../../ui/format.ts';
import { clockSettingsInput, type ClockSettingsOutput } from '../notifications.schema.ts';

/** "8, 10, 12" → [8, 10, 12]; anything that is not a number stays as it is, so the schema can say what is wrong. */
const parseWeeks = (text: string) =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((w) => (/^\d+$/.test(w) ? Number(w) : w));

/** The service lead's setting of the warning weeks: a dated change with a reason, and the history. */
export function ClockSettingsSection() {
  const { t, locale } = useI18n();
  const current = useApi<ClockSettingsOutput>('/api/settings/clock');
  const form = useSchemaForm(clockSettingsInput);
  const [saved, setSaved] = useState<string | null>(null);
  const labels = { warningWeeks: t('settings.clock.weeks'), validFrom: t('settings.clock.validFrom'), reason: t('settings.clock.reason') };
  // A wrong week is reported per list item (warningWeeks.1); the form has one field for the list.
  const fields: Record<string, string> = {};
  for (const [key, message] of Object.entries(form.fieldErrors)) fields[key.split('.')[0]!] ??= message;
  const err = (field: string) => fields[field];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const value = {
      warningWeeks: parseWeeks(String(data.get('warningWeeks') ?? '')),
      validFrom: parseDateInput(String(data.get('validFrom') ?? '')),
      reason: String(data.get('reason') ?? ''),
    };
    setSaved(null);
    const ok = await form.submit(value, async (parsed) => {
      current.setData(await api.put<ClockSettingsOutput>('/api/settings/clock', parsed));
      setSaved(parsed.validFrom ?? new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }));
    });
    if (ok) element.reset();
  }

  return (
    <section className="stack clock-settings" aria-labelledby="clock-settings-title">
      <Heading level={2} data-size="sm" id="clock-settings-title">
        {t('settings.clock.title')}
      </Heading>
      <Paragraph>{t('settings.clock.intro')}</Paragraph>
      {current.error && <ErrorAlert error={current.error} />}
      {!current.data && !current.error && <Loading />}
      {current.data && (
        <Paragraph>
          <strong>{t('settings.clock.current', { weeks: current.data.warningWeeks.join(', ') })}</strong> {current.data.isDefault && t('settings.clock.default')}
        </Paragraph>
      )}
      {saved && (
        <Alert data-color="success" role="status">
          {t('settings.clock.saved', { date: formatDate(saved) })}
        </Alert>
      )}
      <form onSubmit={handleSubmit} className="stack" noValidate>
        <FormErrors fields={fields} labels={labels} message={form.formError?.message} />
        <div className="grid-2">
          <Textfield
            id={fieldId('warningWeeks')}
            name="warningWeeks"
            label={labels.warningWeeks}
            description={t('settings.clock.weeksHint')}
            defaultValue={current.data?.warningWeeks.join(', ')}
            key={current.data?.warningWeeks.join(',')}
            error={err('warningWeeks')}
            autoComplete="off"
          />
          <Textfield
            id={fieldId('validFrom')}
            name="validFrom"
            label={labels.validFrom}
            description={t('settings.clock.validFromHint')}
            error={err('validFrom')}
            inputMode="numeric"
            autoComplete="off"
          />
        </div>
        <Textfield id={fieldId('reason')} name="reason" multiline rows={2} label={labels.reason} error={err('reason')} />
        <div>
          <Button type="submit" disabled={form.submitting}>
            {t('settings.clock.save')}
          </Button>
        </div>
      </form>
      {current.data && current.data.history.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('settings.clock.history')}
          </Heading>
          <ul>
            {current.data.history.map((h) => (
              <li key={`${h.validFrom}-${h.changedAt}`}>
                {t('settings.clock.historyLine', { date: formatDate(h.validFrom), weeks: h.warningWeeks.join(', ') })}
                {h.reason ? ` – ${h.reason}` : ''} ({t('settings.clock.historyBy', { name: h.changedByName ?? '–', date: formatDateTime(h.changedAt, locale) })})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
