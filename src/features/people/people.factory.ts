import type { Db } from '../../platform/db/client.ts';
import { people } from './people.tables.ts';
import { syntheticNationalId } from './people.rules.ts';
import { nationalIdHash, sealNationalId } from '../../platform/crypto/field-crypto.ts';
import { demoFieldKeys } from '../../platform/config/env.ts';

let counter = 0;

type PersonOverrides = Partial<Omit<typeof people.$inferInsert, 'nationalIdSealed' | 'nationalIdHash'>> & { nationalId?: string | null };

/**
 * A person with a synthetic national id (never a real one) unless overridden. The number is stored
 * encrypted with the demo/test keys (what tests run with) and returned in plain as `nationalId`.
 */
export async function buildPerson(db: Db, { nationalId: given, ...options }: { tenantId: string } & PersonOverrides) {
  counter++;
  const birthDateOn = options.birthDateOn ?? `19${String(60 + (counter % 40)).padStart(2, '0')}-0${1 + (counter % 9)}-1${counter % 9}`;
  const nationalId = given === undefined ? syntheticNationalId(birthDateOn, 100 + ((counter * 7) % 800)) : given;
  const now = new Date('2026-11-01T10:00:00Z');
  const [row] = await db
    .insert(people)
    .values({
      givenName: `Testperson${counter}`,
      familyName: 'Nordmann',
      birthDateOn,
      idType: 'fnr',
      nationalIdSealed: nationalId && sealNationalId(demoFieldKeys, nationalId),
      nationalIdHash: nationalId && nationalIdHash(demoFieldKeys, nationalId),
      createdAt: now,
      updatedAt: now,
      ...options,
    })
    .returning();
  return { ...row!, nationalId };
}

/** The keyed hash tests use to find a person row by number (the demo/test key). */
export const testNationalIdHash = (nationalId: string) => nationalIdHash(demoFieldKeys, nationalId);
