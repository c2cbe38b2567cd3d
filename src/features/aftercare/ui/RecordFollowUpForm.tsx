import { useState, type FormEvent } from 'react';
import { Button, Fieldset, Heading, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { recordFollowUpInput, type FollowUpOutput } from '../aftercare.schema.ts';
import { monthsAfter } from './FollowUpStateTag.tsx';

const todayInOslo = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

/** "Still housed?": the day of the follow-up, yes or no, and a short note. Used on /ettervern and on the person page. */
export function RecordFollowUpForm(props: { followUp: FollowUpOutput; onSaved(followUp: FollowUpOutput): void; onCancel(): void }) {
  const { t } = useI18n();
  const f = props.followUp;
  const form = useSchemaForm(recordFollowUpInput);
  const prefix = `follow-up-${f.id}`;
  const [doneOn, setDoneOn] = useState(formatDate(f.doneOn ?? todayInOslo()));
  const [housed, setHoused] = useState<'yes' | 'no' | ''>(f.stillHoused === null ? '' : f.stillHoused ? 'yes' : 'no');
  const [notes, setNotes] = useState(f.notes ?? '');
  const labels: Record<string, string> = {
    doneOn: t('aftercare.followUps.doneOn'),
    stillHoused: t('aftercare.followUps.stillHoused'),
    notes: t('aftercare.followUps.notes'),
  };
  const err = (field: string) => form.fieldErrors[field];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = { doneOn: parseDateInput(doneOn), stillHoused: housed === '' ? undefined : housed === 'yes', notes };
    await form.submit(value, async (parsed) => {
      props.onSaved(await api.put<FollowUpOutput>(`/api/aftercare/follow-ups/${f.id}`, parsed));
    });
  }

  return (
    <form className="aftercare-form" onSubmit={handleSubmit} noValidate aria-labelledby={`${prefix}-title`}>
      <Heading level={3} data-size="xs" id={`${prefix}-title`}>
        {t('aftercare.followUps.recordFor', { name: f.personName })}: {monthsAfter(t, f.monthsAfter)}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <Textfield
        id={fieldId('doneOn')}
        label={labels.doneOn}
        description={t('aftercare.dateHint')}
        value={doneOn}
        onChange={(e) => setDoneOn(e.target.value)}
        error={err('doneOn')}
        inputMode="numeric"
        autoComplete="off"
      />
      <Fieldset id={fieldId('stillHoused')}>
        <Fieldset.Legend>{labels.stillHoused}</Fieldset.Legend>
        <Radio name={`${prefix}-housed`} value="yes" label={t('aftercare.followUps.stillHousedYes')} checked={housed === 'yes'} onChange={() => setHoused('yes')} />
        <Radio name={`${prefix}-housed`} value="no" label={t('aftercare.followUps.stillHousedNo')} checked={housed === 'no'} onChange={() => setHoused('no')} />
        {err('stillHoused') && <ValidationMessage>{err('stillHoused')}</ValidationMessage>}
      </Fieldset>
      <Textfield
        id={fieldId('notes')}
        label={labels.notes}
        description={t('aftercare.followUps.notesHint')}
        multiline
        rows={3}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={err('notes')}
      />
      <div className="row">
        <Button type="submit" disabled={form.submitting}>
          {t('app.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={props.onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
