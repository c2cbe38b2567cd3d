import './incidents.css';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import {
  incidentInput,
  incidentLocationValues,
  incidentSeverityValues,
  incidentTypeValues,
  type IncidentFormOptionsOutput,
} from '../incidents.schema.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** The day and time fields, read on this device's clock, as an instant; undefined when unreadable. */
function toInstant(dayIso: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dayIso);
  const tm = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  if (!d || !tm) return undefined;
  const at = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(tm[1]), Number(tm[2]));
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** /avvik/ny — record an incident in under a minute on a phone: a few taps and a sentence. */
export function NewIncidentPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const options = useApi<IncidentFormOptionsOutput>('/api/incidents/form-options');
  const form = useSchemaForm(incidentInput);
  const [opened] = useState(() => new Date());
  const [day, setDay] = useState(() => formatDate(localDay(opened)));
  const [time, setTime] = useState(() => localTime(opened));
  const [type, setType] = useState('');
  const [severity, setSeverity] = useState('');
  const [location, setLocation] = useState('');
  const [roomId, setRoomId] = useState('');
  const [locationNote, setLocationNote] = useState('');
  const [description, setDescription] = useState('');
  const [immediateAction, setImmediateAction] = useState('');
  const [residentIds, setResidentIds] = useState<string[]>([]);
  const [staffUserIds, setStaffUserIds] = useState<string[]>([]);
  const [others, setOthers] = useState('');
  const [hazardId, setHazardId] = useState('');
  const err = (field: string) => form.fieldErrors[field];
  const labels: Record<string, string> = {
    occurredAt: t('incidents.form.time'),
    type: t('incidents.form.type'),
    severity: t('incidents.form.severity'),
    location: t('incidents.form.location'),
    roomId: t('incidents.form.room'),
    locationNote: t('incidents.form.locationNote'),
    description: t('incidents.form.description'),
    immediateAction: t('incidents.form.immediateAction'),
    residentIds: t('incidents.form.residents'),
    staffUserIds: t('incidents.form.staff'),
    others: t('incidents.form.others'),
    hazardId: t('incidents.form.hazard'),
  };
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = {
      occurredAt: toInstant(parseDateInput(day), time) ?? 'invalid',
      type: type || undefined,
      severity: severity || undefined,
      location: location || undefined,
      roomId: location === 'room' ? roomId : undefined,
      locationNote,
      description,
      immediateAction,
      residentIds,
      staffUserIds,
      others: others
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      hazardId,
    };
    await form.submit(value, async (parsed) => {
      const created = await api.post<{ id: string }>('/api/incidents', parsed);
      void navigate(`/avvik/${created.id}`, { state: { saved: true } });
    });
  }

  if (options.error) return <ErrorAlert error={options.error} />;
  if (!options.data) return <Loading />;
  const o = options.data;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('incidents.form.title')}
      </Heading>
      <Paragraph>{t('incidents.form.intro')}</Paragraph>
      <form className="incident-form" onSubmit={handleSubmit} noValidate>
        <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
        <Fieldset id={fieldId('type')}>
          <Fieldset.Legend>{labels.type}</Fieldset.Legend>
          <div className="incident-choices">
            {incidentTypeValues.map((v) => (
              <Radio key={v} name="type" value={v} label={t(`incidents.type.${v}`)} checked={type === v} onChange={() => setType(v)} />
            ))}
          </div>
          {err('type') && <ValidationMessage>{err('type')}</ValidationMessage>}
        </Fieldset>
        <Fieldset id={fieldId('severity')}>
          <Fieldset.Legend>{labels.severity}</Fieldset.Legend>
          <Fieldset.Description>{t('incidents.form.severityHint')}</Fieldset.Description>
          <div className="incident-choices">
            {incidentSeverityValues.map((v) => (
              <Radio key={v} name="severity" value={v} label={t(`incidents.severity.${v}`)} checked={severity === v} onChange={() => setSeverity(v)} />
            ))}
          </div>
          {err('severity') && <ValidationMessage>{err('severity')}</ValidationMessage>}
        </Fieldset>
        <Fieldset id={fieldId('location')}>
          <Fieldset.Legend>{labels.location}</Fieldset.Legend>
          <div className="incident-choices">
            {incidentLocationValues.map((v) => (
              <Radio key={v} name="location" value={v} label={t(`incidents.location.${v}`)} checked={location === v} onChange={() => setLocation(v)} />
            ))}
          </div>
          {err('location') && <ValidationMessage>{err('location')}</ValidationMessage>}
        </Fieldset>
        {location === 'room' && (
          <Field>
            <Label htmlFor={fieldId('roomId')}>{labels.roomId}</Label>
            <Select id={fieldId('roomId')} value={roomId} onChange={(e) => setRoomId(e.target.value)} aria-invalid={err('roomId') ? true : undefined}>
              <Select.Option value="">{t('incidents.form.chooseRoom')}</Select.Option>
              {o.rooms.map((r) => (
                <Select.Option key={r.id} value={r.id}>
                  {r.name}
                </Select.Option>
              ))}
            </Select>
            {err('roomId') && <ValidationMessage>{err('roomId')}</ValidationMessage>}
          </Field>
        )}
        <Textfield id={fieldId('locationNote')} label={labels.locationNote} value={locationNote} onChange={(e) => setLocationNote(e.target.value)} error={err('locationNote')} />
        <div className="incident-row">
          <Textfield id="incident-day" label={t('incidents.form.date')} description={t('incidents.dateHint')} value={day} onChange={(e) => setDay(e.target.value)} inputMode="numeric" autoComplete="off" />
          <Textfield id={fieldId('occurredAt')} label={labels.occurredAt} description={t('incidents.form.timeHint')} value={time} onChange={(e) => setTime(e.target.value)} error={err('occurredAt')} inputMode="numeric" autoComplete="off" />
        </div>
        <Textfield id={fieldId('description')} label={labels.description} multiline rows={3} value={description} onChange={(e) => setDescription(e.target.value)} error={err('description')} />
        <Textfield id={fieldId('immediateAction')} label={labels.immediateAction} multiline rows={2} value={immediateAction} onChange={(e) => setImmediateAction(e.target.value)} error={err('immediateAction')} />
        <Fieldset id={fieldId('residentIds')}>
          <Fieldset.Legend>{labels.residentIds}</Fieldset.Legend>
          {o.residents.length === 0 && <Paragraph data-size="sm">{t('incidents.form.noResidents')}</Paragraph>}
          <div className="incident-choices">
            {o.residents.map((r) => (
              <Checkbox
                key={r.personId}
                value={r.personId}
                label={`${r.name} (${r.roomName})`}
                checked={residentIds.includes(r.personId)}
                onChange={(e) => setResidentIds(toggle(residentIds, r.personId, e.target.checked))}
              />
            ))}
          </div>
        </Fieldset>
        <Fieldset id={fieldId('staffUserIds')}>
          <Fieldset.Legend>{labels.staffUserIds}</Fieldset.Legend>
          <div className="incident-choices">
            {o.staff.map((s) => (
              <Checkbox key={s.id} value={s.id} label={s.displayName} checked={staffUserIds.includes(s.id)} onChange={(e) => setStaffUserIds(toggle(staffUserIds, s.id, e.target.checked))} />
            ))}
          </div>
        </Fieldset>
        <Textfield id={fieldId('others')} label={labels.others} description={t('incidents.form.othersHint')} value={others} onChange={(e) => setOthers(e.target.value)} error={err('others')} />
        {o.hazards.length > 0 && (
          <Field>
            <Label htmlFor={fieldId('hazardId')}>{labels.hazardId}</Label>
            <Select id={fieldId('hazardId')} value={hazardId} onChange={(e) => setHazardId(e.target.value)}>
              <Select.Option value="">{t('incidents.form.noHazard')}</Select.Option>
              {o.hazards.map((h) => (
                <Select.Option key={h.id} value={h.id}>
                  {h.title}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <div className="incident-row">
          <Button type="submit" disabled={form.submitting}>
            {t('incidents.form.submit')}
          </Button>
          <Button asChild variant="tertiary">
            <RouterLink to="/avvik">{t('incidents.form.cancel')}</RouterLink>
          </Button>
        </div>
      </form>
    </div>
  );
}
