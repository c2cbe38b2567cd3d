import { defineErrors } from '../../platform/http/errors.ts';

export const paymentsError = defineErrors({
  'payments.person_not_found': { kind: 'not_found', nb: 'Fant ikke personen.', en: 'Person not found.' },
  'payments.amount_not_positive': {
    kind: 'validation',
    nb: 'Beløpet må være større enn 0 kr. Ingenting er lagret.',
    en: 'The amount must be more than 0 kr. Nothing was saved.',
  },
  'payments.amount_too_large': {
    kind: 'validation',
    nb: 'Beløpet er urimelig høyt (over 100 000 kr). Sjekk beløpet. Ingenting er lagret.',
    en: 'The amount is implausibly high (over 100 000 kr). Check the amount. Nothing was saved.',
  },
  'payments.amount_not_whole': {
    kind: 'validation',
    nb: 'Beløpet må være i hele øre. Ingenting er lagret.',
    en: 'The amount must be in whole øre. Nothing was saved.',
  },
  'payments.paid_in_future': { kind: 'rule', nb: 'Betalingsdatoen kan ikke være fram i tid.', en: 'The payment date cannot be in the future.' },
  'payments.month_in_future': {
    kind: 'rule',
    nb: 'Måneden har ikke begynt ennå. Oppgjør lages for denne eller tidligere måneder.',
    en: 'The month has not started yet. Statements are made for this or earlier months.',
  },
  'payments.arrangement_exists_that_day': {
    kind: 'conflict',
    nb: 'Personen har allerede en betalingsordning som gjelder fra denne datoen. Velg en annen dato.',
    en: 'The person already has a payment arrangement from this date. Choose another date.',
  },
  'payments.setting_exists_that_day': {
    kind: 'conflict',
    nb: 'Satsene er allerede endret med virkning fra denne datoen. Velg en annen dato.',
    en: 'The rates were already changed from this date. Choose another date.',
  },
  'payments.valid_from_in_past': {
    kind: 'rule',
    nb: 'En ny sats kan ikke gjelde fra en dato i en måned som allerede er gjort opp. Velg en dato i denne måneden eller senere.',
    en: 'A new rate cannot apply from a date in a month already settled. Choose a date in this month or later.',
  },
});
