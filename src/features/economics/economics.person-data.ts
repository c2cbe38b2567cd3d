import { sql } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { externalPurchases } from './economics.tables.ts';

// Nights NAV bought for the person at a hostel or guest house: the amounts and nights stay for the
// economics; the free-text household description goes at retention.
export const economicsPersonData: PersonDataSection = {
  key: 'external-accommodation',
  title: { nb: 'Kjøpt midlertidig overnatting (hospits, pensjonat)', en: 'Purchased temporary accommodation (hostels, guest houses)' },
  tables: [{ table: externalPurchases, match: (id) => sql`${externalPurchases.personId} = ${id}`, anonymise: { household: null } }],
};
