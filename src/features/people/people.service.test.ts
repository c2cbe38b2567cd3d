import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { people } from './people.tables.ts';
import { buildPerson, testNationalIdHash } from './people.factory.ts';
import { syntheticNationalId } from './people.rules.ts';
import { getPerson, getPersonAccessLog, registerPerson, searchPeople, updatePerson } from './people.service.ts';
import { registerPersonInput } from './people.schema.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let navId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
});
afterAll(() => database.close());

const input = (overrides: Record<string, unknown> = {}) =>
  registerPersonInput.parse({
    givenName: 'Kari',
    familyName: 'Testesen',
    birthDate: '1994-03-12',
    idType: 'fnr',
    nationalId: syntheticNationalId('1994-03-12', 321),
    ...overrides,
  });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('registerPerson', () => {
  it('registers a person with a household and writes the audit row in the same transaction', async () => {
    const ctx = await contextFor(database, staffId);
    const person = await registerPerson(
      ctx,
      input({ nationalId: syntheticNationalId('1994-03-12', 400), household: [{ relation: 'child', name: 'Lille Testesen', birthDate: '2019-05-01' }] }),
    );
    expect(person.household).toEqual([expect.objectContaining({ relation: 'child', name: 'Lille Testesen', birthDate: '2019-05-01' })]);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.personId, person.id));
    expect(audit).toEqual([expect.objectContaining({ kind: 'write', action: 'person.register', actorUserId: staffId })]);
    // The log holds no personal values, only what kind of id and how many household members.
    expect(JSON.stringify(audit[0]!.details)).not.toContain('Kari');
  });

  it('refuses a national id that is already registered, names the existing person and writes nothing', async () => {
    const ctx = await contextFor(database, staffId);
    const nationalId = syntheticNationalId('1980-05-05', 222);
    const existing = await buildPerson(database.db, { tenantId, nationalId, birthDateOn: '1980-05-05' });
    const before = await database.db.select().from(people);
    const err = await rejection(registerPerson(ctx, input({ nationalId, birthDate: '1980-05-05' })));
    expect(err.code).toBe('person.duplicate_national_id');
    expect(err.status).toBe(409);
    expect(err.meta).toEqual({ public: { existingPersonId: existing.id } });
    expect(await database.db.select().from(people)).toHaveLength(before.length);
  });

  it('refuses synthetic test numbers in production', async () => {
    const ctx = await contextFor(database, staffId, { env: { ALLOW_SYNTHETIC_IDS: false } });
    const err = await rejection(registerPerson(ctx, input({ nationalId: syntheticNationalId('1970-01-01', 555) })));
    expect(err.code).toBe('person.synthetic_id_refused');
    expect(err.fields).toHaveProperty('nationalId');
  });

  it('refuses a "child" who is 18 or older, naming the field', async () => {
    const ctx = await contextFor(database, staffId);
    const err = await rejection(
      registerPerson(ctx, input({ nationalId: undefined, idType: 'none', household: [{ relation: 'child', name: 'Voksen', birthDate: '2000-01-01' }] })),
    );
    expect(err.code).toBe('person.child_too_old');
    expect(Object.keys(err.fields!)).toEqual(['household.0.birthDate']);
  });

  it('registers a person with no identity number at all', async () => {
    const ctx = await contextFor(database, staffId);
    const person = await registerPerson(ctx, input({ idType: 'none', nationalId: undefined }));
    expect(person).toMatchObject({ idType: 'none', nationalId: null });
  });

  it('refuses a user whose role may not register people', async () => {
    const ctx = await contextFor(database, navId);
    const err = await rejection(registerPerson(ctx, input({ nationalId: syntheticNationalId('1994-03-12', 600) })));
    expect(err.status).toBe(403);
  });

  it('refuses anyone not logged in', async () => {
    const ctx = await contextFor(database, null);
    expect((await rejection(registerPerson(ctx, input()))).status).toBe(401);
  });
});

describe('the schema shared by form and API', () => {
  it('gives field messages for a bad national id and a missing name', () => {
    const result = registerPersonInput.safeParse({ givenName: '', familyName: 'X', idType: 'fnr', nationalId: '12345678910' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['givenName', 'nationalId']));
  });

  it('requires a description for "other id"', () => {
    const result = registerPersonInput.safeParse({ givenName: 'A', familyName: 'B', idType: 'other' });
    expect(result.error!.issues[0]).toMatchObject({ path: ['otherIdDescription'], message: 'validation.otherId.missing' });
  });

  it('refuses a D-number given as a fødselsnummer', () => {
    const result = registerPersonInput.safeParse({ givenName: 'A', familyName: 'B', idType: 'fnr', nationalId: syntheticNationalId('1985-06-01', 10, true) });
    expect(result.error!.issues[0]).toMatchObject({ path: ['nationalId'], message: 'validation.nationalId.typeMismatch' });
  });
});

describe('getPerson', () => {
  it('logs the read with its purpose, and the access log shows it', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-20T08:30:00Z') });
    await getPerson(ctx, person.id, 'allocation');
    const log = await getPersonAccessLog(ctx, person.id);
    expect(log).toEqual([{ at: '2026-11-20T08:30:00.000Z', kind: 'read', action: 'person.read', purpose: 'allocation', actorName: expect.any(String) }]);
  });

  it('refuses a NAV caseworker, and logs no read', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const err = await rejection(getPerson(await contextFor(database, navId), person.id, 'follow_up'));
    expect(err.code).toBe('auth.forbidden');
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.personId, person.id))).toHaveLength(0);
  });

  it('does not show a person of another municipality', async () => {
    const otherTenant = await buildTenant(database.db);
    const stranger = await buildPerson(database.db, { tenantId: otherTenant.id });
    const err = await rejection(getPerson(await contextFor(database, staffId), stranger.id, 'follow_up'));
    expect(err.code).toBe('person.not_found');
  });
});

describe('updatePerson', () => {
  it('records which fields changed, not their values', async () => {
    const person = await buildPerson(database.db, { tenantId, phone: null });
    const ctx = await contextFor(database, staffId);
    const current = await getPerson(ctx, person.id, 'registration');
    const updated = await updatePerson(ctx, person.id, {
      givenName: current.givenName,
      familyName: current.familyName,
      birthDate: current.birthDate ?? undefined,
      idType: current.idType,
      nationalId: current.nationalId ?? undefined,
      phone: '912 34 567',
      preferredLanguage: 'nb',
      hasProtectedAddress: true,
    });
    expect(updated).toMatchObject({ phone: '912 34 567', hasProtectedAddress: true });
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'person.update'));
    expect(event!.details).toEqual({ changed: ['phone', 'hasProtectedAddress'] });
  });
});

describe('searchPeople', () => {
  it('finds by part of the name, by birth date and by exact number', async () => {
    const nationalId = syntheticNationalId('1977-07-07', 777);
    const person = await buildPerson(database.db, { tenantId, givenName: 'Søkbar', familyName: 'Eksempelsen', birthDateOn: '1977-07-07', nationalId });
    const ctx = await contextFor(database, staffId);
    expect((await searchPeople(ctx, 'søkbar eksempel')).map((p) => p.id)).toEqual([person.id]);
    expect((await searchPeople(ctx, '07.07.1977')).map((p) => p.id)).toContain(person.id);
    const [byId] = await searchPeople(ctx, nationalId);
    expect(byId).toMatchObject({ id: person.id, maskedNationalId: `${nationalId.slice(0, 6)} *****` });
  });

  it('never writes the search term to the audit log', async () => {
    const ctx = await contextFor(database, staffId);
    await searchPeople(ctx, 'Hemmelignavn');
    const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'person.search'));
    expect(JSON.stringify(rows)).not.toContain('Hemmelignavn');
  });
});

describe('two registrations of one number at the same moment', () => {
  it('lets one through and gives the other the duplicate message, not a 500', async () => {
    const nationalId = syntheticNationalId('1991-09-09', 909);
    const ctxA = await contextFor(database, staffId);
    const ctxB = await contextFor(database, staffId);
    const results = await Promise.allSettled([
      registerPerson(ctxA, input({ nationalId, birthDate: '1991-09-09' })),
      registerPerson(ctxB, input({ nationalId, birthDate: '1991-09-09' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'person.duplicate_national_id' });
    expect(await database.db.select().from(people).where(eq(people.nationalIdHash, testNationalIdHash(nationalId)))).toHaveLength(1);
  });
});
