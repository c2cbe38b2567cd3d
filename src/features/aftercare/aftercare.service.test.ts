import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { aftercareFollowUps } from './aftercare.tables.ts';
import { planFollowUpsAfterMoveOut } from './aftercare.service.ts';

let database: Database;
let tenantId: string;
let otherTenantId: string;
let staffId: string;
let leadId: string;
let navId: string;
let house: { id: string; tenantId: string };

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  otherTenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  house = await buildHouse(database.db, { tenantId });
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

/** A former resident: a stay from startOn to endOn in a new room. */
async function formerResident(options: { startOn?: string; endOn?: string; givenName?: string } = {}) {
  const room = await buildRoom(database.db, { house });
  const person = await buildPerson(database.db, { tenantId, ...(options.givenName ? { givenName: options.givenName } : {}) });
  const stay = await buildStay(database.db, {
    tenantId,
    roomId: room.id,
    personId: person.id,
    startOn: options.startOn ?? '2027-06-01',
    plannedEndOn: '2027-08-31',
    endOn: options.endOn ?? '2027-08-31',
  });
  return { person, stay, room };
}

describe('planFollowUpsAfterMoveOut', () => {
  it('plans three follow-ups at 1, 3 and 6 calendar months, clamped to the month end, with an audit row', async () => {
    const { person, stay } = await formerResident();
    const ctx = await contextFor(database, staffId, { now: new Date('2027-08-31T12:00:00+02:00') });
    const planned = await planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'private_rental' });
    expect(planned.map((p) => [p.monthsAfter, p.dueOn])).toEqual([
      [1, '2027-09-30'],
      [3, '2027-11-30'],
      [6, '2028-02-29'],
    ]);
    const rows = await database.db.select().from(aftercareFollowUps).where(eq(aftercareFollowUps.stayId, stay.id));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.personId === person.id && r.tenantId === tenantId && r.doneOn === null)).toBe(true);
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, stay.id), eq(auditEvents.action, 'aftercare.follow_ups_planned')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.personId).toBe(person.id);
    expect(audit[0]!.actorUserId).toBe(staffId);
  });

  it('keeps the first plan when called twice for one stay', async () => {
    const { person, stay } = await formerResident();
    const ctx = await contextFor(database, leadId);
    await planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'private_rental' });
    const again = await planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2027-09-15', destination: 'private_rental' });
    expect(again.map((p) => p.dueOn)).toEqual(['2027-09-30', '2027-11-30', '2028-02-29']);
  });

  it('plans nothing after a death', async () => {
    const { person, stay } = await formerResident();
    const ctx = await contextFor(database, staffId);
    expect(await planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'deceased' })).toEqual([]);
  });

  it('refuses NAV (no move-out permission) and writes nothing', async () => {
    const { person, stay } = await formerResident();
    const ctx = await contextFor(database, navId);
    const err = await rejection(planFollowUpsAfterMoveOut(ctx, { personId: person.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'private_rental' }));
    expect(err.status).toBe(403);
    expect(await database.db.select().from(aftercareFollowUps).where(eq(aftercareFollowUps.stayId, stay.id))).toHaveLength(0);
  });

  it('treats a stay of another tenant, or of another person, as not found', async () => {
    const { person, stay } = await formerResident();
    const other = await buildPerson(database.db, { tenantId });
    const ctx = await contextFor(database, staffId);
    expect((await rejection(planFollowUpsAfterMoveOut(ctx, { personId: other.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'private_rental' }))).status).toBe(404);
    const foreignStaff = (await buildUser(database.db, { tenantId: otherTenantId, roles: ['staff'] })).id;
    const foreign = await contextFor(database, foreignStaff);
    expect((await rejection(planFollowUpsAfterMoveOut(foreign, { personId: person.id, stayId: stay.id, movedOutOn: '2027-08-31', destination: 'private_rental' }))).status).toBe(404);
  });
});
