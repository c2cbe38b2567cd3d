import { useState, type FormEvent } from 'react';
import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { parseDateInput } from '../../../platform/ui/format.ts';
import type { ShiftLogDayOutput, ShiftLogEntryOutput } from '../shift-log.schema.ts';
import { ShiftGroups } from './ShiftGroups.tsx';

/** An earlier day of the shift log, chosen by date (the handover covers only the last 24 hours). */
export function ShiftLogDay(props: { onCorrect(entry: ShiftLogEntryOutput): void; version: number }) {
  const { t } = useI18n();
  const [day, setDay] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const shown = useApi<ShiftLogDayOutput>(day ? `/api/shift-log/day?day=${day}&v=${props.version}` : null);

  function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = parseDateInput(String(new FormData(event.currentTarget).get('day') ?? ''));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      setError(t('validation.invalidDate'));
      return;
    }
    setError(undefined);
    setDay(value);
  }

  return (
    <section className="sl-section no-print" aria-labelledby="sl-day-title">
      <Heading level={2} data-size="md" id="sl-day-title">
        {t('shiftLog.dayTitle')}
      </Heading>
      <form onSubmit={show} className="sl-actions" noValidate style={{ alignItems: 'end' }}>
        <Textfield id="sl-day" name="day" label={t('shiftLog.day')} description={t('shiftLog.timeHintDate')} error={error} inputMode="numeric" autoComplete="off" />
        <Button type="submit" variant="secondary">
          {t('shiftLog.showDay')}
        </Button>
      </form>
      {shown.error && <ErrorAlert error={shown.error} />}
      {day && !shown.data && !shown.error && <Loading />}
      {shown.data && <ShiftGroups idPrefix="sl-day" shifts={shown.data.shifts} empty={t('shiftLog.dayEmpty')} onCorrect={props.onCorrect} />}
    </section>
  );
}
