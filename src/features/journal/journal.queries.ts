import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { reusableQuery, type Placeholders } from '../../platform/db/reusable-query.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { journalEntries } from './journal.tables.ts';

// The journal reads people and stays with its own read-only queries: the people and stays features
// own writing them, and going through their services would log a second, unrelated read.

/** Built once (reusable-query.ts): every read of the journal, goals and tasks checks the person first. */
const personNames = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .where(and(eq(people.tenantId, p.tenantId), eq(people.id, p.personId))),
);

/** The person, if they belong to this municipality (another tenant's person is "not found"). */
export async function findPerson(db: Db, tenantId: string, personId: string) {
  const [row] = await personNames(db, { tenantId, personId });
  return row;
}

/** The person's stay in the house now, so entries, goals and tasks are tied to the stay they belong to. */
export async function findOpenStayId(db: Db, tenantId: string, personId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: stays.id })
    .from(stays)
    .where(and(eq(stays.tenantId, tenantId), eq(stays.personId, personId), isNull(stays.endOn)));
  return row?.id ?? null;
}

/**
 * The columns of an entry as a reader may see them. Whether sensitive entries are shown is decided
 * here, in the SQL: for a reader without journal:read:sensitive the database returns null for the
 * time, type, service, who was present, the text and the author of a sensitive entry, so its content
 * never leaves the database, not even to the service code. What remains is the id, the day and the
 * links to and from corrections.
 */
function entryColumns(canReadSensitive: boolean) {
  const visible: SQL = canReadSensitive ? sql`true` : sql`not ${journalEntries.isSensitive}`;
  const shown = <T>(column: SQL) => sql<T | null>`case when ${visible} then ${column} end`;
  return {
    id: journalEntries.id,
    personId: journalEntries.personId,
    occurredOn: sql<string>`to_char(${journalEntries.occurredAt} at time zone 'Europe/Oslo', 'YYYY-MM-DD')`,
    occurredAt: shown<string>(sql`to_char(${journalEntries.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
    shielded: sql<boolean>`not (${visible})`,
    isSensitive: journalEntries.isSensitive,
    type: shown<(typeof journalEntries.$inferSelect)['type']>(sql`${journalEntries.type}`),
    service: shown<NonNullable<(typeof journalEntries.$inferSelect)['service']>>(sql`${journalEntries.service}`),
    present: shown<string>(sql`${journalEntries.present}`),
    body: shown<string>(sql`${journalEntries.body}`),
    correctsEntryId: journalEntries.correctsEntryId,
    // The newest correction of this entry (the service allows one per entry; a chain corrects the correction).
    correctedByEntryId: sql<string | null>`(select c.id from journal_entries c where c.corrects_entry_id = ${journalEntries.id} order by c.created_at desc, c.id limit 1)`,
    createdAt: shown<string>(sql`to_char(${journalEntries.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
    createdByName: shown<string>(sql`${users.displayName}`),
  };
}

/** Built once (reusable-query.ts): a person's journal, one query per reader kind (sensitive entries shown or shielded). */
const journalQuery = (canReadSensitive: boolean) =>
  reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
    db
      .select(entryColumns(canReadSensitive))
      .from(journalEntries)
      .leftJoin(users, eq(users.id, journalEntries.createdBy))
      .where(and(eq(journalEntries.tenantId, p.tenantId), eq(journalEntries.personId, p.personId)))
      .orderBy(desc(journalEntries.occurredAt), desc(journalEntries.createdAt), desc(journalEntries.id)),
  );
const journalWithSensitive = journalQuery(true);
const journalShielded = journalQuery(false);

/** A person's journal, newest first, as this reader may see it. */
export async function listJournalEntries(db: Db, tenantId: string, personId: string, canReadSensitive: boolean) {
  return (canReadSensitive ? journalWithSensitive : journalShielded)(db, { tenantId, personId });
}
export type JournalEntryRow = Awaited<ReturnType<typeof listJournalEntries>>[number];

/** One entry as this reader may see it. */
export async function findJournalEntryView(db: Db, tenantId: string, id: string, canReadSensitive: boolean) {
  const [row] = await db
    .select(entryColumns(canReadSensitive))
    .from(journalEntries)
    .leftJoin(users, eq(users.id, journalEntries.createdBy))
    .where(and(eq(journalEntries.tenantId, tenantId), eq(journalEntries.id, id)));
  return row;
}

/**
 * The entry to be corrected, locked until the transaction ends, so two corrections of one entry at
 * the same moment are made one after the other and the second sees the first.
 */
export async function lockEntryForCorrection(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: journalEntries.id, personId: journalEntries.personId, stayId: journalEntries.stayId, isSensitive: journalEntries.isSensitive })
    .from(journalEntries)
    .where(and(eq(journalEntries.tenantId, tenantId), eq(journalEntries.id, id)))
    .for('update');
  return row;
}

export async function findCorrectionOf(db: Db, entryId: string) {
  const [row] = await db.select({ id: journalEntries.id }).from(journalEntries).where(eq(journalEntries.correctsEntryId, entryId)).limit(1);
  return row;
}

/** Entries are only ever inserted: there is no update or delete query in this feature, on purpose. */
export async function insertJournalEntry(db: Db, row: typeof journalEntries.$inferInsert) {
  const [created] = await db.insert(journalEntries).values(row).returning({ id: journalEntries.id });
  return created!;
}
