import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildOffer, buildStay } from './stays.factory.ts';
import { getBoard, getBoardCalendar, getFireList } from './stays.board.service.ts';

// One municipality with a house of five rooms, on Thursday 26.11.2026:
//   A  Kari Nordmann since 25.10 (32 nights, 60 left), planned end 05.12 → a departure
//   B  Ola Hansen with partner Eva Hansen since 05.09 (82 nights, 9 left → soon)
//   C  Jonas Berg since 01.08 (over three months), planned end 01.11 → an overdue departure
//   D  ready, an accepted offer for Amina Yusuf from 01.12 → an arrival; free
//   E  out of service
//   plus a moved-out stay in D, an offer for 01.03.2027 (outside the 14 days), a declined offer.
let database: Database;
let tenantId: string;
let staffId: string;
let navId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  const leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  const house = await buildHouse(database.db, { tenantId, name: 'Bolig Nu', streetAddress: 'Kongens gate 60', postalCode: '8006', city: 'Bodø' });
  const [a, b, c, d, e] = [
    await buildRoom(database.db, { house, name: 'A', sortOrder: 1, state: 'occupied' }),
    await buildRoom(database.db, { house, name: 'B', sortOrder: 2, state: 'occupied', capacity: 2, takesCouples: true }),
    await buildRoom(database.db, { house, name: 'C', sortOrder: 3, state: 'occupied' }),
    await buildRoom(database.db, { house, name: 'D', sortOrder: 4 }),
    await buildRoom(database.db, { house, name: 'E', sortOrder: 5, state: 'out_of_service', outOfServiceReason: 'Vannskade', outOfServiceFromOn: '2026-11-20', outOfServiceToOn: '2026-12-10' }),
  ];
  Object.assign(ids, { a: a!.id, b: b!.id, c: c!.id, d: d!.id, e: e!.id });
  const person = (givenName: string, familyName: string) => buildPerson(database.db, { tenantId, givenName, familyName });
  const kari = await person('Kari', 'Nordmann');
  const ola = await person('Ola', 'Hansen');
  const eva = await person('Eva', 'Hansen');
  const jonas = await person('Jonas', 'Berg');
  const amina = await person('Amina', 'Yusuf');
  const later = await person('Lise', 'Senere');
  const former = await person('Frida', 'Tidligere');
  const declined = await person('Dag', 'Nei');
  Object.assign(ids, { kari: kari.id, ola: ola.id, eva: eva.id, jonas: jonas.id, amina: amina.id, later: later.id, former: former.id, declined: declined.id });
  ids.stayA = (await buildStay(database.db, { tenantId, roomId: a!.id, personId: kari.id, startOn: '2026-10-25', plannedEndOn: '2026-12-05' })).id;
  ids.stayB = (await buildStay(database.db, { tenantId, roomId: b!.id, personId: ola.id, partnerPersonId: eva.id, startOn: '2026-09-05', plannedEndOn: '2026-12-05' })).id;
  ids.stayC = (await buildStay(database.db, { tenantId, roomId: c!.id, personId: jonas.id, startOn: '2026-08-01', plannedEndOn: '2026-11-01' })).id;
  await buildStay(database.db, { tenantId, roomId: d!.id, personId: former.id, startOn: '2026-09-01', plannedEndOn: '2026-11-30', endOn: '2026-11-15' });
  ids.offerD = (await buildOffer(database.db, { tenantId, roomId: d!.id, personId: amina.id, decidedBy: leadId, fromOn: '2026-12-01', plannedEndOn: '2027-03-01' })).offer.id;
  await buildOffer(database.db, { tenantId, roomId: d!.id, personId: later.id, decidedBy: leadId, fromOn: '2027-03-01', plannedEndOn: '2027-05-01' });
  await buildOffer(database.db, { tenantId, roomId: d!.id, personId: declined.id, decidedBy: leadId, status: 'declined' });
  // Another municipality's rooms and residents never show.
  const otherTenant = await buildTenant(database.db);
  const otherHouse = await buildHouse(database.db, { tenantId: otherTenant.id });
  const otherRoom = await buildRoom(database.db, { house: otherHouse, name: 'X' });
  await buildStay(database.db, { tenantId: otherTenant.id, roomId: otherRoom.id, personId: (await buildPerson(database.db, { tenantId: otherTenant.id })).id, startOn: '2026-11-01' });
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

const readsBy = (userId: string) =>
  database.db.select().from(auditEvents).where(and(eq(auditEvents.kind, 'read'), eq(auditEvents.actorUserId, userId)));

describe('getBoard', () => {
  it('shows every room with its state, resident and three-month clock', async () => {
    const board = await getBoard(await contextFor(database, staffId));
    expect(board.today).toBe('2026-11-26');
    expect(board.horizonOn).toBe('2026-12-10');
    expect(board.rooms.map((r) => [r.name, r.state, r.resident?.personName ?? null])).toEqual([
      ['A', 'occupied', 'Kari Nordmann'],
      ['B', 'occupied', 'Ola Hansen'],
      ['C', 'occupied', 'Jonas Berg'],
      ['D', 'ready', null],
      ['E', 'out_of_service', null],
    ]);
    const [a, b, c] = board.rooms;
    expect(a!.resident).toMatchObject({ stayId: ids.stayA, startOn: '2026-10-25', clock: { nightsSoFar: 32, nightsLeft: 60, latestEndOn: '2027-01-25', status: 'ok' } });
    expect(b!.resident).toMatchObject({ partnerName: 'Eva Hansen', clock: { nightsSoFar: 82, nightsLeft: 9, latestEndOn: '2026-12-05', status: 'soon' } });
    expect(c!.resident!.clock).toMatchObject({ nightsSoFar: 117, latestEndOn: '2026-11-01', status: 'over' });
    expect(board.rooms[4]).toMatchObject({ outOfServiceReason: 'Vannskade' });
  });

  it('lists arrivals and departures of the next 14 days (overdue ones too) and the free rooms', async () => {
    const board = await getBoard(await contextFor(database, staffId));
    expect(board.arrivals).toEqual([
      expect.objectContaining({ offerId: ids.offerD, roomName: 'D', personName: 'Amina Yusuf', partnerName: null, fromOn: '2026-12-01', overdue: false }),
    ]);
    expect(board.departures.map((d) => [d.roomName, d.plannedEndOn, d.overdue])).toEqual([
      ['C', '2026-11-01', true],
      ['A', '2026-12-05', false],
      ['B', '2026-12-05', false],
    ]);
    expect(board.freeRooms).toEqual([{ id: ids.d, name: 'D', houseName: 'Bolig Nu' }]);
  });

  it('logs a read of each person shown, with the purpose follow-up, and of nobody else', async () => {
    const user = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
    await getBoard(await contextFor(database, user));
    const reads = await readsBy(user);
    expect(reads.map((r) => r.personId).sort()).toEqual([ids.kari, ids.ola, ids.eva, ids.jonas, ids.amina].sort());
    expect(new Set(reads.map((r) => r.purpose))).toEqual(new Set(['follow_up']));
  });

  it('refuses the NAV caseworker and anyone not logged in', async () => {
    expect((await rejection(getBoard(await contextFor(database, navId)))).status).toBe(403);
    expect((await rejection(getBoard(await contextFor(database, null)))).status).toBe(401);
  });
});

describe('getBoardCalendar', () => {
  it('shows six weeks from this Monday: stays with initials and a text alternative, arrivals, out of service', async () => {
    const cal = await getBoardCalendar(await contextFor(database, staffId));
    expect(cal).toMatchObject({ from: '2026-11-23', to: '2027-01-04', today: '2026-11-26' });
    expect(cal.weeks.map((w) => w.week)).toEqual([48, 49, 50, 51, 52, 53]);
    const byName = Object.fromEntries(cal.rooms.map((r) => [r.name, r.spans]));
    expect(byName.A).toEqual([{ kind: 'stay', id: ids.stayA, startOn: '2026-10-25', endOn: '2026-12-05', initials: 'KN', label: 'Kari Nordmann, innflyttet 25.10.2026, planlagt slutt 05.12.2026' }]);
    expect(byName.B![0]).toMatchObject({ initials: 'OH+EH', label: expect.stringContaining('Ola Hansen og Eva Hansen') });
    // Past its planned end and still there: the span runs until tomorrow.
    expect(byName.C![0]).toMatchObject({ startOn: '2026-08-01', endOn: '2026-11-27', label: 'Jonas Berg, innflyttet 01.08.2026, planlagt slutt 01.11.2026' });
    // The moved-out stay ended before this week; the offer for 01.12 shows, the one for March and the declined one do not.
    expect(byName.D!.map((s) => [s.kind, s.startOn, s.initials])).toEqual([['arrival', '2026-12-01', 'AY']]);
    expect(byName.E).toEqual([{ kind: 'out_of_service', id: null, startOn: '2026-11-20', endOn: '2026-12-11', initials: '', label: 'Ute av drift, 20.11.2026–10.12.2026' }]);
  });

  it('goes back to the Monday of any date asked for, and shows the moved-out stay then', async () => {
    const cal = await getBoardCalendar(await contextFor(database, staffId), '2026-10-01');
    expect(cal.from).toBe('2026-09-28');
    const d = cal.rooms.find((r) => r.name === 'D')!;
    expect(d.spans).toEqual([expect.objectContaining({ kind: 'stay', startOn: '2026-09-01', endOn: '2026-11-15', label: 'Frida Tidligere, 01.09.2026–15.11.2026' })]);
  });

  it('refuses the NAV caseworker', async () => {
    expect((await rejection(getBoardCalendar(await contextFor(database, navId)))).status).toBe(403);
  });
});

describe('getFireList', () => {
  it('lists who is in the house now, with room and partner, and counts the people', async () => {
    const list = await getFireList(await contextFor(database, staffId, { now: new Date('2026-11-26T22:15:00+01:00') }));
    expect(list.printedAt).toBe('2026-11-26T21:15:00.000Z');
    expect(list.today).toBe('2026-11-26');
    expect(list.houses).toHaveLength(1);
    expect(list.houses[0]).toMatchObject({ name: 'Bolig Nu', streetAddress: 'Kongens gate 60', peopleCount: 4 });
    expect(list.houses[0]!.residents.map((r) => [r.roomName, r.personName, r.partnerName])).toEqual([
      ['A', 'Kari Nordmann', null],
      ['B', 'Ola Hansen', 'Eva Hansen'],
      ['C', 'Jonas Berg', null],
    ]);
    expect(list.peopleCount).toBe(4);
  });

  it('logs each person on the list as read for fire safety', async () => {
    const user = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
    await getFireList(await contextFor(database, user));
    const reads = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, user), inArray(auditEvents.personId, [ids.kari!, ids.ola!, ids.eva!, ids.jonas!, ids.amina!])));
    expect(reads.map((r) => [r.personId, r.purpose]).sort()).toEqual(
      [ids.kari, ids.ola, ids.eva, ids.jonas].map((p) => [p, 'fire_safety']).sort(),
    );
  });

  it('refuses the NAV caseworker', async () => {
    expect((await rejection(getFireList(await contextFor(database, navId)))).status).toBe(403);
  });
});
