import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { breakGlassInput, type BreakGlassOutput } from '../privacy.schema.ts';

/**
 * A closed record (a former resident, access by need): the reason it is closed, and "break the
 * glass" — a dialog asking why the record is needed now. The reason is logged and the lead reviews it.
 */
export function ClosedRecord(props: { personId: string; onOpened(grant: BreakGlassOutput): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const form = useSchemaForm(breakGlassInput);
  const labels = { reason: t('privacy.reason') };

  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => document.getElementById(fieldId('reason'))?.focus());
    return () => cancelAnimationFrame(frame);
  }, [open]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await form.submit({ reason: String(data.get('reason') ?? '') }, async (parsed) => {
      const grant = await api.post<BreakGlassOutput>(`/api/people/${props.personId}/break-glass`, parsed);
      setOpen(false);
      props.onOpened(grant);
    });
  }

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('privacy.closedTitle')}
      </Heading>
      <Alert data-color="warning" role="alert">
        <Paragraph>{t('privacy.closedBody')}</Paragraph>
      </Alert>
      <div className="row">
        <Button onClick={() => setOpen(true)}>{t('privacy.breakGlass')}</Button>
      </div>
      <Dialog open={open} onClose={() => setOpen(false)} closedby="any" modal closeButton={t('app.cancel')} aria-labelledby="break-glass-title">
        <form onSubmit={handleSubmit} noValidate>
          <Dialog.Block>
            <Heading level={2} data-size="xs" id="break-glass-title">
              {t('privacy.breakGlassTitle')}
            </Heading>
            <Paragraph data-size="sm">{t('privacy.breakGlassIntro')}</Paragraph>
          </Dialog.Block>
          <Dialog.Block>
            <div className="stack">
              <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError?.message} />
              <Textfield id={fieldId('reason')} name="reason" multiline rows={3} label={labels.reason} error={form.fieldErrors.reason} />
              <div className="row">
                <Button type="submit" data-color="danger" disabled={form.submitting}>
                  {t('privacy.open')}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                  {t('app.cancel')}
                </Button>
              </div>
            </div>
          </Dialog.Block>
        </form>
      </Dialog>
    </div>
  );
}
