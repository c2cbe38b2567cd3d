import { defineErrors } from '../../platform/http/errors.ts';

export const journalError = defineErrors({
  'journal.entry_not_found': { kind: 'not_found', nb: 'Fant ikke journalnotatet.', en: 'Journal entry not found.' },
  'journal.entry_shielded': {
    kind: 'forbidden',
    nb: 'Notatet er skjermet. Bare de som kan lese skjermede notater, kan rette det.',
    en: 'The entry is shielded. Only those who may read shielded entries can correct it.',
  },
  'journal.already_corrected': {
    kind: 'conflict',
    nb: 'Notatet er allerede rettet. Rett den nyeste rettelsen i stedet.',
    en: 'The entry has already been corrected. Correct the newest correction instead.',
  },
  'journal.occurred_in_future': {
    kind: 'validation',
    nb: 'Tidspunktet kan ikke være fram i tid.',
    en: 'The time cannot be in the future.',
  },
  'goal.not_found': { kind: 'not_found', nb: 'Fant ikke målet.', en: 'Goal not found.' },
  'goal.unchanged': {
    kind: 'rule',
    nb: 'Velg en annen status, eller skriv et notat om hvordan det går.',
    en: 'Choose another progress, or write a note on how it is going.',
  },
  'goal.no_agreement_goals': {
    kind: 'rule',
    nb: 'Beboeren har ingen bo- og oppfølgingsavtale med mål. Skriv inn målene i stedet.',
    en: 'The resident has no housing and follow-up agreement with goals. Type the goals in instead.',
  },
  'task.not_found': { kind: 'not_found', nb: 'Fant ikke oppgaven.', en: 'Task not found.' },
  'task.goal_of_other_person': {
    kind: 'rule',
    nb: 'Målet hører til en annen beboer enn oppgaven.',
    en: 'The goal belongs to another resident than the task.',
  },
  'task.assignee_not_staff': {
    kind: 'validation',
    nb: 'Velg en ansatt i tjenesten som kan ha oppgaver.',
    en: 'Choose a member of staff of the service who can have tasks.',
  },
  'task.due_in_past': { kind: 'validation', nb: 'Fristen kan ikke være før i dag.', en: 'The due date cannot be before today.' },
  'task.already_done': { kind: 'conflict', nb: 'Oppgaven er allerede utført.', en: 'The task is already done.' },
  'task.not_done': { kind: 'conflict', nb: 'Oppgaven er ikke utført, så den kan ikke åpnes igjen.', en: 'The task is not done, so it cannot be reopened.' },
});
