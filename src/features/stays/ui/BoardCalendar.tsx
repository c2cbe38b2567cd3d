import { useState } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate } from '../../../platform/ui/format.ts';
import { addDays, nightsBetween } from '../stays.rules.ts';
import type { CalendarOutput, CalendarSpanOutput } from '../stays.schema.ts';

const DAYS = 42;

/** Puts overlapping spans of one room on separate rows (an arrival during an out-of-service period, say). */
function rowsOf(spans: CalendarSpanOutput[], from: string): { span: CalendarSpanOutput; start: number; end: number; row: number }[] {
  const rowEnds: number[] = [];
  return spans.map((span) => {
    const start = Math.max(0, nightsBetween(from, span.startOn));
    const end = span.endOn ? Math.min(DAYS, nightsBetween(from, span.endOn)) : DAYS;
    let row = rowEnds.findIndex((e) => e <= start);
    if (row === -1) row = rowEnds.push(0) - 1;
    rowEnds[row] = end;
    return { span, start, end: Math.max(end, start + 1), row };
  });
}

/**
 * Rooms × weeks, six weeks at a time. The bars carry initials for the eye; the list under the grid
 * is the text alternative (who, from when to when), read by screen readers and printed with the page.
 */
export function BoardCalendar() {
  const { t } = useI18n();
  const [from, setFrom] = useState<string | null>(null);
  const calendar = useApi<CalendarOutput>(`/api/board/calendar${from ? `?from=${from}` : ''}`);
  const c = calendar.data;

  return (
    <section className="board-section" aria-labelledby="calendar-title">
      <div>
        <Heading level={2} data-size="md" id="calendar-title">
          {t('stays.calendar.title')}
          {c && `: ${t('stays.calendar.period', { from: formatDate(c.from), to: formatDate(addDays(c.to, -1)) })}`}
        </Heading>
        <Paragraph className="board-muted">{t('stays.calendar.intro')}</Paragraph>
      </div>
      <div className="calendar-nav no-print">
        <Button variant="secondary" data-size="sm" disabled={!c} onClick={() => c && setFrom(addDays(c.from, -DAYS))}>
          {t('stays.calendar.previous')}
        </Button>
        <Button variant="secondary" data-size="sm" disabled={!c || from === null} onClick={() => setFrom(null)}>
          {t('stays.calendar.thisWeek')}
        </Button>
        <Button variant="secondary" data-size="sm" disabled={!c} onClick={() => c && setFrom(c.to)}>
          {t('stays.calendar.next')}
        </Button>
      </div>
      {calendar.error && <ErrorAlert error={calendar.error} />}
      {!c && !calendar.error && <Loading />}
      {c && (
        <>
          <ul className="calendar-legend" aria-label={t('stays.calendar.legend')}>
            <li>
              <span className="calendar-span" data-kind="stay" aria-hidden="true">
                &nbsp;
              </span>
              {t('stays.calendar.legendStay')}
            </li>
            <li>
              <span className="calendar-span" data-kind="arrival" aria-hidden="true">
                &nbsp;
              </span>
              {t('stays.calendar.legendArrival')}
            </li>
            <li>
              <span className="calendar-span" data-kind="out_of_service" aria-hidden="true">
                &nbsp;
              </span>
              {t('stays.calendar.legendOutOfService')}
            </li>
          </ul>
          {/* The grid is a picture of the list below it; assistive technology reads the list. */}
          <div className="calendar-scroll" aria-hidden="true">
            <div className="calendar-grid">
              <div className="calendar-corner">{t('stays.calendar.room')}</div>
              {c.weeks.map((w, i) => (
                <div key={w.startOn} className="calendar-week" style={{ gridColumn: `${2 + i * 7} / span 7` }}>
                  {t('stays.calendar.week', { week: w.week })}
                  <small>{formatDate(w.startOn).slice(0, 5)}</small>
                </div>
              ))}
              {c.rooms.map((room, r) => {
                const placed = rowsOf(room.spans, c.from);
                const todayIndex = nightsBetween(c.from, c.today);
                const rows = Math.max(1, ...placed.map((x) => x.row + 1));
                return [
                  <div key={`${room.id}-name`} className="calendar-room" style={{ gridRow: r + 2 }}>
                    {room.name}
                  </div>,
                  <div key={`${room.id}-lane`} className="calendar-lane" style={{ gridRow: r + 2 }}>
                    {todayIndex >= 0 && todayIndex < DAYS && <div className="calendar-today" style={{ gridColumn: `${todayIndex + 1} / span 1`, gridRow: `1 / ${rows + 1}` }} />}
                    {placed.map(({ span, start, end, row }) => (
                      <div
                        key={`${span.kind}-${span.id ?? span.startOn}`}
                        className="calendar-span"
                        data-kind={span.kind}
                        data-open-start={span.startOn < c.from}
                        data-open-end={!span.endOn || span.endOn > c.to}
                        title={span.label}
                        style={{ gridColumn: `${start + 1} / ${end + 1}`, gridRow: row + 1 }}
                      >
                        {span.initials || '\u00a0'}
                      </div>
                    ))}
                  </div>,
                ];
              })}
            </div>
          </div>
          <dl className="calendar-text">
            {c.rooms.map((room) => [
              <dt key={`${room.id}-dt`}>{t('stays.board.room', { name: room.name })}</dt>,
              <dd key={`${room.id}-dd`}>{room.spans.length === 0 ? t('stays.calendar.empty') : room.spans.map((s) => s.label).join('; ')}</dd>,
            ])}
          </dl>
        </>
      )}
    </section>
  );
}
