import { AppError, defineErrors } from '../http/errors.ts';

export const authError = defineErrors({
  // One message for unknown user and wrong password, so the answer does not reveal which usernames exist.
  'auth.login_failed': { kind: 'unauthenticated', nb: 'Feil brukernavn eller passord.', en: 'Wrong username or password.' },
  'auth.account_locked': {
    kind: 'locked',
    nb: 'Kontoen er sperret etter for mange feil passord. Prøv igjen senere, eller kontakt administrator.',
    en: 'The account is locked after too many wrong passwords. Try again later, or contact the administrator.',
  },
  'auth.totp_required': {
    kind: 'unauthenticated',
    nb: 'Skriv koden fra autentiseringsappen din.',
    en: 'Enter the code from your authenticator app.',
  },
  'auth.totp_failed': {
    kind: 'unauthenticated',
    nb: 'Koden stemmer ikke. Skriv den nyeste koden fra autentiseringsappen.',
    en: 'The code is wrong. Enter the latest code from your authenticator app.',
  },
  'auth.totp_not_local': {
    kind: 'rule',
    nb: 'Tofaktor i Bolig Nu gjelder bare kontoer med passord. Kommunens innlogging har sin egen.',
    en: 'Two-factor in Bolig Nu applies only to accounts with a password. The municipality login has its own.',
  },
  // A wrong code while logged in (setting up or turning off TOTP): a field error on the code, not a
  // 401: the session is fine, and the page must not take it for a logged-out user.
  'auth.totp_code_wrong': {
    kind: 'validation',
    nb: 'Koden stemmer ikke. Skriv den nyeste koden fra autentiseringsappen; den skifter hvert 30. sekund.',
    en: 'The code is wrong. Enter the latest code from your authenticator app; it changes every 30 seconds.',
  },
  'auth.totp_not_started': {
    kind: 'rule',
    nb: 'Start oppsettet av tofaktor på nytt.',
    en: 'Start setting up two-factor again.',
  },
  'auth.oidc_not_configured': {
    kind: 'not_found',
    nb: 'Innlogging med kommunens konto er ikke satt opp.',
    en: 'Login with the municipality account is not configured.',
  },
  'auth.oidc_failed': {
    kind: 'unauthenticated',
    nb: 'Innloggingen hos kommunens identitetstjeneste mislyktes. Prøv igjen.',
    en: 'Login with the municipality identity service failed. Try again.',
  },
  'auth.oidc_unknown_user': {
    kind: 'forbidden',
    nb: 'Kontoen din finnes ikke i Bolig Nu. Be administrator om å opprette deg som bruker.',
    en: 'Your account does not exist in Bolig Nu. Ask the administrator to create you as a user.',
  },
});

/** The lockout, with the time it ends (Oslo time) in the message and as ISO in meta. */
export function accountLockedError(until: Date) {
  const time = until.toLocaleTimeString('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });
  return new AppError(
    'auth.account_locked',
    {
      kind: 'locked',
      nb: `Kontoen er sperret etter for mange feil passord. Prøv igjen etter kl. ${time}, eller kontakt administrator.`,
      en: `The account is locked after too many wrong passwords. Try again after ${time}, or contact the administrator.`,
    },
    { meta: { public: { lockedUntil: until.toISOString() } } },
  );
}
