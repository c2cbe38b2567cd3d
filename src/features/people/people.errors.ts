import { defineErrors } from '../../platform/http/errors.ts';

export const peopleError = defineErrors({
  'person.not_found': { kind: 'not_found', nb: 'Fant ikke personen.', en: 'Person not found.' },
  'person.duplicate_national_id': {
    kind: 'conflict',
    nb: 'Det finnes allerede en person med dette nummeret. Åpne den registrerte personen i stedet.',
    en: 'A person with this number is already registered. Open the registered person instead.',
  },
  'person.synthetic_id_refused': {
    kind: 'validation',
    nb: 'Syntetiske testnumre kan ikke brukes i produksjon.',
    en: 'Synthetic test numbers cannot be used in production.',
  },
  'person.child_too_old': {
    kind: 'validation',
    nb: 'Barn i husstanden skal være under 18 år.',
    en: 'Children in the household must be under 18.',
  },
  'household.member_not_found': { kind: 'not_found', nb: 'Fant ikke husstandsmedlemmet.', en: 'Household member not found.' },
});
