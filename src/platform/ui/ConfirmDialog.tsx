import { useId, type ReactNode } from 'react';
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from './i18n-context.tsx';

/**
 * Asks before anything destructive. Escape or Cancel closes it without doing anything. `children`
 * holds what the question needs beyond a sentence (what goes and what stays, a reason field);
 * `busy` disables the confirm button while the request runs, so it is not sent twice.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body?: string;
  children?: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <Dialog open={props.open} onClose={props.onCancel} closedby="any" modal closeButton={t('app.cancel')} aria-labelledby={titleId}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={titleId}>
          {props.title}
        </Heading>
        {props.body && <Paragraph>{props.body}</Paragraph>}
      </Dialog.Block>
      {props.children && <Dialog.Block>{props.children}</Dialog.Block>}
      <Dialog.Block>
        <div className="row">
          <Button data-color="danger" onClick={props.onConfirm} disabled={props.busy}>
            {props.confirmLabel}
          </Button>
          <Button variant="secondary" onClick={props.onCancel}>
            {t('app.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
