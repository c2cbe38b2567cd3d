import type { Db } from '../../platform/db/client.ts';
import { people } from './people.tables.ts';
import { syntheticNationalId } from './people.rules.ts';

let counter = 0;

/** A person with a synthetic national id (never a real one) unless overridden. */
export async function buildPerson(db: Db, options: { tenantId: string } & Partial<typeof people.$inferInsert>) {
  counter++;
  const birthDateOn = options.birthDateOn ?? `19${String(60 + (counter % 40)).padStart(2, '0')}-0${1 + (counter % 9)}-1${counter % 9}`;
  const now = new Date('2026-11-01T10:00:00Z');
  const [row] = await db
    .insert(people)
    .values({
      givenName: `Testperson${counter}`,
      familyName: 'Nordmann',
      birthDateOn,
      idType: 'fnr',
      nationalId: syntheticNationalId(birthDateOn, 100 + ((counter * 7) % 800)),
      createdAt: now,
      updatedAt: now,
      ...options,
    })
    .returning();
  return row!;
}
