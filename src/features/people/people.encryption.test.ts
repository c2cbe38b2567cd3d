import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { demoFieldKeys } from '../../platform/config/env.ts';
import { open, seal, sealNationalId } from '../../platform/crypto/field-crypto.ts';
import { createLogger } from '../../platform/http/logger.ts';
import { people } from './people.tables.ts';
import { syntheticNationalId } from './people.rules.ts';
import { getPerson, registerPerson, searchPeople } from './people.service.ts';
import { registerPersonInput } from './people.schema.ts';
import { sealPlainNationalIds } from './people.encryption.ts';

// Issue #8 point 4: identity numbers are encrypted in the database, found by exact match through a
// keyed hash, and never in logs or error messages.

let database: Database;
let tenantId: string;
let staffId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
});
afterAll(() => database.close());

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const rawRow = async (id: string) =>
  rowsOf<{ national_id: string | null; national_id_hash: string | null }>(
    await database.db.execute(sql`select national_id, national_id_hash from people where id = ${id}`),
  )[0]!;

describe('identity numbers at rest', () => {
  it('stores the number encrypted, gives it back in plain to a reader, and finds the person by it', async () => {
    const nationalId = syntheticNationalId('1985-02-14', 233);
    const ctx = await contextFor(database, staffId);
    const person = await registerPerson(ctx, registerPersonInput.parse({ givenName: 'Kryptert', familyName: 'Person', birthDate: '1985-02-14', idType: 'fnr', nationalId }));

    const row = await rawRow(person.id);
    expect(row.national_id).toMatch(/^v1:/);
    expect(row.national_id).not.toContain(nationalId);
    expect(row.national_id).not.toContain(nationalId.slice(0, 6));
    expect(row.national_id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.national_id_hash).not.toContain(nationalId);

    expect((await getPerson(ctx, person.id, 'registration')).nationalId).toBe(nationalId);
    expect((await searchPeople(ctx, nationalId)).map((p) => p.id)).toEqual([person.id]);
    // The same number encrypts differently every time (random nonce), so equal numbers do not show.
    expect(sealNationalId(demoFieldKeys, nationalId)).not.toBe(sealNationalId(demoFieldKeys, nationalId));
  });

  it('refuses a second registration of the same number with an error that does not carry the number', async () => {
    const nationalId = syntheticNationalId('1985-02-15', 234);
    const ctx = await contextFor(database, staffId);
    const input = registerPersonInput.parse({ givenName: 'En', familyName: 'Gang', birthDate: '1985-02-15', idType: 'fnr', nationalId });
    await registerPerson(ctx, input);
    const err = await registerPerson(ctx, input).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'person.duplicate_national_id' });
    expect(JSON.stringify(err) + String((err as Error).message)).not.toContain(nationalId);
  });

  it('a value sealed for one column does not open with another key or as another column', () => {
    const sealed = seal(demoFieldKeys, 'people.national_id', '12345678901');
    expect(open(demoFieldKeys, 'people.national_id', sealed)).toBe('12345678901');
    expect(() => open(demoFieldKeys, 'users.totp_secret', sealed)).toThrow(/cannot decrypt/);
    const otherKey = { encryption: Buffer.alloc(32, 7), hash: Buffer.alloc(32, 8) };
    expect(() => open(otherKey, 'people.national_id', sealed)).toThrow(/cannot decrypt/);
    expect(() => open(otherKey, 'people.national_id', sealed)).not.toThrow(/12345678901/);
  });
});

describe('sealPlainNationalIds (the start-up migration of old rows)', () => {
  it('encrypts rows written in plain before the security migration, once, and they are found by number afterwards', async () => {
    const nationalId = syntheticNationalId('1970-03-03', 303);
    const [plain] = rowsOf<{ id: string }>(
      await database.db.execute(
        sql`insert into people (tenant_id, given_name, family_name, id_type, national_id, created_at, updated_at)
            values (${tenantId}, 'Gammel', 'Rad', 'fnr', ${nationalId}, now(), now()) returning id`,
      ),
    );

    expect(await sealPlainNationalIds(database.db, demoFieldKeys)).toBe(1);
    expect(await sealPlainNationalIds(database.db, demoFieldKeys)).toBe(0);

    const row = await rawRow(plain!.id);
    expect(row.national_id).toMatch(/^v1:/);
    const ctx = await contextFor(database, staffId);
    expect((await searchPeople(ctx, nationalId)).map((p) => p.id)).toEqual([plain!.id]);
    expect((await getPerson(ctx, plain!.id, 'registration')).nationalId).toBe(nationalId);
    const [count] = await database.db.select({ n: sql<number>`count(*)::int` }).from(people).where(eq(people.nationalIdSealed, nationalId));
    expect(count!.n).toBe(0);
  });
});

describe('logs', () => {
  it('redacts identity numbers, passwords and cookies that slip into a log line', () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
    const log = createLogger('info', sink);
    log.info({ nationalId: '12345678901', body: { nationalId: '12345678901', password: 'hemmelig' }, headers: { cookie: 'bn_session=abc' } }, 'x');
    expect(out).not.toContain('12345678901');
    expect(out).not.toContain('hemmelig');
    expect(out).not.toContain('bn_session=abc');
  });
});
