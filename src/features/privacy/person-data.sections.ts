import type { PersonDataSection } from './person-data.ts';
import { peoplePersonData } from '../people/people.person-data.ts';
import { referralsPersonData } from '../referrals/referrals.person-data.ts';
import { allocationPersonData } from '../allocation/allocation.person-data.ts';
import { staysPersonData } from '../stays/stays.person-data.ts';
import { agreementsPersonData } from '../agreements/agreements.person-data.ts';
import { journalPersonData } from '../journal/journal.person-data.ts';
import { housingSearchPersonData } from '../housing-search/housing-search.person-data.ts';
import { aftercarePersonData } from '../aftercare/aftercare.person-data.ts';
import { incidentsPersonData } from '../incidents/incidents.person-data.ts';
import { paymentsPersonData } from '../payments/payments.person-data.ts';
import { economicsPersonData } from '../economics/economics.person-data.ts';
import { shiftLogPersonData } from '../shift-log/shift-log.person-data.ts';
import { privacyPersonData } from './privacy.person-data.ts';

/**
 * Everything stored about a person, section by section, in the order of the service's flow. A new
 * feature that stores personal data adds its `<feature>.person-data.ts` here (person-data.test.ts
 * fails for a table with a person_id column that no section covers). Erasure deletes in reverse
 * order, so a table must come after the tables it points at.
 */
export const personDataSections: PersonDataSection[] = [
  peoplePersonData,
  referralsPersonData,
  allocationPersonData,
  staysPersonData,
  agreementsPersonData,
  journalPersonData,
  housingSearchPersonData,
  aftercarePersonData,
  incidentsPersonData,
  paymentsPersonData,
  economicsPersonData,
  shiftLogPersonData,
  privacyPersonData,
];
