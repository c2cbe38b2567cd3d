import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { expectedRoundsInput, type ExpectedRoundsOutput } from '../patrols.schema.ts';

/** The service lead's dated setting: how many rounds a night are expected, from which day, and why. */
export function ExpectedRoundsForm(props: { onSaved(): void }) {
  const { t } = useI18n();
  const setting = useApi<ExpectedRoundsOutput>('/api/patrols/expected-rounds');
  const form = useSchemaForm(expectedRoundsInput);
  const [saved, setSaved] = useState(false);
  const labels = { expectedRounds: t('patrol.expectedRounds'), validFrom: t('patrol.validFrom'), reason: t('patrol.reason') };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const rounds = text('expectedRounds').trim();
    const raw = { expectedRounds: rounds === '' ? undefined : Number(rounds), validFrom: parseDateInput(text('validFrom')), reason: text('reason') };
    setSaved(false);
    const ok = await form.submit(raw, async (value) => {
      setting.setData(await api.put<ExpectedRoundsOutput>('/api/patrols/expected-rounds', value));
    });
    if (ok) {
      setSaved(true);
      props.onSaved();
    }
  }

  const id = fieldId;
  return (
    <section className="sl-panel no-print" aria-labelledby="er-title">
      <Heading level={2} data-size="xs" id="er-title">
        {t('patrol.settings')}
      </Heading>
      {saved && (
        <Alert data-color="success" role="status">
          {t('patrol.settingSaved')}
        </Alert>
      )}
      {setting.data && (
        <form onSubmit={handleSubmit} className="stack" noValidate>
          <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
          <div className="sl-grid">
            <Textfield id={id('expectedRounds')} name="expectedRounds" label={t('patrol.expectedRounds')} defaultValue={String(setting.data.expectedRounds)} error={form.fieldErrors.expectedRounds} inputMode="numeric" autoComplete="off" />
            <Textfield id={id('validFrom')} name="validFrom" label={t('patrol.validFrom')} description={t('patrol.validFromHint')} error={form.fieldErrors.validFrom} inputMode="numeric" autoComplete="off" />
          </div>
          <Textfield id={id('reason')} name="reason" label={t('patrol.reason')} error={form.fieldErrors.reason} autoComplete="off" />
          <div>
            <Button type="submit" variant="secondary" disabled={form.submitting}>
              {t('patrol.saveSetting')}
            </Button>
          </div>
          {setting.data.history.map((h) => (
            <Paragraph key={h.validFrom} className="sl-muted">
              {t('patrol.settingHistory', { rounds: h.expectedRounds, date: formatDate(h.validFrom), reason: h.reason ?? '' })}
            </Paragraph>
          ))}
        </form>
      )}
    </section>
  );
}
