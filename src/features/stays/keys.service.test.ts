import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildHouse } from '../rooms/rooms.factory.ts';
import { incidentPeople, incidents } from '../incidents/incidents.tables.ts';
import { keyLosses } from './keys.tables.ts';
import { listKeyRegister, reportKeyLost } from './keys.service.ts';
import { buildReadyRoom, buildResident } from './move-out.factory.ts';
import { moveOutInput } from './move-out.schema.ts';
import { listKeysNotReturned, recordMoveOut } from './move-out.service.ts';
import { listRoomKeys } from './stays.equipment.service.ts';
import * as sq from './stays.queries.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let navId: string;
let house: { id: string; tenantId: string };

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  house = await buildHouse(database.db, { tenantId, name: 'Nøkkelhuset' });
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

describe('the key register', () => {
  it('lists every key with who has it, when, and whether it came back; the holders’ records are logged as read', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId, givenName: 'Nora' });
    const free = await buildReadyRoom(database.db, { house });
    const rows = await listKeyRegister(await contextFor(database, staffId));
    const roomKey = rows.find((k) => k.id === r.roomKey.id)!;
    expect(roomKey).toMatchObject({ status: 'issued', issuedToPersonId: r.person.id, issuedToName: 'Nora Flyttesen', returnedAt: null, door: 'room', roomName: r.room.name });
    expect(rows.find((k) => k.id === free.key.id)).toMatchObject({ status: 'available', issuedToName: null });
    const reads = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.personId, r.person.id), eq(auditEvents.action, 'key.register_read')));
    expect(reads).toHaveLength(1);
  });

  it('NAV may not see it', async () => {
    expect((await rejection(listKeyRegister(await contextFor(database, navId)))).code).toBe('auth.forbidden');
  });
});

describe('reportKeyLost', () => {
  it('records an incident linked to the key with the holder involved, marks the key lost, and takes it off the board and check-in', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId });
    // Moved out without handing back the front-door key: the board lists it.
    await recordMoveOut(
      await contextFor(database, staffId),
      r.stay.id,
      moveOutInput.parse({ destination: 'private_rental', wasPlanned: true, returnedKeyIds: [r.roomKey.id], roomChecked: false, inventory: [] }),
    );
    expect((await listKeysNotReturned(await contextFor(database, staffId))).map((k) => k.keyId)).toContain(r.frontKey.id);

    const { incidentId } = await reportKeyLost(await contextFor(database, staffId), r.frontKey.id, { stolen: false, description: 'Beboeren har mistet nøkkelen i byen.' });
    const [incident] = await database.db.select().from(incidents).where(eq(incidents.id, incidentId));
    expect(incident).toMatchObject({ type: 'other', severity: 'medium', keyId: r.frontKey.id, location: 'common_area', status: 'open' });
    const involved = await database.db.select().from(incidentPeople).where(eq(incidentPeople.incidentId, incidentId));
    expect(involved.map((p) => p.personId)).toEqual([r.person.id]);
    expect(await database.db.select().from(keyLosses).where(eq(keyLosses.keyId, r.frontKey.id))).toHaveLength(1);

    expect((await listKeysNotReturned(await contextFor(database, staffId))).map((k) => k.keyId)).not.toContain(r.frontKey.id);
    const register = await listKeyRegister(await contextFor(database, staffId));
    expect(register.find((k) => k.id === r.frontKey.id)).toMatchObject({ status: 'lost', lostIncidentId: incidentId });
    const [frontKey] = await sq.findKeys(database.db, tenantId, [r.frontKey.id]);
    expect(frontKey!.lostAt).not.toBeNull();
  });

  it('a stolen room key is a theft incident in the room; reporting it twice is refused and writes nothing more', async () => {
    const free = await buildReadyRoom(database.db, { house });
    const ctx = await contextFor(database, leadId);
    const { incidentId } = await reportKeyLost(ctx, free.key.id, { stolen: true, description: 'Borte fra nøkkelskapet.' });
    const [incident] = await database.db.select().from(incidents).where(eq(incidents.id, incidentId));
    expect(incident).toMatchObject({ type: 'theft', severity: 'low', location: 'room', roomId: free.room.id });
    expect(await database.db.select().from(incidentPeople).where(eq(incidentPeople.incidentId, incidentId))).toEqual([]);
    const before = (await database.db.select().from(incidents)).length;
    expect((await rejection(reportKeyLost(ctx, free.key.id, { stolen: false, description: 'Igjen' }))).code).toBe('key.already_lost');
    expect((await database.db.select().from(incidents)).length).toBe(before);
    // The room page still lists the key.
    expect((await listRoomKeys(ctx, free.room.id)).map((k) => k.id)).toContain(free.key.id);
  });

  it('refuses NAV and an unknown key; nothing is written', async () => {
    const free = await buildReadyRoom(database.db, { house });
    expect((await rejection(reportKeyLost(await contextFor(database, navId), free.key.id, { stolen: false, description: 'x' }))).code).toBe('auth.forbidden');
    const otherTenant = (await buildTenant(database.db)).id;
    const otherStaff = (await buildUser(database.db, { tenantId: otherTenant, roles: ['staff'] })).id;
    expect((await rejection(reportKeyLost(await contextFor(database, otherStaff), free.key.id, { stolen: false, description: 'x' }))).code).toBe('key.unknown');
    expect(await database.db.select().from(keyLosses).where(eq(keyLosses.keyId, free.key.id))).toEqual([]);
  });
});
