import { and, asc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { reusableQuery, type Placeholders } from '../../platform/db/reusable-query.ts';
import { people, householdMembers } from './people.tables.ts';

export type PersonRow = typeof people.$inferSelect;
export type HouseholdRow = typeof householdMembers.$inferSelect;

export async function insertPerson(db: Db, row: typeof people.$inferInsert): Promise<PersonRow> {
  const [created] = await db.insert(people).values(row).returning();
  return created!;
}

export async function updatePersonRow(db: Db, tenantId: string, id: string, values: Partial<typeof people.$inferInsert>) {
  const [row] = await db
    .update(people)
    .set(values)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)))
    .returning();
  return row;
}

/** Built once (reusable-query.ts): nearly every read of a person's record starts here. */
const personById = reusableQuery((db, p: Placeholders<{ tenantId: string; id: string }>) =>
  db.select().from(people).where(and(eq(people.tenantId, p.tenantId), eq(people.id, p.id))),
);

export async function findPerson(db: Db, tenantId: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await personById(db, { tenantId, id });
  return row;
}

/** The person with this identity number, found through its keyed hash (the number itself is encrypted). */
export async function findPersonIdByNationalIdHash(db: Db, tenantId: string, nationalIdHash: string) {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.nationalIdHash, nationalIdHash)));
  return row?.id;
}

/** Built once (reusable-query.ts): every read of a person's record lists the household. */
const householdOf = reusableQuery((db, p: Placeholders<{ personId: string }>) =>
  db.select().from(householdMembers).where(eq(householdMembers.personId, p.personId)).orderBy(asc(householdMembers.relation), asc(householdMembers.name)),
);

export async function listHousehold(db: Db, personId: string): Promise<HouseholdRow[]> {
  return householdOf(db, { personId });
}

export async function insertHouseholdMembers(db: Db, rows: (typeof householdMembers.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(householdMembers).values(rows).returning();
}

export async function deleteHouseholdMember(db: Db, personId: string, memberId: string) {
  const [row] = await db
    .delete(householdMembers)
    .where(and(eq(householdMembers.personId, personId), eq(householdMembers.id, memberId)))
    .returning({ id: householdMembers.id });
  return row;
}

/** Finds people by an exact identity number, an exact birth date, or parts of the name. */
export async function searchPeopleRows(
  db: Db,
  tenantId: string,
  term: { nationalIdHash?: string; birthDate?: string; words: string[] },
  limit = 50,
) {
  const match: SQL[] = [];
  if (term.nationalIdHash) match.push(eq(people.nationalIdHash, term.nationalIdHash));
  if (term.birthDate) match.push(eq(people.birthDateOn, term.birthDate));
  if (term.words.length) {
    const fullName = sql`(${people.givenName} || ' ' || ${people.familyName})`;
    match.push(and(...term.words.map((w) => ilike(fullName, `%${w.replace(/[\\%_]/g, '\\$&')}%`)))!);
  }
  if (match.length === 0) return [];
  return db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      birthDateOn: people.birthDateOn,
      idType: people.idType,
      nationalIdSealed: people.nationalIdSealed,
      hasProtectedAddress: people.hasProtectedAddress,
    })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), or(...match)))
    .orderBy(asc(people.familyName), asc(people.givenName))
    .limit(limit);
}

/** Rows still holding a plain identity number (written before encryption; ADR 006). */
export async function listPlainNationalIds(db: Db, limit: number) {
  return db
    .select({ id: people.id, nationalId: people.nationalIdSealed })
    .from(people)
    .where(and(isNotNull(people.nationalIdSealed), isNull(people.nationalIdHash)))
    .limit(limit);
}

export async function storeSealedNationalId(db: Db, id: string, sealed: string, hash: string) {
  await db.update(people).set({ nationalIdSealed: sealed, nationalIdHash: hash }).where(and(eq(people.id, id), isNull(people.nationalIdHash)));
}
