import { Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { formatDate } from '../../../platform/ui/format.ts';
import type { ShiftLogEntryOutput, ShiftTypeValue } from '../shift-log.schema.ts';
import { osloClock, weekdayName } from './shift-format.ts';
import { ClosedRecordTag } from '../../privacy/ui/ClosedRecordTag.tsx';

/** Shift-log entries shift by shift (the handover and a chosen day), each with its residents and a "correct" button. */
export function ShiftGroups(props: {
  idPrefix: string;
  shifts: { shiftDate: string; shift: ShiftTypeValue; entries: ShiftLogEntryOutput[] }[];
  empty: string;
  onCorrect(entry: ShiftLogEntryOutput): void;
}) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  if (props.shifts.length === 0) return <Paragraph>{props.empty}</Paragraph>;
  return (
    <>
      {props.shifts.map((group) => {
        const headingId = `${props.idPrefix}-${group.shiftDate}-${group.shift}`;
        return (
          <section key={headingId} className="sl-shift" aria-labelledby={headingId}>
            <Heading level={3} data-size="xs" id={headingId}>
              {t('shiftLog.shiftHeading', { shift: t(`shiftLog.shift.${group.shift}`), weekday: weekdayName(group.shiftDate, locale), date: formatDate(group.shiftDate) })}
            </Heading>
            <ul className="sl-entries">
              {group.entries.map((entry) => (
                <li key={entry.id} className="sl-entry" data-corrected={entry.correctedByEntryId ? 'true' : 'false'}>
                  <div className="sl-entry-head">
                    <strong>{osloClock(entry.occurredAt)}</strong>
                    {entry.correctedByEntryId && <Tag data-color="neutral">{t('shiftLog.corrected')}</Tag>}
                    {entry.correctsEntryId && <Tag data-color="info">{t('shiftLog.isCorrection')}</Tag>}
                    <span className="sl-muted">{t('shiftLog.writtenBy', { name: entry.createdByName ?? '–' })}</span>
                  </div>
                  <p className="sl-entry-body">{entry.body}</p>
                  {entry.people.length > 0 && (
                    <p>
                      {t('shiftLog.about')}{' '}
                      {entry.people.map((p, i) => (
                        <span key={p.id}>
                          {i > 0 && ', '}
                          <Link asChild>
                            <RouterLink to={`/personer/${p.id}`}>{p.name}</RouterLink>
                          </Link>
                          {p.recordClosed && (
                            <>
                              {' '}
                              <ClosedRecordTag />
                            </>
                          )}
                        </span>
                      ))}
                    </p>
                  )}
                  {entry.incidentId && (
                    <p>
                      <Link asChild>
                        <RouterLink to={`/avvik/${entry.incidentId}`}>{t('shiftLog.incidentLink')}</RouterLink>
                      </Link>
                    </p>
                  )}
                  {entry.correctedByEntryId && <p className="sl-muted">{t('shiftLog.correctedBy')}</p>}
                  {can('shift_log:write') && !entry.correctedByEntryId && (
                    <div className="no-print">
                      <Button variant="tertiary" data-size="sm" onClick={() => props.onCorrect(entry)}>
                        {t('shiftLog.correct')}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
