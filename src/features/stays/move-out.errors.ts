import { defineErrors } from '../../platform/http/errors.ts';

// Refusals of room moves, move-outs and stored belongings. A room taken or a person with an open stay
// are the check-in's refusals (staysError), given the same way here.

export const movingOnError = defineErrors({
  'stay.already_ended': {
    kind: 'conflict',
    nb: 'Oppholdet er allerede avsluttet.',
    en: 'The stay has already ended.',
  },
  'stay.moved_to_other_room': {
    kind: 'conflict',
    nb: 'Beboeren har flyttet til en annen hybel. Registrer utflyttingen på oppholdet i den nye hybelen.',
    en: 'The resident has moved to another room. Record the move-out on the stay in the new room.',
  },
  'room_move.same_room': {
    kind: 'validation',
    nb: 'Velg en annen hybel enn den beboeren bor i nå.',
    en: 'Choose another room than the one the resident lives in now.',
  },
  'room_move.in_future': {
    kind: 'validation',
    nb: 'Flyttedatoen kan ikke være fram i tid. Registrer flyttingen når den skjer.',
    en: 'The move date cannot be in the future. Record the move when it happens.',
  },
  'room_move.before_start': {
    kind: 'validation',
    nb: 'Flyttedatoen kan ikke være før beboeren flyttet inn i hybelen.',
    en: 'The move date cannot be before the resident moved into the room.',
  },
  'room_move.not_before_planned_end': {
    kind: 'validation',
    nb: 'Flyttedatoen må være før planlagt slutt på oppholdet.',
    en: 'The move date must be before the planned end of the stay.',
  },
  'room_move.room_not_found': { kind: 'validation', nb: 'Fant ikke hybelen.', en: 'Room not found.' },
  'room_move.room_out_of_service': {
    kind: 'rule',
    nb: 'Hybelen er ute av drift. Velg en annen hybel.',
    en: 'The room is out of service. Choose another room.',
  },
  'room_move.room_not_for_couples': {
    kind: 'rule',
    nb: 'Husstanden er et par, men hybelen tar ikke par.',
    en: 'The household is a couple, but the room does not take couples.',
  },
  'room_move.key_not_usable': {
    kind: 'validation',
    nb: 'En av nøklene hører ikke til den nye hybelen eller ytterdøren, eller er allerede utlevert.',
    en: 'One of the keys does not belong to the new room or the front door, or has already been handed out.',
  },
  'move_out.already_recorded': {
    kind: 'conflict',
    nb: 'Utflyttingen er allerede registrert.',
    en: 'The move-out has already been recorded.',
  },
  'move_out.in_future': {
    kind: 'validation',
    nb: 'Utflyttingsdatoen kan ikke være fram i tid. Registrer utflyttingen når beboeren har flyttet.',
    en: 'The move-out date cannot be in the future. Record the move-out when the resident has moved.',
  },
  'move_out.before_start': {
    kind: 'validation',
    nb: 'Utflyttingsdatoen kan ikke være før beboeren flyttet inn i hybelen.',
    en: 'The move-out date cannot be before the resident moved into the room.',
  },
  'move_out.key_not_held': {
    kind: 'validation',
    nb: 'En av nøklene er ikke utlevert til denne beboeren.',
    en: 'One of the keys has not been handed out to this resident.',
  },
  'move_out.inventory_incomplete': {
    kind: 'validation',
    nb: 'Gå gjennom hele inventarlisten: hver gjenstand i hybelen trenger en tilstand.',
    en: 'Go through the whole inventory list: every item in the room needs a condition.',
  },
  'move_out.inventory_unknown_item': {
    kind: 'validation',
    nb: 'Inventarlisten inneholder en gjenstand som ikke hører til hybelen.',
    en: 'The inventory list contains an item that does not belong to the room.',
  },
  'belongings.not_found': { kind: 'not_found', nb: 'Fant ikke de lagrede eiendelene.', en: 'Stored belongings not found.' },
  'belongings.already_picked_up': {
    kind: 'conflict',
    nb: 'Eiendelene er allerede registrert som hentet.',
    en: 'The belongings have already been recorded as picked up.',
  },
  'belongings.keep_until_before_stored': {
    kind: 'validation',
    nb: 'Datoen for hvor lenge de oppbevares kan ikke være før de ble lagret.',
    en: 'The keep-until date cannot be before they were stored.',
  },
  'belongings.stored_in_future': {
    kind: 'validation',
    nb: 'Lagringsdatoen kan ikke være fram i tid.',
    en: 'The storage date cannot be in the future.',
  },
  'belongings.picked_up_in_future': {
    kind: 'validation',
    nb: 'Hentedatoen kan ikke være fram i tid.',
    en: 'The pick-up date cannot be in the future.',
  },
  'belongings.picked_up_before_stored': {
    kind: 'validation',
    nb: 'Hentedatoen kan ikke være før eiendelene ble lagret.',
    en: 'The pick-up date cannot be before the belongings were stored.',
  },
  'belongings.stay_not_of_person': {
    kind: 'validation',
    nb: 'Oppholdet hører ikke til denne personen.',
    en: 'The stay does not belong to this person.',
  },
  'key.not_issued': {
    kind: 'conflict',
    nb: 'Nøkkelen er ikke utlevert nå.',
    en: 'The key is not handed out now.',
  },
});
