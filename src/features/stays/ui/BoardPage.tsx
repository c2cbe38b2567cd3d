import './stays.css';
import { Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import { RoomFeatures, RoomStateTag } from '../../rooms/ui/RoomStateTag.tsx';
import type { BoardOutput, BoardRoomOutput } from '../stays.schema.ts';
import { ClockTag, clockDetail } from './ClockTag.tsx';
import { BoardCalendar } from './BoardCalendar.tsx';
import { OverdueTasksNote } from '../../journal/ui/OverdueTasksNote.tsx'; // issue 4, journal: overdue tasks on the resident's card
import { ResidentActions } from './ResidentActions.tsx';
import { AfterMoveOutPanel } from './AfterMoveOutPanel.tsx';
import { ExtensionOnBoard, OverdueFlag } from './ExtensionOnBoard.tsx';

/** GET /api/waiting-list (the allocation feature's endpoint), as the board shows it. */
interface WaitingListItem {
  entryId: string;
  referralId: string;
  position: number;
  householdName: string;
  urgency: 'tonight' | 'this_week' | 'later';
  reason: string;
  addedAt: string;
}

const household = (personName: string, partnerName: string | null, and: string) => (partnerName ? `${personName} ${and} ${partnerName}` : personName);

/** The staff's home page: rooms and residents with the three-month clock, arrivals, departures, free rooms, the waiting list. */
export function BoardPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = params.get('visning') === 'kalender' ? 'calendar' : 'overview';
  const board = useApi<BoardOutput>(view === 'overview' ? '/api/board' : null);

  return (
    <div className="stack">
      <div className="board-head">
        <div>
          <Heading level={1} data-size="lg">
            {t('stays.board.title')}
          </Heading>
          <Paragraph>{t('stays.board.intro')}</Paragraph>
        </div>
        <div className="board-actions">
          <Button asChild variant="secondary">
            <RouterLink to="/brannliste">{t('stays.board.fireList')}</RouterLink>
          </Button>
        </div>
      </div>
      <div className="board-actions" role="group" aria-label={t('stays.board.views')}>
        <Button variant={view === 'overview' ? 'primary' : 'secondary'} data-size="sm" aria-pressed={view === 'overview'} onClick={() => setParams({})}>
          {t('stays.board.viewOverview')}
        </Button>
        <Button variant={view === 'calendar' ? 'primary' : 'secondary'} data-size="sm" aria-pressed={view === 'calendar'} onClick={() => setParams({ visning: 'kalender' })}>
          {t('stays.board.viewCalendar')}
        </Button>
      </div>
      {view === 'calendar' ? (
        <BoardCalendar />
      ) : (
        <>
          {board.error && <ErrorAlert error={board.error} />}
          {!board.data && !board.error && <Loading />}
          {board.data && <BoardOverview board={board.data} onChanged={() => void board.reload()} />}
        </>
      )}
    </div>
  );
}

function BoardOverview({ board, onChanged }: { board: BoardOutput; onChanged(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const and = t('stays.and');
  const nextArrival = (roomId: string) => board.arrivals.find((a) => a.roomId === roomId);
  return (
    <div className="board-layout">
      <section className="board-section" aria-labelledby="board-rooms">
        <div>
          <Heading level={2} data-size="md" id="board-rooms">
            {t('stays.board.rooms')}
          </Heading>
          <Paragraph className="board-muted">{t('stays.board.today', { date: formatDate(board.today) })}</Paragraph>
        </div>
        {board.rooms.length === 0 ? (
          <Paragraph>{t('stays.board.noRooms')}</Paragraph>
        ) : (
          <ul className="board-rooms">
            {board.rooms.map((room) => (
              <li key={room.id}>
                <RoomOnBoard room={room} and={and} canEquipment={can('key:manage') || can('inventory:write')} canPerson={can('person:read')} onChanged={onChanged} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="board-side">
        <section className="board-section" aria-labelledby="board-arrivals">
          <Heading level={2} data-size="sm" id="board-arrivals">
            {t('stays.board.arrivals')}
          </Heading>
          <Paragraph className="board-muted">{t('stays.board.arrivalsHint', { date: formatDate(board.horizonOn) })}</Paragraph>
          {board.arrivals.length === 0 ? (
            <Paragraph>{t('stays.board.noArrivals')}</Paragraph>
          ) : (
            <ul className="board-list">
              {board.arrivals.map((a) => {
                const name = household(a.personName, a.partnerName, and);
                return (
                  <li key={a.offerId}>
                    <span className="when">{a.overdue ? t('stays.board.overdueArrival', { date: formatDate(a.fromOn) }) : formatDate(a.fromOn)}</span>
                    <span className="who">
                      {name}
                      <br />
                      <span className="board-muted">{t('stays.board.room', { name: a.roomName })}</span>
                    </span>
                    {can('stay:check_in') && (
                      <Button asChild data-size="sm">
                        <RouterLink to={`/innflytting/${a.offerId}`} aria-label={t('stays.board.checkInNamed', { name })}>
                          {t('stays.board.checkIn')}
                        </RouterLink>
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section className="board-section" aria-labelledby="board-departures">
          <Heading level={2} data-size="sm" id="board-departures">
            {t('stays.board.departures')}
          </Heading>
          <Paragraph className="board-muted">{t('stays.board.departuresHint', { date: formatDate(board.horizonOn) })}</Paragraph>
          {board.departures.length === 0 ? (
            <Paragraph>{t('stays.board.noDepartures')}</Paragraph>
          ) : (
            <ul className="board-list">
              {board.departures.map((d) => (
                <li key={d.stayId}>
                  <span className="when">{d.overdue ? t('stays.board.overdueDeparture', { date: formatDate(d.plannedEndOn) }) : formatDate(d.plannedEndOn)}</span>
                  <span className="who">
                    {household(d.personName, d.partnerName, and)}
                    <br />
                    <span className="board-muted">{t('stays.board.room', { name: d.roomName })}</span>
                  </span>
                  <ClockTag clock={d.clock} />
                  {d.overdueWithoutExtension && <OverdueFlag />}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="board-section" aria-labelledby="board-free">
          <Heading level={2} data-size="sm" id="board-free">
            {t('stays.board.freeRooms')}
          </Heading>
          {board.freeRooms.length === 0 ? (
            <Paragraph>{t('stays.board.noFreeRooms')}</Paragraph>
          ) : (
            <ul className="board-list">
              {board.freeRooms.map((r) => {
                const arrival = nextArrival(r.id);
                return (
                  <li key={r.id}>
                    <span className="who">{t('stays.board.room', { name: r.name })}</span>
                    {arrival && <span className="board-muted">{t('stays.board.reservedFrom', { date: formatDate(arrival.fromOn) })}</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <AfterMoveOutPanel />
        <WaitingList />
      </div>
    </div>
  );
}

function RoomOnBoard({ room, and, canEquipment, canPerson, onChanged }: { room: BoardRoomOutput; and: string; canEquipment: boolean; canPerson: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const r = room.resident;
  const headingId = `board-room-${room.id}`;
  return (
    <Card className="board-room" data-state={room.state} aria-labelledby={headingId} asChild>
      <article>
        <div className="board-room-head">
          <Heading level={3} data-size="xs" id={headingId}>
            {room.name}
          </Heading>
          <RoomStateTag state={room.state} />
        </div>
        <RoomFeatures room={room} />
        {r ? (
          <>
            <p className="board-resident">
              {canPerson ? (
                <Link asChild>
                  <RouterLink to={`/personer/${r.personId}`}>{r.personName}</RouterLink>
                </Link>
              ) : (
                r.personName
              )}
              {r.partnerName && ` ${and} ${r.partnerName}`}
            </p>
            <div>
              <ClockTag clock={r.clock} />
              <ExtensionOnBoard stayId={r.stayId} roomName={room.name} startOn={r.startOn} plannedEndOn={r.plannedEndOn} overdueWithoutExtension={r.overdueWithoutExtension} extendedUntil={r.extendedUntil} onChanged={onChanged} />
            </div>
            <p className="board-muted">
              {t('stays.board.since', { date: formatDate(r.startOn) })} · {clockDetail(t, r.clock, formatDate)}
            </p>
            <p className="board-muted">{t('stays.board.plannedEnd', { date: formatDate(r.plannedEndOn) })}</p>
            <OverdueTasksNote personId={r.personId} />{/* issue 4, journal: "N forfalte oppgaver" */}
            <ResidentActions stayId={r.stayId} household={household(r.personName, r.partnerName, and)} onChanged={onChanged} />
          </>
        ) : (
          room.state === 'out_of_service' && room.outOfServiceReason && <p className="board-muted">{room.outOfServiceReason}</p>
        )}
        {canEquipment && (
          <p>
            <Link asChild>
              <RouterLink to={`/hybler/${room.id}`} aria-label={t('stays.board.equipmentFor', { name: room.name })}>
                {t('stays.board.equipment')}
              </RouterLink>
            </Link>
          </p>
        )}
      </article>
    </Card>
  );
}

/** The waiting list comes from the allocation feature's endpoint; the board still works without it. */
function WaitingList() {
  const { t, locale } = useI18n();
  const list = useApi<WaitingListItem[]>('/api/waiting-list');
  return (
    <section className="board-section" aria-labelledby="board-waiting">
      <Heading level={2} data-size="sm" id="board-waiting">
        {t('stays.board.waitingList')}
      </Heading>
      {list.error && <Paragraph>{t('stays.board.waitingListUnavailable')}</Paragraph>}
      {!list.data && !list.error && <Loading />}
      {list.data?.length === 0 && <Paragraph>{t('stays.board.waitingListEmpty')}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <ol className="board-list">
          {list.data.map((w) => (
            <li key={w.entryId}>
              <span className="when">{w.position}.</span>
              <span className="who">
                {w.householdName}
                <br />
                <span className="board-muted">
                  {w.reason} · {t('stays.board.waitingSince', { date: formatDateTime(w.addedAt, locale) })}
                </span>
              </span>
              <Tag data-color={w.urgency === 'tonight' ? 'danger' : w.urgency === 'this_week' ? 'warning' : 'neutral'} data-size="sm">
                {t(`stays.board.urgency.${w.urgency}`)}
              </Tag>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
