import type { FormEvent } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { referenceInput, type HousingApplicationOutput, type LandlordOutput, type ReferenceOutput } from '../housing-search.schema.ts';
import { todayInOslo } from './StatusTags.tsx';
import type { FormSwitch } from './HousingSearchSection.tsx';

/** References the service gave landlords about the resident: to whom, when, by whom, what was said. */
export function ReferencesPanel(props: {
  personId: string;
  references: ReferenceOutput[];
  applications: HousingApplicationOutput[];
  canWrite: boolean;
  forms: FormSwitch;
}) {
  const { t } = useI18n();
  const { forms } = props;
  return (
    <div className="hs-section">
      <div className="hs-head">
        <Heading level={3} data-size="sm">
          {t('housingSearch.references')}
        </Heading>
        {props.canWrite && forms.open !== 'reference' && (
          <Button variant="secondary" data-size="sm" onClick={() => forms.setOpen('reference')}>
            {t('housingSearch.newReference')}
          </Button>
        )}
      </div>
      {forms.open === 'reference' && <ReferenceForm personId={props.personId} applications={props.applications} forms={forms} />}
      {props.references.length === 0 ? (
        <Paragraph>{t('housingSearch.noReferences')}</Paragraph>
      ) : (
        <ul className="hs-list">
          {props.references.map((r) => (
            <li key={r.id} className="hs-card">
              <p>
                <strong>{r.landlordName ?? t('housingSearch.landlordUnknown')}</strong>{' '}
                <span className="hs-muted">{t('housingSearch.givenOnBy', { date: formatDate(r.givenOn), name: r.givenByName ?? '–' })}</span>
              </p>
              {r.notes && <p>{r.notes}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ReferenceForm({ personId, applications, forms }: { personId: string; applications: HousingApplicationOutput[]; forms: FormSwitch }) {
  const { t } = useI18n();
  const form = useSchemaForm(referenceInput);
  const landlords = useApi<LandlordOutput[]>('/api/landlords');
  const labels = { landlordId: t('housingSearch.landlord'), applicationId: t('housingSearch.forApplication'), givenOn: t('housingSearch.givenOn'), notes: t('housingSearch.notes') };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw = { landlordId: text('landlordId'), applicationId: text('applicationId'), givenOn: parseDateInput(text('givenOn')), notes: text('notes') };
    await form.submit(raw, async () => {
      await api.post(`/api/people/${personId}/references`, raw);
      await forms.done(t('housingSearch.referenceRegistered'));
    });
  }

  const err = (field: string) => form.fieldErrors[field];
  return (
    <form onSubmit={handleSubmit} className="hs-panel" noValidate aria-label={t('housingSearch.newReference')}>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      {landlords.error && <ErrorAlert error={landlords.error} />}
      <div className="grid-2">
        <Field>
          <Label htmlFor={fieldId('landlordId')}>{labels.landlordId}</Label>
          <Select id={fieldId('landlordId')} name="landlordId" defaultValue="" aria-invalid={err('landlordId') ? true : undefined}>
            <Select.Option value="">{t('housingSearch.landlordFromApplication')}</Select.Option>
            {landlords.data?.map((l) => (
              <Select.Option key={l.id} value={l.id}>
                {l.name}
              </Select.Option>
            ))}
          </Select>
          {err('landlordId') && <ValidationMessage>{err('landlordId')}</ValidationMessage>}
        </Field>
        <Field>
          <Label htmlFor={fieldId('applicationId')}>{labels.applicationId}</Label>
          <Select id={fieldId('applicationId')} name="applicationId" defaultValue="" aria-invalid={err('applicationId') ? true : undefined}>
            <Select.Option value="">{t('housingSearch.noApplicationChosen')}</Select.Option>
            {applications.map((a) => (
              <Select.Option key={a.id} value={a.id}>
                {[a.address, a.landlordName].filter(Boolean).join(', ')} ({formatDate(a.sentOn)})
              </Select.Option>
            ))}
          </Select>
          {err('applicationId') && <ValidationMessage>{err('applicationId')}</ValidationMessage>}
        </Field>
        <Textfield
          id={fieldId('givenOn')}
          name="givenOn"
          label={labels.givenOn}
          description={t('housingSearch.dateHint')}
          defaultValue={formatDate(todayInOslo())}
          error={err('givenOn')}
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
      <Textfield id={fieldId('notes')} name="notes" multiline rows={2} label={labels.notes} error={err('notes')} />
      <div className="hs-actions">
        <Button type="submit" disabled={form.submitting}>
          {t('housingSearch.saveReference')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => forms.setOpen(null)}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
