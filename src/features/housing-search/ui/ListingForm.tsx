import type { FormEvent } from 'react';
import { Button, Field, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { z } from 'zod';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { kronerText } from '../housing-search.rules.ts';
import { listingInput, listingSource, type LandlordOutput, type ListingOutput } from '../housing-search.schema.ts';

export type ListingFormValue = z.input<typeof listingInput>;

/**
 * A listing: paste the link and type the key fields from the advert. Amounts are typed in kroner as
 * people write them ("8 500"); the server keeps øre. The link is stored and shown, never fetched.
 */
export function ListingForm(props: { listing?: ListingOutput; landlords: LandlordOutput[]; onSubmit(value: ListingFormValue): Promise<void>; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(listingInput);
  const l = props.listing;
  const labels: Record<string, string> = {
    source: t('housingSearch.source'),
    url: t('housingSearch.url'),
    address: t('housingSearch.address'),
    rent: t('housingSearch.rent'),
    deposit: t('housingSearch.deposit'),
    sizeM2: t('housingSearch.sizeM2'),
    rooms: t('housingSearch.rooms'),
    furnished: t('housingSearch.furnished'),
    availableFrom: t('housingSearch.availableFrom'),
    landlordId: t('housingSearch.landlord'),
    landlordContact: t('housingSearch.landlordContact'),
    notes: t('housingSearch.notes'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw: ListingFormValue = {
      source: text('source') as ListingFormValue['source'],
      url: text('url'),
      address: text('address'),
      rent: text('rent'),
      deposit: text('deposit'),
      sizeM2: text('sizeM2'),
      rooms: text('rooms'),
      furnished: text('furnished'),
      availableFrom: parseDateInput(text('availableFrom')),
      landlordId: text('landlordId'),
      landlordContact: text('landlordContact'),
      notes: text('notes'),
      isActive: l?.isActive ?? true,
    };
    // The schema checks it here first; the server gets what was typed and parses it the same way.
    await form.submit(raw, () => props.onSubmit(raw));
  }

  const err = (field: string) => form.fieldErrors[field];
  const furnished = l?.furnished === null || l?.furnished === undefined ? '' : String(l.furnished);
  return (
    <form onSubmit={handleSubmit} className="hs-panel" noValidate aria-label={l ? t('housingSearch.editListing') : t('housingSearch.newListing')}>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <Textfield
        id={fieldId('url')}
        name="url"
        type="url"
        label={labels.url}
        description={t('housingSearch.urlHint')}
        defaultValue={l?.url ?? ''}
        error={err('url')}
        autoComplete="off"
        autoFocus
      />
      <div className="grid-2">
        <Field>
          <Label htmlFor={fieldId('source')}>{labels.source}</Label>
          <Select id={fieldId('source')} name="source" defaultValue={l?.source ?? 'finn'} aria-invalid={err('source') ? true : undefined}>
            {listingSource.options.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`housingSearch.source.${s}`)}
              </Select.Option>
            ))}
          </Select>
          {err('source') && <ValidationMessage>{err('source')}</ValidationMessage>}
        </Field>
        <Textfield id={fieldId('address')} name="address" label={labels.address} defaultValue={l?.address} error={err('address')} autoComplete="off" />
        <Textfield
          id={fieldId('rent')}
          name="rent"
          label={labels.rent}
          description={t('housingSearch.kronerHint')}
          defaultValue={l ? kronerText(l.rentOre) : ''}
          error={err('rent')}
          inputMode="decimal"
          autoComplete="off"
        />
        <Textfield
          id={fieldId('deposit')}
          name="deposit"
          label={labels.deposit}
          description={t('housingSearch.kronerHint')}
          defaultValue={l?.depositOre != null ? kronerText(l.depositOre) : ''}
          error={err('deposit')}
          inputMode="decimal"
          autoComplete="off"
        />
        <Textfield id={fieldId('sizeM2')} name="sizeM2" label={labels.sizeM2} defaultValue={l?.sizeM2 ?? ''} error={err('sizeM2')} inputMode="numeric" autoComplete="off" />
        <Textfield id={fieldId('rooms')} name="rooms" label={labels.rooms} description={t('housingSearch.roomsHint')} defaultValue={l?.rooms ?? ''} error={err('rooms')} inputMode="numeric" autoComplete="off" />
        <Field>
          <Label htmlFor={fieldId('furnished')}>{labels.furnished}</Label>
          <Select id={fieldId('furnished')} name="furnished" defaultValue={furnished}>
            <Select.Option value="">{t('housingSearch.notStated')}</Select.Option>
            <Select.Option value="true">{t('app.yes')}</Select.Option>
            <Select.Option value="false">{t('app.no')}</Select.Option>
          </Select>
        </Field>
        <Textfield
          id={fieldId('availableFrom')}
          name="availableFrom"
          label={labels.availableFrom}
          description={t('housingSearch.dateHint')}
          defaultValue={l?.availableFrom ? formatDate(l.availableFrom) : ''}
          error={err('availableFrom')}
          inputMode="numeric"
          autoComplete="off"
        />
        <Field>
          <Label htmlFor={fieldId('landlordId')}>{labels.landlordId}</Label>
          <Select id={fieldId('landlordId')} name="landlordId" defaultValue={l?.landlordId ?? ''} aria-invalid={err('landlordId') ? true : undefined}>
            <Select.Option value="">{t('housingSearch.landlordNone')}</Select.Option>
            {props.landlords.map((x) => (
              <Select.Option key={x.id} value={x.id}>
                {x.name}
              </Select.Option>
            ))}
          </Select>
          {err('landlordId') && <ValidationMessage>{err('landlordId')}</ValidationMessage>}
        </Field>
        <Textfield
          id={fieldId('landlordContact')}
          name="landlordContact"
          label={labels.landlordContact}
          description={t('housingSearch.landlordContactHint')}
          defaultValue={l?.landlordContact ?? ''}
          error={err('landlordContact')}
          autoComplete="off"
        />
      </div>
      <Textfield id={fieldId('notes')} name="notes" multiline rows={3} label={labels.notes} defaultValue={l?.notes ?? ''} error={err('notes')} />
      <div className="hs-actions">
        <Button type="submit" disabled={form.submitting}>
          {l ? t('app.save') : t('housingSearch.createListing')}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
