import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import { formatDate, formatDateTime, formatMoney, parseDateInput } from '../../../platform/ui/format.ts';
import { isFinalApplicationStatus, nextApplicationStatuses, type ApplicationStatus } from '../housing-search.rules.ts';
import {
  housingApplicationInput,
  viewingInput,
  viewingOutcomeInput,
  type HousingApplicationOutput,
  type LandlordOutput,
  type ListingOutput,
} from '../housing-search.schema.ts';
import { ApplicationStatusTag, todayInOslo } from './StatusTags.tsx';
import type { FormSwitch } from './HousingSearchSection.tsx';

/** The resident's applications for a home, newest first, each with its viewings and its next steps. */
export function ApplicationsPanel(props: { personId: string; applications: HousingApplicationOutput[]; canWrite: boolean; forms: FormSwitch }) {
  const { t } = useI18n();
  const { forms } = props;
  return (
    <div className="hs-section">
      <div className="hs-head">
        <Heading level={3} data-size="sm">
          {t('housingSearch.applications')}
        </Heading>
        {props.canWrite && forms.open !== 'application' && (
          <Button variant="secondary" data-size="sm" onClick={() => forms.setOpen('application')}>
            {t('housingSearch.newApplication')}
          </Button>
        )}
      </div>
      {forms.open === 'application' && <NewApplicationForm personId={props.personId} forms={forms} />}
      {props.applications.length === 0 ? (
        <Paragraph>{t('housingSearch.noApplications')}</Paragraph>
      ) : (
        <ul className="hs-list">
          {props.applications.map((a) => (
            <ApplicationCard key={a.id} application={a} canWrite={props.canWrite} forms={forms} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ApplicationCard({ application: a, canWrite, forms }: { application: HousingApplicationOutput; canWrite: boolean; forms: FormSwitch }) {
  const { t, locale } = useI18n();
  const next = nextApplicationStatuses(a.status);
  const [choice, setChoice] = useState<ApplicationStatus | ''>('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const statusId = `hs-status-${a.id}`;

  async function change(status: ApplicationStatus) {
    try {
      await api.post(`/api/housing-applications/${a.id}/status`, { status });
      setError(null);
      setChoice('');
      await forms.done(t('housingSearch.statusChanged', { status: t(`housingSearch.status.${status}`) }));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  }

  function submitStatus(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!choice) return;
    // Signed, refused and withdrawn close the application for good: ask first.
    if (isFinalApplicationStatus(choice)) setConfirming(true);
    else void change(choice);
  }

  return (
    <li className="hs-card" data-status={a.status}>
      <div className="hs-card-head">
        <Heading level={4} data-size="2xs">
          {a.address ?? a.landlordName ?? t('housingSearch.application')}
        </Heading>
        <ApplicationStatusTag status={a.status} />
      </div>
      <p className="hs-muted">
        {[
          a.landlordName && a.address ? a.landlordName : null,
          t('housingSearch.sentOnText', { date: formatDate(a.sentOn) }),
          t('housingSearch.statusSince', { date: formatDateTime(a.statusChangedAt, locale) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {a.notes && <p>{a.notes}</p>}
      {a.viewings.length > 0 && (
        <ul className="hs-viewings" aria-label={t('housingSearch.viewings')}>
          {a.viewings.map((v) => (
            <li key={v.id}>
              {t('housingSearch.viewingAt', { when: formatDateTime(v.at, locale) })}
              {v.staffAccompanies ? ` – ${t('housingSearch.staffAlong')}` : ''}
              {v.outcome ? `: ${v.outcome}` : ''}
              {canWrite && !v.outcome && forms.open !== `outcome:${v.id}` && (
                <>
                  {' '}
                  <Button variant="tertiary" data-size="sm" onClick={() => forms.setOpen(`outcome:${v.id}`)}>
                    {t('housingSearch.recordOutcome')}
                  </Button>
                </>
              )}
              {forms.open === `outcome:${v.id}` && <OutcomeForm viewingId={v.id} forms={forms} />}
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorAlert error={error} />}
      {canWrite && next.length > 0 && (
        <div className="hs-actions hs-status-form">
          <form className="hs-actions hs-status-form" onSubmit={submitStatus} aria-label={t('housingSearch.changeStatus')}>
            <Field>
              <Label htmlFor={statusId}>{t('housingSearch.newStatus')}</Label>
              <Select id={statusId} value={choice} onChange={(e) => setChoice(e.target.value as ApplicationStatus | '')}>
                <Select.Option value="">{t('housingSearch.chooseStatus')}</Select.Option>
                {next.map((s) => (
                  <Select.Option key={s} value={s}>
                    {t(`housingSearch.status.${s}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Button type="submit" variant="secondary" data-size="sm" disabled={!choice}>
              {t('housingSearch.saveStatus')}
            </Button>
          </form>
          {forms.open !== `viewing:${a.id}` && (
            <Button variant="tertiary" data-size="sm" onClick={() => forms.setOpen(`viewing:${a.id}`)}>
              {t('housingSearch.addViewing')}
            </Button>
          )}
        </div>
      )}
      {forms.open === `viewing:${a.id}` && <ViewingForm applicationId={a.id} forms={forms} />}
      <ConfirmDialog
        open={confirming}
        title={t('housingSearch.confirmFinalStatus', { status: choice ? t(`housingSearch.status.${choice}`) : '' })}
        body={t('housingSearch.confirmFinalStatusBody')}
        confirmLabel={t('housingSearch.saveStatus')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          if (choice) void change(choice);
        }}
      />
    </li>
  );
}

/** A new application: from an active listing, or directly to a landlord or an address. */
function NewApplicationForm({ personId, forms }: { personId: string; forms: FormSwitch }) {
  const { t } = useI18n();
  const form = useSchemaForm(housingApplicationInput);
  const listings = useApi<ListingOutput[]>('/api/listings?active=active');
  const landlords = useApi<LandlordOutput[]>('/api/landlords');
  const labels = {
    listingId: t('housingSearch.fromListing'),
    landlordId: t('housingSearch.landlord'),
    address: t('housingSearch.address'),
    sentOn: t('housingSearch.sentOn'),
    notes: t('housingSearch.notes'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw = { listingId: text('listingId'), landlordId: text('landlordId'), address: text('address'), sentOn: parseDateInput(text('sentOn')), notes: text('notes') };
    await form.submit(raw, async () => {
      await api.post(`/api/people/${personId}/housing-applications`, raw);
      await forms.done(t('housingSearch.applicationRegistered'));
    });
  }

  const err = (field: string) => form.fieldErrors[field];
  return (
    <form onSubmit={handleSubmit} className="hs-panel" noValidate aria-label={t('housingSearch.newApplication')}>
      <Paragraph data-size="sm">{t('housingSearch.newApplicationHint')}</Paragraph>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      {(listings.error ?? landlords.error) && <ErrorAlert error={(listings.error ?? landlords.error)!} />}
      <div className="grid-2">
        <Field>
          <Label htmlFor={fieldId('listingId')}>{labels.listingId}</Label>
          <Select id={fieldId('listingId')} name="listingId" defaultValue="" aria-invalid={err('listingId') ? true : undefined}>
            <Select.Option value="">{t('housingSearch.noListingChosen')}</Select.Option>
            {listings.data?.map((l) => (
              <Select.Option key={l.id} value={l.id}>
                {l.address} ({formatMoney(l.rentOre)})
              </Select.Option>
            ))}
          </Select>
          {err('listingId') && <ValidationMessage>{err('listingId')}</ValidationMessage>}
        </Field>
        <Field>
          <Label htmlFor={fieldId('landlordId')}>{labels.landlordId}</Label>
          <Select id={fieldId('landlordId')} name="landlordId" defaultValue="">
            <Select.Option value="">{t('housingSearch.landlordNone')}</Select.Option>
            {landlords.data?.map((l) => (
              <Select.Option key={l.id} value={l.id}>
                {l.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield id={fieldId('address')} name="address" label={labels.address} description={t('housingSearch.addressHint')} error={err('address')} autoComplete="off" />
        <Textfield
          id={fieldId('sentOn')}
          name="sentOn"
          label={labels.sentOn}
          description={t('housingSearch.dateHint')}
          defaultValue={formatDate(todayInOslo())}
          error={err('sentOn')}
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
      <Textfield id={fieldId('notes')} name="notes" multiline rows={2} label={labels.notes} error={err('notes')} />
      <div className="hs-actions">
        <Button type="submit" disabled={form.submitting}>
          {t('housingSearch.registerApplication')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => forms.setOpen(null)}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** A viewing: date and time (Oslo), whether staff go along, and the outcome if it has happened. */
function ViewingForm({ applicationId, forms }: { applicationId: string; forms: FormSwitch }) {
  const { t } = useI18n();
  const form = useSchemaForm(viewingInput);
  const labels = { date: t('housingSearch.viewingDate'), time: t('housingSearch.viewingTime'), staffAccompanies: t('housingSearch.staffAccompanies'), outcome: t('housingSearch.outcome') };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const raw = { date: parseDateInput(text('date')), time: text('time'), staffAccompanies: data.get('staffAccompanies') === 'yes', outcome: text('outcome') };
    await form.submit(raw, async () => {
      await api.post(`/api/housing-applications/${applicationId}/viewings`, raw);
      await forms.done(t('housingSearch.viewingRegistered'));
    });
  }

  const err = (field: string) => form.fieldErrors[field];
  return (
    <form onSubmit={handleSubmit} className="hs-subform" noValidate aria-label={t('housingSearch.addViewing')}>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <div className="grid-2">
        <Textfield id={fieldId('date')} name="date" label={labels.date} description={t('housingSearch.dateHint')} error={err('date')} inputMode="numeric" autoComplete="off" autoFocus />
        <Textfield id={fieldId('time')} name="time" label={labels.time} description={t('housingSearch.timeHint')} error={err('time')} inputMode="numeric" autoComplete="off" />
      </div>
      <Checkbox id={fieldId('staffAccompanies')} name="staffAccompanies" value="yes" label={labels.staffAccompanies} />
      <Textfield id={fieldId('outcome')} name="outcome" multiline rows={2} label={labels.outcome} description={t('housingSearch.outcomeHint')} error={err('outcome')} />
      <div className="hs-actions">
        <Button type="submit" data-size="sm" disabled={form.submitting}>
          {t('housingSearch.addViewing')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => forms.setOpen(null)}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}

function OutcomeForm({ viewingId, forms }: { viewingId: string; forms: FormSwitch }) {
  const { t } = useI18n();
  const form = useSchemaForm(viewingOutcomeInput);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = { outcome: String(new FormData(event.currentTarget).get('outcome') ?? '') };
    await form.submit(raw, async () => {
      await api.post(`/api/viewings/${viewingId}/outcome`, raw);
      await forms.done(t('housingSearch.outcomeRegistered'));
    });
  }

  return (
    <form onSubmit={handleSubmit} className="hs-subform" noValidate aria-label={t('housingSearch.recordOutcome')}>
      <FormErrors fields={form.fieldErrors} labels={{ outcome: t('housingSearch.outcome') }} message={form.formError?.message} />
      <Textfield id={fieldId('outcome')} name="outcome" multiline rows={2} label={t('housingSearch.outcome')} error={form.fieldErrors.outcome} autoFocus />
      <div className="hs-actions">
        <Button type="submit" data-size="sm" disabled={form.submitting}>
          {t('app.save')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => forms.setOpen(null)}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
