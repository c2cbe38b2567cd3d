import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { rooms } from '../rooms/rooms.tables.ts';
import type { Db } from '../../platform/db/client.ts';
import { householdMembers, people } from '../people/people.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { decisions, offers } from '../allocation/allocation.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { moveOuts, type moveOutDestinations } from '../stays/moving-on.tables.ts';
import { aftercareFollowUps } from '../aftercare/aftercare.tables.ts';
import { addDays } from '../allocation/allocation.rules.ts';
import { osloDate } from '../../platform/time/oslo.ts';

// Demo history for the reports: about fourteen months of former residents (fictional, no national
// id), each with a referral, an accepted offer, a closed stay and a move-out, so the monthly report,
// the year report, KOSTRA and the steering-group dashboard show something on a fresh `npm start`.
// Every stay has ended before today, so the board and the rooms are as the rest of the demo expects.

const givenNames = ['Astrid', 'Bjarne', 'Cecilie', 'Dag', 'Eirik', 'Frida', 'Geir', 'Hanne', 'Ivar', 'Johanne', 'Knut', 'Line', 'Magnus', 'Nora', 'Odd', 'Pernille', 'Rune', 'Sara', 'Tor', 'Unni'];
const familyNames = ['Aasland', 'Bakkevik', 'Dahle', 'Engen', 'Fjeldstad', 'Grønli', 'Hovland', 'Isaksen', 'Jakobsen', 'Kvalvik', 'Lunde', 'Moen', 'Nygård', 'Olsen-Rør'];
const lengths = [12, 45, 88, 6, 30, 64, 19, 97, 25, 9, 52, 71];
const gaps = [3, 8, 1, 14, 5];
const destinations: (typeof moveOutDestinations)[number][] = [
  'private_rental',
  'municipal_rental',
  'private_rental',
  'temporary_with_family_friends',
  'institution_treatment',
  'private_rental',
  'owned_home',
  'homeless',
  'municipal_rental',
  'unknown',
  'permanent_with_family',
  'prison',
];

export async function seedReportHistory(db: Db, tenantId: string, roomIds: { id: string; couples: boolean }[], decidedBy: string, now: Date): Promise<void> {
  const today = osloDate(now);
  const at = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`);
  // Rows are built first and inserted in one statement per table (start-up stays quick on PGlite).
  const rows = {
    people: [] as (typeof people.$inferInsert)[],
    referrals: [] as (typeof referrals.$inferInsert)[],
    decisions: [] as (typeof decisions.$inferInsert)[],
    offers: [] as (typeof offers.$inferInsert)[],
    stays: [] as (typeof stays.$inferInsert)[],
    moveOuts: [] as (typeof moveOuts.$inferInsert)[],
    followUps: [] as (typeof aftercareFollowUps.$inferInsert)[],
    children: [] as (typeof householdMembers.$inferInsert)[],
  };
  let n = 0;
  for (const [r, room] of roomIds.entries()) {
    let cursor = addDays(today, -430 + r * 9);
    for (let k = 0; ; k++) {
      const length = lengths[(k + r * 5) % lengths.length]!;
      const endOn = addDays(cursor, length);
      if (endOn > addDays(today, -3)) break;
      n++;
      const [personId, referralId, decisionId, offerId, stayId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      rows.people.push({
        id: personId,
        tenantId,
        givenName: givenNames[n % givenNames.length]!,
        familyName: familyNames[(n * 7) % familyNames.length]!,
        birthDateOn: `19${70 + (n % 30)}-0${1 + (n % 9)}-1${n % 9}`,
        idType: 'none',
        createdAt: at(addDays(cursor, -2), 9),
        updatedAt: at(addDays(cursor, -2), 9),
      });
      // Some households have a child under 18 (living elsewhere: the house takes no children), for KOSTRA.
      if (n % 6 === 2) rows.children.push({ tenantId, personId, relation: 'child', name: 'Barn (demo)', birthDateOn: `201${n % 9}-06-01` });
      rows.referrals.push({
        id: referralId,
        tenantId,
        personId,
        receivedAt: at(addDays(cursor, -1), 8),
        situation: (['evicted', 'relationship_breakup', 'young_adult_left_parents', 'arrived_without_means', 'after_substance_treatment'] as const)[n % 5]!,
        previousStay: (['friends_family', 'rough_sleeping', 'institution', 'temporary_accommodation'] as const)[n % 4]!,
        nowhereToSleepTonight: true,
        consentToShare: true,
        caseworkerName: 'Nina NAV-veileder',
        navOffice: 'NAV Bodø',
        status: 'checked_in',
        statusChangedAt: at(cursor),
      });
      const period = { roomId: room.id, fromOn: cursor, plannedEndOn: addDays(cursor, 90) };
      rows.decisions.push({ id: decisionId, tenantId, referralId, decidedBy, decidedAt: at(addDays(cursor, -1), 14), outcome: 'offer', reasons: 'I målgruppen, har ikke et sted å bo.', ...period });
      rows.offers.push({ id: offerId, tenantId, decisionId, referralId, ...period, expiresAt: at(cursor, 12), status: 'accepted', respondedAt: at(addDays(cursor, -1), 16) });
      rows.stays.push({ id: stayId, tenantId, roomId: room.id, personId, referralId, offerId, startOn: cursor, plannedEndOn: period.plannedEndOn, endOn, checkedInAt: at(cursor, 12), checkedInBy: decidedBy });
      const destination = destinations[(k * 3 + r) % destinations.length]!;
      rows.moveOuts.push({ tenantId, stayId, movedOutOn: endOn, destination, wasPlanned: destination !== 'unknown', keysReturned: true, roomChecked: true, recordedBy: decidedBy, recordedAt: at(endOn, 11) });
      const followUpOn = addDays(endOn, 30);
      if (['private_rental', 'municipal_rental', 'owned_home'].includes(destination) && followUpOn < today) {
        rows.followUps.push({ tenantId, personId, stayId, monthsAfter: 1, dueOn: followUpOn, doneOn: followUpOn, stillHoused: n % 6 !== 0, doneBy: decidedBy });
      }
      cursor = addDays(endOn, gaps[(k + r) % gaps.length]!);
    }
  }
  if (n === 0) return;
  // The house has been in use since the first of these stays: its rooms exist from then.
  const opened = new Date(`${addDays(today, -431)}T08:00:00Z`);
  await db.update(rooms).set({ createdAt: opened }).where(inArray(rooms.id, roomIds.map((r) => r.id)));
  await db.insert(people).values(rows.people);
  await db.insert(referrals).values(rows.referrals);
  await db.insert(decisions).values(rows.decisions);
  await db.insert(offers).values(rows.offers);
  await db.insert(stays).values(rows.stays);
  await db.insert(moveOuts).values(rows.moveOuts);
  if (rows.followUps.length) await db.insert(aftercareFollowUps).values(rows.followUps);
  if (rows.children.length) await db.insert(householdMembers).values(rows.children);
}
