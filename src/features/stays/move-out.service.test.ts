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
import { changeRoomState } from '../rooms/rooms.service.ts';
import { rooms, roomStateChanges } from '../rooms/rooms.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { aftercareFollowUps } from '../aftercare/aftercare.tables.ts';
import { inventoryChecks, inventoryItems, keyIssues, stays } from './stays.tables.ts';
import { moveOuts, storedBelongings } from './moving-on.tables.ts';
import { buildReadyRoom, buildResident } from './move-out.factory.ts';
import { moveOutInput } from './move-out.schema.ts';
import { getMoveOut, listKeysNotReturned, recordMoveOut, returnKey } from './move-out.service.ts';
import { moveRoom } from './room-move.service.ts';
import { roomMoveInput } from './room-move.schema.ts';
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
  house = await buildHouse(database.db, { tenantId, name: 'Utflyttingshuset' });
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

type Resident = Awaited<ReturnType<typeof buildResident>>;

/** A complete move-out: both keys back, the room checked with every item in good shape. */
const input = (r: Resident, overrides: Record<string, unknown> = {}) =>
  moveOutInput.parse({
    destination: 'private_rental',
    wasPlanned: true,
    returnedKeyIds: [r.roomKey.id, r.frontKey.id],
    roomChecked: true,
    inventory: r.inventory.map((i) => ({ itemId: i.id, condition: 'good' })),
    ...overrides,
  });

const roomRow = async (id: string) => (await database.db.select().from(rooms).where(eq(rooms.id, id)))[0]!;
const stayRow = async (id: string) => (await database.db.select().from(stays).where(eq(stays.id, id)))[0]!;

/** Nothing of a move-out was written for this resident. */
async function expectNothingWritten(r: Resident) {
  expect((await stayRow(r.stay.id)).endOn).toBeNull();
  expect(await database.db.select().from(moveOuts).where(eq(moveOuts.stayId, r.stay.id))).toEqual([]);
  expect(await database.db.select().from(inventoryChecks).where(eq(inventoryChecks.stayId, r.stay.id))).toEqual([]);
  expect(await database.db.select().from(storedBelongings).where(eq(storedBelongings.personId, r.person.id))).toEqual([]);
  const issues = await database.db.select().from(keyIssues).where(eq(keyIssues.stayId, r.stay.id));
  expect(issues.every((i) => i.returnedAt === null)).toBe(true);
  expect((await roomRow(r.room.id)).state).toBe('occupied');
  expect(await database.db.select().from(aftercareFollowUps).where(eq(aftercareFollowUps.stayId, r.stay.id))).toEqual([]);
  expect(await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, r.person.id), eq(auditEvents.kind, 'write')))).toEqual([]);
}

describe('recordMoveOut', () => {
  it('ends the stay, records where they went, checks the room, takes the keys back and sets the room to cleaning', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const [bed, chair] = r.inventory;
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-26T15:00:00+01:00') });

    const result = await recordMoveOut(
      ctx,
      r.stay.id,
      input(r, {
        movedOutOn: '2026-11-25',
        wasPlanned: false,
        returnedKeyIds: [r.roomKey.id],
        inventory: [
          { itemId: bed!.id, condition: 'good' },
          { itemId: chair!.id, condition: 'damaged', note: 'Knekt bein' },
        ],
        damageNotes: 'Stolen må byttes',
        movingHelp: true,
        furnitureObtained: 'Sofa fra Fretex',
        belongings: [{ description: 'To flyttekasser', location: 'Bod 2', keepUntilOn: '2026-12-25' }],
      }),
    );

    expect(result).toMatchObject({
      stayId: r.stay.id,
      movedOutOn: '2026-11-25',
      destination: 'private_rental',
      destinationGroup: 'permanent',
      wasPlanned: false,
      keysReturned: false,
      keysNotReturned: [{ id: r.frontKey.id, keyNumber: r.frontKey.keyNumber, door: 'front_door' }],
      roomChecked: true,
      damageNotes: 'Stolen må byttes',
      movingHelp: true,
      furnitureObtained: 'Sofa fra Fretex',
      recordedAt: '2026-11-26T14:00:00.000Z',
      nights: 24,
    });
    expect(result.inventory).toEqual([
      { itemId: bed!.id, name: 'Seng', condition: 'good', note: null },
      { itemId: chair!.id, name: 'Stol', condition: 'damaged', note: 'Knekt bein' },
    ]);
    expect(result.belongings).toEqual([
      expect.objectContaining({ description: 'To flyttekasser', location: 'Bod 2', storedOn: '2026-11-25', keepUntilOn: '2026-12-25', pickedUpOn: null, stayId: r.stay.id, personId: r.person.id }),
    ]);

    expect(await stayRow(r.stay.id)).toMatchObject({ endOn: '2026-11-25' });
    expect((await database.db.select().from(moveOuts).where(eq(moveOuts.stayId, r.stay.id)))[0]).toMatchObject({ recordedBy: staffId, tenantId });
    const issues = await database.db.select().from(keyIssues).where(eq(keyIssues.stayId, r.stay.id));
    expect(issues.find((i) => i.keyId === r.roomKey.id)!.returnedAt).toEqual(new Date('2026-11-26T14:00:00Z'));
    expect(issues.find((i) => i.keyId === r.frontKey.id)!.returnedAt).toBeNull();
    const checks = await database.db.select().from(inventoryChecks).where(eq(inventoryChecks.stayId, r.stay.id));
    expect(checks.map((c) => [c.kind, c.condition, c.checkedBy])).toEqual(expect.arrayContaining([['move_out', 'good', staffId], ['move_out', 'damaged', staffId]]));
    // The item's present condition follows the check, so the next check-in starts from it.
    expect((await database.db.select().from(inventoryItems).where(eq(inventoryItems.id, chair!.id)))[0]!.condition).toBe('damaged');

    expect((await roomRow(r.room.id)).state).toBe('cleaning');
    const history = await database.db.select().from(roomStateChanges).where(eq(roomStateChanges.roomId, r.room.id)).orderBy(roomStateChanges.changedAt);
    expect(history.map((h) => [h.fromState, h.toState, h.changedBy])).toEqual([
      [null, 'occupied', null],
      ['occupied', 'cleaning', staffId],
    ]);
    // Aftercare's "still housed?" follow-ups are planned in the same transaction.
    const followUps = await database.db.select().from(aftercareFollowUps).where(eq(aftercareFollowUps.stayId, r.stay.id)).orderBy(aftercareFollowUps.monthsAfter);
    expect(followUps.map((f) => [f.personId, f.monthsAfter, f.dueOn])).toEqual([
      [r.person.id, 1, '2026-12-25'],
      [r.person.id, 3, '2027-02-25'],
      [r.person.id, 6, '2027-05-25'],
    ]);
    // The referral's status stays as it was.
    expect((await database.db.select().from(referrals).where(eq(referrals.id, r.referral.id)))[0]!.status).toBe(r.referral.status);

    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.kind, 'write'), inArray(auditEvents.entityId, [r.stay.id, r.room.id])));
    expect(audit.map((a) => a.action).sort()).toEqual(expect.arrayContaining(['room.state_change', 'stay.move_out']));
    const event = audit.find((a) => a.action === 'stay.move_out')!;
    expect(event).toMatchObject({ actorUserId: staffId, personId: r.person.id, purpose: 'follow_up' });
    expect(event.details).toEqual({
      moveOutId: result.id,
      roomId: r.room.id,
      movedOutOn: '2026-11-25',
      keysReturned: 1,
      keysNotReturned: 1,
      roomChecked: true,
      inventoryItems: 2,
      inventoryDamagedOrMissing: 1,
      damageIncidents: 1,
      belongingsStored: 1,
    });
    // Where they went and the free text stay out of the audit rows.
    expect(JSON.stringify(audit)).not.toMatch(/private_rental|Fretex|Knekt|flyttekasser|Kari/);

    // The room then goes from cleaning to ready through the rooms' own action.
    const lead = await contextFor(database, leadId);
    await changeRoomState(lead, r.room.id, { state: 'ready' });
    expect((await roomRow(r.room.id)).state).toBe('ready');
  });

  it('shows keys not returned on the board list until they come back', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const staff = await contextFor(database, staffId);
    await recordMoveOut(staff, r.stay.id, input(r, { returnedKeyIds: [] }));
    const missing = (await listKeysNotReturned(staff)).filter((k) => k.stayId === r.stay.id);
    expect(missing.map((k) => [k.keyId, k.personName, k.endedOn]).sort()).toEqual(
      [
        [r.roomKey.id, 'Kari Flyttesen', '2026-11-26'],
        [r.frontKey.id, 'Kari Flyttesen', '2026-11-26'],
      ].sort(),
    );
    await returnKey(staff, r.roomKey.id);
    expect((await listKeysNotReturned(staff)).filter((k) => k.stayId === r.stay.id).map((k) => k.keyId)).toEqual([r.frontKey.id]);
    expect((await rejection(returnKey(staff, r.roomKey.id))).code).toBe('key.not_issued');
    // The recorded move-out still says the keys were not all returned at the move-out.
    expect((await getMoveOut(staff, r.stay.id)).moveOut).toMatchObject({ keysReturned: false, keysNotReturned: [{ id: r.frontKey.id }] });
  });

  it('records a move-out without a room check (a resident who left without notice)', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const result = await recordMoveOut(await contextFor(database, leadId), r.stay.id, input(r, { destination: 'unknown', wasPlanned: false, roomChecked: false, inventory: [], returnedKeyIds: [] }));
    expect(result).toMatchObject({ destinationGroup: 'other', roomChecked: false, inventory: [], keysReturned: false });
    expect((await roomRow(r.room.id)).state).toBe('cleaning');
  });

  it('counts the nights of the whole stay after a room move, and points the old row to the new one', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId, startOn: '2026-10-01', plannedEndOn: '2027-01-01' });
    const target = await buildReadyRoom(database.db, { house, items: ['Skap'] });
    const staff = await contextFor(database, staffId);
    const moved = await moveRoom(staff, r.stay.id, roomMoveInput.parse({ toRoomId: target.room.id, movedOn: '2026-11-01', reason: 'Ønsket mindre hybel' }));
    const refused = await rejection(recordMoveOut(staff, r.stay.id, input(r)));
    expect([refused.code, refused.status]).toEqual(['stay.moved_to_other_room', 409]);
    expect((await getMoveOut(staff, r.stay.id)).movedToStayId).toBe(moved.toStayId);

    const view = await getMoveOut(staff, moved.toStayId);
    expect(view).toMatchObject({ stayStartOn: '2026-10-01', startOn: '2026-11-01', heldKeys: [{ id: r.frontKey.id }], inventory: [{ name: 'Skap' }], moveOut: null });
    const result = await recordMoveOut(
      staff,
      moved.toStayId,
      moveOutInput.parse({ destination: 'municipal_rental', wasPlanned: true, returnedKeyIds: [r.frontKey.id], roomChecked: true, inventory: [{ itemId: view.inventory[0]!.id, condition: 'worn' }] }),
    );
    expect(result).toMatchObject({ nights: 56, keysReturned: true, keysNotReturned: [] });
  });

  it('refuses a day before the stay began and a day in the future (400 on the date), and writes nothing', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const staff = await contextFor(database, staffId);
    const before = await rejection(recordMoveOut(staff, r.stay.id, input(r, { movedOutOn: '2026-10-31' })));
    expect([before.code, before.status, before.fields]).toEqual(['move_out.before_start', 400, { movedOutOn: 'Utflyttingsdatoen kan ikke være før beboeren flyttet inn i hybelen.' }]);
    const future = await rejection(recordMoveOut(staff, r.stay.id, input(r, { movedOutOn: '2026-11-27' })));
    expect(future.code).toBe('move_out.in_future');
    await expectNothingWritten(r);
  });

  it('refuses an incomplete inventory, an item of another room, a key not held and belongings kept for no time; writes nothing', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const other = await buildResident(database.db, { house, decidedBy: leadId, givenName: 'Ola' });
    const staff = await contextFor(database, staffId);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ inventory: [{ itemId: r.inventory[0]!.id, condition: 'good' }] }, 'move_out.inventory_incomplete', 'inventory'],
      [{ inventory: [...r.inventory, other.inventory[0]!].map((i) => ({ itemId: i.id, condition: 'good' })) }, 'move_out.inventory_unknown_item', 'inventory'],
      [{ returnedKeyIds: [other.roomKey.id] }, 'move_out.key_not_held', 'returnedKeyIds'],
      [{ belongings: [{ description: 'Sykkel', location: 'Bod', keepUntilOn: '2026-11-20' }] }, 'belongings.keep_until_before_stored', 'belongings.0.keepUntilOn'],
    ];
    for (const [change, code, field] of cases) {
      const err = await rejection(recordMoveOut(staff, r.stay.id, input(r, change)));
      expect([err.code, err.status, Object.keys(err.fields ?? {})]).toEqual([code, 400, [field]]);
    }
    await expectNothingWritten(r);
  });

  it('refuses a second move-out of the same stay (409) and leaves the first as it was', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const staff = await contextFor(database, staffId);
    const first = await recordMoveOut(staff, r.stay.id, input(r, { movedOutOn: '2026-11-20' }));
    const err = await rejection(recordMoveOut(staff, r.stay.id, input(r, { destination: 'prison' })));
    expect([err.code, err.status]).toEqual(['move_out.already_recorded', 409]);
    expect(await database.db.select().from(moveOuts).where(eq(moveOuts.stayId, r.stay.id))).toEqual([expect.objectContaining({ id: first.id, destination: 'private_rental' })]);
    expect((await stayRow(r.stay.id)).endOn).toBe('2026-11-20');
  });

  it('refuses roles without stay:move_out (403) and another municipality’s stay (404); writes nothing', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    for (const userId of [navId, housingOfficeId]) {
      const err = await rejection(recordMoveOut(await contextFor(database, userId), r.stay.id, input(r)));
      expect([err.code, err.status]).toEqual(['auth.forbidden', 403]);
    }
    expect((await rejection(getMoveOut(await contextFor(database, navId), r.stay.id))).status).toBe(403);
    const stranger = (await buildUser(database.db, { tenantId: (await buildTenant(database.db)).id, roles: ['staff'] })).id;
    expect((await rejection(recordMoveOut(await contextFor(database, stranger), r.stay.id, input(r)))).status).toBe(404);
    expect((await rejection(getMoveOut(await contextFor(database, stranger), r.stay.id))).status).toBe(404);
    await expectNothingWritten(r);
  });

  it('answers bad input with field messages before anything runs', () => {
    const result = moveOutInput.safeParse({ movedOutOn: '2026-13-01', destination: 'hotel' });
    expect(issuesToFields('nb', result.error!.issues)).toEqual({
      movedOutOn: 'Skriv datoen som dd.mm.åååå.',
      destination: 'Velg hvor beboeren flyttet.',
      wasPlanned: 'Svar ja eller nei.',
    });
    const unchecked = moveOutInput.safeParse({ destination: 'homeless', wasPlanned: false, roomChecked: false, inventory: [{ itemId: crypto.randomUUID(), condition: 'good' }] });
    expect(issuesToFields('nb', unchecked.error!.issues)).toEqual({ roomChecked: 'Kryss av for at hybelen er gått gjennom, eller ta bort inventarlisten.' });
    const other = moveOutInput.safeParse({ destination: 'other', wasPlanned: true });
    expect(issuesToFields('nb', other.error!.issues)).toEqual({ destinationNote: 'Skriv kort hvor beboeren flyttet når du velger «Annet».' });
  });
});

describe('getMoveOut', () => {
  it('shows the form’s facts before, and the recorded move-out after; each a logged read', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    const staff = await contextFor(database, staffId);
    const before = await getMoveOut(staff, r.stay.id);
    expect(before).toMatchObject({
      stayId: r.stay.id,
      personName: 'Kari Flyttesen',
      room: { id: r.room.id },
      stayStartOn: '2026-11-01',
      startOn: '2026-11-01',
      endOn: null,
      today: '2026-11-26',
      movedToStayId: null,
      moveOut: null,
    });
    expect(before.heldKeys.map((k) => k.id).sort()).toEqual([r.roomKey.id, r.frontKey.id].sort());
    expect(before.inventory.map((i) => i.name)).toEqual(['Seng', 'Stol']);
    await recordMoveOut(staff, r.stay.id, input(r));
    const after = await getMoveOut(staff, r.stay.id);
    expect(after).toMatchObject({ endOn: '2026-11-26', heldKeys: [], moveOut: { destination: 'private_rental', keysReturned: true } });
    const reads = await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, r.person.id), eq(auditEvents.kind, 'read')));
    expect(reads).toHaveLength(2);
    // The board no longer shows the resident.
    expect((await getBoard(staff)).rooms.find((room) => room.id === r.room.id)).toMatchObject({ state: 'cleaning', resident: null });
  });
});
