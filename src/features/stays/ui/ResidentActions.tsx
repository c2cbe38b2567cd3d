import './moving-on.css';
import { useState } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { RoomMoveDialog } from './RoomMoveDialog.tsx';

/** The board card's actions for a resident: move to another room, record the move-out. */
export function ResidentActions({ stayId, household, onChanged }: { stayId: string; household: string; onChanged(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [moving, setMoving] = useState(false);
  if (!can('stay:move') && !can('stay:move_out')) return null;
  return (
    <div className="resident-actions">
      {can('stay:move') && (
        <Button variant="secondary" data-size="sm" onClick={() => setMoving(true)} aria-label={t('moveOut.roomMove.openNamed', { name: household })}>
          {t('moveOut.roomMove.open')}
        </Button>
      )}
      {can('stay:move_out') && (
        <Button asChild variant="secondary" data-size="sm">
          <RouterLink to={`/utflytting/${stayId}`} aria-label={t('moveOut.openNamed', { name: household })}>
            {t('moveOut.open')}
          </RouterLink>
        </Button>
      )}
      {can('stay:move') && (
        <RoomMoveDialog
          stayId={stayId}
          household={household}
          open={moving}
          onClose={(moved) => {
            setMoving(false);
            if (moved) onChanged();
          }}
        />
      )}
    </div>
  );
}
