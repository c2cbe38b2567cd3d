import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { rolePermissions, userRoles, users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { agreements } from '../agreements/agreements.tables.ts';
import { inventoryItems, roomKeys, stays } from '../stays/stays.tables.ts';
import { hazards } from '../risk/risk.tables.ts';
import { incidentAlerts, incidentMeasures, incidentPeople, incidents } from './incidents.tables.ts';

// SQL of incidents (avvik). Every query is scoped to one tenant.

export type IncidentRow = typeof incidents.$inferSelect;

export async function insertIncident(db: Db, row: typeof incidents.$inferInsert) {
  const [inserted] = await db.insert(incidents).values(row).returning();
  return inserted!;
}

export async function insertIncidentPeople(db: Db, rows: (typeof incidentPeople.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(incidentPeople).values(rows);
}

export async function lockIncident(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(incidents).where(and(eq(incidents.tenantId, tenantId), eq(incidents.id, id))).for('update');
  return row;
}

export async function updateIncident(db: Db, tenantId: string, id: string, values: Partial<typeof incidents.$inferInsert>) {
  await db.update(incidents).set(values).where(and(eq(incidents.tenantId, tenantId), eq(incidents.id, id)));
}

export async function insertMeasure(db: Db, row: typeof incidentMeasures.$inferInsert) {
  const [inserted] = await db.insert(incidentMeasures).values(row).returning({ id: incidentMeasures.id });
  return inserted!;
}

const assignee = alias(users, 'assignee');
const reporter = alias(users, 'reporter');
const closer = alias(users, 'closer');

/** One incident with the names of its room, reporter, assignee and closer, and its links. */
export async function findIncident(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({
      incident: incidents,
      roomName: rooms.name,
      reportedByName: reporter.displayName,
      assignedToName: assignee.displayName,
      closedByName: closer.displayName,
      hazardTitle: hazards.title,
      keyNumber: roomKeys.keyNumber,
      inventoryItemName: inventoryItems.name,
    })
    .from(incidents)
    .leftJoin(rooms, eq(rooms.id, incidents.roomId))
    .leftJoin(reporter, eq(reporter.id, incidents.reportedBy))
    .leftJoin(assignee, eq(assignee.id, incidents.assignedTo))
    .leftJoin(closer, eq(closer.id, incidents.closedBy))
    .leftJoin(hazards, eq(hazards.id, incidents.hazardId))
    .leftJoin(roomKeys, eq(roomKeys.id, incidents.keyId))
    .leftJoin(inventoryItems, eq(inventoryItems.id, incidents.inventoryItemId))
    .where(and(eq(incidents.tenantId, tenantId), eq(incidents.id, id)));
  return row;
}

export async function listInvolved(db: Db, incidentId: string) {
  return db
    .select({
      kind: incidentPeople.kind,
      personId: incidentPeople.personId,
      userId: incidentPeople.userId,
      name: incidentPeople.name,
      givenName: people.givenName,
      familyName: people.familyName,
      displayName: users.displayName,
    })
    .from(incidentPeople)
    .leftJoin(people, eq(people.id, incidentPeople.personId))
    .leftJoin(users, eq(users.id, incidentPeople.userId))
    .where(eq(incidentPeople.incidentId, incidentId))
    .orderBy(asc(incidentPeople.kind), asc(incidentPeople.id));
}

export async function listMeasures(db: Db, incidentId: string) {
  return db
    .select({ id: incidentMeasures.id, description: incidentMeasures.description, recordedAt: incidentMeasures.recordedAt, recordedByName: users.displayName })
    .from(incidentMeasures)
    .leftJoin(users, eq(users.id, incidentMeasures.recordedBy))
    .where(eq(incidentMeasures.incidentId, incidentId))
    .orderBy(asc(incidentMeasures.recordedAt), asc(incidentMeasures.id));
}

/** The first moment of an Oslo calendar day (plus some days), as SQL. */
export const osloDayStart = (day: string, plusDays = 0) => sql`((${day}::date + ${plusDays}::int))::timestamp at time zone 'Europe/Oslo'`;

/** The list by status, type and period (Oslo days, both included), newest first. */
export async function listIncidents(db: Db, tenantId: string, filter: { status?: IncidentRow['status']; type?: IncidentRow['type']; fromOn?: string; toOn?: string }) {
  return db
    .select({
      id: incidents.id,
      occurredAt: incidents.occurredAt,
      location: incidents.location,
      roomName: rooms.name,
      type: incidents.type,
      severity: incidents.severity,
      status: incidents.status,
      assignedToName: assignee.displayName,
      followUpDueOn: incidents.followUpDueOn,
      residentCount: sql<number>`(select count(*)::int from ${incidentPeople} where ${incidentPeople.incidentId} = ${incidents.id} and ${incidentPeople.kind} = 'resident')`,
    })
    .from(incidents)
    .leftJoin(rooms, eq(rooms.id, incidents.roomId))
    .leftJoin(assignee, eq(assignee.id, incidents.assignedTo))
    .where(
      and(
        eq(incidents.tenantId, tenantId),
        filter.status ? eq(incidents.status, filter.status) : undefined,
        filter.type ? eq(incidents.type, filter.type) : undefined,
        filter.fromOn ? gte(incidents.occurredAt, osloDayStart(filter.fromOn)) : undefined,
        filter.toOn ? lt(incidents.occurredAt, osloDayStart(filter.toOn, 1)) : undefined,
      ),
    )
    .orderBy(desc(incidents.occurredAt), desc(incidents.id))
    .limit(500);
}

export async function findRoom(db: Db, tenantId: string, roomId: string) {
  const [row] = await db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, roomId)));
  return row;
}

export async function listRooms(db: Db, tenantId: string) {
  return db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(eq(rooms.tenantId, tenantId)).orderBy(asc(rooms.sortOrder), asc(rooms.name));
}

export async function countPeopleOfTenant(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return 0;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(people).where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)));
  return row?.n ?? 0;
}

export async function countUsersOfTenant(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return 0;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(and(eq(users.tenantId, tenantId), inArray(users.id, ids)));
  return row?.n ?? 0;
}

export async function findHazard(db: Db, tenantId: string, hazardId: string) {
  const [row] = await db.select({ id: hazards.id, title: hazards.title }).from(hazards).where(and(eq(hazards.tenantId, tenantId), eq(hazards.id, hazardId)));
  return row;
}

export async function listHazards(db: Db, tenantId: string) {
  return db.select({ id: hazards.id, title: hazards.title }).from(hazards).where(eq(hazards.tenantId, tenantId)).orderBy(asc(hazards.title));
}

/** People living in the house on a day (the resident and a partner), with their room: who can be involved. */
export async function listCurrentResidents(db: Db, tenantId: string, day: string) {
  const rows = await db
    .select({ personId: stays.personId, partnerPersonId: stays.partnerPersonId, roomName: rooms.name })
    .from(stays)
    .innerJoin(rooms, eq(rooms.id, stays.roomId))
    .where(and(eq(stays.tenantId, tenantId), sql`${stays.startOn} <= ${day}`, or(isNull(stays.endOn), sql`${stays.endOn} > ${day}`)))
    .orderBy(asc(rooms.sortOrder), asc(rooms.name));
  const ids = rows.flatMap((r) => (r.partnerPersonId ? [r.personId, r.partnerPersonId] : [r.personId]));
  if (ids.length === 0) return [];
  const names = await db.select({ id: people.id, givenName: people.givenName, familyName: people.familyName }).from(people).where(inArray(people.id, ids));
  const byId = new Map(names.map((n) => [n.id, `${n.givenName} ${n.familyName}`]));
  return rows.flatMap((r) =>
    [r.personId, r.partnerPersonId].filter((p): p is string => p !== null).map((personId) => ({ personId, name: byId.get(personId) ?? '', roomName: r.roomName })),
  );
}

/** Active users of the tenant whose roles hold a permission (e.g. the leads: incident:manage). */
export async function listUsersWithPermission(db: Db, tenantId: string, permission: string) {
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleKey, userRoles.roleKey), eq(rolePermissions.permissionKey, permission)))
    .where(and(eq(users.tenantId, tenantId), eq(users.isActive, true)))
    .orderBy(users.displayName, users.id);
}

/** The newest agreement version of each stay of these people (as resident or partner). */
export async function listLatestAgreementsOf(db: Db, tenantId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ id: agreements.id, version: agreements.version, stayId: agreements.stayId, personId: stays.personId, partnerPersonId: stays.partnerPersonId, createdAt: agreements.createdAt })
    .from(agreements)
    .innerJoin(stays, eq(stays.id, agreements.stayId))
    .where(and(eq(agreements.tenantId, tenantId), or(inArray(stays.personId, personIds), inArray(stays.partnerPersonId, personIds))))
    .orderBy(desc(stays.startOn), desc(agreements.version));
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (seen.has(r.stayId)) return false;
    seen.add(r.stayId);
    return true;
  });
}

export async function findAgreement(db: Db, tenantId: string, agreementId: string) {
  const [row] = await db
    .select({ id: agreements.id, version: agreements.version, personId: stays.personId, partnerPersonId: stays.partnerPersonId })
    .from(agreements)
    .innerJoin(stays, eq(stays.id, agreements.stayId))
    .where(and(eq(agreements.tenantId, tenantId), eq(agreements.id, agreementId)));
  return row;
}

export async function personNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: people.id, givenName: people.givenName, familyName: people.familyName }).from(people).where(inArray(people.id, ids));
  return new Map(rows.map((r) => [r.id, `${r.givenName} ${r.familyName}`]));
}

// ---- the e-mail alerts of severe incidents (an outbox) ---------------------------------------------

export async function insertAlerts(db: Db, rows: (typeof incidentAlerts.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(incidentAlerts).values(rows).onConflictDoNothing();
}

/** Alerts not sent yet, with what the e-mail says (type, severity, when) and the recipient. */
export async function listPendingAlerts(db: Db, tenantId: string) {
  return db
    .select({
      id: incidentAlerts.id,
      incidentId: incidentAlerts.incidentId,
      userId: incidentAlerts.userId,
      email: users.email,
      locale: users.locale,
      type: incidents.type,
      severity: incidents.severity,
      occurredAt: incidents.occurredAt,
    })
    .from(incidentAlerts)
    .innerJoin(users, eq(users.id, incidentAlerts.userId))
    .innerJoin(incidents, eq(incidents.id, incidentAlerts.incidentId))
    .where(and(eq(incidentAlerts.tenantId, tenantId), isNull(incidentAlerts.sentAt)))
    .orderBy(asc(incidentAlerts.createdAt));
}

/** Claims an alert for sending (only one sender wins); false when another run took it. */
export async function claimAlert(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(incidentAlerts)
    .set({ sentAt: at })
    .where(and(eq(incidentAlerts.id, id), isNull(incidentAlerts.sentAt)))
    .returning({ id: incidentAlerts.id });
  return rows.length === 1;
}

export async function releaseAlert(db: Db, id: string) {
  await db.update(incidentAlerts).set({ sentAt: null }).where(eq(incidentAlerts.id, id));
}
