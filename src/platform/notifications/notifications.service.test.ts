import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/client.ts';
import { buildTenant, buildUser } from '../auth/auth.factory.ts';
import { contextFor } from '../http/test-context.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { inboxMessages, settings } from './notifications.tables.ts';
import { deliverToInbox, getInbox, getUnreadCount, markAllRead, markRead } from './notifications.service.ts';
import { getClockSettings, updateClockSettings, warningWeeksOn } from './settings.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let otherStaffId: string;
let leadId: string;
let navId: string;
const now = new Date('2027-01-19T08:00:00+01:00');

async function deliver(tenant: string, dedupeKey: string, at: Date, userId: string | null = null) {
  const ctx = await contextFor(database, leadId, { now: at });
  return deliverToInbox(ctx, tenant, { kind: 'clock.warning', messageKey: 'clock.warning', params: { room: 'H1', week: 8, date: '24.02.2027' }, link: '/', dedupeKey, userId });
}

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  otherStaffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
});
afterAll(() => database.close());

describe('the inbox', () => {
  it('delivers a message once per natural key', async () => {
    expect(await deliver(tenantId, 'test:a', new Date('2027-01-18T07:00:00Z'))).toBeTruthy();
    expect(await deliver(tenantId, 'test:a', new Date('2027-01-18T08:00:00Z'))).toBeNull();
    expect(await database.db.select().from(inboxMessages).where(and(eq(inboxMessages.tenantId, tenantId), eq(inboxMessages.dedupeKey, 'test:a')))).toHaveLength(1);
  });

  it('shows messages for all staff and for me, newest first, with my own read flag', async () => {
    await deliver(tenantId, 'test:b', new Date('2027-01-19T07:00:00Z'));
    await deliver(tenantId, 'test:mine', new Date('2027-01-19T07:30:00Z'), staffId);
    await deliver(tenantId, 'test:others', new Date('2027-01-19T07:45:00Z'), otherStaffId);
    const otherTenant = (await buildTenant(database.db)).id;
    await deliver(otherTenant, 'test:elsewhere', new Date('2027-01-19T07:50:00Z'));

    const staff = await contextFor(database, staffId, { now });
    const inbox = await getInbox(staff);
    expect(inbox.messages.map((m) => [m.params.week, m.forUserId === null ? 'all' : 'me', m.read])).toHaveLength(3);
    expect(inbox.messages.map((m) => m.createdAt)).toEqual(['2027-01-19T07:30:00.000Z', '2027-01-19T07:00:00.000Z', '2027-01-18T07:00:00.000Z']);
    expect(inbox.unreadCount).toBe(3);

    const first = inbox.messages[1]!;
    expect(await markRead(staff, first.id)).toEqual({ unreadCount: 2 });
    expect(await markRead(staff, first.id)).toEqual({ unreadCount: 2 });
    expect((await getInbox(staff)).messages[1]).toMatchObject({ id: first.id, read: true, readAt: now.toISOString() });
    // Another member of staff still has it unread.
    expect(await getUnreadCount(await contextFor(database, otherStaffId, { now }))).toEqual({ unreadCount: 3 });

    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'inbox.read'), eq(auditEvents.entityId, first.id)));
    expect(audit).toHaveLength(1);

    expect(await markAllRead(staff)).toEqual({ unreadCount: 0 });
    expect(await getUnreadCount(staff)).toEqual({ unreadCount: 0 });
  });

  it("answers another user's or municipality's message as not found", async () => {
    const staff = await contextFor(database, staffId, { now });
    const [others] = await database.db.select().from(inboxMessages).where(eq(inboxMessages.dedupeKey, 'test:others'));
    const [elsewhere] = await database.db.select().from(inboxMessages).where(eq(inboxMessages.dedupeKey, 'test:elsewhere'));
    await expect(markRead(staff, others!.id)).rejects.toMatchObject({ code: 'inbox.message_not_found', status: 404 });
    await expect(markRead(staff, elsewhere!.id)).rejects.toMatchObject({ status: 404 });
  });

  it('is for roles with inbox:read only', async () => {
    const nav = await contextFor(database, navId, { now });
    await expect(getInbox(nav)).rejects.toMatchObject({ code: 'auth.forbidden', status: 403 });
    await expect(getUnreadCount(nav)).rejects.toMatchObject({ status: 403 });
  });
});

describe('the clock settings', () => {
  it('defaults to weeks 8, 10 and 12', async () => {
    const settingsTenant = (await buildTenant(database.db)).id;
    expect(await warningWeeksOn(database.db, settingsTenant, '2027-01-19')).toEqual([8, 10, 12]);
    expect(await getClockSettings(await contextFor(database, leadId, { now }))).toMatchObject({ warningWeeks: [8, 10, 12], isDefault: true, history: [] });
  });

  it('writes a new dated row with the reason, applying from its date, and audits it', async () => {
    const lead = await contextFor(database, leadId, { now });
    const result = await updateClockSettings(lead, { warningWeeks: [10, 6, 12], validFrom: '2027-02-01', reason: 'Tidligere første varsel.' });
    expect(result).toMatchObject({ warningWeeks: [8, 10, 12], isDefault: true });
    expect(result.history).toEqual([{ warningWeeks: [6, 10, 12], validFrom: '2027-02-01', changedAt: now.toISOString(), changedByName: expect.any(String), reason: 'Tidligere første varsel.' }]);
    expect(await warningWeeksOn(database.db, tenantId, '2027-01-31')).toEqual([8, 10, 12]);
    expect(await warningWeeksOn(database.db, tenantId, '2027-02-01')).toEqual([6, 10, 12]);
    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'settings.change'), eq(auditEvents.actorUserId, leadId)));
    expect(audit!.details).toEqual({ key: 'clock.warning_weeks', validFrom: '2027-02-01', fields: ['value', 'reason'] });

    const today = await updateClockSettings(lead, { warningWeeks: [9], reason: 'Prøver én uke.' });
    expect(today).toMatchObject({ warningWeeks: [9], isDefault: false, validFrom: '2027-01-19' });
  });

  it('refuses a second change from the same day (409) and a day in the past (422), writing nothing', async () => {
    const lead = await contextFor(database, leadId, { now });
    const count = async () => (await database.db.select().from(settings).where(eq(settings.tenantId, tenantId))).length;
    const before = await count();
    await expect(updateClockSettings(lead, { warningWeeks: [7], validFrom: '2027-02-01', reason: 'Igjen.' })).rejects.toMatchObject({ code: 'settings.already_changed_that_day', status: 409 });
    await expect(updateClockSettings(lead, { warningWeeks: [7], validFrom: '2027-01-18', reason: 'Bakover.' })).rejects.toMatchObject({ code: 'settings.valid_from_in_past', status: 422 });
    expect(await count()).toBe(before);
  });

  it('is for the service lead (settings:write): staff are refused', async () => {
    const staff = await contextFor(database, staffId, { now });
    await expect(getClockSettings(staff)).rejects.toMatchObject({ status: 403 });
    await expect(updateClockSettings(staff, { warningWeeks: [7], reason: 'Nei.' })).rejects.toMatchObject({ status: 403 });
  });
});
