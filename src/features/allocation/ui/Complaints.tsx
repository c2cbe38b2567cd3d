import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { formatDate, formatDateTime, parseDateInput } from '../../../platform/ui/format.ts';
import { complaintEventInput, complaintInput, type ComplaintOutput } from '../allocation.schema.ts';

const todayInOslo = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

/** The complaints against one decision: each with its steps, the next step, and a form for a new one. */
export function Complaints(props: { decisionId: string; complaints: ComplaintOutput[]; onChange(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [registering, setRegistering] = useState(false);
  const prefix = `c-${props.decisionId.slice(0, 8)}`;

  return (
    <section className="stack alloc-subform" aria-labelledby={`${prefix}-title`}>
      <Heading level={4} data-size="2xs" id={`${prefix}-title`}>
        {t('allocation.complaintsTitle')}
      </Heading>
      {props.complaints.length === 0 && <Paragraph data-size="sm">{t('allocation.noComplaints')}</Paragraph>}
      {props.complaints.map((c) => (
        <ComplaintCard key={c.id} complaint={c} onChange={props.onChange} />
      ))}
      {can('complaint:write') &&
        (registering ? (
          <RegisterComplaintForm
            prefix={prefix}
            decisionId={props.decisionId}
            onCancel={() => setRegistering(false)}
            onDone={() => {
              setRegistering(false);
              props.onChange();
            }}
          />
        ) : (
          <div className="no-print">
            <Button variant="secondary" data-size="sm" onClick={() => setRegistering(true)}>
              {t('allocation.registerComplaint')}
            </Button>
          </div>
        ))}
    </section>
  );
}

function ComplaintCard({ complaint: c, onChange }: { complaint: ComplaintOutput; onChange(): void }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  return (
    <article className="alloc-panel" aria-label={t('allocation.complaintReceived', { date: formatDate(c.receivedOn) })}>
      <div className="alloc-head">
        <strong>{t('allocation.complaintReceived', { date: formatDate(c.receivedOn) })}</strong>
        <Tag data-color={c.status === 'overturned' ? 'success' : c.status === 'upheld' || c.status === 'withdrawn' ? 'neutral' : 'info'}>
          {t(`allocation.complaintStatus.${c.status}`)}
        </Tag>
      </div>
      <Paragraph style={{ whiteSpace: 'pre-line' }}>{c.summary}</Paragraph>
      {c.receivedAfterDeadline ? (
        <Alert data-color="warning">{t('allocation.complaintLate', { date: formatDate(c.deadline) })}</Alert>
      ) : (
        <Paragraph data-size="sm" className="alloc-muted">
          {t('allocation.complaintDeadline', { date: formatDate(c.deadline) })}
        </Paragraph>
      )}
      <Heading level={5} data-size="2xs">
        {t('allocation.complaintSteps')}
      </Heading>
      <ol className="alloc-log">
        {c.events.map((e) => (
          <li key={e.id}>
            <span className="when">
              {formatDateTime(e.at, locale)}
              {e.byName ? ` ${t('allocation.by', { name: e.byName })}` : ''}
            </span>
            <span>{t(`allocation.complaintStatus.${e.status}`)}</span>
            {e.note && <span>: {e.note}</span>}
          </li>
        ))}
      </ol>
      {can('complaint:write') && c.nextSteps.length > 0 && <ComplaintStepForm complaint={c} onDone={onChange} />}
    </article>
  );
}

function RegisterComplaintForm(props: { prefix: string; decisionId: string; onCancel(): void; onDone(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(complaintInput);
  const ids = { receivedOn: `${props.prefix}-receivedOn`, summary: `${props.prefix}-summary` };
  const labels = { receivedOn: t('allocation.complaintReceivedOn'), summary: t('allocation.complaintSummary') };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await form.submit(
      { receivedOn: parseDateInput(String(data.get('receivedOn') ?? '')), summary: String(data.get('summary') ?? '') },
      async (value) => {
        await api.post<ComplaintOutput>(`/api/decisions/${props.decisionId}/complaints`, value);
        props.onDone();
      },
    );
  }

  return (
    <form onSubmit={handleSubmit} className="stack alloc-panel no-print" noValidate aria-labelledby={`${props.prefix}-form-title`}>
      <Heading level={5} data-size="2xs" id={`${props.prefix}-form-title`}>
        {t('allocation.registerComplaint')}
      </Heading>
      {form.formError && <Alert data-color="danger">{form.formError.message}</Alert>}
      <Textfield
        id={ids.receivedOn}
        name="receivedOn"
        label={labels.receivedOn}
        description={t('allocation.dateHint')}
        defaultValue={formatDate(todayInOslo())}
        error={form.fieldErrors.receivedOn}
        inputMode="numeric"
        autoComplete="off"
        autoFocus
      />
      <Textfield id={ids.summary} name="summary" multiline rows={3} label={labels.summary} error={form.fieldErrors.summary} />
      <div className="alloc-actions">
        <Button type="submit" data-size="sm" disabled={form.submitting}>
          {t('allocation.registerComplaint')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={props.onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}

function ComplaintStepForm({ complaint, onDone }: { complaint: ComplaintOutput; onDone(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(complaintEventInput);
  const prefix = `step-${complaint.id.slice(0, 8)}`;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const ok = await form.submit({ status: String(data.get('status') ?? ''), note: String(data.get('note') ?? '') }, async (value) => {
      await api.post<ComplaintOutput>(`/api/complaints/${complaint.id}/events`, value);
    });
    if (ok) onDone();
  }

  return (
    <form onSubmit={handleSubmit} className="stack alloc-subform no-print" noValidate aria-label={t('allocation.complaintAddStep')}>
      {form.formError && <Alert data-color="danger">{form.formError.message}</Alert>}
      <Field>
        <Label htmlFor={`${prefix}-status`}>{t('allocation.complaintNextStep')}</Label>
        <Select id={`${prefix}-status`} name="status" defaultValue={complaint.nextSteps[0]} aria-invalid={form.fieldErrors.status ? true : undefined}>
          {complaint.nextSteps.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`allocation.complaintStatus.${s}`)}
            </Select.Option>
          ))}
        </Select>
        {form.fieldErrors.status && <ValidationMessage>{form.fieldErrors.status}</ValidationMessage>}
      </Field>
      <Textfield id={`${prefix}-note`} name="note" multiline rows={2} label={t('allocation.complaintNote')} error={form.fieldErrors.note} />
      <div className="alloc-actions">
        <Button type="submit" variant="secondary" data-size="sm" disabled={form.submitting}>
          {t('allocation.complaintAddStep')}
        </Button>
      </div>
    </form>
  );
}
