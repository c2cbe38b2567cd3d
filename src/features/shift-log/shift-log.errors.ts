import { defineErrors } from '../../platform/http/errors.ts';

export const shiftLogError = defineErrors({
  'shift_log.entry_not_found': { kind: 'not_found', nb: 'Fant ikke innførselen i vaktboka.', en: 'Shift-log entry not found.' },
  'shift_log.already_corrected': {
    kind: 'conflict',
    nb: 'Innførselen er allerede rettet. Rett den nyeste rettelsen i stedet.',
    en: 'The entry has already been corrected. Correct the newest correction instead.',
  },
  'shift_log.occurred_in_future': { kind: 'validation', nb: 'Tidspunktet kan ikke være fram i tid.', en: 'The time cannot be in the future.' },
  'shift_log.person_not_found': {
    kind: 'validation',
    nb: 'Fant ikke en av beboerne. Velg beboere fra lista.',
    en: 'One of the residents was not found. Choose residents from the list.',
  },
  'shift_log.incident_not_found': {
    kind: 'validation',
    nb: 'Fant ikke avviket. Velg et avvik fra lista.',
    en: 'The incident was not found. Choose an incident from the list.',
  },
});
