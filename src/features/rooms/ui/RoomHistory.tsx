import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import type { RoomStateChangeOutput } from '../rooms.schema.ts';

/** A room's state changes, newest first: when, from → to, who, why and for which dates. */
export function RoomHistory({ id, roomId, roomName }: { id: string; roomId: string; roomName: string }) {
  const { t, locale } = useI18n();
  const history = useApi<RoomStateChangeOutput[]>(`/api/rooms/${roomId}/state-history`);
  return (
    <section id={id} className="stack room-subform" aria-busy={history.loading}>
      <Heading level={4} data-size="2xs">
        {t('rooms.historyTitle', { name: roomName })}
      </Heading>
      {history.error && <ErrorAlert error={history.error} />}
      {!history.data && !history.error && <Loading />}
      {history.data && history.data.length === 0 && <Paragraph data-size="sm">{t('rooms.historyEmpty')}</Paragraph>}
      {history.data && history.data.length > 0 && (
        <ol className="room-history">
          {history.data.map((h) => (
            <li key={h.id}>
              <span className="when">
                {formatDateTime(h.changedAt, locale)}
                {h.changedByName ? ` ${t('rooms.by', { name: h.changedByName })}` : ''}
              </span>
              <span>
                {h.fromState
                  ? t('rooms.historyChange', { from: t(`rooms.state.${h.fromState}`), to: t(`rooms.state.${h.toState}`) })
                  : t('rooms.historyCreated', { state: t(`rooms.state.${h.toState}`) })}
              </span>
              {h.reason && (
                <span>
                  {': '}
                  {h.reason}
                </span>
              )}
              {h.fromDate && (
                <span>
                  {' ('}
                  {h.toDate ? t('rooms.fromTo', { from: formatDate(h.fromDate), to: formatDate(h.toDate) }) : t('rooms.fromOnly', { from: formatDate(h.fromDate) })}
                  {')'}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
