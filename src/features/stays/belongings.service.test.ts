import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { issuesToFields } from '../../platform/i18n/i18n.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse } from '../rooms/rooms.factory.ts';
import { storedBelongings } from './moving-on.tables.ts';
import { buildResident } from './move-out.factory.ts';
import { pickedUpInput, storeBelongingsInput } from './belongings.schema.ts';
import { listBelongings, listBelongingsPastKeepUntil, markBelongingsPickedUp, storeBelongings } from './belongings.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let navId: string;

// Today in these tests is 26.11.2026 (the test context's pinned clock).
beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
});
afterAll(() => database.close());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const input = (overrides: Record<string, unknown> = {}) => storeBelongingsInput.parse({ description: 'Tre flyttekasser', location: 'Bod 1', keepUntilOn: '2026-12-31', ...overrides });
const rowsOf = (personId: string) => database.db.select().from(storedBelongings).where(eq(storedBelongings.personId, personId));
const writesFor = (personId: string) => database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, personId), eq(auditEvents.kind, 'write')));

describe('stored belongings', () => {
  it('stores, lists and marks belongings picked up, each with an audit row without the free text', async () => {
    const person = await buildPerson(database.db, { tenantId, givenName: 'Siri' });
    const staff = await contextFor(database, staffId);
    const stored = await storeBelongings(staff, person.id, input({ storedOn: '2026-11-20' }));
    expect(stored).toMatchObject({ personId: person.id, stayId: null, description: 'Tre flyttekasser', location: 'Bod 1', storedOn: '2026-11-20', keepUntilOn: '2026-12-31', pickedUpOn: null, pastKeepUntil: false });
    const today = await storeBelongings(staff, person.id, input({ description: 'Sykkel', keepUntilOn: '2026-12-01' }));
    expect(today.storedOn).toBe('2026-11-26');

    expect((await listBelongings(staff, person.id)).map((b) => b.description)).toEqual(['Tre flyttekasser', 'Sykkel']);
    const picked = await markBelongingsPickedUp(staff, stored.id, pickedUpInput.parse({}));
    expect(picked).toMatchObject({ id: stored.id, pickedUpOn: '2026-11-26', pastKeepUntil: false });
    expect((await rowsOf(person.id)).find((r) => r.id === stored.id)).toMatchObject({ pickedUpOn: '2026-11-26', recordedBy: staffId });

    const writes = await writesFor(person.id);
    expect(writes.map((w) => w.action).sort()).toEqual(['belongings.picked_up', 'belongings.store', 'belongings.store']);
    expect(JSON.stringify(writes)).not.toMatch(/flyttekasser|Sykkel|Bod 1/);
    const reads = await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, person.id), eq(auditEvents.kind, 'read')));
    expect(reads.map((r) => r.purpose)).toEqual(['follow_up']);
  });

  it('links belongings to a stay of the person, and refuses a stay of someone else', async () => {
    const house = await buildHouse(database.db, { tenantId });
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const staff = await contextFor(database, staffId);
    expect((await storeBelongings(staff, r.person.id, input({ stayId: r.stay.id }))).stayId).toBe(r.stay.id);
    const stranger = await buildPerson(database.db, { tenantId });
    const err = await rejection(storeBelongings(staff, stranger.id, input({ stayId: r.stay.id })));
    expect([err.code, err.status, Object.keys(err.fields ?? {})]).toEqual(['belongings.stay_not_of_person', 400, ['stayId']]);
    expect(await rowsOf(stranger.id)).toEqual([]);
  });

  it('lists belongings past their keep-until day, oldest first, and not those picked up', async () => {
    const tenant = await buildTenant(database.db);
    const staff = await contextFor(database, (await buildUser(database.db, { tenantId: tenant.id, roles: ['staff'] })).id);
    const owner = await buildPerson(database.db, { tenantId: tenant.id, givenName: 'Arne', familyName: 'Eie' });
    const late = await storeBelongings(staff, owner.id, input({ storedOn: '2026-10-01', keepUntilOn: '2026-11-01', description: 'Kasse A' }));
    await storeBelongings(staff, owner.id, input({ storedOn: '2026-10-01', keepUntilOn: '2026-11-10', description: 'Kasse B' }));
    await storeBelongings(staff, owner.id, input({ storedOn: '2026-10-01', keepUntilOn: '2026-11-26', description: 'Kasse C (frist i dag)' }));
    const gone = await storeBelongings(staff, owner.id, input({ storedOn: '2026-10-01', keepUntilOn: '2026-11-02', description: 'Kasse D' }));
    await markBelongingsPickedUp(staff, gone.id, { pickedUpOn: '2026-11-20' });

    const overdue = await listBelongingsPastKeepUntil(staff);
    expect(overdue.today).toBe('2026-11-26');
    expect(overdue.items.map((b) => [b.description, b.personName, b.pastKeepUntil])).toEqual([
      ['Kasse A', 'Arne Eie', true],
      ['Kasse B', 'Arne Eie', true],
    ]);
    expect(overdue.items[0]!.id).toBe(late.id);
  });

  it('refuses bad dates, a second pick-up, and unknown ids; writes nothing', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const staff = await contextFor(database, staffId);
    expect((await rejection(storeBelongings(staff, person.id, input({ storedOn: '2026-11-27', keepUntilOn: '2026-12-27' })))).code).toBe('belongings.stored_in_future');
    expect((await rejection(storeBelongings(staff, person.id, { ...input(), keepUntilOn: '2026-11-25' }))).code).toBe('belongings.keep_until_before_stored');
    expect(await rowsOf(person.id)).toEqual([]);
    expect(await writesFor(person.id)).toEqual([]);

    const stored = await storeBelongings(staff, person.id, input({ storedOn: '2026-11-10' }));
    const early = await rejection(markBelongingsPickedUp(staff, stored.id, { pickedUpOn: '2026-11-09' }));
    expect([early.code, early.status, Object.keys(early.fields ?? {})]).toEqual(['belongings.picked_up_before_stored', 400, ['pickedUpOn']]);
    expect((await rejection(markBelongingsPickedUp(staff, stored.id, { pickedUpOn: '2026-11-27' }))).code).toBe('belongings.picked_up_in_future');
    await markBelongingsPickedUp(staff, stored.id, {});
    const twice = await rejection(markBelongingsPickedUp(staff, stored.id, {}));
    expect([twice.code, twice.status]).toEqual(['belongings.already_picked_up', 409]);

    expect((await rejection(markBelongingsPickedUp(staff, crypto.randomUUID(), {}))).status).toBe(404);
    expect((await rejection(storeBelongings(staff, crypto.randomUUID(), input()))).code).toBe('person.not_found');
    const otherTenantStaff = (await buildUser(database.db, { tenantId: (await buildTenant(database.db)).id, roles: ['staff'] })).id;
    expect((await rejection(listBelongings(await contextFor(database, otherTenantStaff), person.id))).status).toBe(404);
  });

  it('refuses the NAV caseworker both reading and writing (403)', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const nav = await contextFor(database, navId);
    expect((await rejection(listBelongings(nav, person.id))).status).toBe(403);
    expect((await rejection(storeBelongings(nav, person.id, input()))).status).toBe(403);
    expect((await rejection(listBelongingsPastKeepUntil(nav))).status).toBe(403);
    expect(await rowsOf(person.id)).toEqual([]);
  });

  it('answers bad input with field messages', () => {
    const result = storeBelongingsInput.safeParse({ description: '', location: ' ', keepUntilOn: '01.12.2026' });
    expect(issuesToFields('nb', result.error!.issues)).toEqual({
      description: 'Må fylles ut.',
      location: 'Må fylles ut.',
      keepUntilOn: 'Skriv datoen som dd.mm.åååå.',
    });
    const backwards = storeBelongingsInput.safeParse({ description: 'A', location: 'B', storedOn: '2026-11-20', keepUntilOn: '2026-11-19' });
    expect(issuesToFields('nb', backwards.error!.issues)).toEqual({ keepUntilOn: 'Datoen kan ikke være før eiendelene ble lagret.' });
  });
});
