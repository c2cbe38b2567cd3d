import { defineErrors } from '../../platform/http/errors.ts';

export const staffingError = defineErrors({
  'staffing.period_too_long': { kind: 'validation', nb: 'Perioden kan være høyst 92 dager.', en: 'The period can be at most 92 days.' },
  'staffing.generate_in_past': {
    kind: 'validation',
    nb: 'En turnus kan bare lages fra i dag og framover.',
    en: 'A rota can only be generated from today on.',
  },
  'staffing.no_members': {
    kind: 'rule',
    nb: 'Ingen ansatte kan settes opp i turnus. Gi noen rollen ansatt eller leder først.',
    en: 'Nobody can be put on the rota. Give someone the staff or service lead role first.',
  },
  'staffing.not_on_rota': { kind: 'validation', nb: 'Velg en ansatt som kan stå i turnus.', en: 'Choose a member of staff who can be on the rota.' },
  'staffing.already_on_shift': {
    kind: 'conflict',
    nb: 'Personen har allerede en vakt denne dagen.',
    en: 'The person already has a shift that day.',
  },
  'staffing.assignment_not_found': { kind: 'not_found', nb: 'Fant ikke vakten.', en: 'Shift assignment not found.' },
  'staffing.valid_from_in_past': { kind: 'validation', nb: 'Endringen kan tidligst gjelde fra i dag.', en: 'The change can apply from today at the earliest.' },
  'staffing.already_changed_that_day': {
    kind: 'conflict',
    nb: 'Det er allerede en endring som gjelder fra denne dagen.',
    en: 'There is already a change that applies from this day.',
  },
});
