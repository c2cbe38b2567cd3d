import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { formatDate, parseDateInput } from '../../../platform/ui/format.ts';
import { latestEndDate } from '../stays.rules.ts';
import { extendStayInput, type ExtensionOutput } from '../extension.schema.ts';

export interface ExtendableStay {
  stayId: string;
  roomName: string;
  startOn: string;
  plannedEndOn: string;
}

/**
 * "Forleng opphold": the service lead's decision with a new planned end and a reason, in a modal
 * dialog (Escape or Avbryt closes it without saving). The same schema as the API checks it first.
 */
export function ExtendStayDialog(props: { stay: ExtendableStay; open: boolean; onClose(): void; onExtended(extension: ExtensionOutput): void }) {
  const { t } = useI18n();
  const form = useSchemaForm(extendStayInput);
  const [endText, setEndText] = useState('');
  const limit = latestEndDate(props.stay.startOn);
  const typed = parseDateInput(endText);
  const labels = { newPlannedEndOn: t('extension.newPlannedEndOn'), reason: t('extension.reason') };

  // The dialog opens on the first thing to fill in, not on its close button (after showModal has focused).
  useEffect(() => {
    if (!props.open) return;
    const frame = requestAnimationFrame(() => document.getElementById(fieldId('newPlannedEndOn'))?.focus());
    return () => cancelAnimationFrame(frame);
  }, [props.open]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await form.submit({ newPlannedEndOn: typed, reason: String(data.get('reason') ?? '') }, async (parsed) => {
      const extension = await api.post<ExtensionOutput>(`/api/stays/${props.stay.stayId}/extensions`, parsed);
      setEndText('');
      props.onExtended(extension);
    });
  }

  const titleId = `extend-title-${props.stay.stayId}`;
  return (
    <Dialog open={props.open} onClose={props.onClose} closedby="any" modal closeButton={t('app.cancel')} aria-labelledby={titleId}>
      <form onSubmit={handleSubmit} noValidate>
        <Dialog.Block>
          <Heading level={2} data-size="xs" id={titleId}>
            {t('extension.dialogTitle')} – {t('stays.board.room', { name: props.stay.roomName })}
          </Heading>
          <Paragraph data-size="sm">{t('extension.dialogIntro')}</Paragraph>
          <dl className="facts">
            <dt>{t('extension.currentPlannedEnd')}</dt>
            <dd>{formatDate(props.stay.plannedEndOn)}</dd>
            <dt>{t('extension.limit')}</dt>
            <dd>{formatDate(limit)}</dd>
          </dl>
        </Dialog.Block>
        <Dialog.Block>
          <div className="stack">
            <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
            <Textfield
              id={fieldId('newPlannedEndOn')}
              name="newPlannedEndOn"
              label={labels.newPlannedEndOn}
              description={t('extension.newPlannedEndHint')}
              value={endText}
              onChange={(e) => setEndText(e.target.value)}
              error={form.fieldErrors.newPlannedEndOn}
              inputMode="numeric"
              autoComplete="off"
            />
            {/^\d{4}-\d{2}-\d{2}$/.test(typed) && typed > limit && (
              <Alert data-color="info" data-size="sm">
                {t('extension.beyondLimitNotice')}
              </Alert>
            )}
            <Textfield
              id={fieldId('reason')}
              name="reason"
              multiline
              rows={4}
              label={labels.reason}
              description={t('extension.reasonHint')}
              error={form.fieldErrors.reason}
            />
            <div className="row">
              <Button type="submit" disabled={form.submitting}>
                {t('extension.save')}
              </Button>
              <Button type="button" variant="secondary" onClick={props.onClose}>
                {t('app.cancel')}
              </Button>
            </div>
          </div>
        </Dialog.Block>
      </form>
    </Dialog>
  );
}
