import { defineErrors } from '../../platform/http/errors.ts';

export const referralsError = defineErrors({
  // Also the answer when a caseworker asks for someone else's referral: it is not theirs to see.
  'referral.not_found': { kind: 'not_found', nb: 'Fant ikke henvisningen.', en: 'Referral not found.' },
  'referral.invalid_dates': { kind: 'validation', nb: 'Noen datoer må rettes.', en: 'Some dates need correcting.' },
});
