import { defineErrors } from '../../platform/http/errors.ts';

export const roomsError = defineErrors({
  'house.not_found': { kind: 'not_found', nb: 'Fant ikke huset.', en: 'House not found.' },
  'room.not_found': { kind: 'not_found', nb: 'Fant ikke hybelen.', en: 'Room not found.' },
  'room.duplicate_name': {
    kind: 'conflict',
    nb: 'Det finnes allerede en hybel med dette navnet i huset. Velg et annet navn.',
    en: 'The house already has a room with this name. Choose another name.',
  },
  'room.occupied_by_hand': {
    kind: 'rule',
    nb: 'En hybel blir opptatt når noen flytter inn. Det kan ikke settes for hånd.',
    en: 'A room becomes occupied when someone checks in. It cannot be set by hand.',
  },
  'room.occupied': {
    kind: 'rule',
    nb: 'Hybelen er opptatt. Tilstanden endres når beboeren flytter ut.',
    en: 'The room is occupied. Its state changes when the resident moves out.',
  },
  'room.state_unchanged': {
    kind: 'rule',
    nb: 'Hybelen har allerede denne tilstanden.',
    en: 'The room already has this state.',
  },
});
