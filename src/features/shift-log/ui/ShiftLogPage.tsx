import './shift-log.css';
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import type { HandoverOutput, ShiftLogEntryOutput, ShiftLogResidentOutput } from '../shift-log.schema.ts';
import { ShiftLogEntryForm } from './ShiftLogEntryForm.tsx';
import { ShiftGroups } from './ShiftGroups.tsx';
import { ShiftLogDay } from './ShiftLogDay.tsx';
import { osloClock, osloToday } from './shift-format.ts';
import type { IncidentSummaryOutput } from '../../incidents/incidents.schema.ts';

const daysAgo = (n: number) => {
  const d = new Date(`${osloToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

/** /vaktbok — the shift log: write an entry, and the handover of the last 24 hours by shift (printable). */
export function ShiftLogPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const handover = useApi<HandoverOutput>('/api/shift-log/handover');
  const residents = useApi<ShiftLogResidentOutput[]>(can('shift_log:write') ? '/api/shift-log/residents' : null);
  // Incidents of the last 30 days to link an entry to (the list carries no names).
  const incidents = useApi<IncidentSummaryOutput[]>(can('shift_log:write') && can('incident:read') ? `/api/incidents?from=${daysAgo(30)}` : null);
  const incidentChoices = can('incident:read') ? (incidents.data ?? []) : null;
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const [correcting, setCorrecting] = useState<ShiftLogEntryOutput | null>(null);

  const afterSave = () => {
    setSaved(true);
    setCorrecting(null);
    setFormKey((k) => k + 1);
    void handover.reload();
  };
  const startCorrecting = (entry: ShiftLogEntryOutput) => {
    setSaved(false);
    setCorrecting(entry);
    window.scrollTo({ top: 0 });
  };
  const shiftName = (shift: 'day' | 'evening' | 'night') => t(`shiftLog.shift.${shift}`);
  const nowTime = osloClock(new Date().toISOString());

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('shiftLog.title')}
      </Heading>
      <Paragraph className="no-print">{t('shiftLog.intro')}</Paragraph>
      {saved && (
        <Alert data-color="success" role="status" className="no-print">
          {t('shiftLog.saved')}
        </Alert>
      )}

      {can('shift_log:write') && handover.data && residents.data && !correcting && (
        <section className="sl-panel no-print" aria-labelledby="sl-new-title">
          <Heading level={2} data-size="sm" id="sl-new-title">
            {t('shiftLog.new')}
          </Heading>
          <ShiftLogEntryForm key={formKey} current={handover.data.current} nowTime={nowTime} residents={residents.data} incidents={incidentChoices} onSaved={afterSave} />
        </section>
      )}
      {correcting && handover.data && residents.data && (
        <section className="sl-panel no-print" aria-labelledby="sl-correct-title">
          <Heading level={2} data-size="sm" id="sl-correct-title">
            {t('shiftLog.correcting')}
          </Heading>
          <ShiftLogEntryForm
            current={handover.data.current}
            nowTime={nowTime}
            residents={residents.data}
            incidents={incidentChoices}
            correcting={correcting}
            onSaved={afterSave}
            onCancel={() => setCorrecting(null)}
          />
        </section>
      )}

      <section className="sl-section" aria-labelledby="sl-handover-title">
        <div className="sl-actions">
          <Heading level={2} data-size="md" id="sl-handover-title" style={{ marginRight: 'auto' }}>
            {t('shiftLog.handover')}
          </Heading>
          <Button variant="secondary" className="no-print" onClick={() => window.print()}>
            {t('shiftLog.print')}
          </Button>
        </div>
        {handover.error && <ErrorAlert error={handover.error} />}
        {!handover.data && !handover.error && <Loading />}
        {handover.data && (
          <>
            <Paragraph>
              {t('shiftLog.handoverIntro', { shift: shiftName(handover.data.current.shift).toLowerCase(), date: formatDate(handover.data.current.shiftDate) })}
            </Paragraph>
            <Paragraph className="sl-print-meta sl-muted">{t('shiftLog.printedAt', { time: formatDateTime(handover.data.to, locale) })}</Paragraph>
            <ShiftGroups idPrefix="sl-ho" shifts={handover.data.shifts} empty={t('shiftLog.handoverEmpty')} onCorrect={startCorrecting} />
          </>
        )}
      </section>
      <ShiftLogDay onCorrect={startCorrecting} version={formKey} />
    </div>
  );
}
