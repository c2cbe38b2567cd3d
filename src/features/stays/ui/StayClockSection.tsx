import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import type { PersonStayClockOutput } from '../extension.schema.ts';
import { ClockTag, clockDetail } from './ClockTag.tsx';
import { OverdueFlag } from './ExtensionOnBoard.tsx';
import { ExtendStayDialog } from './ExtendStayDialog.tsx';

/**
 * On the person's page: the stay they live in now with the three-month clock, the over-limit flag,
 * the next warning, the extensions with their reasons, and "Forleng opphold" for the service lead.
 */
export function StayClockSection({ personId }: { personId: string }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const clock = useApi<PersonStayClockOutput>(can('stay:read') ? `/api/people/${personId}/stay-clock` : null);
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(false);
  // The dialog is unmounted when closed, so focus goes back to its button by hand, once it is gone.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) trigger.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const [saved, setSaved] = useState<string | null>(null);
  if (!can('stay:read')) return null;
  const s = clock.data?.stay;
  return (
    <section className="stack" aria-labelledby="stay-clock-title">
      <Heading level={2} data-size="md" id="stay-clock-title">
        {t('extension.sectionTitle')}
      </Heading>
      {clock.error && <ErrorAlert error={clock.error} />}
      {!clock.data && !clock.error && <Loading />}
      {clock.data && !s && <Paragraph>{t('extension.noStay')}</Paragraph>}
      {s && (
        <>
          <div className="row">
            <ClockTag clock={s.clock} />
            {s.overdueWithoutExtension && <OverdueFlag />}
          </div>
          <dl className="facts">
            <dt>{t('extension.room')}</dt>
            <dd>{s.roomName}</dd>
            <dt>{t('extension.since')}</dt>
            <dd>{formatDate(s.startOn)}</dd>
            <dt>{t('extension.limit')}</dt>
            <dd>{clockDetail(t, s.clock, formatDate)}</dd>
            <dt>{t('extension.plannedEnd')}</dt>
            <dd>{formatDate(s.plannedEndOn)}</dd>
            <dt>{t('extension.nextWarning')}</dt>
            <dd>{s.nextWarning ? t('extension.nextWarningValue', { week: s.nextWarning.week, date: formatDate(s.nextWarning.on) }) : t('extension.noMoreWarnings')}</dd>
          </dl>
          {saved && (
            <Alert data-color="success" role="status">
              {t('extension.saved', { date: formatDate(saved) })}
            </Alert>
          )}
          {can('stay:extend') && !s.endOn && (
            <div>
              <Button variant="secondary" ref={trigger} onClick={() => setOpen(true)}>
                {t('extension.extend')}
              </Button>
              {open && (
            <ExtendStayDialog
                  stay={{ stayId: s.stayId, roomName: s.roomName, startOn: s.startOn, plannedEndOn: s.plannedEndOn }}
                  open={open}
                  onClose={close}
                  onExtended={(e) => {
                    close();
                    setSaved(e.newPlannedEndOn);
                    void clock.reload();
                  }}
                />
          )}
            </div>
          )}
          <Heading level={3} data-size="xs">
            {t('extension.history')}
          </Heading>
          {s.extensions.length === 0 ? (
            <Paragraph>{t('extension.noExtensions')}</Paragraph>
          ) : (
            <ul>
              {s.extensions.map((e) => (
                <li key={e.id}>
                  <strong>{t('extension.historyLine', { from: formatDate(e.previousPlannedEndOn), to: formatDate(e.newPlannedEndOn) })}</strong>: {e.reason}
                  <br />
                  <span className="board-muted">{t('extension.decidedBy', { date: formatDateTime(e.decidedAt, locale), name: e.decidedByName })}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
