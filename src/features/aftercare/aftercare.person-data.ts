import { sql } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { ANONYMISED } from '../privacy/person-data.ts';
import { aftercareAgreements, aftercareFollowUps, meetingAttendance } from './aftercare.tables.ts';

export const aftercarePersonData: PersonDataSection = {
  key: 'aftercare',
  title: { nb: 'Ettervern og felles treffsted', en: 'Aftercare and the meeting place' },
  tables: [
    { table: aftercareAgreements, match: (id) => sql`${aftercareAgreements.personId} = ${id}`, anonymise: { contactFrequency: ANONYMISED } },
    // Whether the person was still housed stays: returns to homelessness are counted from it.
    { table: aftercareFollowUps, match: (id) => sql`${aftercareFollowUps.personId} = ${id}`, anonymise: { notes: null } },
    { table: meetingAttendance, match: (id) => sql`${meetingAttendance.personId} = ${id}` },
  ],
};
