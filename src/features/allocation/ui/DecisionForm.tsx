import { useState, type FormEvent } from 'react';
import { Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import type { HouseOutput } from '../../rooms/rooms.schema.ts';
import { latestEndDate } from '../allocation.rules.ts';
import { decisionInput, type DecisionOutcome, type DecisionOutput, type ScreeningSummaryOutput, type Urgency } from '../allocation.schema.ts';

const todayInOslo = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

/** latestEndDate for what the user has typed so far, or null while it is not a date yet. */
function latestEndFor(typed: string): string | null {
  try {
    return latestEndDate(parseDateInput(typed));
  } catch {
    return null;
  }
}

/**
 * The decision form: outcome, and for an offer the room and the period (from today, planned end
 * three months later by default), for the waiting list the urgency; reasons always; the exception's
 * justification when the screening asks for one. The same schema as the API checks it first.
 */
export function DecisionForm(props: { referralId: string; screening: ScreeningSummaryOutput; onDecided(decision: DecisionOutput): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(decisionInput);
  const houses = useApi<HouseOutput[]>('/api/houses');
  const excluded = props.screening.result === 'excluded';
  const needsJustification = props.screening.result === 'needs_justification';
  const [outcome, setOutcome] = useState<DecisionOutcome>(excluded ? 'refusal' : 'offer');
  const [fromText, setFromText] = useState(formatDate(todayInOslo()));
  const [endText, setEndText] = useState(formatDate(latestEndDate(todayInOslo())));
  const [endTouched, setEndTouched] = useState(false);
  const latestEnd = latestEndFor(fromText);

  const labels: Record<string, string> = {
    outcome: t('allocation.outcome'),
    roomId: t('allocation.room'),
    fromDate: t('allocation.fromDate'),
    plannedEndDate: t('allocation.plannedEndDate'),
    reasons: t('allocation.reasons'),
    exceptionJustification: t('allocation.exceptionJustification'),
    urgency: t('allocation.urgency'),
    waitingListReason: t('allocation.waitingListReason'),
  };
  const err = (field: string) => form.fieldErrors[field];

  function changeFrom(value: string) {
    setFromText(value);
    // The planned end follows the from-date until someone sets it by hand.
    const end = latestEndFor(value);
    if (!endTouched && end) setEndText(formatDate(end));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const common = { outcome, reasons: text('reasons') };
    const value =
      outcome === 'offer'
        ? {
            ...common,
            roomId: text('roomId'),
            fromDate: parseDateInput(fromText),
            plannedEndDate: parseDateInput(endText),
            exceptionJustification: needsJustification ? text('exceptionJustification') : undefined,
          }
        : outcome === 'waiting_list'
          ? { ...common, urgency: (text('urgency') || undefined) as Urgency | undefined, waitingListReason: text('waitingListReason') }
          : common;
    await form.submit(value, async (parsed) => {
      props.onDecided(await api.post<DecisionOutput>(`/api/referrals/${props.referralId}/decisions`, parsed));
    });
  }

  const rooms = houses.data?.flatMap((h) => h.rooms.map((r) => ({ ...r, houseName: h.name }))) ?? [];
  const roomError = err('roomId');

  return (
    <form onSubmit={handleSubmit} className="alloc-panel" noValidate aria-labelledby="decision-form-title">
      <Heading level={2} data-size="sm" id="decision-form-title">
        {t('allocation.newDecision')}
      </Heading>
      <Paragraph data-size="sm">{t('allocation.sameDayHint')}</Paragraph>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />

      <Fieldset id={fieldId('outcome')}>
        <Fieldset.Legend>{labels.outcome}</Fieldset.Legend>
        {excluded && <Fieldset.Description>{t('allocation.outcomeExcludedHint')}</Fieldset.Description>}
        {(['offer', 'waiting_list', 'refusal'] as const).map((o) => (
          <Radio
            key={o}
            name="outcome"
            value={o}
            label={t(`allocation.outcome.${o}`)}
            checked={outcome === o}
            disabled={excluded && o !== 'refusal'}
            onChange={() => setOutcome(o)}
          />
        ))}
        {err('outcome') && <ValidationMessage>{err('outcome')}</ValidationMessage>}
      </Fieldset>

      {outcome === 'offer' && (
        <>
          {houses.error && <ErrorAlert error={houses.error} />}
          <Field>
            <Label htmlFor={fieldId('roomId')}>{labels.roomId}</Label>
            <Select id={fieldId('roomId')} name="roomId" defaultValue="" aria-invalid={roomError ? true : undefined}>
              <Select.Option value="">{t('allocation.roomChoose')}</Select.Option>
              {rooms.map((r) => (
                <Select.Option key={r.id} value={r.id}>
                  {t('allocation.roomOption', { house: r.houseName, room: r.name })}
                  {r.state === 'out_of_service' ? ` (${t('allocation.roomOutOfService')})` : r.state === 'occupied' ? ` (${t('allocation.roomOccupied')})` : ''}
                </Select.Option>
              ))}
            </Select>
            {roomError && <ValidationMessage>{roomError}</ValidationMessage>}
          </Field>
          <div className="grid-2">
            <Textfield
              id={fieldId('fromDate')}
              name="fromDate"
              label={labels.fromDate}
              description={t('allocation.dateHint')}
              value={fromText}
              onChange={(e) => changeFrom(e.target.value)}
              error={err('fromDate')}
              inputMode="numeric"
              autoComplete="off"
            />
            <Textfield
              id={fieldId('plannedEndDate')}
              name="plannedEndDate"
              label={labels.plannedEndDate}
              description={latestEnd ? t('allocation.latestEndHint', { date: formatDate(latestEnd) }) : t('allocation.dateHint')}
              value={endText}
              onChange={(e) => {
                setEndText(e.target.value);
                setEndTouched(true);
              }}
              error={err('plannedEndDate')}
              inputMode="numeric"
              autoComplete="off"
            />
          </div>
          {needsJustification && (
            <Textfield
              id={fieldId('exceptionJustification')}
              name="exceptionJustification"
              multiline
              rows={3}
              label={labels.exceptionJustification}
              description={t('allocation.exceptionJustificationHint')}
              defaultValue={props.screening.justification ?? ''}
              error={err('exceptionJustification')}
            />
          )}
        </>
      )}

      {outcome === 'waiting_list' && (
        <>
          <Fieldset id={fieldId('urgency')}>
            <Fieldset.Legend>{labels.urgency}</Fieldset.Legend>
            {(['tonight', 'this_week', 'later'] as const).map((u) => (
              <Radio key={u} name="urgency" value={u} label={t(`allocation.urgency.${u}`)} />
            ))}
            {err('urgency') && <ValidationMessage>{err('urgency')}</ValidationMessage>}
          </Fieldset>
          <Textfield
            id={fieldId('waitingListReason')}
            name="waitingListReason"
            label={labels.waitingListReason}
            description={t('allocation.waitingListReasonHint')}
            error={err('waitingListReason')}
            autoComplete="off"
          />
        </>
      )}

      <Textfield
        id={fieldId('reasons')}
        name="reasons"
        multiline
        rows={4}
        label={labels.reasons}
        description={t('allocation.reasonsHint')}
        error={err('reasons')}
      />

      <div className="alloc-actions">
        <Button type="submit" disabled={form.submitting}>
          {t('allocation.saveDecision')}
        </Button>
      </div>
    </form>
  );
}
