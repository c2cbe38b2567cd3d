import { useState, type FormEvent } from 'react';
import { Button, Field, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { addMonths } from '../aftercare.rules.ts';
import {
  aftercareAgreementInput,
  updateAftercareAgreementInput,
  type AftercareAgreementOutput,
  type ContactPersonOutput,
} from '../aftercare.schema.ts';

/**
 * The aftercare agreement: period (six months from the move-out by default), how often to be in
 * touch, and the contact person among the staff. Makes a new one, or changes the one given.
 */
export function AftercareAgreementForm(props: {
  personId: string;
  agreement?: AftercareAgreementOutput;
  defaultStartsOn: string;
  onSaved(agreement: AftercareAgreementOutput): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const existing = props.agreement;
  const form = useSchemaForm(existing ? updateAftercareAgreementInput : aftercareAgreementInput);
  const contacts = useApi<ContactPersonOutput[]>('/api/aftercare/contact-persons');
  const [startsOn, setStartsOn] = useState(formatDate(existing?.startsOn ?? props.defaultStartsOn));
  const [endsOn, setEndsOn] = useState(formatDate(existing?.endsOn ?? addMonths(props.defaultStartsOn, 6)));
  const [frequency, setFrequency] = useState(existing?.contactFrequency ?? '');
  const [contactPersonId, setContactPersonId] = useState(existing?.contactPersonId ?? user?.id ?? '');
  const labels: Record<string, string> = {
    startsOn: t('aftercare.agreements.startsOn'),
    endsOn: t('aftercare.agreements.endsOn'),
    contactFrequency: t('aftercare.agreements.contactFrequencyLabel'),
    contactPersonId: t('aftercare.agreements.contactPerson'),
  };
  const err = (field: string) => form.fieldErrors[field];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = {
      ...(existing ? {} : { personId: props.personId }),
      startsOn: parseDateInput(startsOn),
      endsOn: parseDateInput(endsOn),
      contactFrequency: frequency,
      contactPersonId,
    };
    await form.submit(value, async (parsed) => {
      props.onSaved(
        existing
          ? await api.put<AftercareAgreementOutput>(`/api/aftercare/agreements/${existing.id}`, parsed)
          : await api.post<AftercareAgreementOutput>('/api/aftercare/agreements', parsed),
      );
    });
  }

  return (
    <form className="aftercare-form" onSubmit={handleSubmit} noValidate aria-labelledby="aftercare-agreement-title">
      <Heading level={3} data-size="xs" id="aftercare-agreement-title">
        {existing ? t('aftercare.agreements.editTitle') : t('aftercare.agreements.createTitle')}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <div className="grid-2">
        <Textfield
          id={fieldId('startsOn')}
          label={labels.startsOn}
          description={t('aftercare.dateHint')}
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          error={err('startsOn')}
          inputMode="numeric"
          autoComplete="off"
        />
        <Textfield
          id={fieldId('endsOn')}
          label={labels.endsOn}
          description={t('aftercare.dateHint')}
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
          error={err('endsOn')}
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
      <Textfield
        id={fieldId('contactFrequency')}
        label={labels.contactFrequency}
        description={t('aftercare.agreements.contactFrequencyHint')}
        value={frequency}
        onChange={(e) => setFrequency(e.target.value)}
        error={err('contactFrequency')}
      />
      {contacts.error && <ErrorAlert error={contacts.error} />}
      <Field>
        <Label htmlFor={fieldId('contactPersonId')}>{labels.contactPersonId}</Label>
        <Select
          id={fieldId('contactPersonId')}
          value={contactPersonId}
          onChange={(e) => setContactPersonId(e.target.value)}
          aria-invalid={err('contactPersonId') ? true : undefined}
        >
          <Select.Option value="">{t('aftercare.agreements.contactPersonChoose')}</Select.Option>
          {(contacts.data ?? []).map((c) => (
            <Select.Option key={c.id} value={c.id}>
              {c.displayName}
            </Select.Option>
          ))}
        </Select>
        {err('contactPersonId') && <ValidationMessage>{err('contactPersonId')}</ValidationMessage>}
      </Field>
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
