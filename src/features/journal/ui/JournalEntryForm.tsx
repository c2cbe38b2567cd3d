import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Fieldset, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { parseDateInput } from '../../../platform/ui/format.ts';
import { contactedService, journalEntryInput, journalEntryType, type JournalEntryOutput, type JournalEntryType } from '../journal.schema.ts';
import { osloInputsOf, osloNowInputs, parseTimeInput } from './journal-format.ts';

/**
 * Writes a journal entry, or a correction of one (then prefilled with the original, and saved as a
 * new entry that references it). The API's own schema checks it before it is sent.
 */
export function JournalEntryForm(props: {
  personId: string;
  correcting?: JournalEntryOutput;
  onSaved(entry: JournalEntryOutput): void;
  onCancel?(): void;
}) {
  const { t } = useI18n();
  const form = useSchemaForm(journalEntryInput);
  const original = props.correcting;
  const [type, setType] = useState<JournalEntryType>(original?.type ?? 'conversation');
  const start = original?.occurredAt ? osloInputsOf(original.occurredAt) : osloNowInputs();
  // Field ids are the ones the error summary links to; the section keeps one journal form open at a time.
  const id = fieldId;

  const labels: Record<string, string> = {
    occurredOn: t('journal.occurredOn'),
    occurredTime: t('journal.occurredTime'),
    type: t('journal.type'),
    service: t('journal.service'),
    present: t('journal.present'),
    body: t('journal.body'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw = {
      occurredOn: parseDateInput(text('occurredOn')),
      occurredTime: parseTimeInput(text('occurredTime')),
      type,
      service: type === 'service_contact' ? text('service') : undefined,
      present: text('present'),
      body: text('body'),
      isSensitive: data.get('isSensitive') === 'on',
    };
    await form.submit(raw, async (value) => {
      const path = original ? `/api/journal-entries/${original.id}/corrections` : `/api/people/${props.personId}/journal`;
      props.onSaved(await api.post<JournalEntryOutput>(path, value));
    });
  }

  const err = (field: string) => form.fieldErrors[field];

  return (
    <form onSubmit={handleSubmit} className="stack" noValidate>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      {original && <Paragraph className="jr-muted">{t('journal.correctingHint')}</Paragraph>}
      <div className="jr-grid">
        <Textfield
          id={id('occurredOn')}
          name="occurredOn"
          label={t('journal.occurredOn')}
          description={t('journal.dateHint')}
          defaultValue={start.date}
          error={err('occurredOn')}
          inputMode="numeric"
          autoComplete="off"
        />
        <Textfield
          id={id('occurredTime')}
          name="occurredTime"
          label={t('journal.occurredTime')}
          description={t('journal.timeHint')}
          defaultValue={start.time}
          error={err('occurredTime')}
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
      <Fieldset id={id('type')}>
        <Fieldset.Legend>{t('journal.type')}</Fieldset.Legend>
        {journalEntryType.options.map((option) => (
          <Radio
            key={option}
            name="type"
            value={option}
            label={t(`journal.type.${option}`)}
            checked={type === option}
            onChange={() => setType(option)}
          />
        ))}
      </Fieldset>
      {type === 'service_contact' && (
        <Field>
          <Label htmlFor={id('service')}>{t('journal.service')}</Label>
          <Select id={id('service')} name="service" defaultValue={original?.service ?? ''} aria-invalid={err('service') ? true : undefined}>
            <Select.Option value="">{t('journal.chooseService')}</Select.Option>
            {contactedService.options.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`journal.service.${s}`)}
              </Select.Option>
            ))}
          </Select>
          {err('service') && <ValidationMessage>{err('service')}</ValidationMessage>}
        </Field>
      )}
      <Textfield
        id={id('present')}
        name="present"
        label={t('journal.present')}
        description={t('journal.presentHint')}
        defaultValue={original?.present ?? ''}
        error={err('present')}
        autoComplete="off"
      />
      <Textfield id={id('body')} name="body" label={t('journal.body')} defaultValue={original?.body ?? ''} error={err('body')} multiline rows={5} />
      <Checkbox
        name="isSensitive"
        label={t('journal.sensitive')}
        description={t('journal.sensitiveHint')}
        defaultChecked={original?.isSensitive ?? false}
        disabled={original?.isSensitive}
      />
      <Paragraph className="jr-muted">{t('journal.permanentHint')}</Paragraph>
      <div className="jr-actions">
        <Button type="submit" disabled={form.submitting}>
          {original ? t('journal.saveCorrection') : t('journal.save')}
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
