import './rooms.css';
import { useEffect, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import type { HouseOutput, RoomOutput } from '../rooms.schema.ts';
import { HouseForm } from './HouseForm.tsx';
import { RoomForm } from './RoomForm.tsx';
import { RoomFeatures, RoomStateTag } from './RoomStateTag.tsx';

// One form at a time, so field ids and the error summary's links stay unique on the page.
type Editing = { kind: 'newHouse' } | { kind: 'house'; id: string } | { kind: 'newRoom'; houseId: string } | { kind: 'room'; id: string } | null;

/** Houses and rooms administration: register and change houses, and the rooms in each. */
export function HousesAdminPage() {
  const { t } = useI18n();
  const houses = useApi<HouseOutput[]>('/api/houses');
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState('');

  // After a form closes, the keyboard goes back to the button or heading it came from (once it is rendered again).
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  const close = (focusId: string) => {
    setEditing(null);
    setFocusTarget(focusId);
  };

  function putHouse(house: HouseOutput) {
    houses.setData((list) => {
      const rest = (list ?? []).filter((h) => h.id !== house.id);
      return [...rest, house].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
    });
  }
  function putRoom(room: RoomOutput) {
    houses.setData((list) =>
      list?.map((h) =>
        h.id !== room.houseId
          ? h
          : { ...h, rooms: [...h.rooms.filter((x) => x.id !== room.id), room].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'nb')) },
      ),
    );
  }

  return (
    <div className="stack">
      <div className="house-head">
        <Heading level={1} data-size="lg">
          {t('rooms.adminTitle')}
        </Heading>
        {editing?.kind !== 'newHouse' && (
          <Button id="new-house" onClick={() => setEditing({ kind: 'newHouse' })}>
            {t('rooms.newHouse')}
          </Button>
        )}
      </div>
      <Paragraph>{t('rooms.adminIntro')}</Paragraph>
      <div role="status" aria-live="polite">
        {status && <Alert data-color="success">{status}</Alert>}
      </div>
      {editing?.kind === 'newHouse' && (
        <HouseForm
          title={t('rooms.newHouse')}
          onCancel={() => close('new-house')}
          onSubmit={async (value) => {
            const house = await api.post<HouseOutput>('/api/houses', value);
            putHouse(house);
            setStatus(t('rooms.houseCreated', { name: house.name }));
            close(`house-${house.id}`);
          }}
        />
      )}
      {houses.error && <ErrorAlert error={houses.error} />}
      {!houses.data && !houses.error && <Loading />}
      {houses.data?.length === 0 && <Paragraph>{t('rooms.noHousesAdmin')}</Paragraph>}
      {houses.data?.map((house) => {
        const nextSortOrder = Math.max(0, ...house.rooms.map((r) => r.sortOrder)) + 1;
        return (
          <section key={house.id} className="house-section" aria-labelledby={`house-${house.id}`}>
            <div className="house-head">
              <Heading level={2} data-size="md" id={`house-${house.id}`} tabIndex={-1}>
                {house.name}
              </Heading>
              {!(editing?.kind === 'house' && editing.id === house.id) && (
                <Button id={`edit-house-${house.id}`} variant="secondary" data-size="sm" onClick={() => setEditing({ kind: 'house', id: house.id })}>
                  {t('rooms.editHouse')}
                  <span className="ds-sr-only"> {house.name}</span>
                </Button>
              )}
            </div>
            <Paragraph>
              {house.streetAddress}, {house.postalCode} {house.city}
            </Paragraph>
            {editing?.kind === 'house' && editing.id === house.id && (
              <HouseForm
                title={t('rooms.editHouseNamed', { name: house.name })}
                house={house}
                onCancel={() => close(`edit-house-${house.id}`)}
                onSubmit={async (value) => {
                  const updated = await api.put<HouseOutput>(`/api/houses/${house.id}`, value);
                  putHouse(updated);
                  setStatus(t('rooms.houseSaved', { name: updated.name }));
                  close(`edit-house-${house.id}`);
                }}
              />
            )}
            <Heading level={3} data-size="xs">
              {t('rooms.rooms')}
            </Heading>
            {house.rooms.length === 0 && <Paragraph>{t('rooms.noRooms')}</Paragraph>}
            {house.rooms.length > 0 && (
              <ul className="admin-room-list">
                {house.rooms.map((room) => {
                  const open = editing?.kind === 'room' && editing.id === room.id;
                  return (
                    <li key={room.id} className="admin-room">
                      <span className="admin-room-name">{room.name}</span>
                      <RoomFeatures room={room} />
                      <RoomStateTag state={room.state} />
                      {!open && (
                        <Button
                          id={`edit-room-${room.id}`}
                          variant="tertiary"
                          data-size="sm"
                          aria-label={t('rooms.editRoomNamed', { name: room.name })}
                          onClick={() => setEditing({ kind: 'room', id: room.id })}
                        >
                          {t('rooms.editRoom')}
                        </Button>
                      )}
                      {open && (
                        <div className="admin-room-form">
                          <RoomForm
                            title={t('rooms.editRoomNamed', { name: room.name })}
                            room={room}
                            onCancel={() => close(`edit-room-${room.id}`)}
                            onSubmit={async (value) => {
                              const updated = await api.put<RoomOutput>(`/api/rooms/${room.id}`, value);
                              putRoom(updated);
                              setStatus(t('rooms.roomSaved', { name: updated.name }));
                              close(`edit-room-${room.id}`);
                            }}
                          />
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {editing?.kind === 'newRoom' && editing.houseId === house.id ? (
              <RoomForm
                title={t('rooms.newRoomIn', { house: house.name })}
                nextSortOrder={nextSortOrder}
                onCancel={() => close(`new-room-${house.id}`)}
                onSubmit={async (value) => {
                  const room = await api.post<RoomOutput>(`/api/houses/${house.id}/rooms`, value);
                  putRoom(room);
                  setStatus(t('rooms.roomCreated', { name: room.name }));
                  close(`new-room-${house.id}`);
                }}
              />
            ) : (
              <div>
                <Button id={`new-room-${house.id}`} variant="secondary" onClick={() => setEditing({ kind: 'newRoom', houseId: house.id })}>
                  {t('rooms.newRoom')}
                  <span className="ds-sr-only"> ({house.name})</span>
                </Button>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
