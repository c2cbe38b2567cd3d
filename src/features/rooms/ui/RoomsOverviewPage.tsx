import './rooms.css';
import { useState } from 'react';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import type { HouseOutput, RoomOutput } from '../rooms.schema.ts';
import { RoomCard } from './RoomCard.tsx';

/** The board: every house with its rooms and their state; staff mark rooms ready, for cleaning or out of service. */
export function RoomsOverviewPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const houses = useApi<HouseOutput[]>('/api/houses');
  const [formFor, setFormFor] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  function replaceRoom(room: RoomOutput) {
    houses.setData((list) => list?.map((h) => ({ ...h, rooms: h.rooms.map((x) => (x.id === room.id ? room : x)) })));
    setStatus(t('rooms.stateChanged', { name: room.name, state: t(`rooms.state.${room.state}`) }));
  }

  return (
    <div className="stack">
      <div>
        <Heading level={1} data-size="lg">
          {t('rooms.boardTitle')}
        </Heading>
        <Paragraph>{t('rooms.boardIntro')}</Paragraph>
      </div>
      <div role="status" aria-live="polite">
        {status && <Alert data-color="success">{status}</Alert>}
      </div>
      {houses.error && <ErrorAlert error={houses.error} />}
      {!houses.data && !houses.error && <Loading />}
      {houses.data?.length === 0 && <Paragraph>{t('rooms.noHouses')}</Paragraph>}
      {houses.data?.map((house) => {
        const ready = house.rooms.filter((r) => r.state === 'ready').length;
        return (
          <section key={house.id} className="house-section" aria-labelledby={`house-${house.id}`}>
            <div>
              <Heading level={2} data-size="md" id={`house-${house.id}`}>
                {house.name}
              </Heading>
              <Paragraph>
                {house.streetAddress}, {house.postalCode} {house.city}
              </Paragraph>
              {house.rooms.length > 0 && <Paragraph data-size="sm">{t('rooms.readyCount', { ready, total: house.rooms.length })}</Paragraph>}
            </div>
            {house.rooms.length === 0 ? (
              <Paragraph>{t('rooms.noRooms')}</Paragraph>
            ) : (
              <ul className="room-grid">
                {house.rooms.map((room) => (
                  <li key={room.id}>
                    <RoomCard
                      room={room}
                      canChangeState={can('room:state')}
                      formOpen={formFor === room.id}
                      onOpenForm={() => setFormFor(room.id)}
                      onCloseForm={() => setFormFor(null)}
                      onChanged={replaceRoom}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
