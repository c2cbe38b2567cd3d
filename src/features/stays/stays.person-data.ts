import { sql } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { ANONYMISED } from '../privacy/person-data.ts';
import { inventoryChecks, keyIssues, stays } from './stays.tables.ts';
import { moveOuts, roomMoves, stayExtensions, storedBelongings } from './moving-on.tables.ts';

/** The person's stays (as resident or partner). */
export const stayIdsOf = (id: string) => sql`(select s.id from stays s where s.person_id = ${id} or s.partner_person_id = ${id})`;

export const staysPersonData: PersonDataSection = {
  key: 'stays',
  title: { nb: 'Opphold, nøkler, forlengelser, flytting og utflytting', en: 'Stays, keys, extensions, room moves and move-out' },
  tables: [
    // Dates, rooms and destinations stay: KOSTRA and the reports count them after anonymisation.
    { table: stays, match: (id) => sql`(${stays.personId} = ${id} or ${stays.partnerPersonId} = ${id})` },
    { table: keyIssues, match: (id) => sql`${keyIssues.personId} = ${id}` },
    { table: inventoryChecks, match: (id) => sql`${inventoryChecks.stayId} in ${stayIdsOf(id)}`, anonymise: { note: null } },
    { table: stayExtensions, match: (id) => sql`${stayExtensions.stayId} in ${stayIdsOf(id)}`, anonymise: { reason: ANONYMISED } },
    {
      table: roomMoves,
      match: (id) => sql`(${roomMoves.fromStayId} in ${stayIdsOf(id)} or ${roomMoves.toStayId} in ${stayIdsOf(id)})`,
      anonymise: { reason: ANONYMISED },
    },
    {
      table: moveOuts,
      match: (id) => sql`${moveOuts.stayId} in ${stayIdsOf(id)}`,
      anonymise: { destinationNote: null, damageNotes: null, furnitureObtained: null },
    },
    {
      table: storedBelongings,
      match: (id) => sql`${storedBelongings.personId} = ${id}`,
      anonymise: { description: ANONYMISED, location: ANONYMISED },
    },
  ],
};
