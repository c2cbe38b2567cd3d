import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
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

export async function findPerson(db: Db, tenantId: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
  return row;
}

export async function findPersonIdByNationalId(db: Db, tenantId: string, nationalId: string) {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.nationalId, nationalId)));
  return row?.id;
}

export async function listHousehold(db: Db, personId: string): Promise<HouseholdRow[]> {
  return db.select().from(householdMembers).where(eq(householdMembers.personId, personId)).orderBy(asc(householdMembers.relation), asc(householdMembers.name));
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
  term: { nationalId?: string; birthDate?: string; words: string[] },
  limit = 50,
) {
  const match: SQL[] = [];
  if (term.nationalId) match.push(eq(people.nationalId, term.nationalId));
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
      nationalId: people.nationalId,
      hasProtectedAddress: people.hasProtectedAddress,
    })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), or(...match)))
    .orderBy(asc(people.familyName), asc(people.givenName))
    .limit(limit);
}
