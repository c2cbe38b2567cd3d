import { defineErrors } from '../../platform/http/errors.ts';

export const agreementsError = defineErrors({
  'stay.not_found': { kind: 'not_found', nb: 'Fant ikke oppholdet.', en: 'Stay not found.' },
  'agreement.not_found': { kind: 'not_found', nb: 'Fant ikke avtalen.', en: 'Agreement not found.' },
  'agreement.already_exists': {
    kind: 'conflict',
    nb: 'Oppholdet har allerede en avtale. Endre den i stedet; endringen lagres som en ny versjon.',
    en: 'The stay already has an agreement. Change it instead; the change is saved as a new version.',
  },
  'agreement.period_too_long': {
    kind: 'rule',
    nb: 'Perioden er lengre enn tre måneder. Botilbudet er midlertidig; et lengre opphold krever et eget vedtak om forlengelse.',
    en: 'The period is longer than three months. The service is temporary; a longer stay needs a separate decision to extend it.',
  },
  'agreement.stay_ended': {
    kind: 'rule',
    nb: 'Oppholdet er avsluttet. Det kan ikke lages en ny avtale for det.',
    en: 'The stay has ended. No new agreement can be made for it.',
  },
  'agreement.no_template': {
    kind: 'rule',
    nb: 'Det finnes ingen avtalemal ennå. Leder må lagre malen før avtaler kan lages.',
    en: 'There is no agreement template yet. The service lead must save the template before agreements can be made.',
  },
  'agreement.no_house_rules': {
    kind: 'rule',
    nb: 'Det finnes ingen husordensregler ennå. Leder må publisere dem før avtalen kan lages.',
    en: 'No house rules have been published yet. The service lead must publish them before the agreement can be made.',
  },
  'agreement.not_latest': {
    kind: 'conflict',
    nb: 'Avtalen er endret i mellomtiden. Last siden på nytt og gjør endringen i den nyeste versjonen.',
    en: 'The agreement was changed in the meantime. Reload the page and make the change in the newest version.',
  },
  'agreement.unchanged': {
    kind: 'rule',
    nb: 'Ingenting er endret, så det er ikke laget noen ny versjon.',
    en: 'Nothing was changed, so no new version was made.',
  },
  'agreement.already_signed': {
    kind: 'conflict',
    nb: 'Denne versjonen er allerede registrert som signert.',
    en: 'This version is already recorded as signed.',
  },
  'agreement.signed_in_future': {
    kind: 'rule',
    nb: 'Signeringsdatoen kan ikke være fram i tid.',
    en: 'The signing date cannot be in the future.',
  },
  'agreement.signed_before_created': {
    kind: 'rule',
    nb: 'Signeringsdatoen kan ikke være før denne versjonen av avtalen ble laget.',
    en: 'The signing date cannot be before this version of the agreement was made.',
  },
  'agreement.consent_until_before_start': {
    kind: 'validation',
    nb: 'Samtykket kan ikke gjelde til en dato før avtalen starter.',
    en: 'The consent cannot end before the agreement starts.',
  },
  'agreement_template.concurrent_save': {
    kind: 'conflict',
    nb: 'Noen andre lagret malen samtidig. Last siden på nytt og prøv igjen.',
    en: 'Someone else saved the template at the same time. Reload the page and try again.',
  },
  'agreement_template.unchanged': {
    kind: 'rule',
    nb: 'Ingenting er endret i malen, så det er ikke laget noen ny versjon.',
    en: 'Nothing was changed in the template, so no new version was made.',
  },
});
