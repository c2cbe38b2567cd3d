import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { QRCodeSVG } from 'qrcode.react';
import { api, ApiError } from '../../ui/api.ts';
import { useI18n } from '../../ui/i18n-context.tsx';
import { useSession } from '../../ui/session-context.tsx';
import { useApi } from '../../ui/use-api.ts';
import { useSchemaForm } from '../../ui/forms.ts';
import { ErrorAlert, FormErrors, Loading, fieldId } from '../../ui/Feedback.tsx';
import { totpCodeInput } from '../auth.schema.ts';

interface TotpStatus {
  enabled: boolean;
  /** False for accounts without a password here (OIDC): their second factor is the identity provider's. */
  available: boolean;
}
interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}

/** The base32 secret in groups of four, as people type it into an app: "ABCD EFGH …". */
const groupSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** The code field both forms use: six digits, the phone's number pad, the browser's one-time-code fill. */
function CodeField({ error, id }: { error?: string; id: string }) {
  const { t } = useI18n();
  return (
    <div className="totp-code">
      <Textfield id={id} name="code" label={t('login.totpCode')} description={t('login.totpCodeHint')} inputMode="numeric" autoComplete="one-time-code" error={error} />
    </div>
  );
}

/** Min konto: who is logged in, and the optional second factor (TOTP) they set up themselves. */
export function AccountPage() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('account.title')}
      </Heading>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user?.displayName}</dd>
        <dt>{t('account.username')}</dt>
        <dd>{user?.username}</dd>
      </dl>
      <TwoFactorSection />
    </div>
  );
}

function TwoFactorSection() {
  const { t } = useI18n();
  const status = useApi<TotpStatus>('/api/auth/me/totp');
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<'enabled' | 'disabled' | null>(null);
  const [disabling, setDisabling] = useState(false);
  const confirmForm = useSchemaForm(totpCodeInput);
  const disableForm = useSchemaForm(totpCodeInput);
  const setupHeading = useRef<HTMLHeadingElement>(null);
  const doneMessage = useRef<HTMLDivElement>(null);

  // Keyboard and screen-reader users land where the page changed.
  useEffect(() => {
    if (enrolment) setupHeading.current?.focus();
  }, [enrolment]);
  useEffect(() => {
    if (done) doneMessage.current?.focus();
  }, [done]);
  useEffect(() => {
    if (!disabling) return;
    const frame = requestAnimationFrame(() => document.getElementById('totp-disable-code')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [disabling]);

  async function start() {
    setStarting(true);
    setStartError(null);
    setDone(null);
    try {
      setEnrolment(await api.post<TotpEnrolment>('/api/auth/me/totp/enrolment'));
    } catch (err) {
      setStartError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setStarting(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    const ok = await confirmForm.submit({ code }, (parsed) => api.post('/api/auth/me/totp/confirmation', parsed));
    if (!ok) return;
    setEnrolment(null);
    setDone('enabled');
    await status.reload();
  }

  async function disable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    const ok = await disableForm.submit({ code }, (parsed) => api.post('/api/auth/me/totp/removal', parsed));
    if (!ok) return;
    setDisabling(false);
    setDone('disabled');
    await status.reload();
  }

  const labels = { code: t('login.totpCode') };
  return (
    <section className="stack" aria-labelledby="totp-title">
      <Heading level={2} data-size="md" id="totp-title">
        {t('account.totpTitle')}
      </Heading>
      {status.error && <ErrorAlert error={status.error} />}
      {!status.data && !status.error && <Loading />}
      {status.data && !status.data.available && (
        <Alert data-color="info">
          <Paragraph>{t('account.totpOidc')}</Paragraph>
        </Alert>
      )}
      {status.data?.available && (
        <>
          <Paragraph>{t('account.totpIntro')}</Paragraph>
          {done && (
            <Alert data-color="success" role="status" ref={doneMessage} tabIndex={-1}>
              {t(done === 'enabled' ? 'account.totpEnabled' : 'account.totpDisabled')}
            </Alert>
          )}
          {!done && <Paragraph data-testid="totp-state">{t(status.data.enabled ? 'account.totpIsOn' : 'account.totpIsOff')}</Paragraph>}
          {startError && <ErrorAlert error={startError} />}

          {status.data.enabled ? (
            <div className="row">
              <Button variant="secondary" data-color="danger" onClick={() => setDisabling(true)}>
                {t('account.totpDisable')}
              </Button>
            </div>
          ) : enrolment ? (
            <div className="stack totp-setup">
              <Heading level={3} data-size="sm" ref={setupHeading} tabIndex={-1}>
                {t('account.totpSetupTitle')}
              </Heading>
              <ol className="stack totp-steps">
                <li>
                  <div className="stack">
                    <Paragraph>{t('account.totpStepScan')}</Paragraph>
                    <QRCodeSVG value={enrolment.otpauthUri} size={208} level="M" marginSize={4} role="img" aria-label={t('account.totpQrLabel')} className="totp-qr" />
                    <Paragraph>{t('account.totpStepManual')}</Paragraph>
                    <dl className="facts">
                      <dt>{t('account.totpSecret')}</dt>
                      <dd>
                        <code className="totp-secret" data-testid="totp-secret">
                          {groupSecret(enrolment.secret)}
                        </code>
                      </dd>
                    </dl>
                    <Alert data-color="warning">{t('account.totpKeepSecret')}</Alert>
                  </div>
                </li>
                <li>
                  <div className="stack">
                    <Paragraph>{t('account.totpStepConfirm')}</Paragraph>
                    <form onSubmit={confirm} className="stack" noValidate>
                      <FormErrors fields={confirmForm.fieldErrors} labels={labels} message={confirmForm.formError?.message} />
                      <CodeField id={fieldId('code')} error={confirmForm.fieldErrors.code} />
                      <div className="row">
                        <Button type="submit" disabled={confirmForm.submitting}>
                          {t('account.totpConfirm')}
                        </Button>
                        <Button type="button" variant="secondary" onClick={() => setEnrolment(null)}>
                          {t('app.cancel')}
                        </Button>
                      </div>
                    </form>
                  </div>
                </li>
              </ol>
            </div>
          ) : (
            <div className="row">
              <Button onClick={() => void start()} disabled={starting}>
                {t('account.totpStart')}
              </Button>
            </div>
          )}
        </>
      )}

      <Dialog open={disabling} onClose={() => setDisabling(false)} closedby="any" modal closeButton={t('app.cancel')} aria-labelledby="totp-disable-title">
        <form onSubmit={disable} noValidate>
          <Dialog.Block>
            <Heading level={2} data-size="xs" id="totp-disable-title">
              {t('account.totpDisableTitle')}
            </Heading>
            <Paragraph data-size="sm">{t('account.totpDisableBody')}</Paragraph>
          </Dialog.Block>
          <Dialog.Block>
            <div className="stack">
              <FormErrors fields={disableForm.fieldErrors} labels={labels} message={disableForm.formError?.message} />
              <CodeField id="totp-disable-code" error={disableForm.fieldErrors.code} />
              <div className="row">
                <Button type="submit" data-color="danger" disabled={disableForm.submitting}>
                  {t('account.totpDisable')}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setDisabling(false)}>
                  {t('app.cancel')}
                </Button>
              </div>
            </div>
          </Dialog.Block>
        </form>
      </Dialog>
    </section>
  );
}
