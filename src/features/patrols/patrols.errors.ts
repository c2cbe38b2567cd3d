import { defineErrors } from '../../platform/http/errors.ts';

export const patrolError = defineErrors({
  'patrol.in_future': { kind: 'validation', nb: 'Tidspunktet kan ikke være fram i tid.', en: 'The time cannot be in the future.' },
  'patrol.valid_from_in_past': { kind: 'validation', nb: 'Endringen kan tidligst gjelde fra i dag.', en: 'The change can apply from today at the earliest.' },
  'patrol.already_changed_that_day': {
    kind: 'conflict',
    nb: 'Det er allerede en endring som gjelder fra denne dagen.',
    en: 'There is already a change that applies from this day.',
  },
});
