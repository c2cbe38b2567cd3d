import { useState, type FormEvent } from 'react';
import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { hazardInput, hazardMeasureInput, thresholdInput, type HazardOutput } from '../risk.schema.ts';

/** Adds a hazard, or changes one (its scores before and after measures, review date). */
export function HazardForm({ hazard, idPrefix, onSaved }: { hazard?: HazardOutput; idPrefix: string; onSaved(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(hazardInput);
  const [v, setV] = useState({
    title: hazard?.title ?? '',
    description: hazard?.description ?? '',
    probability: hazard ? String(hazard.probability) : '',
    consequence: hazard ? String(hazard.consequence) : '',
    residualProbability: hazard?.residualProbability ? String(hazard.residualProbability) : '',
    residualConsequence: hazard?.residualConsequence ? String(hazard.residualConsequence) : '',
    reviewOn: hazard?.reviewOn ? formatDate(hazard.reviewOn) : '',
  });
  const labels: Record<string, string> = {
    title: t('risk.form.title'),
    description: t('risk.form.description'),
    probability: t('risk.form.probability'),
    consequence: t('risk.form.consequence'),
    residualProbability: t('risk.form.residualProbability'),
    residualConsequence: t('risk.form.residualConsequence'),
    reviewOn: t('risk.form.reviewOn'),
  };
  const id = (field: string) => `${idPrefix}-${field}`;
  const field = (name: keyof typeof v, extra: Record<string, unknown> = {}) => (
    <Textfield id={id(name)} label={labels[name]} value={v[name]} onChange={(e) => setV({ ...v, [name]: e.target.value })} error={form.fieldErrors[name]} {...extra} />
  );
  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await form.submit({ ...v, reviewOn: v.reviewOn ? parseDateInput(v.reviewOn) : '' }, async (parsed) => {
      if (hazard) await api.put(`/api/risk/hazards/${hazard.id}`, parsed);
      else await api.post('/api/risk/hazards', parsed);
    });
    if (ok) onSaved();
  }
  const number = { inputMode: 'numeric', autoComplete: 'off' };
  return (
    <form className="risk-form" onSubmit={handleSubmit} noValidate aria-label={hazard ? t('risk.hazard.edit') : t('risk.form.newHazard')}>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      {field('title')}
      {field('description', { multiline: true, rows: 2 })}
      <div className="risk-pair">
        {field('probability', number)}
        {field('consequence', number)}
      </div>
      <div className="risk-pair">
        {field('residualProbability', number)}
        {field('residualConsequence', number)}
      </div>
      {field('reviewOn', { description: t('risk.dateHint'), ...number })}
      <div>
        <Button type="submit" disabled={form.submitting}>
          {t('risk.form.save')}
        </Button>
      </div>
    </form>
  );
}

/** Adds a measure with its owner and due date to a hazard. */
export function MeasureForm({ hazardId, onSaved }: { hazardId: string; onSaved(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(hazardMeasureInput);
  const [v, setV] = useState({ description: '', owner: '', dueOn: '' });
  const labels: Record<string, string> = { description: t('risk.form.measure'), owner: t('risk.form.owner'), dueOn: t('risk.form.dueOn') };
  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await form.submit({ ...v, dueOn: parseDateInput(v.dueOn) }, async (parsed) => {
      await api.post(`/api/risk/hazards/${hazardId}/measures`, parsed);
    });
    if (ok) {
      setV({ description: '', owner: '', dueOn: '' });
      onSaved();
    }
  }
  return (
    <form className="risk-form" onSubmit={handleSubmit} noValidate aria-label={t('risk.hazard.addMeasure')}>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <Textfield id={`measure-${hazardId}-description`} label={labels.description} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} error={form.fieldErrors.description} />
      <div className="risk-pair">
        <Textfield id={`measure-${hazardId}-owner`} label={labels.owner} value={v.owner} onChange={(e) => setV({ ...v, owner: e.target.value })} error={form.fieldErrors.owner} />
        <Textfield id={`measure-${hazardId}-dueOn`} label={labels.dueOn} description={t('risk.dateHint')} value={v.dueOn} onChange={(e) => setV({ ...v, dueOn: e.target.value })} error={form.fieldErrors.dueOn} inputMode="numeric" autoComplete="off" />
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={form.submitting}>
          {t('risk.hazard.addMeasure')}
        </Button>
      </div>
    </form>
  );
}

/** Sets a new action threshold from a day on, with the reason. */
export function ThresholdForm({ onSaved }: { onSaved(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(thresholdInput);
  const [v, setV] = useState({ threshold: '', validFrom: '', reason: '' });
  const labels: Record<string, string> = { threshold: t('risk.threshold.value'), validFrom: t('risk.threshold.validFrom'), reason: t('risk.threshold.reason') };
  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await form.submit({ ...v, validFrom: v.validFrom ? parseDateInput(v.validFrom) : '' }, async (parsed) => {
      await api.put('/api/risk/threshold', parsed);
    });
    if (ok) {
      setV({ threshold: '', validFrom: '', reason: '' });
      onSaved();
    }
  }
  return (
    <form className="risk-form" onSubmit={handleSubmit} noValidate aria-labelledby="risk-threshold-form">
      <Heading level={3} data-size="xs" id="risk-threshold-form">
        {t('risk.threshold.change')}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <div className="risk-pair">
        <Textfield id="field-threshold" label={labels.threshold} value={v.threshold} onChange={(e) => setV({ ...v, threshold: e.target.value })} error={form.fieldErrors.threshold} inputMode="numeric" autoComplete="off" />
        <Textfield id="field-validFrom" label={labels.validFrom} description={t('risk.dateHint')} value={v.validFrom} onChange={(e) => setV({ ...v, validFrom: e.target.value })} error={form.fieldErrors.validFrom} inputMode="numeric" autoComplete="off" />
      </div>
      <Textfield id="field-reason" label={labels.reason} multiline rows={2} value={v.reason} onChange={(e) => setV({ ...v, reason: e.target.value })} error={form.fieldErrors.reason} />
      <div>
        <Button type="submit" variant="secondary" disabled={form.submitting}>
          {t('risk.threshold.save')}
        </Button>
      </div>
    </form>
  );
}
