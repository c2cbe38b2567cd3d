import { useEffect, useRef, useState } from 'react';
import { Button, Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { formatDate } from '../../../platform/ui/format.ts';
import { ExtendStayDialog, type ExtendableStay } from './ExtendStayDialog.tsx';

/** The flag in words: a stay past three months with no extension covering today. */
export function OverdueFlag() {
  const { t } = useI18n();
  return (
    <Tag data-color="danger" data-size="sm" className="clock-tag">
      {t('extension.flagOverdue')}
    </Tag>
  );
}

/**
 * On a resident's card on the board: the over-limit flag, the extension in force, and for the service
 * lead the "Forleng opphold" button with its dialog.
 */
export function ExtensionOnBoard(props: ExtendableStay & { overdueWithoutExtension: boolean; extendedUntil: string | null; onChanged?(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(false);
  // The dialog is unmounted when closed, so focus goes back to its button by hand, once it is gone.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) trigger.current?.focus();
    wasOpen.current = open;
  }, [open]);
  // After an extension the card shows it at once, also where the board is not reloaded.
  const [extendedTo, setExtendedTo] = useState<string | null>(null);
  const extendedUntil = extendedTo ?? props.extendedUntil;
  const overdue = props.overdueWithoutExtension && !extendedTo;
  return (
    <>
      {overdue && (
        <div>
          <OverdueFlag />
        </div>
      )}
      {extendedUntil && <p className="board-muted">{t('extension.extendedUntil', { date: formatDate(extendedUntil) })}</p>}
      {can('stay:extend') && (
        <div>
          <Button variant="secondary" data-size="sm" ref={trigger} onClick={() => setOpen(true)} aria-label={t('extension.extendNamed', { room: props.roomName })}>
            {t('extension.extend')}
          </Button>
          {open && (
            <ExtendStayDialog
              stay={{ ...props, plannedEndOn: extendedTo ?? props.plannedEndOn }}
              open={open}
              onClose={close}
              onExtended={(e) => {
                close();
                setExtendedTo(e.newPlannedEndOn);
                props.onChanged?.();
              }}
            />
          )}
        </div>
      )}
    </>
  );
}
