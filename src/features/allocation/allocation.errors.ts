import { defineErrors } from '../../platform/http/errors.ts';

export const allocationError = defineErrors({
  'referral.not_found': { kind: 'not_found', nb: 'Fant ikke henvisningen.', en: 'Referral not found.' },
  'decision.not_found': { kind: 'not_found', nb: 'Fant ikke vedtaket.', en: 'Decision not found.' },
  'decision.screening_required': {
    kind: 'rule',
    nb: 'Henvisningen må kartlegges før det kan gjøres vedtak.',
    en: 'The referral must be screened before a decision can be made.',
  },
  'decision.excluded_only_refusal': {
    kind: 'rule',
    nb: 'Kartleggingen viser at huset ikke kan ta imot husstanden. Da kan vedtaket bare være avslag, med begrunnelse.',
    en: 'The screening shows the house cannot take the household. The decision can then only be a refusal, with reasons.',
  },
  'decision.justification_required': {
    kind: 'rule',
    nb: 'Kartleggingen viser et unntak (barn, ungdom, nylig løslatt eller utskrevet). Et tilbud krever da en særskilt begrunnelse.',
    en: 'The screening shows an exception (children, young people, recently released or discharged). An offer then needs a recorded justification.',
  },
  'decision.referral_closed': {
    kind: 'rule',
    nb: 'Henvisningen er allerede avsluttet (tilbudet er tatt imot, husstanden har flyttet inn eller henvisningen er trukket). Det kan ikke gjøres nytt vedtak.',
    en: 'The referral is already closed (the offer was accepted, the household has moved in, or the referral was withdrawn). No new decision can be made.',
  },
  'decision.open_offer_exists': {
    kind: 'conflict',
    nb: 'Husstanden har allerede et åpent tilbud. Registrer svaret på det før et nytt vedtak.',
    en: 'The household already has an open offer. Record the answer to it before a new decision.',
  },
  'decision.already_waiting': {
    kind: 'conflict',
    nb: 'Husstanden står allerede på ventelisten. Endre hastegrad eller grunn på ventelisten.',
    en: 'The household is already on the waiting list. Change the urgency or reason on the waiting list.',
  },
  'decision.room_not_found': { kind: 'not_found', nb: 'Fant ikke hybelen.', en: 'Room not found.' },
  'decision.room_out_of_service': {
    kind: 'rule',
    nb: 'Hybelen er ute av drift i perioden. Velg en annen hybel eller en annen periode.',
    en: 'The room is out of service in the period. Choose another room or another period.',
  },
  'decision.room_taken': {
    kind: 'conflict',
    nb: 'Hybelen er opptatt eller allerede tilbudt noen andre i perioden. Velg en annen hybel.',
    en: 'The room is occupied or already offered to someone else in the period. Choose another room.',
  },
  'decision.from_date_past': {
    kind: 'rule',
    nb: 'Fra-datoen kan ikke være før i dag.',
    en: 'The from-date cannot be before today.',
  },
  'offer.not_found': { kind: 'not_found', nb: 'Fant ikke tilbudet.', en: 'Offer not found.' },
  'offer.lapsed': {
    kind: 'rule',
    nb: 'Tilbudet har gått ut fordi svarfristen er passert. Gjør et nytt vedtak hvis husstanden fortsatt trenger plass.',
    en: 'The offer has lapsed because its deadline has passed. Make a new decision if the household still needs a place.',
  },
  'offer.already_answered': {
    kind: 'conflict',
    nb: 'Tilbudet er allerede besvart.',
    en: 'The offer has already been answered.',
  },
  'waiting_list.entry_not_found': { kind: 'not_found', nb: 'Fant ikke plassen på ventelisten.', en: 'Waiting-list entry not found.' },
  'waiting_list.entry_removed': {
    kind: 'rule',
    nb: 'Husstanden er allerede tatt av ventelisten.',
    en: 'The household has already been removed from the waiting list.',
  },
  'waiting_list.unchanged': {
    kind: 'rule',
    nb: 'Hastegrad og grunn er de samme som før. Ingenting er endret.',
    en: 'Urgency and reason are the same as before. Nothing was changed.',
  },
  'complaint.not_found': { kind: 'not_found', nb: 'Fant ikke klagen.', en: 'Complaint not found.' },
  'complaint.received_in_future': {
    kind: 'rule',
    nb: 'Mottatt-datoen kan ikke være fram i tid.',
    en: 'The received date cannot be in the future.',
  },
  'complaint.received_before_decision': {
    kind: 'rule',
    nb: 'Klagen kan ikke være mottatt før vedtaket ble gjort.',
    en: 'The complaint cannot have been received before the decision was made.',
  },
  'complaint.invalid_step': {
    kind: 'rule',
    nb: 'Klagen kan ikke gå til dette steget fra der den er nå.',
    en: 'The complaint cannot move to this step from where it is now.',
  },
});
