import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api, type ApiError } from '../../../platform/ui/api.ts';
import { useSchemaForm } from '../../../platform/ui/forms.ts';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import { FormErrors, fieldId } from '../../../platform/ui/Feedback.tsx';
import { erasureInput } from '../privacy.schema.ts';

/**
 * On the person page: the person's rights — the printed access log, the full export, and (for the
 * service lead and the administrator) deletion on request where the law allows it.
 */
export function PersonRights({ personId, personName }: { personId: string; personName: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <section className="stack no-print" aria-labelledby="person-rights-title">
      <Heading level={2} data-size="md" id="person-rights-title">
        {t('privacy.rightsTitle')}
      </Heading>
      <Paragraph>{t('privacy.rightsIntro')}</Paragraph>
      <ul>
        <li>
          <Link href={`/api/people/${personId}/access-log.pdf`} download>
            {t('privacy.accessLogPdf')}
          </Link>
        </li>
        {can('privacy:export') && (
          <>
            <li>
              <Link href={`/api/people/${personId}/data-export.pdf`} download>
                {t('privacy.exportPdf')}
              </Link>
            </li>
            <li>
              <Link href={`/api/people/${personId}/data-export`} download>
                {t('privacy.exportJson')}
              </Link>
            </li>
          </>
        )}
      </ul>
      {can('retention:manage') && <Erasure personId={personId} personName={personName} />}
    </section>
  );
}

/**
 * Deletion on request (GDPR art. 17): a confirmation that says what goes and what stays, with the
 * reason the API asks for. The API decides whether the law allows it; a refusal is shown as it says.
 */
function Erasure({ personId, personName }: { personId: string; personName: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const form = useSchemaForm(erasureInput);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const labels = { reason: t('privacy.eraseReason') };

  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => reasonRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [open]);
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  function close() {
    setOpen(false);
    form.setFieldErrors({});
  }

  async function erase() {
    const reason = reasonRef.current?.value ?? '';
    let refused: ApiError | null = null;
    const ok = await form.submit({ reason }, async (parsed) => {
      try {
        await api.post(`/api/people/${personId}/erasure`, parsed);
      } catch (err) {
        // The law's refusals (has stayed, open case, already anonymised) close the dialog and are
        // shown on the page, where they can be read at leisure; field errors stay in the dialog.
        const apiError = err as ApiError;
        if (apiError.status === 422 || apiError.status === 409) refused = apiError;
        throw err;
      }
    });
    if (ok) {
      navigate('/personer', { state: { erased: personName } });
      return;
    }
    if (refused) {
      setOpen(false);
      setRefusal(refused);
    }
  }

  return (
    <div className="stack">
      <Heading level={3} data-size="sm">
        {t('privacy.erasureTitle')}
      </Heading>
      <Paragraph>{t('privacy.erasureIntro')}</Paragraph>
      {refusal && (
        <Alert data-color="warning" role="alert" ref={refusalRef} tabIndex={-1}>
          <Heading level={4} data-size="xs">
            {t('privacy.erasureRefused')}
          </Heading>
          <Paragraph>{refusal.message}</Paragraph>
        </Alert>
      )}
      <div className="row">
        <Button
          variant="secondary"
          data-color="danger"
          onClick={() => {
            setRefusal(null);
            setOpen(true);
          }}
        >
          {t('privacy.erase')}
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title={t('privacy.eraseConfirmTitle', { name: personName })}
        confirmLabel={t('privacy.eraseConfirm')}
        busy={form.submitting}
        onCancel={close}
        onConfirm={() => void erase()}
      >
        <div className="stack">
          <div>
            <Paragraph data-size="sm">
              <strong>{t('privacy.eraseRemovedTitle')}</strong>
            </Paragraph>
            <Paragraph data-size="sm">{t('privacy.eraseRemoved')}</Paragraph>
          </div>
          <div>
            <Paragraph data-size="sm">
              <strong>{t('privacy.eraseKeptTitle')}</strong>
            </Paragraph>
            <ul className="compact-list">
              <li>{t('privacy.eraseKeptLog')}</li>
              <li>{t('privacy.eraseKeptRun')}</li>
              <li>{t('privacy.eraseKeptStats')}</li>
              <li>{t('privacy.eraseKeptShared')}</li>
            </ul>
          </div>
          <FormErrors fields={form.fieldErrors} labels={labels} message={form.formError && form.formError.status !== 422 && form.formError.status !== 409 ? form.formError.message : undefined} />
          <Textfield
            ref={reasonRef}
            id={fieldId('reason')}
            name="reason"
            multiline
            rows={3}
            label={labels.reason}
            description={t('privacy.eraseReasonHint')}
            error={form.fieldErrors.reason}
          />
        </div>
      </ConfirmDialog>
    </div>
  );
}
