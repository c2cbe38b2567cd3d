import { defineErrors } from '../../platform/http/errors.ts';

export const housingSearchError = defineErrors({
  'listing.not_found': { kind: 'not_found', nb: 'Fant ikke annonsen.', en: 'Listing not found.' },
  'landlord.not_found': { kind: 'not_found', nb: 'Fant ikke utleieren.', en: 'Landlord not found.' },
  'housing_application.not_found': { kind: 'not_found', nb: 'Fant ikke søknaden.', en: 'Application not found.' },
  'viewing.not_found': { kind: 'not_found', nb: 'Fant ikke visningen.', en: 'Viewing not found.' },
  'help_application.not_found': { kind: 'not_found', nb: 'Fant ikke søknaden om hjelp.', en: 'Application for help not found.' },
  'housing_application.impossible_transition': {
    kind: 'rule',
    nb: 'Søknaden kan ikke få denne statusen nå. En søknad går framover (sendt, visning avtalt, på visning, fått tilbud, signert), og en som er signert, avslått eller trukket, er avsluttet – registrer heller en ny søknad.',
    en: 'The application cannot get this status now. An application moves forward (sent, viewing booked, viewed, offered, signed), and one that is signed, refused or withdrawn is closed – register a new application instead.',
  },
  'housing_application.status_unchanged': {
    kind: 'rule',
    nb: 'Søknaden har allerede denne statusen.',
    en: 'The application already has this status.',
  },
  'housing_application.closed': {
    kind: 'rule',
    nb: 'Søknaden er avsluttet (signert, avslått eller trukket). Det kan ikke registreres visninger på den.',
    en: 'The application is closed (signed, refused or withdrawn). No viewings can be added to it.',
  },
  'housing_application.duplicate': {
    kind: 'conflict',
    nb: 'Personen har allerede en åpen søknad på denne annonsen.',
    en: 'The person already has an open application for this listing.',
  },
});
