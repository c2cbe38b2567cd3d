import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Dialog, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { api } from '../../../platform/ui/api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { roomMoveInput, type RoomMoveOptionsOutput, type RoomMoveOutput } from '../room-move.schema.ts';

/**
 * "Flytt til annen hybel": the free rooms, the move day and the reason; the old room's keys come back,
 * front-door keys go along, and keys of the new room can be handed out. Opened from the board.
 */
export function RoomMoveDialog({ stayId, household, open, onClose }: { stayId: string; household: string; open: boolean; onClose(moved: boolean): void }) {
  const { t } = useI18n();
  const options = useApi<RoomMoveOptionsOutput>(open ? `/api/stays/${stayId}/room-move` : null);
  const [moved, setMoved] = useState<{ result: RoomMoveOutput; roomName: string } | null>(null);
  const close = () => {
    const didMove = moved !== null;
    setMoved(null);
    onClose(didMove);
  };

  return (
    <Dialog open={open} onClose={close} closedby="any" modal closeButton={t('app.cancel')} aria-labelledby={`move-${stayId}-title`} className="move-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={`move-${stayId}-title`}>
          {t('moveOut.roomMove.title', { name: household })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {!open ? null : moved ? (
          <Moved roomName={moved.roomName} result={moved.result} onClose={close} />
        ) : options.error ? (
          <ErrorAlert error={options.error} />
        ) : !options.data ? (
          <Loading />
        ) : (
          <MoveForm options={options.data} onMoved={(result, roomName) => setMoved({ result, roomName })} onCancel={close} />
        )}
      </Dialog.Block>
    </Dialog>
  );
}

function Moved({ roomName, result, onClose }: { roomName: string; result: RoomMoveOutput; onClose(): void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="stack">
      <Alert data-color="success">
        <Paragraph ref={heading} tabIndex={-1}>
          {t('moveOut.roomMove.done', { room: roomName, date: formatDate(result.movedOn) })}
        </Paragraph>
        <Paragraph data-size="sm">{t('moveOut.roomMove.doneKeys', { returned: result.keysReturned, carried: result.keysCarried, issued: result.keysIssued })}</Paragraph>
      </Alert>
      <div>
        <Button onClick={onClose}>{t('moveOut.roomMove.close')}</Button>
      </div>
    </div>
  );
}

function MoveForm({ options, onMoved, onCancel }: { options: RoomMoveOptionsOutput; onMoved(result: RoomMoveOutput, roomName: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(roomMoveInput);
  const [roomId, setRoomId] = useState<string | null>(null);
  const room = options.rooms.find((r) => r.id === roomId);
  const err = (field: string) => form.fieldErrors[field];
  const labels: Record<string, string> = {
    toRoomId: t('moveOut.roomMove.toRoom'),
    movedOn: t('moveOut.roomMove.movedOn'),
    reason: t('moveOut.roomMove.reason'),
    keyIds: t('moveOut.roomMove.newKeys'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await form.submit(
      {
        toRoomId: roomId ?? undefined,
        movedOn: parseDateInput(String(data.get('movedOn') ?? '')),
        reason: String(data.get('reason') ?? ''),
        keyIds: data.getAll('keyIds').map(String),
      },
      async (value) => onMoved(await api.post<RoomMoveOutput>(`/api/stays/${options.stayId}/room-move`, value), room?.name ?? ''),
    );
  }

  return (
    <form onSubmit={handleSubmit} className="stack" noValidate aria-label={t('moveOut.roomMove.formLabel')}>
      <Paragraph data-size="sm">{t('moveOut.roomMove.from', { room: options.fromRoom.name, house: options.fromRoom.houseName })}</Paragraph>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      {options.rooms.length === 0 ? (
        <Alert data-color="warning">{t('moveOut.roomMove.noRooms')}</Alert>
      ) : (
        <Fieldset id={fieldId('toRoomId')} aria-describedby={err('toRoomId') ? 'toRoomId-error' : undefined}>
          <Fieldset.Legend>{t('moveOut.roomMove.toRoom')}</Fieldset.Legend>
          <Fieldset.Description>{t('moveOut.roomMove.toRoomHint')}</Fieldset.Description>
          {options.rooms.map((r) => (
            <Radio
              key={r.id}
              name="toRoomId"
              value={r.id}
              checked={roomId === r.id}
              onChange={() => setRoomId(r.id)}
              label={t('moveOut.roomMove.roomOption', { room: r.name, house: r.houseName })}
              description={r.reservedFrom ? t('moveOut.roomMove.reservedFrom', { date: formatDate(r.reservedFrom) }) : undefined}
              aria-invalid={err('toRoomId') ? true : undefined}
            />
          ))}
          {err('toRoomId') && <ValidationMessage id="toRoomId-error">{err('toRoomId')}</ValidationMessage>}
        </Fieldset>
      )}
      <Textfield
        id={fieldId('movedOn')}
        name="movedOn"
        label={t('moveOut.roomMove.movedOn')}
        description={t('moveOut.dateHint')}
        defaultValue={formatDate(options.today)}
        error={err('movedOn')}
        inputMode="numeric"
        autoComplete="off"
        style={{ maxWidth: '14rem' }}
      />
      <Textfield id={fieldId('reason')} name="reason" label={t('moveOut.roomMove.reason')} error={err('reason')} multiline rows={2} />

      <div className="stack" style={{ gap: 'var(--ds-size-2)' }}>
        <Heading level={3} data-size="2xs">
          {t('moveOut.roomMove.heldKeys')}
        </Heading>
        {options.heldKeys.length === 0 ? (
          <Paragraph data-size="sm">{t('moveOut.noKeysHeld')}</Paragraph>
        ) : (
          <ul className="move-key-list">
            {options.heldKeys.map((k) => (
              <li key={k.id}>
                {t('moveOut.keyLabel', { number: k.keyNumber, door: t(`stays.door.${k.door}`) })}:{' '}
                {k.returnedAtMove ? t('moveOut.roomMove.keyReturned') : t('moveOut.roomMove.keyCarried')}
              </li>
            ))}
          </ul>
        )}
      </div>

      {room && (
        <Fieldset id={fieldId('keyIds')}>
          <Fieldset.Legend>{t('moveOut.roomMove.newKeys')}</Fieldset.Legend>
          <Fieldset.Description>{t('moveOut.roomMove.newKeysHint')}</Fieldset.Description>
          {room.freeKeys.length === 0 && <Paragraph data-size="sm">{t('moveOut.roomMove.noFreeKeys')}</Paragraph>}
          {room.freeKeys.map((k) => (
            <Checkbox key={k.id} name="keyIds" value={k.id} label={t('moveOut.keyLabel', { number: k.keyNumber, door: t(`stays.door.${k.door}`) })} />
          ))}
          {err('keyIds') && <ValidationMessage>{err('keyIds')}</ValidationMessage>}
        </Fieldset>
      )}

      <div className="row">
        <Button type="submit" disabled={form.submitting || options.rooms.length === 0}>
          {t('moveOut.roomMove.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
