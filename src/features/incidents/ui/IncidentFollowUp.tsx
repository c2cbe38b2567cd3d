import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { FormErrors } from '../../../platform/ui/Feedback.tsx';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { closeInput, followUpInput, linksInput, measureInput, type FollowUpOptionsOutput, type IncidentOutput } from '../incidents.schema.ts';

/** The lead's follow-up of an open incident: assign, measures, links, close (asks first). */
export function IncidentFollowUp({ incident, onChange }: { incident: IncidentOutput; onChange(next: IncidentOutput): void }) {
  const { t } = useI18n();
  const options = useApi<FollowUpOptionsOutput>('/api/incidents/follow-up-options');
  const [saved, setSaved] = useState(false);
  const done = (next: IncidentOutput) => {
    setSaved(true);
    onChange(next);
  };
  return (
    <>
      {saved && (
        <Alert data-color="success" role="status">
          {t('incidents.manage.saved')}
        </Alert>
      )}
      <AssignForm incident={incident} leads={options.data?.leads ?? []} onSaved={done} />
      <MeasureForm incident={incident} onSaved={done} />
      <LinksForm incident={incident} hazards={options.data?.hazards ?? []} onSaved={done} />
      <CloseForm incident={incident} onSaved={done} />
    </>
  );
}

function AssignForm({ incident, leads, onSaved }: { incident: IncidentOutput; leads: { id: string; displayName: string }[]; onSaved(next: IncidentOutput): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(followUpInput);
  const [assignedTo, setAssignedTo] = useState(incident.assignedTo ?? '');
  const [dueOn, setDueOn] = useState(incident.followUpDueOn ? formatDate(incident.followUpDueOn) : '');
  const labels = { assignedTo: t('incidents.manage.assignee'), dueOn: t('incidents.manage.dueOn') };
  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await form.submit({ assignedTo: assignedTo || undefined, dueOn: parseDateInput(dueOn) }, async (parsed) => {
      onSaved(await api.put<IncidentOutput>(`/api/incidents/${incident.id}/follow-up`, parsed));
    });
  }
  return (
    <form className="incident-panel" onSubmit={handleSubmit} noValidate aria-labelledby="incident-assign-title">
      <Heading level={3} data-size="xs" id="incident-assign-title">
        {t('incidents.manage.assignTitle')}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <Field>
        <Label htmlFor="field-assignedTo">{labels.assignedTo}</Label>
        <Select id="field-assignedTo" value={assignedTo} onChange={(e) => setAssignedTo(e.target.value)}>
          <Select.Option value="">{t('incidents.manage.chooseAssignee')}</Select.Option>
          {leads.map((l) => (
            <Select.Option key={l.id} value={l.id}>
              {l.displayName}
            </Select.Option>
          ))}
        </Select>
        {form.fieldErrors.assignedTo && <ValidationMessage>{form.fieldErrors.assignedTo}</ValidationMessage>}
      </Field>
      <Textfield id="field-dueOn" label={labels.dueOn} description={t('incidents.dateHint')} value={dueOn} onChange={(e) => setDueOn(e.target.value)} error={form.fieldErrors.dueOn} inputMode="numeric" autoComplete="off" />
      <div>
        <Button type="submit" variant="secondary" disabled={form.submitting}>
          {t('incidents.manage.assign')}
        </Button>
      </div>
    </form>
  );
}

function MeasureForm({ incident, onSaved }: { incident: IncidentOutput; onSaved(next: IncidentOutput): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(measureInput);
  const [description, setDescription] = useState('');
  const labels = { description: t('incidents.manage.measure') };
  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await form.submit({ description }, async (parsed) => {
      onSaved(await api.post<IncidentOutput>(`/api/incidents/${incident.id}/measures`, parsed));
    });
    if (ok) setDescription('');
  }
  return (
    <form className="incident-panel" onSubmit={handleSubmit} noValidate aria-labelledby="incident-measure-title">
      <Heading level={3} data-size="xs" id="incident-measure-title">
        {t('incidents.manage.measureTitle')}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <Textfield id="field-measure" label={labels.description} multiline rows={2} value={description} onChange={(e) => setDescription(e.target.value)} error={form.fieldErrors.description} />
      <div>
        <Button type="submit" variant="secondary" disabled={form.submitting}>
          {t('incidents.manage.addMeasure')}
        </Button>
      </div>
    </form>
  );
}

function LinksForm({ incident, hazards, onSaved }: { incident: IncidentOutput; hazards: { id: string; title: string }[]; onSaved(next: IncidentOutput): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(linksInput);
  const [agreementId, setAgreementId] = useState(incident.agreement?.id ?? '');
  const [hazardId, setHazardId] = useState(incident.hazard?.id ?? '');
  const labels = { agreementId: t('incidents.manage.agreement'), hazardId: t('incidents.manage.hazard') };
  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await form.submit({ agreementId: agreementId || null, hazardId: hazardId || null }, async (parsed) => {
      onSaved(await api.put<IncidentOutput>(`/api/incidents/${incident.id}/links`, parsed));
    });
  }
  return (
    <form className="incident-panel" onSubmit={handleSubmit} noValidate aria-labelledby="incident-links-title">
      <Heading level={3} data-size="xs" id="incident-links-title">
        {t('incidents.manage.linksTitle')}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      {incident.agreementOptions.length > 0 && (
        <Field>
          <Label htmlFor="field-agreementId">{labels.agreementId}</Label>
          <Select id="field-agreementId" value={agreementId} onChange={(e) => setAgreementId(e.target.value)}>
            <Select.Option value="">{t('incidents.manage.noAgreement')}</Select.Option>
            {incident.agreementOptions.map((a) => (
              <Select.Option key={a.id} value={a.id}>
                {t('incidents.detail.agreementLabel', { name: a.personName, version: a.version })}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      <Field>
        <Label htmlFor="field-hazardId">{labels.hazardId}</Label>
        <Select id="field-hazardId" value={hazardId} onChange={(e) => setHazardId(e.target.value)}>
          <Select.Option value="">{t('incidents.form.noHazard')}</Select.Option>
          {hazards.map((h) => (
            <Select.Option key={h.id} value={h.id}>
              {h.title}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={form.submitting}>
          {t('incidents.manage.saveLinks')}
        </Button>
      </div>
    </form>
  );
}

function CloseForm({ incident, onSaved }: { incident: IncidentOutput; onSaved(next: IncidentOutput): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(closeInput);
  const [closingNote, setClosingNote] = useState('');
  const [asking, setAsking] = useState(false);
  const labels = { closingNote: t('incidents.manage.closingNote') };
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = closeInput.safeParse({ closingNote });
    if (!parsed.success) {
      void form.submit({ closingNote }, async () => {});
      return;
    }
    setAsking(true);
  }
  async function confirm() {
    setAsking(false);
    await form.submit({ closingNote }, async (parsed) => {
      onSaved(await api.post<IncidentOutput>(`/api/incidents/${incident.id}/close`, parsed));
    });
  }
  return (
    <form className="incident-panel" onSubmit={handleSubmit} noValidate aria-labelledby="incident-close-title">
      <Heading level={3} data-size="xs" id="incident-close-title">
        {t('incidents.manage.closeTitle')}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <Textfield id="field-closingNote" label={labels.closingNote} multiline rows={3} value={closingNote} onChange={(e) => setClosingNote(e.target.value)} error={form.fieldErrors.closingNote} />
      <div>
        <Button type="submit" disabled={form.submitting}>
          {t('incidents.manage.close')}
        </Button>
      </div>
      <ConfirmDialog
        open={asking}
        title={t('incidents.manage.confirmClose')}
        body={t('incidents.manage.confirmCloseBody')}
        confirmLabel={t('incidents.manage.close')}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
    </form>
  );
}
