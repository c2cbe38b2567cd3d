import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { contextFor, silentLog, testEnv } from '../../platform/http/test-context.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { inboxMessages } from '../../platform/notifications/notifications.tables.ts';
import { settings } from '../../platform/notifications/notifications.tables.ts';
import { systemContext } from '../../platform/jobs/jobs.system-context.ts';
import { runDailyClock } from '../../platform/jobs/jobs.daily.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from './stays.factory.ts';
import { stays } from './stays.tables.ts';
import { roomMoves, stayExtensions } from './moving-on.tables.ts';
import { extendStay, getPersonStayClock, getStayClockStatus, listStayExtensions } from './extension.service.ts';
import { writeClockWarnings } from './extension.warnings.service.ts';
import { getBoard } from './stays.board.service.ts';

let database: Database;
let tenantId: string;
let otherTenantId: string;
let leadId: string;
let staffId: string;
let house: { id: string; tenantId: string };

/** 10:00 in Oslo on a calendar day. */
const at = (day: string) => new Date(`${day}T10:00:00+01:00`);

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  otherTenantId = (await buildTenant(database.db)).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'], displayName: 'Lea Leder' })).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  house = await buildHouse(database.db, { tenantId });
});
afterAll(() => database.close());

let roomCounter = 0;
async function openStay(startOn: string, plannedEndOn: string) {
  const room = await buildRoom(database.db, { house, name: `R${++roomCounter}` });
  const person = await buildPerson(database.db, { tenantId });
  const stay = await buildStay(database.db, { tenantId, roomId: room.id, personId: person.id, startOn, plannedEndOn });
  return { stay, room, person };
}

const extensionsOf = (stayId: string) => database.db.select().from(stayExtensions).where(eq(stayExtensions.stayId, stayId));
const plannedEndOf = async (stayId: string) => (await database.db.select().from(stays).where(eq(stays.id, stayId)))[0]!.plannedEndOn;

describe('extendStay', () => {
  it('records the decision as a row, moves the planned end and audits it (field names only)', async () => {
    const { stay, person } = await openStay('2026-11-24', '2027-02-24');
    const ctx = await contextFor(database, leadId, { now: at('2027-02-20') });
    const ext = await extendStay(ctx, stay.id, { newPlannedEndOn: '2027-03-31', reason: 'Har fått tilsagn om kommunal bolig fra 1. april.' });
    expect(ext).toMatchObject({ stayId: stay.id, previousPlannedEndOn: '2027-02-24', newPlannedEndOn: '2027-03-31', decidedByName: 'Lea Leder' });
    expect(await plannedEndOf(stay.id)).toBe('2027-03-31');

    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'stay.extend'), eq(auditEvents.entityId, stay.id)));
    expect(audit).toMatchObject({ actorUserId: leadId, personId: person.id, kind: 'write' });
    expect(audit!.details).toEqual({ extensionId: ext.id, fields: ['plannedEndOn', 'reason'], beyondThreeMonths: true });
    expect(JSON.stringify(audit!.details)).not.toContain('kommunal bolig');

    // A second extension starts from the first one's end.
    const second = await extendStay(ctx, stay.id, { newPlannedEndOn: '2027-04-15', reason: 'Innflytting utsatt to uker.' });
    expect(second.previousPlannedEndOn).toBe('2027-03-31');
    expect((await listStayExtensions(ctx, stay.id)).map((e) => e.newPlannedEndOn)).toEqual(['2027-04-15', '2027-03-31']);
  });

  it('refuses a new end that is not later than the current one, and writes nothing', async () => {
    const { stay } = await openStay('2026-11-24', '2027-02-24');
    const ctx = await contextFor(database, leadId, { now: at('2027-02-20') });
    for (const newPlannedEndOn of ['2027-02-24', '2027-02-10']) {
      await expect(extendStay(ctx, stay.id, { newPlannedEndOn, reason: 'Trenger mer tid.' })).rejects.toMatchObject({
        code: 'extension.not_later',
        status: 422,
        fields: { newPlannedEndOn: expect.stringContaining('etter dagens planlagte slutt') },
      });
    }
    expect(await extensionsOf(stay.id)).toHaveLength(0);
    expect(await plannedEndOf(stay.id)).toBe('2027-02-24');
  });

  it('refuses a new end in the past, and an ended stay', async () => {
    const { stay } = await openStay('2026-10-01', '2026-12-01');
    const ctx = await contextFor(database, leadId, { now: at('2027-01-10') });
    await expect(extendStay(ctx, stay.id, { newPlannedEndOn: '2027-01-05', reason: 'For sent.' })).rejects.toMatchObject({ code: 'extension.in_past' });
    const ended = await openStay('2026-10-01', '2026-12-01');
    await database.db.update(stays).set({ endOn: '2026-12-01' }).where(eq(stays.id, ended.stay.id));
    await expect(extendStay(ctx, ended.stay.id, { newPlannedEndOn: '2027-02-01', reason: 'Allerede flyttet.' })).rejects.toMatchObject({ code: 'extension.stay_ended', status: 422 });
    expect([...(await extensionsOf(stay.id)), ...(await extensionsOf(ended.stay.id))]).toHaveLength(0);
  });

  it('is the service lead\'s decision: staff are refused with 403 and nothing is written', async () => {
    const { stay } = await openStay('2026-11-24', '2027-02-24');
    const ctx = await contextFor(database, staffId, { now: at('2027-02-20') });
    await expect(extendStay(ctx, stay.id, { newPlannedEndOn: '2027-03-31', reason: 'Trenger mer tid.' })).rejects.toMatchObject({ code: 'auth.forbidden', status: 403 });
    expect(await extensionsOf(stay.id)).toHaveLength(0);
  });

  it("answers another municipality's stay as not found", async () => {
    const otherLead = (await buildUser(database.db, { tenantId: otherTenantId, roles: ['service_lead'] })).id;
    const { stay } = await openStay('2026-11-24', '2027-02-24');
    const ctx = await contextFor(database, otherLead, { now: at('2027-02-20') });
    await expect(extendStay(ctx, stay.id, { newPlannedEndOn: '2027-03-31', reason: 'Trenger mer tid.' })).rejects.toMatchObject({ code: 'stay.not_found', status: 404 });
    await expect(getStayClockStatus(ctx, stay.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('the clock of a stay', () => {
  it('flags a stay past three months until an extension covers today, and logs the read', async () => {
    const { stay, person } = await openStay('2026-11-30', '2027-02-28');
    const staff = await contextFor(database, staffId, { now: at('2027-03-01') });
    const before = await getStayClockStatus(staff, stay.id);
    expect(before).toMatchObject({ overdueWithoutExtension: true, coveredUntil: null, clock: { status: 'over', latestEndOn: '2027-02-28' }, nextWarning: null });
    expect((await getPersonStayClock(staff, person.id)).stay?.stayId).toBe(stay.id);

    await extendStay(await contextFor(database, leadId, { now: at('2027-03-01') }), stay.id, { newPlannedEndOn: '2027-03-20', reason: 'Venter på nøkler.' });
    expect(await getStayClockStatus(staff, stay.id)).toMatchObject({ overdueWithoutExtension: false, coveredUntil: '2027-03-20', plannedEndOn: '2027-03-20' });
    expect(await getStayClockStatus(await contextFor(database, staffId, { now: at('2027-03-21') }), stay.id)).toMatchObject({ overdueWithoutExtension: true });

    const reads = await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, person.id), eq(auditEvents.kind, 'read'), eq(auditEvents.actorUserId, staffId)));
    expect(reads.length).toBeGreaterThanOrEqual(3);
  });

  it('shows the next warning week', async () => {
    const { stay } = await openStay('2026-11-24', '2027-02-24');
    const status = await getStayClockStatus(await contextFor(database, staffId, { now: at('2027-01-20') }), stay.id);
    expect(status).toMatchObject({ warningWeeks: [8, 10, 12], nextWarning: { week: 10, on: '2027-02-02' }, overdueWithoutExtension: false });
  });

  it('puts the flag on the board card', async () => {
    const { stay } = await openStay('2026-10-01', '2026-12-31');
    const board = await getBoard(await contextFor(database, staffId, { now: at('2027-01-05') }));
    const resident = board.rooms.find((r) => r.resident?.stayId === stay.id)!.resident!;
    expect(resident).toMatchObject({ overdueWithoutExtension: true, extendedUntil: null });
  });

  it('counts the clock and extensions from the first room after a room move', async () => {
    const first = await openStay('2026-10-01', '2027-01-01');
    await extendStay(await contextFor(database, leadId, { now: at('2026-12-20') }), first.stay.id, { newPlannedEndOn: '2027-01-31', reason: 'Venter på kontrakt.' });
    await database.db.update(stays).set({ endOn: '2026-12-28' }).where(eq(stays.id, first.stay.id));
    const room = await buildRoom(database.db, { house, name: `R${++roomCounter}` });
    const second = await buildStay(database.db, { tenantId, roomId: room.id, personId: first.person.id, startOn: '2026-12-28', plannedEndOn: '2027-01-31' });
    await database.db.insert(roomMoves).values({
      tenantId, fromStayId: first.stay.id, toStayId: second.id, fromRoomId: first.room.id, toRoomId: room.id, movedOn: '2026-12-28', reason: 'Vannskade.', movedAt: at('2026-12-28'),
    });
    const status = await getStayClockStatus(await contextFor(database, staffId, { now: at('2027-01-10') }), second.id);
    expect(status).toMatchObject({ startOn: '2026-10-01', overdueWithoutExtension: false, coveredUntil: '2027-01-31' });
    expect(status.extensions).toHaveLength(1);
  });
});

describe('the daily clock warnings', () => {
  it('writes the week-8 message once for all staff, with room and week but no name, and nothing on a second run', async () => {
    const clockTenant = (await buildTenant(database.db)).id;
    const clockHouse = await buildHouse(database.db, { tenantId: clockTenant });
    const room = await buildRoom(database.db, { house: clockHouse, name: 'H5' });
    const person = await buildPerson(database.db, { tenantId: clockTenant, givenName: 'Ola', familyName: 'Varselsen' });
    const stay = await buildStay(database.db, { tenantId: clockTenant, roomId: room.id, personId: person.id, startOn: '2026-11-24', plannedEndOn: '2027-02-24' });

    const dayBefore = await systemContext(database, testEnv, silentLog, clockTenant, at('2027-01-18'));
    expect(await writeClockWarnings(dayBefore)).toEqual({ warnings: 0, overdue: 0 });

    const day = await systemContext(database, testEnv, silentLog, clockTenant, at('2027-01-19'));
    expect(await writeClockWarnings(day)).toEqual({ warnings: 1, overdue: 0 });
    expect(await writeClockWarnings(day)).toEqual({ warnings: 0, overdue: 0 });
    await runDailyClock({ database, env: testEnv, log: silentLog }, at('2027-01-20'));

    const messages = await database.db.select().from(inboxMessages).where(eq(inboxMessages.tenantId, clockTenant));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      userId: null,
      kind: 'clock.warning',
      messageKey: 'clock.warning',
      params: { room: 'H5', week: 8, date: '24.02.2027' },
      link: `/personer/${person.id}`,
      dedupeKey: `stay:${stay.id}:week:8`,
    });
    expect(JSON.stringify(messages[0])).not.toMatch(/Ola|Varselsen/);
    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, clockTenant), eq(auditEvents.action, 'inbox.deliver')));
    expect(audit!.actorUserId).toBe(day.user!.id);

    // Week 10, then past the limit: the over-limit message, once.
    expect(await writeClockWarnings(await systemContext(database, testEnv, silentLog, clockTenant, at('2027-02-02')))).toEqual({ warnings: 1, overdue: 0 });
    // The job was off from 03.02 to 24.02 (week 12 missed): on 25.02, past the limit, only the over-limit message.
    expect(await writeClockWarnings(await systemContext(database, testEnv, silentLog, clockTenant, at('2027-02-25')))).toEqual({ warnings: 0, overdue: 1 });
    expect(await writeClockWarnings(await systemContext(database, testEnv, silentLog, clockTenant, at('2027-02-26')))).toEqual({ warnings: 0, overdue: 0 });
    const keys = (await database.db.select().from(inboxMessages).where(eq(inboxMessages.tenantId, clockTenant))).map((m) => m.dedupeKey).sort();
    expect(keys).toEqual([`stay:${stay.id}:overdue:2027-02-24`, `stay:${stay.id}:week:10`, `stay:${stay.id}:week:8`].sort());
  });

  it("follows the service's dated setting for the warning weeks", async () => {
    const t = (await buildTenant(database.db)).id;
    const h = await buildHouse(database.db, { tenantId: t });
    const room = await buildRoom(database.db, { house: h, name: 'H2' });
    const person = await buildPerson(database.db, { tenantId: t });
    await buildStay(database.db, { tenantId: t, roomId: room.id, personId: person.id, startOn: '2026-11-24', plannedEndOn: '2027-02-24' });
    await database.db.insert(settings).values({ tenantId: t, key: 'clock.warning_weeks', value: [6], validFromOn: '2027-01-01', changedAt: at('2026-12-20'), reason: 'Tidligere varsel.' });
    // 05.01.2027 is week 6: the setting applies from 01.01.
    expect(await writeClockWarnings(await systemContext(database, testEnv, silentLog, t, at('2027-01-05')))).toEqual({ warnings: 1, overdue: 0 });
    const [message] = await database.db.select().from(inboxMessages).where(eq(inboxMessages.tenantId, t));
    expect(message!.params).toMatchObject({ week: 6 });
  });
});
