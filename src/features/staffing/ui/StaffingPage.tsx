import '../../shift-log/ui/shift-log.css';
import './staffing.css';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { osloToday, weekdayName } from '../../shift-log/ui/shift-format.ts';
import type { RotaOutput, StaffingPatternOutput } from '../staffing.schema.ts';
import { StaffingPatternForm } from './StaffingPatternForm.tsx';
import { AddAssignmentForm } from './AddAssignmentForm.tsx';

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

type Removal = { id: string; name: string; shift: 'day' | 'evening' | 'night'; day: string };

/** /turnus — the staffing plan: the rota of a period from the pattern, edits by hand, under-staffed shifts. */
export function StaffingPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const today = osloToday();
  const [period, setPeriod] = useState({ from: today, to: addDays(today, 27) });
  const [periodErrors, setPeriodErrors] = useState<Record<string, string>>({});
  const rota = useApi<RotaOutput>(`/api/staffing/rota?from=${period.from}&to=${period.to}`);
  const pattern = useApi<StaffingPatternOutput>('/api/staffing/pattern');
  const [confirmGenerate, setConfirmGenerate] = useState(false);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const shiftName = (s: 'day' | 'evening' | 'night') => t(`shiftLog.shift.${s}`);
  const canWrite = can('staffing:write');

  function showPeriod(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = parseDateInput(String(data.get('from') ?? ''));
    const to = parseDateInput(String(data.get('to') ?? ''));
    const errors: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) errors.from = t('validation.invalidDate');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) errors.to = t('validation.invalidDate');
    else if (to < from) errors.to = t('staffing.validation.toBeforeFrom');
    setPeriodErrors(errors);
    if (Object.keys(errors).length === 0) setPeriod({ from, to });
  }

  async function run(action: () => Promise<unknown>, done: string) {
    setMessage(null);
    setActionError(null);
    try {
      await action();
      setMessage(done);
      await rota.reload();
    } catch (err) {
      setActionError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  }

  const p = pattern.data;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('staffing.title')}
      </Heading>
      {p && (
        <Paragraph>
          {t('staffing.intro', { weekdayDay: p.weekday.day, weekdayEvening: p.weekday.evening, weekendDay: p.weekend.day, weekendEvening: p.weekend.evening })}
        </Paragraph>
      )}

      <form className="sl-panel no-print" onSubmit={showPeriod} noValidate aria-labelledby="st-period-title">
        <Heading level={2} data-size="xs" id="st-period-title">
          {t('staffing.period')}
        </Heading>
        <div className="sl-grid">
          <Textfield id="st-from" name="from" label={t('staffing.from')} description={t('staffing.dateHint')} defaultValue={formatDate(period.from)} error={periodErrors.from} inputMode="numeric" autoComplete="off" />
          <Textfield id="st-to" name="to" label={t('staffing.to')} description={t('staffing.dateHint')} defaultValue={formatDate(period.to)} error={periodErrors.to} inputMode="numeric" autoComplete="off" />
        </div>
        <div className="sl-actions">
          <Button type="submit" variant="secondary">
            {t('staffing.show')}
          </Button>
          {canWrite && (
            <Button type="button" onClick={() => setConfirmGenerate(true)}>
              {t('staffing.generate')}
            </Button>
          )}
        </div>
      </form>

      {message && (
        <Alert data-color="success" role="status">
          {message}
        </Alert>
      )}
      {actionError && <ErrorAlert error={actionError} />}
      {rota.error && <ErrorAlert error={rota.error} />}
      {!rota.data && !rota.error && <Loading />}

      {rota.data && (
        <>
          <section className="sl-section" aria-labelledby="st-warnings-title">
            <Heading level={2} data-size="sm" id="st-warnings-title">
              {t('staffing.warnings')}
            </Heading>
            {rota.data.warnings.length === 0 ? (
              <Paragraph>{t('staffing.warningsNone')}</Paragraph>
            ) : (
              <Alert data-color="warning">
                <ul className="st-warnings">
                  {rota.data.warnings.map((w) => (
                    <li key={`${w.day}-${w.shift}`}>
                      {t('staffing.warningLine', { shift: shiftName(w.shift), weekday: weekdayName(w.day, locale), date: formatDate(w.day), assigned: w.assigned, required: w.required })}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
          </section>

          {canWrite && <AddAssignmentForm members={rota.data.members} defaultDay={period.from} onSaved={() => void rota.reload()} />}

          <section className="sl-section" aria-labelledby="st-rota-title">
            <Heading level={2} data-size="sm" id="st-rota-title">
              {t('staffing.title')} {formatDate(rota.data.from)}–{formatDate(rota.data.to)}
            </Heading>
            <ol className="st-days">
              {rota.data.days.map((d) => (
                <li key={d.day} className="st-day" data-weekend={d.isWeekend ? 'true' : 'false'}>
                  <div className="sl-entry-head">
                    <Heading level={3} data-size="2xs">
                      {weekdayName(d.day, locale)} {formatDate(d.day)}
                    </Heading>
                    {d.isWeekend && <Tag data-color="info">{t('staffing.weekendOf', { group: d.weekendGroup + 1 })}</Tag>}
                  </div>
                  <dl className="st-shifts">
                    {d.shifts
                      .filter((s) => s.required > 0 || s.assigned.length > 0)
                      .map((s) => (
                        <div key={s.shift} className="st-shift">
                          <dt>{shiftName(s.shift)}</dt>
                          <dd>
                            {s.assigned.length === 0 && <span className="sl-muted">{t('staffing.nobody')}</span>}
                            {s.assigned.map((a) => (
                              <span key={a.id} className="st-person">
                                {a.name}
                                {a.source === 'manual' && <span className="sl-muted"> ({t('staffing.manual')})</span>}
                                {canWrite && (
                                  <Button
                                    variant="tertiary"
                                    data-size="sm"
                                    className="no-print"
                                    aria-label={`${t('staffing.remove')}: ${a.name}, ${shiftName(s.shift)} ${formatDate(d.day)}`}
                                    onClick={() => setRemoval({ id: a.id, name: a.name, shift: s.shift, day: d.day })}
                                  >
                                    {t('staffing.remove')}
                                  </Button>
                                )}
                              </span>
                            ))}
                            {s.assigned.length < s.required && (
                              <Tag data-color="danger">{t('staffing.understaffedTag', { assigned: s.assigned.length, required: s.required })}</Tag>
                            )}
                          </dd>
                        </div>
                      ))}
                  </dl>
                </li>
              ))}
            </ol>
          </section>

          <section className="sl-section" aria-labelledby="st-members-title">
            <Heading level={2} data-size="sm" id="st-members-title">
              {t('staffing.members')}
            </Heading>
            <Paragraph className="sl-muted">{t('staffing.membersIntro')}</Paragraph>
            <ul className="st-members">
              {rota.data.members.map((m) => (
                <li key={m.userId}>
                  {canWrite ? (
                    <Field>
                      <Label htmlFor={`st-group-${m.userId}`}>{t('staffing.groupOf', { name: m.name })}</Label>
                      <Select
                        id={`st-group-${m.userId}`}
                        value={m.weekendGroup === null ? '' : String(m.weekendGroup)}
                        onChange={(e) =>
                          void run(() => api.put(`/api/staffing/members/${m.userId}/weekend-group`, { weekendGroup: Number(e.target.value) }), t('staffing.groupSaved'))
                        }
                      >
                        {m.weekendGroup === null && <Select.Option value="">{t('staffing.noGroup')}</Select.Option>}
                        {[0, 1, 2, 3].map((g) => (
                          <Select.Option key={g} value={String(g)}>
                            {t('staffing.weekendGroup', { group: g + 1 })}
                          </Select.Option>
                        ))}
                      </Select>
                    </Field>
                  ) : (
                    <>
                      {m.name}: {m.weekendGroup === null ? t('staffing.noGroup') : t('staffing.weekendGroup', { group: m.weekendGroup + 1 })}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}

      {canWrite && p && <StaffingPatternForm pattern={p} onSaved={(next) => { pattern.setData(next); void rota.reload(); }} />}

      <ConfirmDialog
        open={confirmGenerate}
        title={t('staffing.generateConfirmTitle')}
        body={t('staffing.generateConfirmBody')}
        confirmLabel={t('staffing.generate')}
        onCancel={() => setConfirmGenerate(false)}
        onConfirm={() => {
          setConfirmGenerate(false);
          void run(() => api.post('/api/staffing/rota/generate', period), t('staffing.generated'));
        }}
      />
      <ConfirmDialog
        open={removal !== null}
        title={removal ? t('staffing.removeConfirmTitle', { name: removal.name }) : ''}
        body={removal ? t('staffing.removeConfirmBody', { shift: shiftName(removal.shift), date: formatDate(removal.day) }) : undefined}
        confirmLabel={t('staffing.remove')}
        onCancel={() => setRemoval(null)}
        onConfirm={() => {
          const r = removal!;
          setRemoval(null);
          void run(() => api.delete(`/api/staffing/assignments/${r.id}`), t('staffing.remove'));
        }}
      />
    </div>
  );
}
