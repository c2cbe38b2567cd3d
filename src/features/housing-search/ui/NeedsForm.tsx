import type { FormEvent } from 'react';
import { Button, Checkbox, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { kronerText } from '../housing-search.rules.ts';
import { housingNeedsInput, type HousingNeedsOutput } from '../housing-search.schema.ts';

/** What the resident can pay and needs: the budget (kroner), rooms, furniture, notes. */
export function NeedsForm(props: { personId: string; needs: HousingNeedsOutput | null; onSaved(): Promise<void>; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(housingNeedsInput);
  const n = props.needs;
  const labels = { maxRent: t('housingSearch.maxRent'), minRooms: t('housingSearch.minRooms'), needsFurnished: t('housingSearch.needsFurnished'), notes: t('housingSearch.notes') };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw = { maxRent: text('maxRent'), minRooms: text('minRooms'), needsFurnished: data.get('needsFurnished') === 'yes', notes: text('notes') };
    await form.submit(raw, async () => {
      await api.put(`/api/people/${props.personId}/housing-needs`, raw);
      await props.onSaved();
    });
  }

  const err = (field: string) => form.fieldErrors[field];
  return (
    <form onSubmit={handleSubmit} className="hs-panel" noValidate aria-label={t('housingSearch.needsTitle')}>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <div className="grid-2">
        <Textfield
          id={fieldId('maxRent')}
          name="maxRent"
          label={labels.maxRent}
          description={t('housingSearch.maxRentHint')}
          defaultValue={n?.maxRentOre != null ? kronerText(n.maxRentOre) : ''}
          error={err('maxRent')}
          inputMode="decimal"
          autoComplete="off"
          autoFocus
        />
        <Textfield id={fieldId('minRooms')} name="minRooms" label={labels.minRooms} defaultValue={n?.minRooms ?? ''} error={err('minRooms')} inputMode="numeric" autoComplete="off" />
      </div>
      <Checkbox id={fieldId('needsFurnished')} name="needsFurnished" value="yes" label={labels.needsFurnished} defaultChecked={n?.needsFurnished ?? false} />
      <Textfield id={fieldId('notes')} name="notes" multiline rows={2} label={labels.notes} description={t('housingSearch.needsNotesHint')} defaultValue={n?.notes ?? ''} error={err('notes')} />
      <div className="hs-actions">
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
