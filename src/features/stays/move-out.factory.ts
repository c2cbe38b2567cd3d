import type { Db } from '../../platform/db/client.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildRoom } from '../rooms/rooms.factory.ts';
import { roomStateChanges, type rooms } from '../rooms/rooms.tables.ts';
import { keyIssues } from './stays.tables.ts';
import { buildInventoryItem, buildKey, buildOffer, buildStay } from './stays.factory.ts';

// Test builders for room moves and move-outs: a household living in a room, as check-in leaves it.

/** A ready room with a history row, a free room key and (optionally) an inventory list. */
export async function buildReadyRoom(db: Db, options: { house: { id: string; tenantId: string }; items?: string[] } & Partial<typeof rooms.$inferInsert>) {
  const { items = [], ...roomOptions } = options;
  const room = await buildRoom(db, roomOptions);
  await db.insert(roomStateChanges).values({ tenantId: room.tenantId, roomId: room.id, changedAt: new Date('2026-10-01T10:00:00Z'), toState: room.state });
  const key = await buildKey(db, { tenantId: room.tenantId, roomId: room.id, door: 'room' });
  const inventory = [];
  for (const name of items) inventory.push(await buildInventoryItem(db, { tenantId: room.tenantId, roomId: room.id, name }));
  return { room, key, inventory };
}

/**
 * A household checked in to a new occupied room: referral, accepted offer, open stay, the room's key and
 * a front-door key handed out, and the room's inventory list.
 */
export async function buildResident(
  db: Db,
  options: {
    house: { id: string; tenantId: string };
    decidedBy: string;
    startOn?: string;
    plannedEndOn?: string;
    couple?: boolean;
    items?: string[];
    givenName?: string;
  },
) {
  const tenantId = options.house.tenantId;
  const { room, key: roomKey, inventory } = await buildReadyRoom(db, {
    house: options.house,
    state: 'occupied',
    items: options.items ?? ['Seng', 'Stol'],
    ...(options.couple ? { capacity: 2, takesCouples: true } : {}),
  });
  const person = await buildPerson(db, { tenantId, givenName: options.givenName ?? 'Kari', familyName: 'Flyttesen' });
  const partner = options.couple ? await buildPerson(db, { tenantId, givenName: 'Per', familyName: 'Flyttesen' }) : null;
  const startOn = options.startOn ?? '2026-11-01';
  const plannedEndOn = options.plannedEndOn ?? '2027-02-01';
  const { offer, referral } = await buildOffer(db, {
    tenantId,
    roomId: room.id,
    personId: person.id,
    partnerPersonId: partner?.id,
    decidedBy: options.decidedBy,
    fromOn: startOn,
    plannedEndOn,
  });
  const stay = await buildStay(db, {
    tenantId,
    roomId: room.id,
    personId: person.id,
    partnerPersonId: partner?.id ?? null,
    referralId: referral.id,
    offerId: offer.id,
    startOn,
    plannedEndOn,
  });
  const frontKey = await buildKey(db, { tenantId, roomId: null, door: 'front_door' });
  const issuedAt = new Date(`${startOn}T12:00:00Z`);
  await db.insert(keyIssues).values([
    { tenantId, keyId: roomKey.id, stayId: stay.id, personId: person.id, issuedAt },
    { tenantId, keyId: frontKey.id, stayId: stay.id, personId: person.id, issuedAt },
  ]);
  return { room, roomKey, frontKey, inventory, person, partner, offer, referral, stay };
}
