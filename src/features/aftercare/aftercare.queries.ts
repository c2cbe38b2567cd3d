import { aliasedTable, and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { reusableQuery, type Placeholders, anyOfIds } from '../../platform/db/reusable-query.ts';
import { users, userRoles, rolePermissions } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { moveOuts, roomMoves } from '../stays/moving-on.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { aftercareAgreements, aftercareFollowUps, meetingAttendance, meetingSessions } from './aftercare.tables.ts';

export type FollowUpRow = typeof aftercareFollowUps.$inferSelect;
export type AgreementRow = typeof aftercareAgreements.$inferSelect;
export type SessionRow = typeof meetingSessions.$inferSelect;

const personName = sql<string>`${people.givenName} || ' ' || ${people.familyName}`;

// ——— People and their stays ———

/** Built once (reusable-query.ts): a person's name, read first by the aftercare page. */
const personNameById = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({ id: people.id, name: personName })
    .from(people)
    .where(and(eq(people.tenantId, p.tenantId), eq(people.id, p.personId))),
);

export async function findPersonName(db: Db, tenantId: string, personId: string) {
  const [row] = await personNameById(db, { tenantId, personId });
  return row;
}

export async function findStayOfPerson(db: Db, tenantId: string, stayId: string, personId: string) {
  const [row] = await db
    .select({ id: stays.id, personId: stays.personId, startOn: stays.startOn, endOn: stays.endOn })
    .from(stays)
    .where(and(eq(stays.tenantId, tenantId), eq(stays.id, stayId), eq(stays.personId, personId)));
  return row;
}

/** Built once (reusable-query.ts): the stay rows of the people, as resident or partner. */
const staysOfPeople = reusableQuery((db, p: Placeholders<{ tenantId: string; personIds: string[] }>) =>
  db
    .select({ id: stays.id, startOn: stays.startOn })
    .from(stays)
    .where(
      and(
        eq(stays.tenantId, p.tenantId),
        or(anyOfIds(stays.personId, p.personIds), anyOfIds(stays.partnerPersonId, p.personIds)),
      ),
    ),
);

/** Built once (reusable-query.ts): the room moves into the stay rows. */
const movesIntoStays = reusableQuery((db, p: Placeholders<{ tenantId: string; stayIds: string[] }>) =>
  db
    .select({ fromStayId: roomMoves.fromStayId, toStayId: roomMoves.toStayId })
    .from(roomMoves)
    .where(and(eq(roomMoves.tenantId, p.tenantId), anyOfIds(roomMoves.toStayId, p.stayIds))),
);

/** A person's stay rows as resident or partner, with the room moves that chain them. */
async function staysWithChains(db: Db, tenantId: string, personIds: string[]) {
  if (personIds.length === 0) return { starts: new Map<string, string>() };
  const rows = await staysOfPeople(db, { tenantId, personIds });
  const ids = rows.map((r) => r.id);
  const moves = ids.length ? await movesIntoStays(db, { tenantId, stayIds: ids }) : [];
  const startOf = new Map(rows.map((r) => [r.id, r.startOn]));
  const previous = new Map(moves.map((m) => [m.toStayId, m.fromStayId]));
  // A room move ends one stay row and starts the next; the resident's stay began with the first row.
  const starts = new Map<string, string>();
  for (const r of rows) {
    let id = r.id;
    for (let i = 0; previous.has(id) && i < 100; i++) id = previous.get(id)!;
    starts.set(r.id, startOf.get(id) ?? r.startOn);
  }
  return { starts };
}

export interface MoveOutSummaryRow {
  stayId: string;
  personId: string;
  partnerPersonId: string | null;
  startOn: string;
  movedOutOn: string;
  destination: (typeof moveOuts.$inferSelect)['destination'];
}

/** Built once (reusable-query.ts): the move-outs of the person's stays, newest first. */
const moveOutsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({
      stayId: moveOuts.stayId,
      personId: stays.personId,
      partnerPersonId: stays.partnerPersonId,
      startOn: stays.startOn,
      movedOutOn: moveOuts.movedOutOn,
      destination: moveOuts.destination,
    })
    .from(moveOuts)
    .innerJoin(stays, eq(stays.id, moveOuts.stayId))
    .where(and(eq(moveOuts.tenantId, p.tenantId), or(eq(stays.personId, p.personId), eq(stays.partnerPersonId, p.personId))))
    .orderBy(desc(moveOuts.movedOutOn)),
);

/** Move-outs of stays where the person was the resident or the partner, newest first. */
export async function listMoveOutsOfPerson(db: Db, tenantId: string, personId: string): Promise<MoveOutSummaryRow[]> {
  const rows = await moveOutsOfPerson(db, { tenantId, personId });
  const { starts } = await staysWithChains(db, tenantId, [personId]);
  return rows.map((r) => ({ ...r, startOn: starts.get(r.stayId) ?? r.startOn }));
}

/** Former residents: people with a move-out in the tenant (as resident or partner) whose name matches every word. */
export async function searchFormerResidents(db: Db, tenantId: string, words: string[], limit = 30) {
  const lastMovedOut = sql<string>`max(${moveOuts.movedOutOn})`;
  return db
    .select({ personId: people.id, name: personName, lastMovedOutOn: lastMovedOut })
    .from(moveOuts)
    .innerJoin(stays, eq(stays.id, moveOuts.stayId))
    .innerJoin(people, or(eq(people.id, stays.personId), eq(people.id, stays.partnerPersonId)))
    .where(
      and(
        eq(moveOuts.tenantId, tenantId),
        eq(people.tenantId, tenantId),
        ...words.map((w) => or(ilike(people.givenName, `%${escapeLike(w)}%`), ilike(people.familyName, `%${escapeLike(w)}%`))),
      ),
    )
    .groupBy(people.id, people.givenName, people.familyName)
    .orderBy(asc(people.familyName), asc(people.givenName))
    .limit(limit);
}

function escapeLike(word: string) {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function isFormerResident(db: Db, tenantId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(moveOuts)
    .innerJoin(stays, eq(stays.id, moveOuts.stayId))
    .where(and(eq(moveOuts.tenantId, tenantId), or(eq(stays.personId, personId), eq(stays.partnerPersonId, personId))));
  return (row?.n ?? 0) > 0;
}

export async function listReferralsOfPeople(db: Db, tenantId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ id: referrals.id, personId: referrals.personId, partnerPersonId: referrals.partnerPersonId, receivedAt: referrals.receivedAt })
    .from(referrals)
    .where(and(eq(referrals.tenantId, tenantId), or(inArray(referrals.personId, personIds), inArray(referrals.partnerPersonId, personIds))))
    .orderBy(asc(referrals.receivedAt));
}

/** Move-outs in a period (both days included), with the household's people. */
export async function listMoveOutsBetween(db: Db, tenantId: string, from: string, to: string) {
  return db
    .select({ stayId: moveOuts.stayId, movedOutOn: moveOuts.movedOutOn, destination: moveOuts.destination, personId: stays.personId, partnerPersonId: stays.partnerPersonId })
    .from(moveOuts)
    .innerJoin(stays, eq(stays.id, moveOuts.stayId))
    .where(and(eq(moveOuts.tenantId, tenantId), gte(moveOuts.movedOutOn, from), lte(moveOuts.movedOutOn, to)));
}

// ——— Follow-ups ———

/** Inserts the planned follow-ups; a stay already planned keeps its rows (unique on stay and month). */
export async function insertFollowUps(db: Db, rows: (typeof aftercareFollowUps.$inferInsert)[]): Promise<FollowUpRow[]> {
  if (rows.length === 0) return [];
  await db.insert(aftercareFollowUps).values(rows).onConflictDoNothing();
  return db
    .select()
    .from(aftercareFollowUps)
    .where(and(eq(aftercareFollowUps.tenantId, rows[0]!.tenantId), eq(aftercareFollowUps.stayId, rows[0]!.stayId!)))
    .orderBy(asc(aftercareFollowUps.monthsAfter));
}

const doneBy = aliasedTable(users, 'done_by_user');

const followUpColumns = {
  id: aftercareFollowUps.id,
  personId: aftercareFollowUps.personId,
  personName,
  stayId: aftercareFollowUps.stayId,
  monthsAfter: aftercareFollowUps.monthsAfter,
  dueOn: aftercareFollowUps.dueOn,
  doneOn: aftercareFollowUps.doneOn,
  stillHoused: aftercareFollowUps.stillHoused,
  notes: aftercareFollowUps.notes,
  doneByName: doneBy.displayName,
  movedOutOn: moveOuts.movedOutOn,
  destination: moveOuts.destination,
};

function followUpSelect(db: Db) {
  return db
    .select(followUpColumns)
    .from(aftercareFollowUps)
    .innerJoin(people, eq(people.id, aftercareFollowUps.personId))
    .leftJoin(moveOuts, eq(moveOuts.stayId, aftercareFollowUps.stayId))
    .leftJoin(doneBy, eq(doneBy.id, aftercareFollowUps.doneBy));
}

export type FollowUpListRow = Awaited<ReturnType<typeof listOpenFollowUps>>[number];

/** Follow-ups not yet done that fall due on or before `untilOn` (so overdue ones too), soonest first. */
export async function listOpenFollowUps(db: Db, tenantId: string, untilOn: string) {
  return followUpSelect(db)
    .where(and(eq(aftercareFollowUps.tenantId, tenantId), isNull(aftercareFollowUps.doneOn), lte(aftercareFollowUps.dueOn, untilOn)))
    .orderBy(asc(aftercareFollowUps.dueOn), asc(people.familyName));
}

/** Built once (reusable-query.ts): the person's follow-ups, by due date. */
const followUpsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  followUpSelect(db)
    .where(and(eq(aftercareFollowUps.tenantId, p.tenantId), eq(aftercareFollowUps.personId, p.personId)))
    .orderBy(asc(aftercareFollowUps.dueOn)),
);

export async function listFollowUpsOfPerson(db: Db, tenantId: string, personId: string) {
  return followUpsOfPerson(db, { tenantId, personId });
}

export async function findFollowUp(db: Db, tenantId: string, id: string) {
  const [row] = await followUpSelect(db).where(and(eq(aftercareFollowUps.tenantId, tenantId), eq(aftercareFollowUps.id, id)));
  return row;
}

export async function updateFollowUp(db: Db, tenantId: string, id: string, values: Partial<typeof aftercareFollowUps.$inferInsert>) {
  await db
    .update(aftercareFollowUps)
    .set(values)
    .where(and(eq(aftercareFollowUps.tenantId, tenantId), eq(aftercareFollowUps.id, id)));
}

// ——— Aftercare agreements ———

const contact = aliasedTable(users, 'contact_user');

const agreementColumns = {
  id: aftercareAgreements.id,
  personId: aftercareAgreements.personId,
  personName,
  stayId: aftercareAgreements.stayId,
  startsOn: aftercareAgreements.startsOn,
  endsOn: aftercareAgreements.endsOn,
  contactFrequency: aftercareAgreements.contactFrequency,
  contactPersonId: aftercareAgreements.contactPersonId,
  contactPersonName: contact.displayName,
  createdAt: aftercareAgreements.createdAt,
};

function agreementSelect(db: Db) {
  return db
    .select(agreementColumns)
    .from(aftercareAgreements)
    .innerJoin(people, eq(people.id, aftercareAgreements.personId))
    .leftJoin(contact, eq(contact.id, aftercareAgreements.contactPersonId));
}

export type AgreementListRow = Awaited<ReturnType<typeof findAgreement>> & {};

export async function findAgreement(db: Db, tenantId: string, id: string) {
  const [row] = await agreementSelect(db).where(and(eq(aftercareAgreements.tenantId, tenantId), eq(aftercareAgreements.id, id)));
  return row;
}

/** Agreements whose period has not ended before `fromOn`, ending soonest first. */
export async function listAgreementsEndingFrom(db: Db, tenantId: string, fromOn: string) {
  return agreementSelect(db)
    .where(and(eq(aftercareAgreements.tenantId, tenantId), gte(aftercareAgreements.endsOn, fromOn)))
    .orderBy(asc(aftercareAgreements.endsOn), asc(people.familyName));
}

/** Built once (reusable-query.ts): the person's aftercare agreements, newest first. */
const agreementsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  agreementSelect(db)
    .where(and(eq(aftercareAgreements.tenantId, p.tenantId), eq(aftercareAgreements.personId, p.personId)))
    .orderBy(desc(aftercareAgreements.startsOn)),
);

export async function listAgreementsOfPerson(db: Db, tenantId: string, personId: string) {
  return agreementsOfPerson(db, { tenantId, personId });
}

export async function findAgreementForStay(db: Db, tenantId: string, personId: string, stayId: string) {
  const [row] = await db
    .select({ id: aftercareAgreements.id })
    .from(aftercareAgreements)
    .where(and(eq(aftercareAgreements.tenantId, tenantId), eq(aftercareAgreements.personId, personId), eq(aftercareAgreements.stayId, stayId)));
  return row;
}

export async function insertAgreement(db: Db, row: typeof aftercareAgreements.$inferInsert) {
  const [created] = await db.insert(aftercareAgreements).values(row).returning({ id: aftercareAgreements.id });
  return created!;
}

export async function updateAgreement(db: Db, tenantId: string, id: string, values: Partial<typeof aftercareAgreements.$inferInsert>) {
  await db
    .update(aftercareAgreements)
    .set(values)
    .where(and(eq(aftercareAgreements.tenantId, tenantId), eq(aftercareAgreements.id, id)));
}

/** Active users of the tenant whose role may write aftercare: the staff who can be a contact person. */
export async function listContactPersons(db: Db, tenantId: string) {
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, eq(rolePermissions.roleKey, userRoles.roleKey))
    .where(and(eq(users.tenantId, tenantId), eq(users.isActive, true), eq(rolePermissions.permissionKey, 'aftercare:write')))
    .orderBy(asc(users.displayName));
}

export async function isContactPerson(db: Db, tenantId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, eq(rolePermissions.roleKey, userRoles.roleKey))
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId), eq(users.isActive, true), eq(rolePermissions.permissionKey, 'aftercare:write')))
    .limit(1);
  return rows.length > 0;
}

// ——— The meeting place ———

const attendeeCount = sql<number>`(select count(*)::int from ${meetingAttendance} where ${meetingAttendance.sessionId} = ${meetingSessions.id})`;

export async function listSessions(db: Db, tenantId: string, limit = 60) {
  return db
    .select({ id: meetingSessions.id, heldOn: meetingSessions.heldOn, notes: meetingSessions.notes, attendeeCount })
    .from(meetingSessions)
    .where(eq(meetingSessions.tenantId, tenantId))
    .orderBy(desc(meetingSessions.heldOn))
    .limit(limit);
}

export async function findSession(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: meetingSessions.id, heldOn: meetingSessions.heldOn, notes: meetingSessions.notes, attendeeCount })
    .from(meetingSessions)
    .where(and(eq(meetingSessions.tenantId, tenantId), eq(meetingSessions.id, id)));
  return row;
}

export async function insertSession(db: Db, row: typeof meetingSessions.$inferInsert) {
  const [created] = await db.insert(meetingSessions).values(row).returning({ id: meetingSessions.id });
  return created!;
}

export async function listAttendees(db: Db, sessionId: string) {
  return db
    .select({ personId: people.id, name: personName })
    .from(meetingAttendance)
    .innerJoin(people, eq(people.id, meetingAttendance.personId))
    .where(eq(meetingAttendance.sessionId, sessionId))
    .orderBy(asc(people.familyName), asc(people.givenName));
}

/** Adds a person to a session's register; false when they were already on it. */
export async function insertAttendance(db: Db, row: typeof meetingAttendance.$inferInsert): Promise<boolean> {
  const rows = await db.insert(meetingAttendance).values(row).onConflictDoNothing().returning({ personId: meetingAttendance.personId });
  return rows.length > 0;
}

export async function deleteAttendance(db: Db, sessionId: string, personId: string): Promise<boolean> {
  const rows = await db
    .delete(meetingAttendance)
    .where(and(eq(meetingAttendance.sessionId, sessionId), eq(meetingAttendance.personId, personId)))
    .returning({ personId: meetingAttendance.personId });
  return rows.length > 0;
}

/** Built once (reusable-query.ts): the meeting-place sessions the person attended, newest first. */
const meetingsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({ sessionId: meetingSessions.id, heldOn: meetingSessions.heldOn })
    .from(meetingAttendance)
    .innerJoin(meetingSessions, eq(meetingSessions.id, meetingAttendance.sessionId))
    .where(and(eq(meetingAttendance.tenantId, p.tenantId), eq(meetingAttendance.personId, p.personId)))
    .orderBy(desc(meetingSessions.heldOn)),
);

export async function listMeetingsOfPerson(db: Db, tenantId: string, personId: string) {
  return meetingsOfPerson(db, { tenantId, personId });
}
