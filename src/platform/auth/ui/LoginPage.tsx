import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { api, ApiError } from '../../ui/api.ts';
import { useI18n } from '../../ui/i18n-context.tsx';
import { useSession } from '../../ui/session-context.tsx';
import { useApi } from '../../ui/use-api.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';

// The OIDC callback sends the browser back to `/?login_error=<code>`; only these codes are shown.
const oidcErrorMessages: Record<string, MessageKey> = {
  'auth.oidc_failed': 'login.error.auth.oidc_failed',
  'auth.oidc_unknown_user': 'login.error.auth.oidc_unknown_user',
  'auth.oidc_not_configured': 'login.error.auth.oidc_not_configured',
};

function oidcErrorFromUrl(): MessageKey | null {
  const code = new URLSearchParams(window.location.search).get('login_error');
  if (!code) return null;
  return Object.hasOwn(oidcErrorMessages, code) ? oidcErrorMessages[code]! : 'login.error.auth.oidc_failed';
}

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { refresh, expired } = useSession();
  const options = useApi<{ oidc: { label: string } | null }>('/api/auth/options');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Accounts with a second factor: the server answers auth.totp_required, and the code field appears.
  const [needsCode, setNeedsCode] = useState(false);
  const [oidcError, setOidcError] = useState<MessageKey | null>(oidcErrorFromUrl);
  // Shown once: take the code out of the address bar so a reload or a bookmark does not repeat it.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has('login_error')) return;
    url.searchParams.delete('login_error');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }, []);
  const other = locale === 'nb' ? 'en' : 'nb';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    setOidcError(null);
    try {
      const totpCode = form.get('totpCode');
      await api.post('/api/auth/login', {
        username: form.get('username'),
        password: form.get('password'),
        ...(needsCode && totpCode ? { totpCode } : {}),
      });
      await refresh();
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'auth.totp_required' || err.code === 'auth.totp_failed')) setNeedsCode(true);
      setError(err instanceof ApiError ? err.message : t('login.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <Card className="login-card">
        <form onSubmit={handleSubmit} className="stack" noValidate>
          <Heading level={1} data-size="md">
            {t('app.name')} – {t('login.title')}
          </Heading>
          {expired && <Alert data-color="info">{t('login.sessionExpired')}</Alert>}
          {oidcError && (
            <Alert data-color="danger" role="alert">
              {t(oidcError)}
            </Alert>
          )}
          {error && (
            <Alert data-color="danger" role="alert">
              {error}
            </Alert>
          )}
          <Textfield label={t('login.username')} name="username" autoComplete="username" required />
          <Textfield label={t('login.password')} name="password" type="password" autoComplete="current-password" required />
          {needsCode && (
            <Textfield
              label={t('login.totpCode')}
              description={t('login.totpCodeHint')}
              name="totpCode"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              autoFocus
            />
          )}
          <Button type="submit" disabled={busy}>
            {t('login.submit')}
          </Button>
          {options.data?.oidc && (
            <>
              <Paragraph>{t('login.or')}</Paragraph>
              <Button asChild variant="secondary">
                <a href="/api/auth/oidc/start">{options.data.oidc.label}</a>
              </Button>
            </>
          )}
          <Button variant="tertiary" type="button" onClick={() => setLocale(other)} lang={other}>
            {other === 'en' ? t('app.switchToEnglish') : t('app.switchToNorwegian')}
          </Button>
        </form>
      </Card>
    </main>
  );
}
