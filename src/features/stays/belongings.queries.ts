import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { reusableQuery, type Placeholders } from '../../platform/db/reusable-query.ts';
import { people } from '../people/people.tables.ts';
import { storedBelongings } from './moving-on.tables.ts';

// SQL of stored belongings.

const columns = {
  id: storedBelongings.id,
  personId: storedBelongings.personId,
  stayId: storedBelongings.stayId,
  description: storedBelongings.description,
  location: storedBelongings.location,
  storedOn: storedBelongings.storedOn,
  keepUntilOn: storedBelongings.keepUntilOn,
  pickedUpOn: storedBelongings.pickedUpOn,
};

export type BelongingsRow = { [K in keyof typeof columns]: (typeof storedBelongings.$inferSelect)[K] };

/** Built once (reusable-query.ts): the resident's belongings page reads it on every visit. */
const belongingsOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select(columns)
    .from(storedBelongings)
    .where(and(eq(storedBelongings.tenantId, p.tenantId), eq(storedBelongings.personId, p.personId)))
    .orderBy(asc(storedBelongings.storedOn), asc(storedBelongings.description)),
);

export async function listForPerson(db: Db, tenantId: string, personId: string) {
  return belongingsOfPerson(db, { tenantId, personId });
}

export async function listForStay(db: Db, tenantId: string, stayId: string) {
  return db
    .select(columns)
    .from(storedBelongings)
    .where(and(eq(storedBelongings.tenantId, tenantId), eq(storedBelongings.stayId, stayId)))
    .orderBy(asc(storedBelongings.description));
}

export async function insertBelongings(db: Db, rows: (typeof storedBelongings.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(storedBelongings).values(rows).returning(columns);
}

export async function lockBelongings(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select(columns)
    .from(storedBelongings)
    .where(and(eq(storedBelongings.tenantId, tenantId), eq(storedBelongings.id, id)))
    .for('update');
  return row;
}

export async function setPickedUp(db: Db, id: string, pickedUpOn: string) {
  const [row] = await db.update(storedBelongings).set({ pickedUpOn }).where(eq(storedBelongings.id, id)).returning(columns);
  return row!;
}

/** Belongings not picked up whose keep-until day is before today, with the owner's name, oldest first. */
export async function listPastKeepUntil(db: Db, tenantId: string, today: string) {
  return db
    .select({ ...columns, personGivenName: people.givenName, personFamilyName: people.familyName })
    .from(storedBelongings)
    .innerJoin(people, eq(people.id, storedBelongings.personId))
    .where(and(eq(storedBelongings.tenantId, tenantId), isNull(storedBelongings.pickedUpOn), lt(storedBelongings.keepUntilOn, today)))
    .orderBy(asc(storedBelongings.keepUntilOn));
}

/** Built once (reusable-query.ts): every read and write of belongings checks the person first. */
const personIdOf = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, p.tenantId), eq(people.id, p.personId))),
);

export async function personExists(db: Db, tenantId: string, personId: string) {
  const [row] = await personIdOf(db, { tenantId, personId });
  return row !== undefined;
}
