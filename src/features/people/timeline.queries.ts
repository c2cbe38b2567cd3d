import { aliasedTable, and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { reusableQuery, type Placeholders, anyOfIds } from '../../platform/db/reusable-query.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { decisions, offers, screenings } from '../allocation/allocation.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { moveOuts, roomMoves, stayExtensions } from '../stays/moving-on.tables.ts';
import { agreements } from '../agreements/agreements.tables.ts';
import { journalEntries } from '../journal/journal.tables.ts';
import { helpApplications, housingApplications } from '../housing-search/housing-search.tables.ts';
import { aftercareAgreements, aftercareFollowUps, meetingAttendance, meetingSessions } from '../aftercare/aftercare.tables.ts';

// The timeline's own read-only SQL across the features' tables (like reports: it never writes).
// Every query is limited to the tenant and the person (as the resident or the household's partner).
// Each is built once (reusable-query.ts); a list of ids is one uuid[] parameter.

/** Built once (reusable-query.ts): the person's referrals, as the resident or the partner. */
const referralsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({ id: referrals.id, receivedAt: referrals.receivedAt, status: referrals.status })
    .from(referrals)
    .where(and(eq(referrals.tenantId, p.tenantId), or(eq(referrals.personId, p.personId), eq(referrals.partnerPersonId, p.personId)))),
);

export async function referralRows(db: Db, tenantId: string, personId: string) {
  return referralsOfPerson(db, { tenantId, personId });
}

/** Built once (reusable-query.ts): the screenings of the referrals. */
const screeningsOfReferrals = reusableQuery((db, p: Placeholders<{ tenantId: string; referralIds: string[] }>) =>
  db
    .select({ referralId: screenings.referralId, screenedAt: screenings.screenedAt, result: screenings.result })
    .from(screenings)
    .where(and(eq(screenings.tenantId, p.tenantId), anyOfIds(screenings.referralId, p.referralIds))),
);

export async function screeningRows(db: Db, tenantId: string, referralIds: string[]) {
  if (referralIds.length === 0) return [];
  return screeningsOfReferrals(db, { tenantId, referralIds });
}

/** Built once (reusable-query.ts): the decisions on the referrals. */
const decisionsOfReferrals = reusableQuery((db, p: Placeholders<{ tenantId: string; referralIds: string[] }>) =>
  db
    .select({ referralId: decisions.referralId, decidedAt: decisions.decidedAt, outcome: decisions.outcome })
    .from(decisions)
    .where(and(eq(decisions.tenantId, p.tenantId), anyOfIds(decisions.referralId, p.referralIds))),
);

export async function decisionRows(db: Db, tenantId: string, referralIds: string[]) {
  if (referralIds.length === 0) return [];
  return decisionsOfReferrals(db, { tenantId, referralIds });
}

/** Built once (reusable-query.ts): the offers made on the referrals, with the room. */
const offersOfReferrals = reusableQuery((db, p: Placeholders<{ tenantId: string; referralIds: string[] }>) =>
  db
    .select({ referralId: offers.referralId, status: offers.status, respondedAt: offers.respondedAt, expiresAt: offers.expiresAt, roomName: rooms.name })
    .from(offers)
    .innerJoin(rooms, eq(rooms.id, offers.roomId))
    .where(and(eq(offers.tenantId, p.tenantId), anyOfIds(offers.referralId, p.referralIds))),
);

export async function offerRows(db: Db, tenantId: string, referralIds: string[]) {
  if (referralIds.length === 0) return [];
  return offersOfReferrals(db, { tenantId, referralIds });
}

/** Built once (reusable-query.ts): the person's stay rows, as the resident or the partner, with the room. */
const staysOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({ id: stays.id, startOn: stays.startOn, checkedInAt: stays.checkedInAt, roomName: rooms.name })
    .from(stays)
    .innerJoin(rooms, eq(rooms.id, stays.roomId))
    .where(and(eq(stays.tenantId, p.tenantId), or(eq(stays.personId, p.personId), eq(stays.partnerPersonId, p.personId)))),
);

export async function stayRows(db: Db, tenantId: string, personId: string) {
  return staysOfPerson(db, { tenantId, personId });
}

const fromRoom = aliasedTable(rooms, 'from_room');
const toRoom = aliasedTable(rooms, 'to_room');

/** Built once (reusable-query.ts): the room moves into the stays, with both rooms. */
const roomMovesIntoStays = reusableQuery((db, p: Placeholders<{ tenantId: string; stayIds: string[] }>) =>
  db
    .select({ toStayId: roomMoves.toStayId, movedOn: roomMoves.movedOn, movedAt: roomMoves.movedAt, fromRoom: fromRoom.name, toRoom: toRoom.name })
    .from(roomMoves)
    .innerJoin(fromRoom, eq(fromRoom.id, roomMoves.fromRoomId))
    .innerJoin(toRoom, eq(toRoom.id, roomMoves.toRoomId))
    .where(and(eq(roomMoves.tenantId, p.tenantId), anyOfIds(roomMoves.toStayId, p.stayIds))),
);

export async function roomMoveRows(db: Db, tenantId: string, stayIds: string[]) {
  if (stayIds.length === 0) return [];
  return roomMovesIntoStays(db, { tenantId, stayIds });
}

/** Built once (reusable-query.ts): the extensions of the stays. */
const extensionsOfStays = reusableQuery((db, p: Placeholders<{ tenantId: string; stayIds: string[] }>) =>
  db
    .select({ stayId: stayExtensions.stayId, decidedAt: stayExtensions.decidedAt, newPlannedEndOn: stayExtensions.newPlannedEndOn })
    .from(stayExtensions)
    .where(and(eq(stayExtensions.tenantId, p.tenantId), anyOfIds(stayExtensions.stayId, p.stayIds))),
);

export async function extensionRows(db: Db, tenantId: string, stayIds: string[]) {
  if (stayIds.length === 0) return [];
  return extensionsOfStays(db, { tenantId, stayIds });
}

/** Built once (reusable-query.ts): the move-outs of the stays. */
const moveOutsOfStays = reusableQuery((db, p: Placeholders<{ tenantId: string; stayIds: string[] }>) =>
  db
    .select({ stayId: moveOuts.stayId, movedOutOn: moveOuts.movedOutOn, destination: moveOuts.destination })
    .from(moveOuts)
    .where(and(eq(moveOuts.tenantId, p.tenantId), anyOfIds(moveOuts.stayId, p.stayIds))),
);

export async function moveOutRows(db: Db, tenantId: string, stayIds: string[]) {
  if (stayIds.length === 0) return [];
  return moveOutsOfStays(db, { tenantId, stayIds });
}

/** Built once (reusable-query.ts): the agreements of the stays, every version. */
const agreementsOfStays = reusableQuery((db, p: Placeholders<{ tenantId: string; stayIds: string[] }>) =>
  db
    .select({ stayId: agreements.stayId, version: agreements.version, createdAt: agreements.createdAt, signedOn: agreements.signedOn })
    .from(agreements)
    .where(and(eq(agreements.tenantId, p.tenantId), anyOfIds(agreements.stayId, p.stayIds))),
);

export async function agreementRows(db: Db, tenantId: string, stayIds: string[]) {
  if (stayIds.length === 0) return [];
  return agreementsOfStays(db, { tenantId, stayIds });
}

/** Built once (reusable-query.ts) per shape: the person's journal entries, with or without the sensitive ones. */
const journalQuery = (withSensitive: boolean) =>
  reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
    db
      .select({
        occurredAt: journalEntries.occurredAt,
        type: journalEntries.type,
        service: journalEntries.service,
        isSensitive: journalEntries.isSensitive,
        correctsEntryId: journalEntries.correctsEntryId,
      })
      .from(journalEntries)
      .where(
        and(
          eq(journalEntries.tenantId, p.tenantId),
          eq(journalEntries.personId, p.personId),
          ...(withSensitive ? [] : [eq(journalEntries.isSensitive, false)]),
        ),
      ),
  );
const journalWithSensitive = journalQuery(true);
const journalWithoutSensitive = journalQuery(false);

/** Journal entries: the date, type and flags only; the text is never read here. */
export async function journalRows(db: Db, tenantId: string, personId: string, withSensitive: boolean) {
  return (withSensitive ? journalWithSensitive : journalWithoutSensitive)(db, { tenantId, personId });
}

/** Built once (reusable-query.ts): the person's housing applications. */
const housingApplicationsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({ sentOn: housingApplications.sentOn, status: housingApplications.status, statusChangedAt: housingApplications.statusChangedAt })
    .from(housingApplications)
    .where(and(eq(housingApplications.tenantId, p.tenantId), eq(housingApplications.personId, p.personId))),
);

export async function housingApplicationRows(db: Db, tenantId: string, personId: string) {
  return housingApplicationsOfPerson(db, { tenantId, personId });
}

/** Built once (reusable-query.ts): the person's applications for help. */
const helpApplicationsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({
      kind: helpApplications.kind,
      status: helpApplications.status,
      appliedOn: helpApplications.appliedOn,
      decidedOn: helpApplications.decidedOn,
      createdAt: helpApplications.createdAt,
    })
    .from(helpApplications)
    .where(and(eq(helpApplications.tenantId, p.tenantId), eq(helpApplications.personId, p.personId))),
);

export async function helpApplicationRows(db: Db, tenantId: string, personId: string) {
  return helpApplicationsOfPerson(db, { tenantId, personId });
}

const contact = aliasedTable(users, 'contact_user');

/** Built once (reusable-query.ts): the person's aftercare agreements, with the contact person. */
const aftercareAgreementsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({
      startsOn: aftercareAgreements.startsOn,
      endsOn: aftercareAgreements.endsOn,
      createdAt: aftercareAgreements.createdAt,
      contactPersonName: contact.displayName,
    })
    .from(aftercareAgreements)
    .leftJoin(contact, eq(contact.id, aftercareAgreements.contactPersonId))
    .where(and(eq(aftercareAgreements.tenantId, p.tenantId), eq(aftercareAgreements.personId, p.personId))),
);

export async function aftercareAgreementRows(db: Db, tenantId: string, personId: string) {
  return aftercareAgreementsOfPerson(db, { tenantId, personId });
}

/** Built once (reusable-query.ts): the person's aftercare follow-ups. */
const followUpsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({
      monthsAfter: aftercareFollowUps.monthsAfter,
      dueOn: aftercareFollowUps.dueOn,
      doneOn: aftercareFollowUps.doneOn,
      stillHoused: aftercareFollowUps.stillHoused,
    })
    .from(aftercareFollowUps)
    .where(and(eq(aftercareFollowUps.tenantId, p.tenantId), eq(aftercareFollowUps.personId, p.personId))),
);

export async function followUpRows(db: Db, tenantId: string, personId: string) {
  return followUpsOfPerson(db, { tenantId, personId });
}

/** Built once (reusable-query.ts): the meeting-place sessions the person attended, oldest first. */
const meetingsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({ heldOn: meetingSessions.heldOn })
    .from(meetingAttendance)
    .innerJoin(meetingSessions, eq(meetingSessions.id, meetingAttendance.sessionId))
    .where(and(eq(meetingAttendance.tenantId, p.tenantId), eq(meetingAttendance.personId, p.personId)))
    .orderBy(asc(meetingSessions.heldOn)),
);

export async function meetingRows(db: Db, tenantId: string, personId: string) {
  return meetingsOfPerson(db, { tenantId, personId });
}
