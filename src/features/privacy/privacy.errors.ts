import { defineErrors } from '../../platform/http/errors.ts';

export const privacyError = defineErrors({
  'privacy.record_closed': {
    kind: 'forbidden',
    nb: 'Journalen er lukket: personen flyttet ut for lenge siden, og du har ikke tjenstlig behov registrert. Åpne den bare hvis du har et konkret behov nå («bryt glasset»): begrunnelsen logges og gjennomgås av leder.',
    en: 'The record is closed: the person moved out long ago and no need for access is recorded. Open it only if you have a concrete need now ("break the glass"): the reason is logged and reviewed by the service lead.',
  },
  'privacy.person_not_found': { kind: 'not_found', nb: 'Fant ikke personen.', en: 'Person not found.' },
  'privacy.record_not_closed': {
    kind: 'rule',
    nb: 'Journalen er ikke lukket; du trenger ikke bryte glasset.',
    en: 'The record is not closed; there is no need to break the glass.',
  },
  'privacy.grant_not_found': { kind: 'not_found', nb: 'Fant ikke åpningen.', en: 'Opening not found.' },
  'privacy.grant_already_reviewed': { kind: 'conflict', nb: 'Åpningen er allerede gjennomgått.', en: 'The opening has already been reviewed.' },
  'privacy.erasure_has_stayed': {
    kind: 'rule',
    nb: 'Personen har bodd i botilbudet. Opplysningene dokumenterer kommunens vedtak og tjenester og kan ikke slettes på forespørsel; de anonymiseres når oppbevaringstiden er ute.',
    en: 'The person has stayed in the service. The records document the municipality’s decisions and services and cannot be deleted on request; they are anonymised when the retention period ends.',
  },
  'privacy.erasure_payment_records': {
    kind: 'rule',
    nb: 'Personen har en betalingsavtale eller betalinger. Regnskapsopplysninger må oppbevares etter bokføringsloven og kan ikke slettes på forespørsel; de anonymiseres når oppbevaringstiden er ute.',
    en: 'The person has a payment arrangement or payments. Accounting records must be kept under the Bookkeeping Act and cannot be deleted on request; they are anonymised when the retention period ends.',
  },
  'privacy.erasure_open_case': {
    kind: 'rule',
    nb: 'Personen har en henvisning som ikke er avsluttet. Avslutt saken først; slett deretter, eller la opplysningene anonymiseres når oppbevaringstiden er ute.',
    en: 'The person has a referral that is not closed. Close the case first; then delete, or let the records be anonymised when the retention period ends.',
  },
  'privacy.already_anonymised': { kind: 'conflict', nb: 'Personen er allerede anonymisert.', en: 'The person is already anonymised.' },
  'privacy.setting_already_changed_that_day': {
    kind: 'conflict',
    nb: 'Innstillingen er allerede endret med virkning fra denne dagen. Velg en annen dato.',
    en: 'The setting has already been changed from that day. Choose another date.',
  },
  'privacy.valid_from_in_past': { kind: 'validation', nb: 'Endringen kan ikke gjelde fra en dag som har vært.', en: 'The change cannot apply from a past day.' },
});
