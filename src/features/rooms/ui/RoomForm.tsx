import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Heading, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { roomInput, type RoomInput, type RoomOutput } from '../rooms.schema.ts';

/** Adds a room to a house or changes one: name, places, crisis room, takes couples, order. */
export function RoomForm(props: { title: string; room?: RoomOutput; nextSortOrder?: number; onSubmit(value: RoomInput): Promise<void>; onCancel(): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(roomInput);
  const r = props.room;
  const [capacity, setCapacity] = useState(r?.capacity ?? 1);
  const labels = {
    name: t('rooms.roomName'),
    capacity: t('rooms.capacity'),
    isCrisisRoom: t('rooms.isCrisisRoom'),
    takesCouples: t('rooms.takesCouples'),
    sortOrder: t('rooms.sortOrder'),
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const sortOrder = String(data.get('sortOrder') ?? '').trim();
    await form.submit(
      {
        name: String(data.get('name') ?? ''),
        capacity,
        isCrisisRoom: data.get('isCrisisRoom') === 'on',
        takesCouples: data.get('takesCouples') === 'on',
        sortOrder: sortOrder === '' ? undefined : Number(sortOrder),
      },
      props.onSubmit,
    );
  }

  const err = (field: string) => form.fieldErrors[field];
  return (
    <form onSubmit={handleSubmit} className="stack form-panel" noValidate aria-labelledby="room-form-title">
      <Heading level={4} data-size="2xs" id="room-form-title">
        {props.title}
      </Heading>
      <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
      <div className="grid-2">
        <Textfield
          id={fieldId('name')}
          name="name"
          label={labels.name}
          description={t('rooms.roomNameHint')}
          defaultValue={r?.name}
          error={err('name')}
          autoComplete="off"
          autoFocus
        />
        <Textfield
          id={fieldId('sortOrder')}
          name="sortOrder"
          label={labels.sortOrder}
          description={t('rooms.sortOrderHint')}
          defaultValue={String(r?.sortOrder ?? props.nextSortOrder ?? 0)}
          error={err('sortOrder')}
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
      <Fieldset>
        <Fieldset.Legend>{labels.capacity}</Fieldset.Legend>
        <Radio id={fieldId('capacity')} name="capacity" value="1" label={t('rooms.capacityOne')} checked={capacity === 1} onChange={() => setCapacity(1)} />
        <Radio name="capacity" value="2" label={t('rooms.capacityTwo')} checked={capacity === 2} onChange={() => setCapacity(2)} />
        {err('capacity') && <ValidationMessage>{err('capacity')}</ValidationMessage>}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('rooms.features')}</Fieldset.Legend>
        <Checkbox
          id={fieldId('isCrisisRoom')}
          name="isCrisisRoom"
          label={labels.isCrisisRoom}
          description={t('rooms.isCrisisRoomHint')}
          defaultChecked={r?.isCrisisRoom ?? false}
        />
        <Checkbox
          id={fieldId('takesCouples')}
          name="takesCouples"
          label={labels.takesCouples}
          description={t('rooms.takesCouplesHint')}
          defaultChecked={r?.takesCouples ?? false}
          error={err('takesCouples')}
        />
      </Fieldset>
      <div className="room-actions">
        <Button type="submit" disabled={form.submitting}>
          {r ? t('app.save') : t('rooms.createRoom')}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
