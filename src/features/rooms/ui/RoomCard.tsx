import { useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { ErrorAlert } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import type { ChangeRoomStateInput, RoomOutput, RoomState } from '../rooms.schema.ts';
import { RoomFeatures, RoomStateTag } from './RoomStateTag.tsx';
import { OutOfServiceForm } from './OutOfServiceForm.tsx';
import { RoomHistory } from './RoomHistory.tsx';

/** One room on the board: name, places, features, state in words and colour, and (for staff) the state buttons. */
export function RoomCard(props: {
  room: RoomOutput;
  canChangeState: boolean;
  formOpen: boolean;
  onOpenForm(): void;
  onCloseForm(): void;
  onChanged(room: RoomOutput): void;
}) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const r = props.room;
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);

  async function send(value: ChangeRoomStateInput) {
    const updated = await api.post<RoomOutput>(`/api/rooms/${r.id}/state`, value);
    props.onChanged(updated);
    setHistoryVersion((v) => v + 1);
    // The button pressed is gone now; put the keyboard back on the room it changed.
    requestAnimationFrame(() => heading.current?.focus());
  }

  async function mark(state: RoomState) {
    setBusy(true);
    try {
      await send({ state });
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  const headingId = `room-${r.id}`;
  const historyId = `room-history-${r.id}`;
  return (
    <Card className="room-card" data-state={r.state} aria-labelledby={headingId} asChild>
      <article>
        <div className="room-card-head">
          <Heading level={3} data-size="sm" id={headingId} ref={heading} tabIndex={-1}>
            {r.name}
          </Heading>
          <RoomStateTag state={r.state} />
        </div>
        <RoomFeatures room={r} />
        {r.stateSince && (
          <Paragraph data-size="sm">
            {t(`rooms.state.${r.state}`)} {t('rooms.since', { date: formatDateTime(r.stateSince, locale) })}
          </Paragraph>
        )}
        {r.state === 'out_of_service' && (
          <dl className="room-facts">
            <dt>{t('rooms.reason')}</dt>
            <dd>{r.outOfServiceReason}</dd>
            <dt>{t('rooms.outOfServicePeriod')}</dt>
            <dd>
              {r.outOfServiceTo
                ? t('rooms.fromTo', { from: formatDate(r.outOfServiceFrom), to: formatDate(r.outOfServiceTo) })
                : t('rooms.fromOnly', { from: formatDate(r.outOfServiceFrom) })}
            </dd>
          </dl>
        )}
        {error && <ErrorAlert error={error} />}
        {props.canChangeState && r.state === 'occupied' && <Paragraph data-size="sm">{t('rooms.occupiedHint')}</Paragraph>}
        {props.canChangeState && r.state !== 'occupied' && !props.formOpen && (
          <div className="room-actions" role="group" aria-label={t('rooms.stateActions', { name: r.name })}>
            {r.state !== 'ready' && (
              <Button data-size="sm" variant="secondary" disabled={busy} onClick={() => void mark('ready')}>
                {t('rooms.markReady')}
              </Button>
            )}
            {r.state !== 'cleaning' && (
              <Button data-size="sm" variant="secondary" disabled={busy} onClick={() => void mark('cleaning')}>
                {t('rooms.markCleaning')}
              </Button>
            )}
            <Button data-size="sm" variant="secondary" disabled={busy} onClick={props.onOpenForm}>
              {r.state === 'out_of_service' ? t('rooms.changeOutOfService') : t('rooms.markOutOfService')}
            </Button>
          </div>
        )}
        {props.formOpen && (
          <OutOfServiceForm
            room={r}
            onSubmit={async (value) => {
              await send(value);
              props.onCloseForm();
            }}
            onCancel={() => {
              props.onCloseForm();
              requestAnimationFrame(() => heading.current?.focus());
            }}
          />
        )}
        <div>
          <Button data-size="sm" variant="tertiary" aria-expanded={historyOpen} aria-controls={historyOpen ? historyId : undefined} onClick={() => setHistoryOpen((o) => !o)}>
            {historyOpen ? t('rooms.hideHistory') : t('rooms.showHistory')}
          </Button>
        </div>
        {historyOpen && <RoomHistory key={historyVersion} id={historyId} roomId={r.id} roomName={r.name} />}
        {(can('key:manage') || can('inventory:write')) && (
          <Paragraph data-size="sm">
            <Link asChild>
              <RouterLink to={`/hybler/${r.id}`} aria-label={t('stays.board.equipmentFor', { name: r.name })}>
                {t('stays.board.equipment')}
              </RouterLink>
            </Link>
          </Paragraph>
        )}
      </article>
    </Card>
  );
}
