import type { FormEvent } from 'react';
import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { changeRoomStateInput, type ChangeRoomStateInput, type RoomOutput } from '../rooms.schema.ts';

const todayInOslo = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

/** Takes a room out of service (or corrects the period): reason, from-date and an optional to-date. */
export function OutOfServiceForm(props: { room: RoomOutput; onSubmit(value: ChangeRoomStateInput): Promise<void>; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(changeRoomStateInput);
  const r = props.room;
  const current = r.state === 'out_of_service';
  const labels = { reason: t('rooms.reason'), fromDate: t('rooms.fromDate'), toDate: t('rooms.toDate'), state: t('rooms.state') };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    await form.submit(
      { state: 'out_of_service', reason: text('reason'), fromDate: parseDateInput(text('fromDate')), toDate: parseDateInput(text('toDate')) },
      props.onSubmit,
    );
  }

  const err = (field: string) => form.fieldErrors[field];
  return (
    <form onSubmit={handleSubmit} className="stack room-subform" noValidate aria-labelledby={`oos-title-${r.id}`}>
      <Heading level={4} data-size="2xs" id={`oos-title-${r.id}`}>
        {current ? t('rooms.changeOutOfService') : t('rooms.outOfServiceTitle', { name: r.name })}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <Textfield
        id={fieldId('reason')}
        name="reason"
        multiline
        rows={2}
        label={t('rooms.reason')}
        description={t('rooms.reasonHint')}
        defaultValue={r.outOfServiceReason ?? ''}
        error={err('reason')}
        autoFocus
      />
      <Textfield
        id={fieldId('fromDate')}
        name="fromDate"
        label={t('rooms.fromDate')}
        description={t('rooms.dateHint')}
        defaultValue={formatDate(r.outOfServiceFrom ?? todayInOslo())}
        error={err('fromDate')}
        inputMode="numeric"
        autoComplete="off"
      />
      <Textfield
        id={fieldId('toDate')}
        name="toDate"
        label={t('rooms.toDate')}
        description={t('rooms.dateHint')}
        defaultValue={r.outOfServiceTo ? formatDate(r.outOfServiceTo) : ''}
        error={err('toDate')}
        inputMode="numeric"
        autoComplete="off"
      />
      <div className="room-actions">
        <Button type="submit" disabled={form.submitting}>
          {t('app.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
