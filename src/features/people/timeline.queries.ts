import { aliasedTable, and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
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

export async function referralRows(db: Db, tenantId: string, personId: string) {
  return db
    .select({ id: referrals.id, receivedAt: referrals.receivedAt, status: referrals.status })
    .from(referrals)
    .where(and(eq(referrals.tenantId, tenantId), or(eq(referrals.personId, personId), eq(referrals.partnerPersonId, personId))));
}

export async function screeningRows(db: Db, tenantId: string, referralIds: string[]) {
  if (referralIds.length === 0) return [];
  return db
    .select({ referralId: screenings.referralId, screenedAt: screenings.screenedAt, result: screenings.result })
    .from(screenings)
    .where(and(eq(screenings.tenantId, tenantId), inArray(screenings.referralId, referralIds)));
}

export async function decisionRows(db: Db, tenantId: string, referralIds: string[]) {
  if (referralIds.length === 0) return [];
  return db
    .select({ referralId: decisions.referralId, decidedAt: decisions.decidedAt, outcome: decisions.outcome })
    .from(decisions)
    .where(and(eq(decisions.tenantId, tenantId), inArray(decisions.referralId, referralIds)));
}

export async function offerRows(db: Db, tenantId: string, referralIds: string[]) {
  if (referralIds.length === 0) return [];
  return db
    .select({ referralId: offers.referralId, status: offers.status, respondedAt: offers.respondedAt, expiresAt: offers.expiresAt, roomName: rooms.name })
    .from(offers)
    .innerJoin(rooms, eq(rooms.id, offers.roomId))
    .where(and(eq(offers.tenantId, tenantId), inArray(offers.referralId, referralIds)));
}

export async function stayRows(db: Db, tenantId: string, personId: string) {
  return db
    .select({ id: stays.id, startOn: stays.startOn, checkedInAt: stays.checkedInAt, roomName: rooms.name })
    .from(stays)
    .innerJoin(rooms, eq(rooms.id, stays.roomId))
    .where(and(eq(stays.tenantId, tenantId), or(eq(stays.personId, personId), eq(stays.partnerPersonId, personId))));
}

const fromRoom = aliasedTable(rooms, 'from_room');
const toRoom = aliasedTable(rooms, 'to_room');

export async function roomMoveRows(db: Db, tenantId: string, stayIds: string[]) {
  if (stayIds.length === 0) return [];
  return db
    .select({ toStayId: roomMoves.toStayId, movedOn: roomMoves.movedOn, movedAt: roomMoves.movedAt, fromRoom: fromRoom.name, toRoom: toRoom.name })
    .from(roomMoves)
    .innerJoin(fromRoom, eq(fromRoom.id, roomMoves.fromRoomId))
    .innerJoin(toRoom, eq(toRoom.id, roomMoves.toRoomId))
    .where(and(eq(roomMoves.tenantId, tenantId), inArray(roomMoves.toStayId, stayIds)));
}

export async function extensionRows(db: Db, tenantId: string, stayIds: string[]) {
  if (stayIds.length === 0) return [];
  return db
    .select({ stayId: stayExtensions.stayId, decidedAt: stayExtensions.decidedAt, newPlannedEndOn: stayExtensions.newPlannedEndOn })
    .from(stayExtensions)
    .where(and(eq(stayExtensions.tenantId, tenantId), inArray(stayExtensions.stayId, stayIds)));
}

export async function moveOutRows(db: Db, tenantId: string, stayIds: string[]) {
  if (stayIds.length === 0) return [];
  return db
    .select({ stayId: moveOuts.stayId, movedOutOn: moveOuts.movedOutOn, destination: moveOuts.destination })
    .from(moveOuts)
    .where(and(eq(moveOuts.tenantId, tenantId), inArray(moveOuts.stayId, stayIds)));
}

export async function agreementRows(db: Db, tenantId: string, stayIds: string[]) {
  if (stayIds.length === 0) return [];
  return db
    .select({ stayId: agreements.stayId, version: agreements.version, createdAt: agreements.createdAt, signedOn: agreements.signedOn })
    .from(agreements)
    .where(and(eq(agreements.tenantId, tenantId), inArray(agreements.stayId, stayIds)));
}

/** Journal entries: the date, type and flags only; the text is never read here. */
export async function journalRows(db: Db, tenantId: string, personId: string, withSensitive: boolean) {
  return db
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
        eq(journalEntries.tenantId, tenantId),
        eq(journalEntries.personId, personId),
        ...(withSensitive ? [] : [eq(journalEntries.isSensitive, false)]),
      ),
    );
}

export async function housingApplicationRows(db: Db, tenantId: string, personId: string) {
  return db
    .select({ sentOn: housingApplications.sentOn, status: housingApplications.status, statusChangedAt: housingApplications.statusChangedAt })
    .from(housingApplications)
    .where(and(eq(housingApplications.tenantId, tenantId), eq(housingApplications.personId, personId)));
}

export async function helpApplicationRows(db: Db, tenantId: string, personId: string) {
  return db
    .select({
      kind: helpApplications.kind,
      status: helpApplications.status,
      appliedOn: helpApplications.appliedOn,
      decidedOn: helpApplications.decidedOn,
      createdAt: helpApplications.createdAt,
    })
    .from(helpApplications)
    .where(and(eq(helpApplications.tenantId, tenantId), eq(helpApplications.personId, personId)));
}

const contact = aliasedTable(users, 'contact_user');

export async function aftercareAgreementRows(db: Db, tenantId: string, personId: string) {
  return db
    .select({
      startsOn: aftercareAgreements.startsOn,
      endsOn: aftercareAgreements.endsOn,
      createdAt: aftercareAgreements.createdAt,
      contactPersonName: contact.displayName,
    })
    .from(aftercareAgreements)
    .leftJoin(contact, eq(contact.id, aftercareAgreements.contactPersonId))
    .where(and(eq(aftercareAgreements.tenantId, tenantId), eq(aftercareAgreements.personId, personId)));
}

export async function followUpRows(db: Db, tenantId: string, personId: string) {
  return db
    .select({
      monthsAfter: aftercareFollowUps.monthsAfter,
      dueOn: aftercareFollowUps.dueOn,
      doneOn: aftercareFollowUps.doneOn,
      stillHoused: aftercareFollowUps.stillHoused,
    })
    .from(aftercareFollowUps)
    .where(and(eq(aftercareFollowUps.tenantId, tenantId), eq(aftercareFollowUps.personId, personId)));
}

export async function meetingRows(db: Db, tenantId: string, personId: string) {
  return db
    .select({ heldOn: meetingSessions.heldOn })
    .from(meetingAttendance)
    .innerJoin(meetingSessions, eq(meetingSessions.id, meetingAttendance.sessionId))
    .where(and(eq(meetingAttendance.tenantId, tenantId), eq(meetingAttendance.personId, personId)))
    .orderBy(asc(meetingSessions.heldOn));
}
