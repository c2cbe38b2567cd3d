import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { incidents } from '../incidents/incidents.tables.ts';
import { shiftLogEntries, shiftLogEntryPeople } from './shift-log.tables.ts';

// SQL of the shift log. Entries are only ever inserted: there is no update or delete query here, on purpose.

const iso = (column: unknown) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const entryColumns = {
  id: shiftLogEntries.id,
  shiftDate: shiftLogEntries.shiftDate,
  shift: shiftLogEntries.shift,
  occurredAt: iso(shiftLogEntries.occurredAt),
  body: shiftLogEntries.body,
  incidentId: shiftLogEntries.incidentId,
  correctsEntryId: shiftLogEntries.correctsEntryId,
  correctedByEntryId: sql<string | null>`(select c.id from shift_log_entries c where c.corrects_entry_id = ${shiftLogEntries.id} order by c.created_at desc, c.id limit 1)`,
  createdAt: iso(shiftLogEntries.createdAt),
  createdByName: users.displayName,
};

/** Entries that happened in [from, to], oldest first. */
export async function listEntriesBetween(db: Db, tenantId: string, from: Date, to: Date) {
  return db
    .select(entryColumns)
    .from(shiftLogEntries)
    .leftJoin(users, eq(users.id, shiftLogEntries.createdBy))
    .where(and(eq(shiftLogEntries.tenantId, tenantId), gte(shiftLogEntries.occurredAt, from), lte(shiftLogEntries.occurredAt, to)))
    .orderBy(asc(shiftLogEntries.occurredAt), asc(shiftLogEntries.createdAt));
}
export type EntryRow = Awaited<ReturnType<typeof listEntriesBetween>>[number];

/** Entries of the shifts that began on a day, in the order they happened. */
export async function listEntriesOfShiftDate(db: Db, tenantId: string, shiftDate: string) {
  return db
    .select(entryColumns)
    .from(shiftLogEntries)
    .leftJoin(users, eq(users.id, shiftLogEntries.createdBy))
    .where(and(eq(shiftLogEntries.tenantId, tenantId), eq(shiftLogEntries.shiftDate, shiftDate)))
    .orderBy(asc(shiftLogEntries.occurredAt), asc(shiftLogEntries.createdAt));
}

export async function findEntry(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select(entryColumns)
    .from(shiftLogEntries)
    .leftJoin(users, eq(users.id, shiftLogEntries.createdBy))
    .where(and(eq(shiftLogEntries.tenantId, tenantId), eq(shiftLogEntries.id, id)));
  return row;
}

/** The residents named in entries, by entry. */
export async function listEntryPeople(db: Db, entryIds: string[]) {
  if (entryIds.length === 0) return [];
  return db
    .select({ entryId: shiftLogEntryPeople.entryId, id: people.id, givenName: people.givenName, familyName: people.familyName })
    .from(shiftLogEntryPeople)
    .innerJoin(people, eq(people.id, shiftLogEntryPeople.personId))
    .where(inArray(shiftLogEntryPeople.entryId, entryIds))
    .orderBy(asc(people.familyName), asc(people.givenName));
}

/** The entry to be corrected, locked until the transaction ends (two corrections at once are made one after the other). */
export async function lockEntry(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: shiftLogEntries.id })
    .from(shiftLogEntries)
    .where(and(eq(shiftLogEntries.tenantId, tenantId), eq(shiftLogEntries.id, id)))
    .for('update');
  return row;
}

export async function findCorrectionOf(db: Db, entryId: string) {
  const [row] = await db.select({ id: shiftLogEntries.id }).from(shiftLogEntries).where(eq(shiftLogEntries.correctsEntryId, entryId)).limit(1);
  return row;
}

/** How many of the given people belong to this municipality. */
export async function countPeopleOfTenant(db: Db, tenantId: string, personIds: string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)));
  return row?.n ?? 0;
}

/** Whether the incident belongs to this municipality. */
export async function incidentExists(db: Db, tenantId: string, incidentId: string): Promise<boolean> {
  const [row] = await db.select({ id: incidents.id }).from(incidents).where(and(eq(incidents.tenantId, tenantId), eq(incidents.id, incidentId)));
  return Boolean(row);
}

export async function insertEntry(db: Db, row: typeof shiftLogEntries.$inferInsert, personIds: string[]) {
  const [created] = await db.insert(shiftLogEntries).values(row).returning({ id: shiftLogEntries.id });
  if (personIds.length) await db.insert(shiftLogEntryPeople).values(personIds.map((personId) => ({ entryId: created!.id, personId, tenantId: row.tenantId })));
  return created!;
}

/** The residents in the house now (open stays), for choosing whom an entry is about. */
export async function listResidentsInHouse(db: Db, tenantId: string) {
  return db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, roomName: rooms.name })
    .from(stays)
    .innerJoin(people, eq(people.id, stays.personId))
    .innerJoin(rooms, eq(rooms.id, stays.roomId))
    .where(and(eq(stays.tenantId, tenantId), isNull(stays.endOn)))
    .orderBy(asc(rooms.name), asc(people.familyName));
}
