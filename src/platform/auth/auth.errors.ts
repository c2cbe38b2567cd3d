import { defineErrors } from '../http/errors.ts';

export const authError = defineErrors({
  // One message for unknown user and wrong password, so the answer does not reveal which usernames exist.
  'auth.login_failed': { kind: 'unauthenticated', nb: 'Feil brukernavn eller passord.', en: 'Wrong username or password.' },
  'auth.account_locked': {
    kind: 'locked',
    nb: 'Kontoen er sperret etter for mange feil passord. Prøv igjen senere, eller kontakt administrator.',
    en: 'The account is locked after too many wrong passwords. Try again later, or contact the administrator.',
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
