import { sql } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { helpApplications, housingApplications, housingNeeds, referencesGiven, viewings } from './housing-search.tables.ts';

export const housingSearchPersonData: PersonDataSection = {
  key: 'housing_search',
  title: { nb: 'Boligsøk: behov, søknader, visninger, referanser og søknader om hjelp', en: 'Housing search: needs, applications, viewings, references and help applications' },
  tables: [
    { table: housingNeeds, match: (id) => sql`${housingNeeds.personId} = ${id}`, anonymise: { notes: null } },
    { table: housingApplications, match: (id) => sql`${housingApplications.personId} = ${id}`, anonymise: { address: null, notes: null } },
    {
      table: viewings,
      match: (id) => sql`${viewings.applicationId} in (select a.id from housing_applications a where a.person_id = ${id})`,
      anonymise: { outcome: null },
    },
    { table: referencesGiven, match: (id) => sql`${referencesGiven.personId} = ${id}`, anonymise: { notes: null } },
    { table: helpApplications, match: (id) => sql`${helpApplications.personId} = ${id}`, anonymise: { notes: null } },
  ],
};
