import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { issuesToFields } from '../../platform/i18n/i18n.ts';
import { buildHouse } from '../rooms/rooms.factory.ts';
import { rooms, roomStateChanges } from '../rooms/rooms.tables.ts';
import { keyIssues, stays } from './stays.tables.ts';
import { roomMoves } from './moving-on.tables.ts';
import { buildKey, buildStay } from './stays.factory.ts';
import { buildReadyRoom, buildResident } from './move-out.factory.ts';
import { roomMoveInput } from './room-move.schema.ts';
import { getRoomMoveOptions, moveRoom } from './room-move.service.ts';
import { getStay } from './stays.check-in.service.ts';
import { getBoard } from './stays.board.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let navId: string;
let housingOfficeId: string;
let house: { id: string; tenantId: string };

// Today in these tests is 26.11.2026 (the test context's pinned clock).
beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  housingOfficeId = (await buildUser(database.db, { tenantId, roles: ['housing_office'] })).id;
  house = await buildHouse(database.db, { tenantId, name: 'Flyttehuset' });
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

const input = (toRoomId: string, overrides: Record<string, unknown> = {}) => roomMoveInput.parse({ toRoomId, reason: 'Vannlekkasje i taket', ...overrides });
const roomRow = async (id: string) => (await database.db.select().from(rooms).where(eq(rooms.id, id)))[0]!;
const history = async (id: string) =>
  (await database.db.select().from(roomStateChanges).where(eq(roomStateChanges.roomId, id)).orderBy(roomStateChanges.changedAt)).map((h) => [h.fromState, h.toState]);
const staysOf = (personId: string) => database.db.select().from(stays).where(eq(stays.personId, personId)).orderBy(stays.checkedInAt);

type Resident = Awaited<ReturnType<typeof buildResident>>;

/** Nothing of a move was written for this resident (and the target room is as it was). */
async function expectNothingWritten(r: Resident, targetRoomId: string, targetState: string) {
  const rows = await staysOf(r.person.id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ id: r.stay.id, endOn: null });
  expect(await database.db.select().from(roomMoves).where(eq(roomMoves.fromStayId, r.stay.id))).toEqual([]);
  expect((await roomRow(r.room.id)).state).toBe('occupied');
  expect((await roomRow(targetRoomId)).state).toBe(targetState);
  const issues = await database.db.select().from(keyIssues).where(eq(keyIssues.stayId, r.stay.id));
  expect(issues.every((i) => i.returnedAt === null)).toBe(true);
  expect(await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, r.person.id), eq(auditEvents.kind, 'write')))).toEqual([]);
}

describe('moveRoom', () => {
  it('ends the old row, starts a new one in the new room, moves the keys and the room states — in one go', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const target = await buildReadyRoom(database.db, { house });
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-26T14:30:00+01:00') });

    const result = await moveRoom(ctx, r.stay.id, input(target.room.id, { keyIds: [target.key.id] }));

    expect(result).toMatchObject({ fromStayId: r.stay.id, fromRoomId: r.room.id, toRoomId: target.room.id, movedOn: '2026-11-26', keysReturned: 1, keysCarried: 1, keysIssued: 1 });
    // The clock runs from the first check-in (1.11), not from the move.
    expect(result.stay).toMatchObject({
      id: result.toStayId,
      roomId: target.room.id,
      personId: r.person.id,
      referralId: r.referral.id,
      offerId: r.offer.id,
      startOn: '2026-11-26',
      plannedEndOn: '2027-02-01',
      endOn: null,
      clock: { nightsSoFar: 25, latestEndOn: '2027-02-01' },
    });
    expect(result.stay.keys.filter((k) => k.returnedAt === null).map((k) => k.keyNumber).sort()).toEqual([r.frontKey.keyNumber, target.key.keyNumber].sort());

    const rows = await staysOf(r.person.id);
    expect(rows.map((s) => [s.roomId, s.startOn, s.endOn])).toEqual([
      [r.room.id, '2026-11-01', '2026-11-26'],
      [target.room.id, '2026-11-26', null],
    ]);
    expect(rows[1]).toMatchObject({ checkedInBy: staffId, referralId: r.referral.id, offerId: r.offer.id, plannedEndOn: '2027-02-01' });
    const [move] = await database.db.select().from(roomMoves).where(eq(roomMoves.fromStayId, r.stay.id));
    expect(move).toMatchObject({ toStayId: rows[1]!.id, fromRoomId: r.room.id, toRoomId: target.room.id, movedOn: '2026-11-26', reason: 'Vannlekkasje i taket', movedBy: staffId, tenantId });

    // The old room's key is back; the front-door key went along (closed on the old row, issued on the new).
    const oldIssues = await database.db.select().from(keyIssues).where(eq(keyIssues.stayId, r.stay.id));
    expect(oldIssues.every((i) => i.returnedAt !== null)).toBe(true);
    const newIssues = await database.db.select().from(keyIssues).where(eq(keyIssues.stayId, rows[1]!.id));
    expect(newIssues.map((i) => i.keyId).sort()).toEqual([r.frontKey.id, target.key.id].sort());
    expect(newIssues.every((i) => i.returnedAt === null && i.personId === r.person.id && i.issuedBy === staffId)).toBe(true);

    expect((await roomRow(r.room.id)).state).toBe('cleaning');
    expect((await roomRow(target.room.id)).state).toBe('occupied');
    expect(await history(r.room.id)).toEqual([
      [null, 'occupied'],
      ['occupied', 'cleaning'],
    ]);
    expect(await history(target.room.id)).toEqual([
      [null, 'ready'],
      ['ready', 'occupied'],
    ]);

    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.kind, 'write'), inArray(auditEvents.entityId, [rows[1]!.id, r.room.id, target.room.id])));
    expect(audit.map((a) => a.action).sort()).toEqual(['room.state_change', 'room.state_change', 'stay.room_move']);
    const event = audit.find((a) => a.action === 'stay.room_move')!;
    expect(event).toMatchObject({ actorUserId: staffId, personId: r.person.id, tenantId, purpose: 'follow_up' });
    expect(event.details).toEqual({ fromStayId: r.stay.id, fromRoomId: r.room.id, toRoomId: target.room.id, movedOn: '2026-11-26', keysReturned: 1, keysCarried: 1, keysIssued: 1 });
    // The reason and the names stay out of the audit rows.
    expect(JSON.stringify(audit)).not.toMatch(/Vannlekkasje|Kari|Flyttesen/);
  });

  it('keeps the three-month clock of the whole stay on the board and on the stay, also after a second move', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId, startOn: '2026-10-01', plannedEndOn: '2027-01-01' });
    const second = await buildReadyRoom(database.db, { house });
    const third = await buildReadyRoom(database.db, { house });
    const first = await moveRoom(await contextFor(database, staffId, { now: new Date('2026-11-10T10:00:00+01:00') }), r.stay.id, input(second.room.id));
    const ctx = await contextFor(database, leadId);
    const moved = await moveRoom(ctx, first.toStayId, input(third.room.id, { movedOn: '2026-11-20' }));
    expect(moved.stay.clock).toEqual({ nightsSoFar: 56, nightsLeft: 36, latestEndOn: '2027-01-01', status: 'ok' });
    expect((await getStay(ctx, moved.toStayId)).clock.latestEndOn).toBe('2027-01-01');

    const board = await getBoard(ctx);
    const card = board.rooms.find((room) => room.id === third.room.id)!;
    expect(card.resident).toMatchObject({ stayId: moved.toStayId, startOn: '2026-10-01', clock: { nightsSoFar: 56, latestEndOn: '2027-01-01' } });
    expect(board.rooms.find((room) => room.id === second.room.id)!).toMatchObject({ state: 'cleaning', resident: null });
  });

  it('moves a couple together into a room for couples; both get an audit row', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId, couple: true });
    const target = await buildReadyRoom(database.db, { house, capacity: 2, takesCouples: true });
    const moved = await moveRoom(await contextFor(database, staffId), r.stay.id, input(target.room.id));
    expect(moved.stay).toMatchObject({ partnerPersonId: r.partner!.id, roomId: target.room.id });
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, moved.toStayId), eq(auditEvents.action, 'stay.room_move')));
    expect(events.map((e) => e.personId).sort()).toEqual([r.person.id, r.partner!.id].sort());
  });

  it('refuses a room someone lives in with a clear 409 from the database, and changes nothing', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const other = await buildResident(database.db, { house, decidedBy: leadId, givenName: 'Ola' });
    const err = await rejection(moveRoom(await contextFor(database, staffId), r.stay.id, input(other.room.id)));
    expect(err.code).toBe('stay.room_taken');
    expect(err.status).toBe(409);
    await expectNothingWritten(r, other.room.id, 'occupied');
  });

  it('refuses a backdated move into a room whose last stay ended after the move day (409)', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const target = await buildReadyRoom(database.db, { house });
    const formerResident = await buildResident(database.db, { house, decidedBy: leadId, givenName: 'Eva' });
    await buildStay(database.db, { tenantId, roomId: target.room.id, personId: formerResident.person.id, startOn: '2026-11-02', endOn: '2026-11-20' });
    const err = await rejection(moveRoom(await contextFor(database, staffId), r.stay.id, input(target.room.id, { movedOn: '2026-11-15' })));
    expect(err.code).toBe('stay.room_taken');
    await expectNothingWritten(r, target.room.id, 'ready');
    // From the day that stay ended the room is free.
    await moveRoom(await contextFor(database, staffId), r.stay.id, input(target.room.id, { movedOn: '2026-11-20' }));
  });

  it.each([
    ['the same room', (r: Resident) => ({ toRoomId: r.room.id }), 'room_move.same_room', 'toRoomId'],
    ['a day in the future', () => ({ movedOn: '2026-11-27' }), 'room_move.in_future', 'movedOn'],
    ['a day before the row began', () => ({ movedOn: '2026-10-31' }), 'room_move.before_start', 'movedOn'],
  ] as const)('refuses %s (400 on the field) and writes nothing', async (_name, change, code, field) => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const target = await buildReadyRoom(database.db, { house });
    const err = await rejection(moveRoom(await contextFor(database, staffId), r.stay.id, input(target.room.id, change(r))));
    expect([err.code, err.status, Object.keys(err.fields ?? {})]).toEqual([code, 400, [field]]);
    await expectNothingWritten(r, target.room.id, 'ready');
  });

  it('refuses a room out of service, a single room for a couple, and keys of another room; writes nothing', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId, couple: true });
    const staff = await contextFor(database, staffId);
    const broken = await buildReadyRoom(database.db, { house, capacity: 2, takesCouples: true, state: 'out_of_service', outOfServiceReason: 'Maling', outOfServiceFromOn: '2026-11-20' });
    expect((await rejection(moveRoom(staff, r.stay.id, input(broken.room.id)))).code).toBe('room_move.room_out_of_service');
    const single = await buildReadyRoom(database.db, { house });
    const refused = await rejection(moveRoom(staff, r.stay.id, input(single.room.id)));
    expect([refused.code, refused.status]).toEqual(['room_move.room_not_for_couples', 422]);
    const target = await buildReadyRoom(database.db, { house, capacity: 2, takesCouples: true });
    const elsewhere = await buildKey(database.db, { tenantId, roomId: single.room.id });
    expect((await rejection(moveRoom(staff, r.stay.id, input(target.room.id, { keyIds: [elsewhere.id] })))).code).toBe('room_move.key_not_usable');
    expect((await rejection(moveRoom(staff, r.stay.id, input(target.room.id, { keyIds: [r.roomKey.id] })))).code).toBe('room_move.key_not_usable');
    await expectNothingWritten(r, target.room.id, 'ready');
  });

  it('refuses a stay that has ended, pointing to the new row after a move (409)', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const target = await buildReadyRoom(database.db, { house });
    const another = await buildReadyRoom(database.db, { house });
    const staff = await contextFor(database, staffId);
    const moved = await moveRoom(staff, r.stay.id, input(target.room.id));
    const again = await rejection(moveRoom(staff, r.stay.id, input(another.room.id)));
    expect([again.code, again.status, again.meta]).toEqual(['stay.moved_to_other_room', 409, { public: { stayId: moved.toStayId } }]);
    const ended = await buildStay(database.db, { tenantId, roomId: another.room.id, personId: r.person.id, startOn: '2026-01-01', plannedEndOn: '2026-03-01', endOn: '2026-02-01' });
    expect((await rejection(moveRoom(staff, ended.id, input(target.room.id)))).code).toBe('stay.already_ended');
  });

  it('refuses roles without stay:move (403) and hides another municipality’s stay (404)', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const target = await buildReadyRoom(database.db, { house });
    for (const userId of [navId, housingOfficeId]) {
      const err = await rejection(moveRoom(await contextFor(database, userId), r.stay.id, input(target.room.id)));
      expect(err.status).toBe(403);
      expect((await rejection(getRoomMoveOptions(await contextFor(database, userId), r.stay.id))).status).toBe(403);
    }
    const otherTenant = await buildTenant(database.db);
    const stranger = (await buildUser(database.db, { tenantId: otherTenant.id, roles: ['staff'] })).id;
    expect((await rejection(moveRoom(await contextFor(database, stranger), r.stay.id, input(target.room.id)))).status).toBe(404);
    await expectNothingWritten(r, target.room.id, 'ready');
  });

  it('answers bad input with field messages before anything runs', () => {
    const result = roomMoveInput.safeParse({ toRoomId: 'H3', movedOn: '31.11.2026', reason: ' ', keyIds: ['x'] });
    expect(issuesToFields('nb', result.error!.issues)).toEqual({
      toRoomId: 'Velg hybelen beboeren flytter til.',
      movedOn: 'Skriv datoen som dd.mm.åååå.',
      reason: 'Må fylles ut.',
      'keyIds.0': expect.any(String),
    });
  });
});

describe('getRoomMoveOptions', () => {
  it('offers ready empty rooms (for couples when two) with their free keys, and says which keys come back', async () => {
    const tenant = await buildTenant(database.db);
    const lead = (await buildUser(database.db, { tenantId: tenant.id, roles: ['service_lead'] })).id;
    const staff = (await buildUser(database.db, { tenantId: tenant.id, roles: ['staff'] })).id;
    const h = await buildHouse(database.db, { tenantId: tenant.id, name: 'Valghuset' });
    const r = await buildResident(database.db, { house: h, decidedBy: lead });
    const free = await buildReadyRoom(database.db, { house: h, name: 'Ledig' });
    await buildReadyRoom(database.db, { house: h, name: 'Vask', state: 'cleaning' });
    await buildResident(database.db, { house: h, decidedBy: lead, givenName: 'Ola' });

    const options = await getRoomMoveOptions(await contextFor(database, staff), r.stay.id);
    expect(options).toMatchObject({ stayId: r.stay.id, personName: 'Kari Flyttesen', partnerName: null, fromRoom: { id: r.room.id }, startOn: '2026-11-01', today: '2026-11-26' });
    expect(options.rooms.map((room) => room.name)).toEqual(['Ledig']);
    expect(options.rooms[0]!.freeKeys.map((k) => k.id)).toEqual([free.key.id]);
    expect(options.heldKeys.map((k) => [k.id, k.returnedAtMove]).sort()).toEqual(
      [
        [r.roomKey.id, true],
        [r.frontKey.id, false],
      ].sort(),
    );
    const reads = await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, r.person.id), eq(auditEvents.kind, 'read')));
    expect(reads.map((a) => a.purpose)).toEqual(['follow_up']);
  });
});
