import { defineErrors } from '../../platform/http/errors.ts';

export const keysError = defineErrors({
  'key.unknown': { kind: 'not_found', nb: 'Fant ikke nøkkelen.', en: 'Key not found.' },
  'key.already_lost': { kind: 'conflict', nb: 'Nøkkelen er allerede meldt tapt.', en: 'The key has already been reported lost.' },
});
