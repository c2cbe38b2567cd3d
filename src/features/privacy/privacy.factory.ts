import type { Db } from '../../platform/db/client.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildReferral } from '../allocation/allocation.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { buildMoveOut } from '../aftercare/aftercare.factory.ts';
import { buildJournalEntry } from '../journal/journal.factory.ts';

/**
 * A former resident: referred, stayed from `startOn` and moved out on `movedOutOn` (to a private
 * rental), with a journal entry written by `staffId` and one sensitive one.
 */
export async function buildFormerResident(
  db: Db,
  options: { tenantId: string; staffId: string; startOn: string; movedOutOn: string; givenName?: string; familyName?: string },
) {
  const person = await buildPerson(db, { tenantId: options.tenantId, givenName: options.givenName ?? 'Kari', familyName: options.familyName ?? 'Tidligere', phone: '41234567' });
  const house = await buildHouse(db, { tenantId: options.tenantId });
  const room = await buildRoom(db, { house });
  const referral = await buildReferral(db, {
    tenantId: options.tenantId,
    personId: person.id,
    status: 'checked_in',
    needs: 'Trenger hjelp med depositum.',
    receivedAt: new Date(`${options.startOn}T08:00:00+01:00`),
  });
  const stay = await buildStay(db, { tenantId: options.tenantId, roomId: room.id, personId: person.id, referralId: referral.id, startOn: options.startOn, plannedEndOn: '2099-01-01' });
  await buildMoveOut(db, { tenantId: options.tenantId, stayId: stay.id, movedOutOn: options.movedOutOn, destinationNote: 'Leilighet i Rønvik' });
  await buildJournalEntry(db, { tenantId: options.tenantId, personId: person.id, createdBy: options.staffId, stayId: stay.id, body: 'Samtale om leilighet i Rønvik.' });
  await buildJournalEntry(db, { tenantId: options.tenantId, personId: person.id, createdBy: options.staffId, stayId: stay.id, body: 'Helseopplysning.', isSensitive: true });
  return { person, stay, referral, room };
}
