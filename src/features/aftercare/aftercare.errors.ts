import { defineErrors } from '../../platform/http/errors.ts';

export const aftercareError = defineErrors({
  'aftercare.person_not_found': { kind: 'not_found', nb: 'Fant ikke personen.', en: 'Person not found.' },
  'aftercare.stay_not_found': { kind: 'not_found', nb: 'Fant ikke oppholdet.', en: 'Stay not found.' },
  'aftercare.agreement_not_found': { kind: 'not_found', nb: 'Fant ikke ettervernsavtalen.', en: 'Aftercare agreement not found.' },
  'aftercare.follow_up_not_found': { kind: 'not_found', nb: 'Fant ikke oppfølgingen.', en: 'Follow-up not found.' },
  'aftercare.session_not_found': { kind: 'not_found', nb: 'Fant ikke treffet.', en: 'Meeting session not found.' },
  'aftercare.contact_person_not_found': {
    kind: 'validation',
    nb: 'Velg en kontaktperson blant de ansatte.',
    en: 'Choose a contact person among the staff.',
  },
  'aftercare.not_moved_out': {
    kind: 'rule',
    nb: 'Personen har ikke flyttet ut fra botilbudet. Ettervern gjelder tidligere beboere.',
    en: 'The person has not moved out of the service. Aftercare is for former residents.',
  },
  'aftercare.not_former_resident': {
    kind: 'rule',
    nb: 'Bare tidligere beboere kan føres i oppmøtelisten for treffstedet.',
    en: 'Only former residents can be recorded as attending the meeting place.',
  },
  'aftercare.follow_up_before_move_out': {
    kind: 'rule',
    nb: 'Oppfølgingen kan ikke være gjort før utflyttingen.',
    en: 'The follow-up cannot be done before the move-out.',
  },
  'aftercare.follow_up_in_future': {
    kind: 'rule',
    nb: 'Datoen for oppfølgingen kan ikke være fram i tid.',
    en: 'The follow-up date cannot be in the future.',
  },
  'aftercare.session_exists': {
    kind: 'conflict',
    nb: 'Det finnes allerede et treff denne dagen. Åpne det i stedet.',
    en: 'There is already a session on this day. Open it instead.',
  },
  'aftercare.agreement_exists': {
    kind: 'conflict',
    nb: 'Personen har allerede en ettervernsavtale for dette oppholdet. Endre den i stedet.',
    en: 'The person already has an aftercare agreement for this stay. Change it instead.',
  },
});
