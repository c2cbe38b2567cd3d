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
import { rooms, roomStateChanges } from '../rooms/rooms.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { houseRulesAcceptances } from '../agreements/agreements.tables.ts';
import { inventoryChecks, inventoryItems, keyIssues, roomKeys, stays } from './stays.tables.ts';
import { buildHouseRules, buildInventoryItem, buildKey, buildOffer, buildStay } from './stays.factory.ts';
import { checkInInput } from './stays.schema.ts';
import { checkIn, getCheckInPreparation, getStay } from './stays.check-in.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let navId: string;
let housingOfficeId: string;
let rulesV1: { id: string; version: number };
let house: { id: string; tenantId: string };

// Today in these tests is 26.11.2026 (the test context's pinned clock).
beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  housingOfficeId = (await buildUser(database.db, { tenantId, roles: ['housing_office'] })).id;
  rulesV1 = await buildHouseRules(database.db, { tenantId, version: 1 });
  house = await buildHouse(database.db, { tenantId, name: 'Bolig Nu' });
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

/** A ready room with one registered key and two inventory items, and an accepted offer for a new person. */
async function scenario(options: { couple?: boolean; status?: 'open' | 'accepted' | 'declined' | 'lapsed'; fromOn?: string; room?: Partial<typeof rooms.$inferInsert> } = {}) {
  const room = await buildRoom(database.db, { house, ...(options.couple ? { capacity: 2, takesCouples: true } : {}), ...options.room });
  await database.db.insert(roomStateChanges).values({ tenantId, roomId: room.id, changedAt: new Date('2026-11-01T10:00:00Z'), toState: room.state });
  const key = await buildKey(database.db, { tenantId, roomId: room.id, door: 'room' });
  const bed = await buildInventoryItem(database.db, { tenantId, roomId: room.id, name: 'Seng' });
  const chair = await buildInventoryItem(database.db, { tenantId, roomId: room.id, name: 'Stol' });
  const person = await buildPerson(database.db, { tenantId, givenName: 'Kari', familyName: 'Nordmann' });
  const partner = options.couple ? await buildPerson(database.db, { tenantId, givenName: 'Per', familyName: 'Nordmann' }) : null;
  const { offer, referral } = await buildOffer(database.db, {
    tenantId,
    roomId: room.id,
    personId: person.id,
    partnerPersonId: partner?.id,
    decidedBy: leadId,
    status: options.status,
    fromOn: options.fromOn,
  });
  return { room, key, bed, chair, person, partner, offer, referral };
}

type Scenario = Awaited<ReturnType<typeof scenario>>;

const input = (s: Scenario, overrides: Record<string, unknown> = {}) =>
  checkInInput.parse({
    keyIds: [s.key.id],
    inventory: [
      { itemId: s.bed.id, condition: 'good' },
      { itemId: s.chair.id, condition: 'good' },
    ],
    houseRulesVersionId: rulesV1.id,
    houseRulesAccepted: true,
    ...overrides,
  });

const staysIn = (roomId: string) => database.db.select().from(stays).where(eq(stays.roomId, roomId));
const roomRow = async (roomId: string) => (await database.db.select().from(rooms).where(eq(rooms.id, roomId)))[0]!;
const referralStatus = async (id: string) => (await database.db.select().from(referrals).where(eq(referrals.id, id)))[0]!.status;

/** Nothing of a check-in was written for this scenario. */
async function expectNothingWritten(s: Scenario) {
  expect(await staysIn(s.room.id)).toEqual([]);
  expect((await roomRow(s.room.id)).state).toBe(s.room.state);
  expect(await database.db.select().from(keyIssues).where(eq(keyIssues.keyId, s.key.id))).toEqual([]);
  expect(await database.db.select().from(roomKeys).where(eq(roomKeys.roomId, s.room.id))).toHaveLength(1);
  expect(await database.db.select().from(inventoryChecks).where(inArray(inventoryChecks.itemId, [s.bed.id, s.chair.id]))).toEqual([]);
  expect(await referralStatus(s.referral.id)).not.toBe('checked_in');
  expect(await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, s.person.id), eq(auditEvents.kind, 'write')))).toEqual([]);
}

describe('checkIn', () => {
  it('creates the stay, hands out keys, records the inventory and the house rules, occupies the room — in one go', async () => {
    const s = await scenario();
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-26T14:30:00+01:00') });
    const stay = await checkIn(
      ctx,
      s.offer.id,
      input(s, {
        newKeys: [{ keyNumber: 'Y-17', door: 'front_door' }],
        inventory: [
          { itemId: s.bed.id, condition: 'good' },
          { itemId: s.chair.id, condition: 'worn', note: 'Ripe i setet' },
        ],
      }),
    );

    expect(stay).toMatchObject({
      roomId: s.room.id,
      personId: s.person.id,
      personName: 'Kari Nordmann',
      partnerPersonId: null,
      referralId: s.referral.id,
      offerId: s.offer.id,
      startOn: '2026-11-26',
      plannedEndOn: '2027-02-24',
      endOn: null,
      checkedInAt: '2026-11-26T13:30:00.000Z',
      clock: { nightsSoFar: 0, nightsLeft: 92, latestEndOn: '2027-02-26', status: 'ok' },
      houseRules: { versionId: rulesV1.id, version: 1 },
    });
    expect(stay.keys.map((k) => [k.keyNumber, k.door])).toEqual([
      ['Y-17', 'front_door'],
      [s.key.keyNumber, 'room'],
    ]);
    expect(stay.inventory).toEqual([
      { itemId: s.bed.id, name: 'Seng', condition: 'good', note: null },
      { itemId: s.chair.id, name: 'Stol', condition: 'worn', note: 'Ripe i setet' },
    ]);

    const [row] = await staysIn(s.room.id);
    expect(row).toMatchObject({ id: stay.id, checkedInBy: staffId, startOn: '2026-11-26' });
    const issues = await database.db.select().from(keyIssues).where(eq(keyIssues.stayId, stay.id));
    expect(issues).toHaveLength(2);
    expect(issues.every((i) => i.personId === s.person.id && i.issuedBy === staffId && i.returnedAt === null)).toBe(true);
    const newKey = (await database.db.select().from(roomKeys).where(eq(roomKeys.keyNumber, 'Y-17')))[0]!;
    expect(newKey).toMatchObject({ roomId: s.room.id, door: 'front_door', tenantId });
    const checks = await database.db.select().from(inventoryChecks).where(eq(inventoryChecks.stayId, stay.id));
    expect(checks.map((c) => [c.kind, c.condition])).toEqual(expect.arrayContaining([['check_in', 'good'], ['check_in', 'worn']]));
    // The item's present condition follows the check.
    expect((await database.db.select().from(inventoryItems).where(eq(inventoryItems.id, s.chair.id)))[0]!.condition).toBe('worn');
    expect(await database.db.select().from(houseRulesAcceptances).where(eq(houseRulesAcceptances.stayId, stay.id))).toEqual([
      expect.objectContaining({ versionId: rulesV1.id, recordedBy: staffId }),
    ]);
    expect((await roomRow(s.room.id)).state).toBe('occupied');
    const history = await database.db.select().from(roomStateChanges).where(eq(roomStateChanges.roomId, s.room.id));
    expect(history.map((h) => [h.fromState, h.toState])).toEqual([
      [null, 'ready'],
      ['ready', 'occupied'],
    ]);
    expect(await referralStatus(s.referral.id)).toBe('checked_in');

    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.requestId, 'test'));
    const mine = audit.filter((a) => a.entityId === stay.id || a.entityId === s.room.id);
    expect(mine.map((a) => a.action).sort()).toEqual(['house_rules.accept', 'room.state_change', 'stay.check_in']);
    const event = mine.find((a) => a.action === 'stay.check_in')!;
    expect(event).toMatchObject({ kind: 'write', actorUserId: staffId, personId: s.person.id, tenantId, purpose: 'follow_up' });
    expect(event.details).toEqual({
      roomId: s.room.id,
      offerId: s.offer.id,
      startOn: '2026-11-26',
      keysIssued: 2,
      keysRegistered: 1,
      inventoryItems: 2,
      inventoryConditionChanged: 1,
      houseRulesVersion: 1,
    });
    // Field names and counts only: no names, no key numbers, no notes.
    expect(JSON.stringify(mine)).not.toMatch(/Kari|Nordmann|Y-17|Ripe/);
  });

  it('checks a couple in: the partner is on the stay and both get an audit row', async () => {
    const s = await scenario({ couple: true });
    const stay = await checkIn(await contextFor(database, leadId), s.offer.id, input(s, { startOn: '2026-11-25' }));
    expect(stay).toMatchObject({ partnerPersonId: s.partner!.id, partnerName: 'Per Nordmann', startOn: '2026-11-25', clock: { nightsSoFar: 1 } });
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, stay.id), eq(auditEvents.action, 'stay.check_in')));
    expect(events.map((e) => e.personId).sort()).toEqual([s.person.id, s.partner!.id].sort());
  });

  it.each(['open', 'declined', 'lapsed'] as const)('refuses an offer that is %s (422) and writes nothing', async (status) => {
    const s = await scenario({ status });
    const err = await rejection(checkIn(await contextFor(database, staffId), s.offer.id, input(s)));
    expect(err.code).toBe('stay.offer_not_accepted');
    expect(err.status).toBe(422);
    await expectNothingWritten(s);
  });

  it('refuses an outdated house rules version (409): the rules changed while the form was open', async () => {
    const tenant = await buildTenant(database.db);
    const user = await buildUser(database.db, { tenantId: tenant.id, roles: ['staff'] });
    const lead = await buildUser(database.db, { tenantId: tenant.id, roles: ['service_lead'] });
    const v1 = await buildHouseRules(database.db, { tenantId: tenant.id, version: 1 });
    const v2 = await buildHouseRules(database.db, { tenantId: tenant.id, version: 2 });
    const h = await buildHouse(database.db, { tenantId: tenant.id });
    const room = await buildRoom(database.db, { house: h });
    const key = await buildKey(database.db, { tenantId: tenant.id, roomId: room.id });
    const person = await buildPerson(database.db, { tenantId: tenant.id });
    const { offer } = await buildOffer(database.db, { tenantId: tenant.id, roomId: room.id, personId: person.id, decidedBy: lead.id });
    const ctx = await contextFor(database, user.id);

    const err = await rejection(checkIn(ctx, offer.id, checkInInput.parse({ keyIds: [key.id], houseRulesVersionId: v1.id, houseRulesAccepted: true })));
    expect(err.code).toBe('stay.house_rules_changed');
    expect(err.status).toBe(409);
    expect(err.fields).toEqual({ houseRulesAccepted: expect.stringMatching(/endret/) });
    expect(err.meta).toEqual({ public: { currentVersionId: v2.id, currentVersion: 2 } });
    expect(await staysIn(room.id)).toEqual([]);

    const stay = await checkIn(ctx, offer.id, checkInInput.parse({ keyIds: [key.id], houseRulesVersionId: v2.id, houseRulesAccepted: true }));
    expect(stay.houseRules).toMatchObject({ versionId: v2.id, version: 2 });
  });

  it('refuses a room that is already taken for the period with a clear 409, and writes nothing', async () => {
    const s = await scenario();
    const other = await buildPerson(database.db, { tenantId });
    await buildStay(database.db, { tenantId, roomId: s.room.id, personId: other.id, startOn: '2026-11-10' });
    const err = await rejection(checkIn(await contextFor(database, staffId), s.offer.id, input(s)));
    expect(err.code).toBe('stay.room_taken');
    expect(err.status).toBe(409);
    expect(err.definition.nb).toContain('Hybelen er allerede tatt for denne perioden');
    expect((await staysIn(s.room.id)).map((x) => x.personId)).toEqual([other.id]);
    expect((await roomRow(s.room.id)).state).toBe('ready');
    expect(await database.db.select().from(keyIssues).where(eq(keyIssues.keyId, s.key.id))).toEqual([]);
    expect(await referralStatus(s.referral.id)).toBe('accepted');
  });

  it('lets the next household move in on the day the last one moved out', async () => {
    const s = await scenario();
    const other = await buildPerson(database.db, { tenantId });
    await buildStay(database.db, { tenantId, roomId: s.room.id, personId: other.id, startOn: '2026-10-01', endOn: '2026-11-26' });
    const stay = await checkIn(await contextFor(database, staffId), s.offer.id, input(s));
    expect(stay.startOn).toBe('2026-11-26');
  });

  it('refuses a person who already has an open stay (409)', async () => {
    const s = await scenario();
    const elsewhere = await buildRoom(database.db, { house });
    await buildStay(database.db, { tenantId, roomId: elsewhere.id, personId: s.person.id, startOn: '2026-11-01' });
    const err = await rejection(checkIn(await contextFor(database, staffId), s.offer.id, input(s)));
    expect(err.code).toBe('stay.person_has_open_stay');
    expect(err.status).toBe(409);
    expect(await staysIn(s.room.id)).toEqual([]);
  });

  it('refuses to check the same offer in twice', async () => {
    const s = await scenario();
    const ctx = await contextFor(database, staffId);
    const first = await checkIn(ctx, s.offer.id, input(s));
    const err = await rejection(checkIn(ctx, s.offer.id, input(s, { keyIds: [], newKeys: [{ keyNumber: 'X-1', door: 'room' }] })));
    expect(err.code).toBe('stay.offer_already_checked_in');
    expect(err.meta).toEqual({ public: { stayId: first.id } });
  });

  it('refuses a check-in date before the offer, in the future, or on the planned end — naming the field', async () => {
    const s = await scenario({ fromOn: '2026-11-26' });
    const ctx = await contextFor(database, staffId);
    const before = await rejection(checkIn(ctx, s.offer.id, input(s, { startOn: '2026-11-25' })));
    expect(before).toMatchObject({ code: 'stay.check_in_before_offer', status: 422, fields: { startOn: expect.stringMatching(/fra-dato/) } });
    const future = await rejection(checkIn(ctx, s.offer.id, input(s, { startOn: '2026-11-27' })));
    expect(future).toMatchObject({ code: 'stay.check_in_in_future', status: 422 });
    await expectNothingWritten(s);
  });

  it('refuses a room out of service, and a couple in a room that does not take couples', async () => {
    const oos = await scenario({ room: { state: 'out_of_service', outOfServiceReason: 'Vannskade', outOfServiceFromOn: '2026-11-20' } });
    expect((await rejection(checkIn(await contextFor(database, staffId), oos.offer.id, input(oos)))).code).toBe('stay.room_out_of_service');
    await expectNothingWritten(oos);

    const couple = await scenario({ couple: true, room: { capacity: 1, takesCouples: false } });
    expect((await rejection(checkIn(await contextFor(database, staffId), couple.offer.id, input(couple)))).code).toBe('stay.room_not_for_couples');
  });

  it('refuses roles without stay:check_in, and anyone not logged in, before reading anything', async () => {
    const s = await scenario();
    for (const userId of [navId, housingOfficeId]) {
      const err = await rejection(checkIn(await contextFor(database, userId), s.offer.id, input(s)));
      expect(err.status).toBe(403);
    }
    expect((await rejection(checkIn(await contextFor(database, null), s.offer.id, input(s)))).status).toBe(401);
    await expectNothingWritten(s);
  });

  it("treats another municipality's offer as not found", async () => {
    const s = await scenario();
    const otherTenant = await buildTenant(database.db);
    const stranger = await buildUser(database.db, { tenantId: otherTenant.id, roles: ['staff'] });
    const err = await rejection(checkIn(await contextFor(database, stranger.id), s.offer.id, input(s)));
    expect(err).toMatchObject({ code: 'offer.not_found', status: 404 });
    await expectNothingWritten(s);
  });

  describe('bad input: a clear 400 and nothing written', () => {
    it('the shared schema wants at least one key, the house rules ticked, and no duplicates', () => {
      const result = checkInInput.safeParse({ keyIds: [], newKeys: [{ keyNumber: 'A', door: 'room' }, { keyNumber: 'a', door: 'room' }], houseRulesVersionId: rulesV1.id, houseRulesAccepted: false });
      expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        ['houseRulesAccepted', 'stays.validation.houseRulesAccepted'],
        ['newKeys.1.keyNumber', 'stays.validation.keyTwice'],
      ]);
      const noKeys = checkInInput.safeParse({ houseRulesVersionId: rulesV1.id, houseRulesAccepted: true, startOn: '26.11.2026' });
      expect(noKeys.error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['startOn', 'validation.invalidDate']);
      const refined = checkInInput.safeParse({ houseRulesVersionId: rulesV1.id, houseRulesAccepted: true });
      expect(refined.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['keyIds', 'stays.validation.keysRequired']]);
      const twice = checkInInput.safeParse({ newKeys: [{ keyNumber: 'A', door: 'room' }, { keyNumber: 'a', door: 'room' }], houseRulesVersionId: rulesV1.id, houseRulesAccepted: true });
      expect(twice.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['newKeys.1.keyNumber', 'stays.validation.keyTwice']]);
    });

    it('an inventory list with an item missing', async () => {
      const s = await scenario();
      const err = await rejection(checkIn(await contextFor(database, staffId), s.offer.id, input(s, { inventory: [{ itemId: s.bed.id, condition: 'good' }] })));
      expect(err).toMatchObject({ code: 'stay.inventory_incomplete', status: 400, fields: { inventory: expect.stringMatching(/hele inventarlisten/) } });
      await expectNothingWritten(s);
    });

    it("an item or a key of another room, a key already handed out, a key number already registered", async () => {
      const s = await scenario();
      const other = await scenario();
      const ctx = await contextFor(database, staffId);
      const foreignItem = input(s, { inventory: [{ itemId: s.bed.id, condition: 'good' }, { itemId: other.chair.id, condition: 'good' }] });
      expect((await rejection(checkIn(ctx, s.offer.id, foreignItem))).code).toBe('stay.inventory_unknown_item');
      expect((await rejection(checkIn(ctx, s.offer.id, input(s, { keyIds: [other.key.id] })))).code).toBe('key.not_found');

      const holder = await buildPerson(database.db, { tenantId });
      const oldStay = await buildStay(database.db, { tenantId, roomId: s.room.id, personId: holder.id, startOn: '2026-09-01', endOn: '2026-11-01' });
      await database.db.insert(keyIssues).values({ tenantId, keyId: s.key.id, stayId: oldStay.id, issuedAt: new Date('2026-09-01T10:00:00Z') });
      const issued = await rejection(checkIn(ctx, s.offer.id, input(s)));
      expect(issued).toMatchObject({ code: 'key.already_issued', status: 409, fields: { keyIds: expect.any(String) } });

      const duplicate = await rejection(checkIn(ctx, s.offer.id, input(s, { keyIds: [], newKeys: [{ keyNumber: other.key.keyNumber, door: 'room' }] })));
      expect(duplicate).toMatchObject({ code: 'key.duplicate_number', status: 409, fields: { 'newKeys.0.keyNumber': expect.any(String) } });
      expect(await staysIn(s.room.id)).toEqual([expect.objectContaining({ id: oldStay.id })]);
      expect((await roomRow(s.room.id)).state).toBe('ready');
    });
  });

  it('20 simultaneous check-ins into one room: exactly one stay, the others a clear 409', async () => {
    const room = await buildRoom(database.db, { house });
    await buildInventoryItem(database.db, { tenantId, roomId: room.id, name: 'Seng' });
    const items = await database.db.select().from(inventoryItems).where(eq(inventoryItems.roomId, room.id));
    const attempts = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const person = await buildPerson(database.db, { tenantId });
        const { offer } = await buildOffer(database.db, { tenantId, roomId: room.id, personId: person.id, decidedBy: leadId });
        return { offer, i };
      }),
    );
    const contexts = await Promise.all(attempts.map(() => contextFor(database, staffId)));
    const results = await Promise.allSettled(
      attempts.map(({ offer, i }, n) =>
        checkIn(
          contexts[n]!,
          offer.id,
          checkInInput.parse({
            newKeys: [{ keyNumber: `RACE-${room.id.slice(0, 8)}-${i}`, door: 'room' }],
            inventory: items.map((it) => ({ itemId: it.id, condition: 'good' })),
            houseRulesVersionId: rulesV1.id,
            houseRulesAccepted: true,
          }),
        ),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect(r.reason).toMatchObject({ code: 'stay.room_taken', status: 409 });
    }
    expect(await staysIn(room.id)).toHaveLength(1);
    // The losers left nothing behind: one key registered, one issued, one room state change to occupied.
    expect(await database.db.select().from(roomKeys).where(eq(roomKeys.roomId, room.id))).toHaveLength(1);
    const history = await database.db.select().from(roomStateChanges).where(eq(roomStateChanges.roomId, room.id));
    expect(history.filter((h) => h.toState === 'occupied')).toHaveLength(1);
  });
});

describe('getCheckInPreparation', () => {
  it('shows the household, room, free keys, inventory and the current house rules; the read is logged', async () => {
    const s = await scenario({ couple: true });
    const issuedKey = await buildKey(database.db, { tenantId, roomId: s.room.id });
    const holder = await buildPerson(database.db, { tenantId });
    const oldStay = await buildStay(database.db, { tenantId, roomId: s.room.id, personId: holder.id, startOn: '2026-09-01', endOn: '2026-11-01' });
    await database.db.insert(keyIssues).values({ tenantId, keyId: issuedKey.id, stayId: oldStay.id, issuedAt: new Date('2026-09-01T10:00:00Z') });

    const prep = await getCheckInPreparation(await contextFor(database, staffId), s.offer.id);
    expect(prep).toMatchObject({
      offerId: s.offer.id,
      offerStatus: 'accepted',
      personName: 'Kari Nordmann',
      partnerName: 'Per Nordmann',
      room: { id: s.room.id, name: s.room.name, houseName: 'Bolig Nu', state: 'ready', takesCouples: true },
      fromOn: '2026-11-24',
      plannedEndOn: '2027-02-24',
      today: '2026-11-26',
      latestEndOn: '2027-02-26',
      houseRules: { id: rulesV1.id, version: 1, rules: expect.arrayContaining(['Ro i huset mellom kl. 23 og 07.']) },
      stayId: null,
    });
    expect(prep.availableKeys.map((k) => k.id)).toEqual([s.key.id]);
    expect(prep.inventory.map((i) => i.name)).toEqual(['Seng', 'Stol']);
    const reads = await database.db.select().from(auditEvents).where(and(eq(auditEvents.kind, 'read'), inArray(auditEvents.personId, [s.person.id, s.partner!.id])));
    expect(reads.map((r) => r.purpose)).toEqual(['follow_up', 'follow_up']);
  });

  it('refuses the NAV caseworker', async () => {
    const s = await scenario();
    expect((await rejection(getCheckInPreparation(await contextFor(database, navId), s.offer.id))).status).toBe(403);
  });
});

describe('getStay', () => {
  it('reads a stay and logs the read; another municipality gets not found', async () => {
    const s = await scenario();
    const stay = await checkIn(await contextFor(database, staffId), s.offer.id, input(s));
    const read = await getStay(await contextFor(database, leadId, { now: new Date('2026-12-26T10:00:00+01:00') }), stay.id);
    expect(read).toMatchObject({ id: stay.id, clock: { nightsSoFar: 30, nightsLeft: 62 } });
    const reads = await database.db.select().from(auditEvents).where(and(eq(auditEvents.kind, 'read'), eq(auditEvents.personId, s.person.id)));
    expect(reads).toEqual([expect.objectContaining({ actorUserId: leadId, purpose: 'follow_up' })]);

    const other = await buildUser(database.db, { tenantId: (await buildTenant(database.db)).id, roles: ['staff'] });
    expect((await rejection(getStay(await contextFor(database, other.id), stay.id))).code).toBe('stay.not_found');
    expect((await rejection(getStay(await contextFor(database, navId), stay.id))).status).toBe(403);
  });
});
