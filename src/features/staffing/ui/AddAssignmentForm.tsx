import { useState, type FormEvent } from 'react';
import { Button, Field, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { assignmentInput, type RotaMemberOutput } from '../staffing.schema.ts';

/** Puts a person on a shift by hand. */
export function AddAssignmentForm(props: { members: RotaMemberOutput[]; defaultDay: string; onSaved(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(assignmentInput);
  const [shift, setShift] = useState('day');
  const labels = { day: t('staffing.from'), shift: t('shiftLog.shift'), userId: t('staffing.addPerson') };
  const id = fieldId;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw = { day: parseDateInput(String(data.get('day') ?? '')), shift, userId: String(data.get('userId') ?? '') };
    await form.submit(raw, async (value) => {
      await api.post('/api/staffing/assignments', value);
      props.onSaved();
    });
  }

  return (
    <section className="sl-panel no-print" aria-labelledby="aa-title">
      <Heading level={2} data-size="xs" id="aa-title">
        {t('staffing.add')}
      </Heading>
      <form onSubmit={handleSubmit} className="stack" noValidate>
        <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
        <div className="sl-grid">
          <Textfield id={id('day')} name="day" label={t('patrol.patrolledOn')} description={t('staffing.dateHint')} defaultValue={formatDate(props.defaultDay)} error={form.fieldErrors.day} inputMode="numeric" autoComplete="off" />
          <Field>
            <Label htmlFor={id('shift')}>{t('shiftLog.shift')}</Label>
            <Select id={id('shift')} value={shift} onChange={(e) => setShift(e.target.value)}>
              {(['day', 'evening', 'night'] as const).map((s) => (
                <Select.Option key={s} value={s}>
                  {t(`shiftLog.shift.${s}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor={id('userId')}>{t('staffing.addPerson')}</Label>
            <Select id={id('userId')} name="userId" defaultValue="" aria-invalid={form.fieldErrors.userId ? true : undefined}>
              <Select.Option value="">{t('staffing.choosePerson')}</Select.Option>
              {props.members.map((m) => (
                <Select.Option key={m.userId} value={m.userId}>
                  {m.name}
                </Select.Option>
              ))}
            </Select>
            {form.fieldErrors.userId && <ValidationMessage>{form.fieldErrors.userId}</ValidationMessage>}
          </Field>
        </div>
        <div>
          <Button type="submit" variant="secondary" disabled={form.submitting}>
            {t('staffing.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
