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
import { shiftLogEntries } from './shift-log.tables.ts';
import { recordIncident } from '../incidents/incidents.service.ts';
import { incidentInput } from '../incidents/incidents.schema.ts';
import { shiftLogEntryInput } from './shift-log.schema.ts';
import { correctShiftLogEntry, getHandover, getShiftLogDay, listShiftLogResidents, writeShiftLogEntry } from './shift-log.service.ts';

let database: Database;
let tenantId: string;
let otherTenantId: string;
let staffId: string;
let navId: string;
const now = new Date('2026-11-26T16:00:00+01:00'); // Thursday, evening shift

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  otherTenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], displayName: 'Siri Ansatt' })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
});
afterAll(() => database.close());

const input = (overrides: Record<string, unknown> = {}) =>
  shiftLogEntryInput.parse({ shiftDate: '2026-11-26', shift: 'day', occurredTime: '10:00', body: 'Rolig formiddag. Brannalarmen testet.', ...overrides });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const entriesOfTenant = () => database.db.select().from(shiftLogEntries).where(eq(shiftLogEntries.tenantId, tenantId));
const readsOf = (personId: string) =>
  database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, personId), eq(auditEvents.kind, 'read')));

describe('writeShiftLogEntry', () => {
  it('writes an entry for a shift, naming a resident, audited without its text', async () => {
    const person = await buildPerson(database.db, { tenantId, givenName: 'Kari', familyName: 'Nordmann' });
    const ctx = await contextFor(database, staffId, { now });
    const written = await writeShiftLogEntry(ctx, input({ personIds: [person.id], body: 'Kari var urolig etter telefon fra NAV.' }));
    expect(written).toMatchObject({
      shiftDate: '2026-11-26',
      shift: 'day',
      occurredAt: '2026-11-26T09:00:00.000Z',
      body: 'Kari var urolig etter telefon fra NAV.',
      people: [{ id: person.id, name: 'Kari Nordmann' }],
      incidentId: null,
      correctsEntryId: null,
      createdByName: 'Siri Ansatt',
    });
    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, written.id), eq(auditEvents.action, 'shift_log.write')));
    expect(audit!.details).toEqual({ shiftDate: '2026-11-26', shift: 'day', fields: ['body', 'occurredAt'], people: 1, incident: false });
    expect(JSON.stringify(audit)).not.toContain('urolig');
  });

  it('puts a night-shift time after midnight on the next day', async () => {
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-27T03:00:00+01:00') });
    const written = await writeShiftLogEntry(ctx, input({ shift: 'night', occurredTime: '02:30', body: 'Vekter meldte støy i 2. etasje.' }));
    expect(written.occurredAt).toBe('2026-11-27T01:30:00.000Z');
    expect(written.shiftDate).toBe('2026-11-26');
  });

  it('refuses NAV (no shift_log:write) and writes nothing', async () => {
    const before = (await entriesOfTenant()).length;
    const err = await rejection(writeShiftLogEntry(await contextFor(database, navId, { now }), input()));
    expect(err.code).toBe('auth.forbidden');
    expect(await entriesOfTenant()).toHaveLength(before);
  });

  it('refuses a time in the future with a message on the time fields', async () => {
    const before = (await entriesOfTenant()).length;
    const err = await rejection(writeShiftLogEntry(await contextFor(database, staffId, { now }), input({ shift: 'evening', occurredTime: '20:00' })));
    expect(err.code).toBe('shift_log.occurred_in_future');
    expect(Object.keys(err.fields ?? {})).toEqual(['shiftDate', 'occurredTime']);
    expect(await entriesOfTenant()).toHaveLength(before);
  });

  it("refuses another municipality's person as unknown and writes nothing", async () => {
    const stranger = await buildPerson(database.db, { tenantId: otherTenantId });
    const before = (await entriesOfTenant()).length;
    const err = await rejection(writeShiftLogEntry(await contextFor(database, staffId, { now }), input({ personIds: [stranger.id] })));
    expect(err.code).toBe('shift_log.person_not_found');
    expect(await entriesOfTenant()).toHaveLength(before);
  });

  it('refuses bad input in the schema: an empty text and an unknown shift', () => {
    const parsed = shiftLogEntryInput.safeParse({ shiftDate: '2026-11-26', shift: 'morning', occurredTime: '10:00', body: ' ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['body', 'shift']);
  });
});

describe('linking an entry to an incident (avvik)', () => {
  it('links an entry to an incident of the municipality and refuses an unknown one, writing nothing', async () => {
    const ctx = await contextFor(database, staffId, { now });
    const incident = await recordIncident(
      ctx,
      incidentInput.parse({ location: 'common_area', type: 'damage', severity: 'low', description: 'Knust glass i stua.', occurredAt: '2026-11-26T10:30:00+01:00' }),
    );
    const written = await writeShiftLogEntry(ctx, input({ incidentId: incident.id, body: 'Avvik registrert for knust glass.' }));
    expect(written.incidentId).toBe(incident.id);
    const before = (await entriesOfTenant()).length;
    const err = await rejection(writeShiftLogEntry(ctx, input({ incidentId: '00000000-0000-4000-8000-000000000000' })));
    expect(err.code).toBe('shift_log.incident_not_found');
    expect(Object.keys(err.fields ?? {})).toEqual(['incidentId']);
    expect(await entriesOfTenant()).toHaveLength(before);
  });
});

describe('correctShiftLogEntry', () => {
  it('writes a correction as a new entry; the original stays and shows it is corrected; a second correction is refused', async () => {
    const ctx = await contextFor(database, staffId, { now });
    const original = await writeShiftLogEntry(ctx, input({ occurredTime: '11:00', body: 'Hybel 3 fikk ny nøkkel.' }));
    const correction = await correctShiftLogEntry(ctx, original.id, input({ occurredTime: '11:00', body: 'Hybel 4 fikk ny nøkkel (ikke 3).' }));
    expect(correction.correctsEntryId).toBe(original.id);
    const handover = await getHandover(ctx);
    const all = handover.shifts.flatMap((s) => s.entries);
    expect(all.find((e) => e.id === original.id)).toMatchObject({ body: 'Hybel 3 fikk ny nøkkel.', correctedByEntryId: correction.id });
    const err = await rejection(correctShiftLogEntry(ctx, original.id, input({ body: 'Enda en.' })));
    expect(err.code).toBe('shift_log.already_corrected');
  });

  it("answers another municipality's entry as not found", async () => {
    const foreignStaff = await buildUser(database.db, { tenantId: otherTenantId, roles: ['staff'] });
    const foreign = await writeShiftLogEntry(await contextFor(database, foreignStaff.id, { now }), input());
    const err = await rejection(correctShiftLogEntry(await contextFor(database, staffId, { now }), foreign.id, input()));
    expect(err.code).toBe('shift_log.entry_not_found');
  });
});

describe('getHandover', () => {
  it('shows the last 24 hours grouped by shift, and logs a read for each resident named', async () => {
    const tenant = (await buildTenant(database.db)).id;
    const staff = (await buildUser(database.db, { tenantId: tenant, roles: ['staff'] })).id;
    const person = await buildPerson(database.db, { tenantId: tenant });
    const at = (iso: string) => contextFor(database, staff, { now: new Date(iso) });
    await writeShiftLogEntry(await at('2026-11-25T12:00:00+01:00'), input({ shiftDate: '2026-11-25', occurredTime: '11:00', body: 'For gammel.' }));
    await writeShiftLogEntry(await at('2026-11-25T20:00:00+01:00'), input({ shiftDate: '2026-11-25', shift: 'evening', occurredTime: '19:00', body: 'Kveld.' }));
    await writeShiftLogEntry(await at('2026-11-26T02:00:00+01:00'), input({ shiftDate: '2026-11-25', shift: 'night', occurredTime: '01:00', body: 'Natt.', personIds: [person.id] }));
    await writeShiftLogEntry(await at('2026-11-26T09:00:00+01:00'), input({ occurredTime: '08:30', body: 'Morgen.' }));
    const readsBefore = (await readsOf(person.id)).length;

    const handover = await getHandover(await at('2026-11-26T16:00:00+01:00'));
    expect(handover.current).toEqual({ shiftDate: '2026-11-26', shift: 'evening' });
    expect(handover.shifts.map((s) => [s.shiftDate, s.shift, s.entries.map((e) => e.body)])).toEqual([
      ['2026-11-25', 'evening', ['Kveld.']],
      ['2026-11-25', 'night', ['Natt.']],
      ['2026-11-26', 'day', ['Morgen.']],
    ]);
    const reads = await readsOf(person.id);
    expect(reads).toHaveLength(readsBefore + 1);
    expect(reads.at(-1)).toMatchObject({ action: 'shift_log.read', purpose: 'shift_log', actorUserId: staff });
  });

  it('refuses NAV', async () => {
    expect((await rejection(getHandover(await contextFor(database, navId, { now })))).code).toBe('auth.forbidden');
  });
});

describe('getShiftLogDay', () => {
  it('shows the shifts that began on a day, the night running into the next morning included', async () => {
    const tenant = (await buildTenant(database.db)).id;
    const staff = (await buildUser(database.db, { tenantId: tenant, roles: ['staff'] })).id;
    const at = (iso: string) => contextFor(database, staff, { now: new Date(iso) });
    await writeShiftLogEntry(await at('2026-11-20T12:00:00+01:00'), input({ shiftDate: '2026-11-20', occurredTime: '11:00', body: 'Dag.' }));
    await writeShiftLogEntry(await at('2026-11-21T03:00:00+01:00'), input({ shiftDate: '2026-11-20', shift: 'night', occurredTime: '02:00', body: 'Natt.' }));
    await writeShiftLogEntry(await at('2026-11-21T12:00:00+01:00'), input({ shiftDate: '2026-11-21', occurredTime: '11:00', body: 'Neste dag.' }));
    const day = await getShiftLogDay(await at('2026-11-26T12:00:00+01:00'), '2026-11-20');
    expect(day.shifts.map((s) => [s.shift, s.entries.map((e) => e.body)])).toEqual([
      ['day', ['Dag.']],
      ['night', ['Natt.']],
    ]);
  });

  it('refuses NAV', async () => {
    expect((await rejection(getShiftLogDay(await contextFor(database, navId, { now }), '2026-11-20'))).code).toBe('auth.forbidden');
  });
});

describe('listShiftLogResidents', () => {
  it('lists the residents in the house now with their room', async () => {
    const tenant = (await buildTenant(database.db)).id;
    const staff = (await buildUser(database.db, { tenantId: tenant, roles: ['staff'] })).id;
    const room = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId: tenant }), name: 'H2' });
    const inHouse = await buildPerson(database.db, { tenantId: tenant, givenName: 'Ola', familyName: 'Beboer' });
    const movedOut = await buildPerson(database.db, { tenantId: tenant });
    await buildStay(database.db, { tenantId: tenant, roomId: room.id, personId: inHouse.id, startOn: '2026-11-02' });
    await buildStay(database.db, { tenantId: tenant, roomId: room.id, personId: movedOut.id, startOn: '2026-10-01', endOn: '2026-10-20' });
    expect(await listShiftLogResidents(await contextFor(database, staff, { now }))).toEqual([{ id: inHouse.id, name: 'Ola Beboer', roomName: 'H2' }]);
  });

  it('refuses NAV', async () => {
    expect((await rejection(listShiftLogResidents(await contextFor(database, navId, { now })))).code).toBe('auth.forbidden');
  });
});
