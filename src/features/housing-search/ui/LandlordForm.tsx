import type { FormEvent } from 'react';
import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import type { z } from 'zod';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { landlordInput, type LandlordOutput } from '../housing-search.schema.ts';

export type LandlordFormValue = z.input<typeof landlordInput>;

/** Registers or changes a landlord the service works with; checked by the API's own schema first. */
export function LandlordForm(props: { title: string; landlord?: LandlordOutput; onSubmit(value: LandlordFormValue): Promise<void>; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(landlordInput);
  const l = props.landlord;
  const labels = { name: t('housingSearch.landlordName'), phone: t('housingSearch.phone'), email: t('housingSearch.email'), notes: t('housingSearch.notes') };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw = { name: text('name'), phone: text('phone'), email: text('email'), notes: text('notes') };
    await form.submit(raw, () => props.onSubmit(raw));
  }

  const err = (field: string) => form.fieldErrors[field];
  return (
    <form onSubmit={handleSubmit} className="hs-panel" noValidate aria-labelledby="landlord-form-title">
      <Heading level={2} data-size="xs" id="landlord-form-title">
        {props.title}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <div className="grid-2">
        <Textfield id={fieldId('name')} name="name" label={labels.name} defaultValue={l?.name} error={err('name')} autoComplete="off" autoFocus />
        <Textfield id={fieldId('phone')} name="phone" label={labels.phone} defaultValue={l?.phone ?? ''} error={err('phone')} inputMode="tel" autoComplete="off" />
        <Textfield id={fieldId('email')} name="email" type="email" label={labels.email} defaultValue={l?.email ?? ''} error={err('email')} autoComplete="off" />
      </div>
      <Textfield id={fieldId('notes')} name="notes" multiline rows={2} label={labels.notes} defaultValue={l?.notes ?? ''} error={err('notes')} />
      <div className="hs-actions">
        <Button type="submit" disabled={form.submitting}>
          {l ? t('app.save') : t('housingSearch.createLandlord')}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
