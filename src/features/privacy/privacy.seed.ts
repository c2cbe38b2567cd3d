import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { moveOuts, storedBelongings } from '../stays/moving-on.tables.ts';
import { journalEntries } from '../journal/journal.tables.ts';
import { addMonths, isoDay } from './privacy.rules.ts';

/**
 * Demo data for access by need: Per Tidligere (fictional, no id number) stayed fourteen to eleven
 * months ago and moved to a private rental, so his record is closed to ordinary staff — open it
 * with "break the glass" and see it on the lead's review list. A bag of his is still in the store
 * room past its keep-until day, so the board shows him as a closed row (name only, «Lukket journal»).
 */
export async function seedPrivacyDemo(tx: Db, tenantId: string, roomId: string, now: Date): Promise<void> {
  const [staff] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, 'ansatt')));
  const today = isoDay(now);
  const startOn = addMonths(today, -14);
  const endOn = addMonths(today, -11);
  const [person] = await tx
    .insert(people)
    .values({ tenantId, givenName: 'Per', familyName: 'Tidligere', birthDateOn: '1990-04-17', idType: 'none', phone: '40000000', createdAt: new Date(`${startOn}T09:00:00Z`), updatedAt: new Date(`${startOn}T09:00:00Z`) })
    .returning();
  const receivedAt = new Date(`${startOn}T08:00:00Z`);
  const [referral] = await tx
    .insert(referrals)
    .values({
      tenantId,
      personId: person!.id,
      receivedAt,
      situation: 'evicted',
      previousStay: 'friends_family',
      nowhereToSleepTonight: true,
      consentToShare: true,
      caseworkerName: 'Nina NAV-veileder',
      navOffice: 'NAV Bodø',
      status: 'checked_in',
      statusChangedAt: receivedAt,
    })
    .returning();
  const [stay] = await tx
    .insert(stays)
    .values({ tenantId, roomId, personId: person!.id, referralId: referral!.id, startOn, plannedEndOn: addMonths(startOn, 3), endOn, checkedInAt: receivedAt, checkedInBy: staff?.id ?? null })
    .returning();
  await tx.insert(moveOuts).values({
    tenantId,
    stayId: stay!.id,
    movedOutOn: endOn,
    destination: 'private_rental',
    wasPlanned: true,
    keysReturned: true,
    roomChecked: true,
    recordedBy: staff?.id ?? null,
    recordedAt: new Date(`${endOn}T12:00:00Z`),
  });
  await tx.insert(storedBelongings).values({
    tenantId,
    personId: person!.id,
    stayId: stay!.id,
    description: 'To flyttesekker med klær og en gitar',
    location: 'Boden i kjelleren',
    storedOn: endOn,
    keepUntilOn: addMonths(endOn, 3),
    recordedBy: staff?.id ?? null,
  });
  if (staff) {
    await tx.insert(journalEntries).values({
      tenantId,
      personId: person!.id,
      stayId: stay!.id,
      occurredAt: new Date(`${endOn}T10:00:00Z`),
      type: 'conversation',
      body: 'Samtale før utflytting: har fått leilighet i Rønvik, flytter i dag.',
      createdAt: new Date(`${endOn}T10:00:00Z`),
      createdBy: staff.id,
    });
  }
}
