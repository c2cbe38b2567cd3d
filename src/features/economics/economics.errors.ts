import { defineErrors } from '../../platform/http/errors.ts';

export const economicsError = defineErrors({
  'economics.person_not_found': { kind: 'not_found', nb: 'Fant ikke personen.', en: 'Person not found.' },
  'economics.import_invalid': {
    kind: 'validation',
    nb: 'Filen har feil. Ingenting er importert. Rett linjene som er nevnt, og prøv igjen.',
    en: 'The file has errors. Nothing was imported. Correct the lines listed and try again.',
  },
});
