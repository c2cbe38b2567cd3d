import type { FormEvent } from 'react';
import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { houseInput, type HouseInput, type HouseOutput } from '../rooms.schema.ts';

/** Registers a house or changes one; validated by the API's own schema before it is sent. */
export function HouseForm(props: { title: string; house?: HouseOutput; onSubmit(value: HouseInput): Promise<void>; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(houseInput);
  const h = props.house;
  const labels = { name: t('rooms.houseName'), streetAddress: t('rooms.streetAddress'), postalCode: t('rooms.postalCode'), city: t('rooms.city') };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    await form.submit({ name: text('name'), streetAddress: text('streetAddress'), postalCode: text('postalCode'), city: text('city') }, props.onSubmit);
  }

  const err = (field: string) => form.fieldErrors[field];
  return (
    <form onSubmit={handleSubmit} className="stack form-panel" noValidate aria-labelledby="house-form-title">
      <Heading level={h ? 3 : 2} data-size="xs" id="house-form-title">
        {props.title}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <div className="grid-2">
        <Textfield id={fieldId('name')} name="name" label={labels.name} defaultValue={h?.name} error={err('name')} autoComplete="off" autoFocus />
        <Textfield id={fieldId('streetAddress')} name="streetAddress" label={labels.streetAddress} defaultValue={h?.streetAddress} error={err('streetAddress')} autoComplete="off" />
        <Textfield
          id={fieldId('postalCode')}
          name="postalCode"
          label={labels.postalCode}
          description={t('rooms.postalCodeHint')}
          defaultValue={h?.postalCode}
          error={err('postalCode')}
          inputMode="numeric"
          autoComplete="off"
        />
        <Textfield id={fieldId('city')} name="city" label={labels.city} defaultValue={h?.city} error={err('city')} autoComplete="off" />
      </div>
      <div className="room-actions">
        <Button type="submit" disabled={form.submitting}>
          {h ? t('app.save') : t('rooms.createHouse')}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
