import { defineErrors } from '../../platform/http/errors.ts';

export const extensionError = defineErrors({
  'extension.not_later': {
    kind: 'rule',
    nb: 'Ny planlagt slutt må være etter dagens planlagte slutt. En forlengelse kan bare gjøre oppholdet lengre.',
    en: 'The new planned end must be after the current planned end. An extension can only make the stay longer.',
  },
  'extension.in_past': {
    kind: 'rule',
    nb: 'Ny planlagt slutt kan ikke være en dag som har vært.',
    en: 'The new planned end cannot be a day that has passed.',
  },
  'extension.stay_ended': {
    kind: 'rule',
    nb: 'Oppholdet er avsluttet og kan ikke forlenges.',
    en: 'The stay has ended and cannot be extended.',
  },
});
