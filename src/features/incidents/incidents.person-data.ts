import { sql } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { ANONYMISED } from '../privacy/person-data.ts';
import { incidentPeople, incidents } from './incidents.tables.ts';

export const incidentsPersonData: PersonDataSection = {
  key: 'incidents',
  title: { nb: 'Avvik og hendelser personen var involvert i', en: 'Incidents the person was involved in' },
  tables: [
    {
      table: incidents,
      match: (id) => sql`${incidents.id} in (select ip.incident_id from incident_people ip where ip.person_id = ${id})`,
      // Type, severity, dates and status stay (the incident statistics); what was written goes.
      anonymise: { description: ANONYMISED, immediateAction: null, locationNote: null, closingNote: null },
      // Other people were involved: a deletion on request removes the person from it, not the incident.
      keepOnErasure: true,
    },
    { table: incidentPeople, match: (id) => sql`${incidentPeople.personId} = ${id}`, anonymise: { name: null } },
  ],
};
