import { sql } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { ANONYMISED } from '../privacy/person-data.ts';
import { householdMembers, people } from './people.tables.ts';

// A birth date is cut to 1 January of its year: ages in statistics still count, the day does not identify.
const yearOnly = (column: unknown) => sql`make_date(extract(year from ${column})::int, 1, 1)`;

export const peoplePersonData: PersonDataSection = {
  key: 'person',
  title: { nb: 'Personopplysninger og husstand', en: 'Personal details and household' },
  tables: [
    {
      table: people,
      match: (id) => sql`${people.id} = ${id}`,
      anonymise: {
        givenName: ANONYMISED,
        familyName: ANONYMISED,
        birthDateOn: yearOnly(people.birthDateOn),
        idType: 'none',
        nationalIdSealed: null,
        nationalIdHash: null,
        otherIdDescription: null,
        phone: null,
        email: null,
        hasProtectedAddress: false,
      },
    },
    {
      table: householdMembers,
      match: (id) => sql`(${householdMembers.personId} = ${id} or ${householdMembers.relatedPersonId} = ${id})`,
      anonymise: { name: ANONYMISED, birthDateOn: yearOnly(householdMembers.birthDateOn) },
    },
  ],
};
