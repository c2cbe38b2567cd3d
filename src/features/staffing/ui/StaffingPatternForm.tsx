import { useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { staffingPatternInput, type StaffingPatternOutput } from '../staffing.schema.ts';

const shifts = ['day', 'evening', 'night'] as const;
const kinds = ['weekday', 'weekend'] as const;

/** The service lead's dated setting: people needed per shift on weekdays and at weekends. */
export function StaffingPatternForm(props: { pattern: StaffingPatternOutput; onSaved(pattern: StaffingPatternOutput): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(staffingPatternInput);
  const [saved, setSaved] = useState(false);
  const id = fieldId;
  const labels: Record<string, string> = { validFrom: t('staffing.validFrom'), reason: t('staffing.reason') };
  for (const kind of kinds) for (const shift of shifts) labels[`${kind}.${shift}`] = `${t(`staffing.${kind}`)}: ${t(`shiftLog.shift.${shift}`)}`;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const num = (name: string) => (text(name) === '' ? undefined : Number(text(name)));
    const needs = (kind: string) => Object.fromEntries(shifts.map((s) => [s, num(`${kind}.${s}`)]));
    const raw = { weekday: needs('weekday'), weekend: needs('weekend'), validFrom: parseDateInput(text('validFrom')), reason: text('reason') };
    setSaved(false);
    const ok = await form.submit(raw, async (value) => props.onSaved(await api.put<StaffingPatternOutput>('/api/staffing/pattern', value)));
    if (ok) setSaved(true);
  }

  return (
    <section className="sl-panel" aria-labelledby="sp-title">
      <Heading level={2} data-size="sm" id="sp-title">
        {t('staffing.pattern')}
      </Heading>
      {saved && (
        <Alert data-color="success" role="status">
          {t('staffing.patternSaved')}
        </Alert>
      )}
      <form onSubmit={handleSubmit} className="stack" noValidate>
        <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
        {kinds.map((kind) => (
          <Fieldset key={kind}>
            <Fieldset.Legend>{t(`staffing.${kind}`)}</Fieldset.Legend>
            <div className="sl-grid">
              {shifts.map((shift) => (
                <Textfield
                  key={shift}
                  id={id(`${kind}.${shift}`)}
                  name={`${kind}.${shift}`}
                  label={t('staffing.need', { shift: t(`shiftLog.shift.${shift}`) })}
                  defaultValue={String(props.pattern[kind][shift])}
                  error={form.fieldErrors[`${kind}.${shift}`]}
                  inputMode="numeric"
                  autoComplete="off"
                />
              ))}
            </div>
          </Fieldset>
        ))}
        <div className="sl-grid">
          <Textfield id={id('validFrom')} name="validFrom" label={t('staffing.validFrom')} description={t('staffing.validFromHint')} error={form.fieldErrors.validFrom} inputMode="numeric" autoComplete="off" />
          <Textfield id={id('reason')} name="reason" label={t('staffing.reason')} error={form.fieldErrors.reason} autoComplete="off" />
        </div>
        <div>
          <Button type="submit" variant="secondary" disabled={form.submitting}>
            {t('staffing.savePattern')}
          </Button>
        </div>
        {props.pattern.history.map((h) => (
          <Paragraph key={h.validFrom} className="sl-muted">
            {t('staffing.patternHistory', { date: formatDate(h.validFrom), reason: h.reason ?? '' })}
          </Paragraph>
        ))}
      </form>
    </section>
  );
}
