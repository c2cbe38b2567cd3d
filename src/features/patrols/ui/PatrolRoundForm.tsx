import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { parseDateInput } from '../../../platform/ui/format.ts';
import { osloNowInputs, parseTimeInput } from '../../journal/ui/journal-format.ts';
import { patrolRoundInput, type PatrolRoundOutput } from '../patrols.schema.ts';

/** Registers a night round for the security company's guard. */
export function PatrolRoundForm(props: { onSaved(round: PatrolRoundOutput): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(patrolRoundInput);
  const [needsIncident, setNeedsIncident] = useState(false);
  const start = osloNowInputs();
  const labels: Record<string, string> = {
    patrolledOn: t('patrol.patrolledOn'),
    patrolledTime: t('patrol.patrolledTime'),
    guardName: t('patrol.guardName'),
    findings: t('patrol.findings'),
    incidentNote: t('patrol.incidentNote'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw = {
      patrolledOn: parseDateInput(text('patrolledOn')),
      patrolledTime: parseTimeInput(text('patrolledTime')),
      guardName: text('guardName'),
      findings: text('findings'),
      needsIncident,
      incidentNote: needsIncident ? text('incidentNote') : undefined,
    };
    await form.submit(raw, async (value) => props.onSaved(await api.post<PatrolRoundOutput>('/api/patrols', value)));
  }

  const err = (field: string) => form.fieldErrors[field];
  return (
    <form onSubmit={handleSubmit} className="stack" noValidate>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <div className="sl-grid">
        <Textfield id={fieldId('patrolledOn')} name="patrolledOn" label={t('patrol.patrolledOn')} description={t('patrol.dateHint')} defaultValue={start.date} error={err('patrolledOn')} inputMode="numeric" autoComplete="off" />
        <Textfield id={fieldId('patrolledTime')} name="patrolledTime" label={t('patrol.patrolledTime')} description={t('patrol.timeHint')} defaultValue={start.time} error={err('patrolledTime')} inputMode="numeric" autoComplete="off" />
      </div>
      <p className="sl-muted">{t('patrol.nightHint')}</p>
      <Textfield id={fieldId('guardName')} name="guardName" label={t('patrol.guardName')} description={t('patrol.guardNameHint')} error={err('guardName')} autoComplete="off" />
      <Textfield id={fieldId('findings')} name="findings" label={t('patrol.findings')} description={t('patrol.findingsHint')} error={err('findings')} multiline rows={3} />
      <Checkbox label={t('patrol.needsIncident')} checked={needsIncident} onChange={(e) => setNeedsIncident(e.target.checked)} />
      {needsIncident && <Textfield id={fieldId('incidentNote')} name="incidentNote" label={t('patrol.incidentNote')} error={err('incidentNote')} autoComplete="off" />}
      <div className="sl-actions">
        <Button type="submit" disabled={form.submitting}>
          {t('patrol.save')}
        </Button>
      </div>
    </form>
  );
}
