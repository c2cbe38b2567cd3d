import { defineErrors } from '../../platform/http/errors.ts';

export const riskError = defineErrors({
  'risk.hazard_not_found': { kind: 'not_found', nb: 'Fant ikke faren i ROS-analysen.', en: 'Hazard not found in the risk analysis.' },
  'risk.measure_not_found': { kind: 'not_found', nb: 'Fant ikke tiltaket.', en: 'Measure not found.' },
  'risk.residual_invalid': {
    kind: 'validation',
    nb: 'Restrisiko må ha både sannsynlighet og konsekvens, og kan ikke være høyere enn før tiltak.',
    en: 'Residual risk needs both probability and consequence, and cannot be higher than before measures.',
  },
  'risk.valid_from_in_past': { kind: 'validation', nb: 'Endringen kan ikke gjelde fra en dag som har vært.', en: 'The change cannot apply from a day that has passed.' },
  'risk.threshold_changed_that_day': {
    kind: 'conflict',
    nb: 'Tiltaksgrensen er allerede endret fra denne dagen. Velg en annen dag.',
    en: 'The action threshold already changes on this day. Choose another day.',
  },
});
