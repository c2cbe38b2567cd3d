import { Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import type { RoomState } from '../rooms.schema.ts';

export const stateColour: Record<RoomState, 'success' | 'info' | 'warning' | 'danger'> = {
  ready: 'success',
  occupied: 'info',
  cleaning: 'warning',
  out_of_service: 'danger',
};

/** The state in words, with its colour as a second cue (never the colour alone). */
export function RoomStateTag({ state }: { state: RoomState }) {
  const { t } = useI18n();
  return (
    <Tag data-color={stateColour[state]} data-size="md">
      {t(`rooms.state.${state}`)}
    </Tag>
  );
}

/** Capacity and features as short tags: "1 plass", "Krisehybel", "Tar par". */
export function RoomFeatures({ room }: { room: { capacity: number; isCrisisRoom: boolean; takesCouples: boolean } }) {
  const { t } = useI18n();
  return (
    <span className="room-features">
      <span>{room.capacity === 2 ? t('rooms.capacityTwo') : t('rooms.capacityOne')}</span>
      {room.isCrisisRoom && (
        <Tag variant="outline" data-color="neutral">
          {t('rooms.isCrisisRoom')}
        </Tag>
      )}
      {room.takesCouples && (
        <Tag variant="outline" data-color="neutral">
          {t('rooms.takesCouples')}
        </Tag>
      )}
    </span>
  );
}
