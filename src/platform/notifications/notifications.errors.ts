import { defineErrors } from '../http/errors.ts';

export const notificationsError = defineErrors({
  'inbox.message_not_found': { kind: 'not_found', nb: 'Fant ikke meldingen.', en: 'Message not found.' },
  'settings.already_changed_that_day': {
    kind: 'conflict',
    nb: 'Innstillingen er allerede endret med virkning fra denne datoen. Velg en senere dato.',
    en: 'The setting has already been changed with effect from this date. Choose a later date.',
  },
  'settings.valid_from_in_past': {
    kind: 'rule',
    nb: 'En endring kan ikke gjelde fra en dag som har vært. Velg i dag eller en senere dato.',
    en: 'A change cannot apply from a day that has passed. Choose today or a later date.',
  },
});
