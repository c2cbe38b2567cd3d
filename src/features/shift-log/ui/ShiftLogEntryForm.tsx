import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Fieldset, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatDateTime, parseDateInput } from '../../../platform/ui/format.ts';
import { parseTimeInput } from '../../journal/ui/journal-format.ts';
import { shiftLogEntryInput, shiftType, type ShiftLogEntryOutput, type ShiftLogResidentOutput, type ShiftTypeValue } from '../shift-log.schema.ts';
import { osloClock } from './shift-format.ts';
import type { IncidentSummaryOutput } from '../../incidents/incidents.schema.ts';

/**
 * Writes a shift-log entry, or a correction of one (prefilled with the original and saved as a new
 * entry that references it). The API's own schema checks it before it is sent.
 */
export function ShiftLogEntryForm(props: {
  current: { shiftDate: string; shift: ShiftTypeValue };
  nowTime: string;
  residents: ShiftLogResidentOutput[];
  /** Recent incidents to link to; null when the user may not read incidents. */
  incidents: IncidentSummaryOutput[] | null;
  correcting?: ShiftLogEntryOutput;
  onSaved(entry: ShiftLogEntryOutput): void;
  onCancel?(): void;
}) {
  const { t, locale } = useI18n();
  const form = useSchemaForm(shiftLogEntryInput);
  const original = props.correcting;
  const [shift, setShift] = useState<ShiftTypeValue>(original?.shift ?? props.current.shift);
  const [people, setPeople] = useState<string[]>(original?.people.map((p) => p.id) ?? []);
  // Field ids are the ones the error summary links to; the page keeps one shift-log form open at a time.
  const id = fieldId;
  // A correction may name a resident who has moved out since; keep them choosable.
  const choices = [
    ...props.residents.map((r) => ({ id: r.id, label: `${r.name}, ${t('shiftLog.roomLabel', { room: r.roomName })}` })),
    ...(original?.people ?? []).filter((p) => !props.residents.some((r) => r.id === p.id)).map((p) => ({ id: p.id, label: p.name })),
  ];

  const labels: Record<string, string> = {
    shiftDate: t('shiftLog.shiftDate'),
    shift: t('shiftLog.shift'),
    occurredTime: t('shiftLog.time'),
    body: t('shiftLog.body'),
    personIds: t('shiftLog.people'),
    incidentId: t('shiftLog.incident'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw = { shiftDate: parseDateInput(text('shiftDate')), shift, occurredTime: parseTimeInput(text('occurredTime')), body: text('body'), personIds: people, incidentId: text('incidentId') };
    await form.submit(raw, async (value) => {
      const path = original ? `/api/shift-log/${original.id}/corrections` : '/api/shift-log';
      props.onSaved(await api.post<ShiftLogEntryOutput>(path, value));
    });
  }

  const err = (field: string) => form.fieldErrors[field];

  return (
    <form onSubmit={handleSubmit} className="stack" noValidate>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      {original && <Paragraph className="sl-muted">{t('shiftLog.correctingHint')}</Paragraph>}
      <div className="sl-grid">
        <Textfield
          id={id('shiftDate')}
          name="shiftDate"
          label={t('shiftLog.shiftDate')}
          description={t('shiftLog.shiftDateHint')}
          defaultValue={formatDate(original?.shiftDate ?? props.current.shiftDate)}
          error={err('shiftDate')}
          inputMode="numeric"
          autoComplete="off"
        />
        <Textfield
          id={id('occurredTime')}
          name="occurredTime"
          label={t('shiftLog.time')}
          description={t('shiftLog.timeHint')}
          defaultValue={original ? osloClock(original.occurredAt) : props.nowTime}
          error={err('occurredTime')}
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
      <Fieldset id={id('shift')}>
        <Fieldset.Legend>{t('shiftLog.shift')}</Fieldset.Legend>
        <Fieldset.Description>{t('shiftLog.shiftHint')}</Fieldset.Description>
        {shiftType.options.map((option) => (
          <Radio
            key={option}
            name="shift"
            value={option}
            label={`${t(`shiftLog.shift.${option}`)} (${t(`shiftLog.shiftHours.${option}`)})`}
            checked={shift === option}
            onChange={() => setShift(option)}
          />
        ))}
      </Fieldset>
      <Textfield id={id('body')} name="body" label={t('shiftLog.body')} defaultValue={original?.body ?? ''} error={err('body')} multiline rows={4} />
      <Fieldset id={id('personIds')}>
        <Fieldset.Legend>{t('shiftLog.people')}</Fieldset.Legend>
        <Fieldset.Description>{t('shiftLog.peopleHint')}</Fieldset.Description>
        {choices.length === 0 && <Paragraph className="sl-muted">{t('shiftLog.noResidents')}</Paragraph>}
        {choices.map((c) => (
          <Checkbox
            key={c.id}
            value={c.id}
            label={c.label}
            checked={people.includes(c.id)}
            onChange={(e) => setPeople(e.target.checked ? [...people, c.id] : people.filter((p) => p !== c.id))}
          />
        ))}
      </Fieldset>
      {props.incidents && (
        <Field>
          <Label htmlFor={id('incidentId')}>{t('shiftLog.incident')}</Label>
          <Select id={id('incidentId')} name="incidentId" defaultValue={original?.incidentId ?? ''} aria-invalid={err('incidentId') ? true : undefined}>
            <Select.Option value="">{t('shiftLog.noIncident')}</Select.Option>
            {props.incidents.map((i) => (
              <Select.Option key={i.id} value={i.id}>
                {t('shiftLog.incidentOption', { date: formatDateTime(i.occurredAt, locale), type: t(`incidents.type.${i.type}`), status: t(`incidents.status.${i.status}`) })}
              </Select.Option>
            ))}
          </Select>
          {err('incidentId') && <ValidationMessage>{err('incidentId')}</ValidationMessage>}
        </Field>
      )}
      <Paragraph className="sl-muted">{t('shiftLog.permanentHint')}</Paragraph>
      <div className="sl-actions">
        <Button type="submit" disabled={form.submitting}>
          {original ? t('shiftLog.saveCorrection') : t('shiftLog.save')}
        </Button>
        {props.onCancel && (
          <Button type="button" variant="tertiary" onClick={props.onCancel}>
            {t('app.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
