import { defineErrors } from '../../platform/http/errors.ts';

export const incidentsError = defineErrors({
  'incident.not_found': { kind: 'not_found', nb: 'Fant ikke avviket.', en: 'Incident not found.' },
  'incident.unknown_reference': {
    kind: 'validation',
    nb: 'Valget finnes ikke (lenger). Last siden på nytt og velg igjen.',
    en: 'The choice does not exist (any more). Reload the page and choose again.',
  },
  'incident.in_future': { kind: 'validation', nb: 'Tidspunktet kan ikke være fram i tid.', en: 'The time cannot be in the future.' },
  'incident.closed': { kind: 'rule', nb: 'Avviket er lukket og kan ikke endres.', en: 'The incident is closed and cannot be changed.' },
  'incident.assignee_not_lead': {
    kind: 'validation',
    nb: 'Velg en som kan følge opp avvik (leder).',
    en: 'Choose someone who can follow up incidents (a lead).',
  },
  'incident.agreement_not_involved': {
    kind: 'validation',
    nb: 'Avtalen må høre til en beboer som er involvert i avviket.',
    en: 'The agreement must belong to a resident involved in the incident.',
  },
});
