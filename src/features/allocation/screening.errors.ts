import { defineErrors } from '../../platform/http/errors.ts';

export const screeningError = defineErrors({
  'screening.justification_required': {
    kind: 'rule',
    nb: 'Unntak må begrunnes før saken kan gå videre til vedtak.',
    en: 'An exception must be justified before the case can go on to a decision.',
  },
  'screening.referral_closed': {
    kind: 'conflict',
    nb: 'Henvisningen er allerede behandlet videre og kan ikke kartlegges på nytt.',
    en: 'The referral has moved on and cannot be screened again.',
  },
});
