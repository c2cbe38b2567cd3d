import { defineErrors } from '../../platform/http/errors.ts';

export const staysError = defineErrors({
  'stay.not_found': { kind: 'not_found', nb: 'Fant ikke oppholdet.', en: 'Stay not found.' },
  'offer.not_found': { kind: 'not_found', nb: 'Fant ikke tilbudet.', en: 'Offer not found.' },
  'stay.offer_not_accepted': {
    kind: 'rule',
    nb: 'Tilbudet er ikke akseptert. Bare et akseptert tilbud kan sjekkes inn.',
    en: 'The offer has not been accepted. Only an accepted offer can be checked in.',
  },
  'stay.offer_already_checked_in': {
    kind: 'conflict',
    nb: 'Dette tilbudet er allerede sjekket inn.',
    en: 'This offer has already been checked in.',
  },
  'stay.room_taken': {
    kind: 'conflict',
    nb: 'Hybelen er allerede tatt for denne perioden. Noen andre kan ha sjekket inn i den samtidig; se Tavla og velg en annen hybel.',
    en: 'The room is already taken for this period. Someone else may have checked in to it at the same time; see the board and choose another room.',
  },
  'stay.person_has_open_stay': {
    kind: 'conflict',
    nb: 'Personen bor allerede i huset (har et åpent opphold). Et nytt opphold kan begynne når det gamle er avsluttet.',
    en: 'The person already lives in the house (has an open stay). A new stay can begin when the old one has ended.',
  },
  'stay.check_in_before_offer': {
    kind: 'rule',
    nb: 'Innflyttingsdatoen kan ikke være før tilbudets fra-dato.',
    en: "The check-in date cannot be before the offer's from-date.",
  },
  'stay.check_in_in_future': {
    kind: 'rule',
    nb: 'Innflyttingsdatoen kan ikke være fram i tid. Sjekk inn når beboeren kommer.',
    en: 'The check-in date cannot be in the future. Check in when the resident arrives.',
  },
  'stay.check_in_after_planned_end': {
    kind: 'rule',
    nb: 'Innflyttingsdatoen må være før planlagt sluttdato i tilbudet.',
    en: "The check-in date must be before the offer's planned end.",
  },
  'stay.room_out_of_service': {
    kind: 'rule',
    nb: 'Hybelen er ute av drift. Sett den klar før innflytting, eller be leder om et nytt vedtak med en annen hybel.',
    en: 'The room is out of service. Make it ready before check-in, or ask the service lead for a new decision with another room.',
  },
  'stay.room_not_for_couples': {
    kind: 'rule',
    nb: 'Husstanden er et par, men hybelen tar ikke par.',
    en: 'The household is a couple, but the room does not take couples.',
  },
  'stay.house_rules_changed': {
    kind: 'conflict',
    nb: 'Husordensreglene er endret siden siden ble åpnet. Les den nye versjonen med beboeren og kryss av på nytt.',
    en: 'The house rules have changed since the page was opened. Read the new version with the resident and tick the box again.',
  },
  'stay.inventory_incomplete': {
    kind: 'validation',
    nb: 'Gå gjennom hele inventarlisten: hver gjenstand i hybelen trenger en tilstand.',
    en: 'Go through the whole inventory list: every item in the room needs a condition.',
  },
  'stay.inventory_unknown_item': {
    kind: 'validation',
    nb: 'Inventarlisten inneholder en gjenstand som ikke hører til hybelen.',
    en: 'The inventory list contains an item that does not belong to the room.',
  },
  'key.not_found': {
    kind: 'validation',
    nb: 'En av nøklene hører ikke til hybelen eller ytterdøren.',
    en: 'One of the keys does not belong to the room or the front door.',
  },
  'key.already_issued': {
    kind: 'conflict',
    nb: 'En av nøklene er allerede utlevert. Velg en annen nøkkel.',
    en: 'One of the keys has already been handed out. Choose another key.',
  },
  'key.duplicate_number': {
    kind: 'conflict',
    nb: 'Det finnes allerede en nøkkel med dette nummeret.',
    en: 'A key with this number is already registered.',
  },
});
