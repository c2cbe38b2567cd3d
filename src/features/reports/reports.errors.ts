import { defineErrors } from '../../platform/http/errors.ts';

export const reportsError = defineErrors({
  'report.month_in_future': {
    kind: 'rule',
    nb: 'Måneden har ikke begynt ennå. Velg denne måneden eller en tidligere.',
    en: 'The month has not begun yet. Choose this month or an earlier one.',
  },
  'report.year_in_future': { kind: 'rule', nb: 'Året har ikke begynt ennå.', en: 'The year has not begun yet.' },
  'report.archive_not_found': { kind: 'not_found', nb: 'Fant ikke den arkiverte rapporten.', en: 'Archived report not found.' },
});
