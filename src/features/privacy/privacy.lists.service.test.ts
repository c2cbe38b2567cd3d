import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { keyIssues } from '../stays/stays.tables.ts';
import { storedBelongings } from '../stays/moving-on.tables.ts';
import { paymentCharges } from '../payments/payments.tables.ts';
import { meetingAttendance } from '../aftercare/aftercare.tables.ts';
import { shiftLogEntries, shiftLogEntryPeople } from '../shift-log/shift-log.tables.ts';
import { incidentPeople, incidents } from '../incidents/incidents.tables.ts';
import { buildKey } from '../stays/stays.factory.ts';
import { buildFollowUp } from '../reports/reports.factory.ts';
import { buildMeetingSession } from '../aftercare/aftercare.factory.ts';
import { buildApplication, buildLandlord } from '../housing-search/housing-search.factory.ts';
import { buildTask } from '../journal/journal.factory.ts';
import { listKeysNotReturned } from '../stays/move-out.service.ts';
import { listBelongingsPastKeepUntil } from '../stays/belongings.service.ts';
import { listKeyRegister } from '../stays/keys.service.ts';
import { getPaymentsOverview } from '../payments/payments.service.ts';
import { exportMonthCsv } from '../payments/payments.export.service.ts';
import { listDueFollowUps } from '../aftercare/aftercare.service.ts';
import { getMeetingSession } from '../aftercare/aftercare.meeting.service.ts';
import { getLandlordHistory } from '../housing-search/housing-search.listings.service.ts';
import { listMyTasks, listOverdueTasks } from '../journal/tasks.service.ts';
import { getShiftLogDay } from '../shift-log/shift-log.service.ts';
import { getIncident } from '../incidents/incidents.service.ts';
import { searchPeople } from '../people/people.service.ts';
import { breakTheGlass } from './privacy.access.service.ts';
import { closedRecordsAmong, recordState } from './privacy.access.ts';
import { buildReferral } from '../allocation/allocation.factory.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildFormerResident } from './privacy.factory.ts';

// Access by need in lists (issue 8): a list that shows several people must not fail as a whole
// because one of them is a former resident whose record has closed. The closed person is a closed
// row (the name, recordClosed, no details) and gets no read in their access log; everyone else in
// the list is shown and logged as before. Kari moved out 10.03.2026 (closed from 10.09.2026, with
// an overdue follow-up from April keeping it open until 10.10.2026); Ola moved out 20.10.2026 (open).

const now = new Date('2026-11-26T10:00:00+01:00');

let database: Database;
let tenantId: string;
let staffId: string;
let closedId: string;
let openId: string;
let sessionId: string;
let landlordId: string;
let incidentId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  tenantId = (await buildTenant(db)).id;
  staffId = (await buildUser(db, { tenantId, roles: ['staff'] })).id;
  const kari = await buildFormerResident(db, { tenantId, staffId, startOn: '2026-01-05', movedOutOn: '2026-03-10', givenName: 'Kari', familyName: 'Tidligere' });
  const ola = await buildFormerResident(db, { tenantId, staffId, startOn: '2026-08-01', movedOutOn: '2026-10-20', givenName: 'Ola', familyName: 'Nylig' });
  closedId = kari.person.id;
  openId = ola.person.id;

  for (const { person, stay, room } of [kari, ola]) {
    // A room key never handed back, belongings past their keep-until day, a month's charge.
    const key = await buildKey(db, { tenantId, roomId: room.id });
    await db.insert(keyIssues).values({ tenantId, keyId: key.id, stayId: stay.id, personId: person.id, issuedAt: new Date(`${stay.startOn}T12:00:00+01:00`) });
    await db.insert(storedBelongings).values({
      tenantId,
      personId: person.id,
      stayId: stay.id,
      description: `Flyttesekker (${person.givenName})`,
      location: 'Kjellerboden',
      storedOn: person.id === closedId ? '2026-03-10' : '2026-10-20',
      keepUntilOn: person.id === closedId ? '2026-06-10' : '2026-11-20',
    });
    await db.insert(paymentCharges).values({
      tenantId,
      personId: person.id,
      month: person.id === closedId ? '2026-03' : '2026-10',
      kind: 'charge',
      amountOre: 300_000,
      nights: 10,
      calculation: {},
      createdAt: now,
    });
  }
  await buildFollowUp(db, { tenantId, personId: closedId, stayId: kari.stay.id, monthsAfter: 1, dueOn: '2026-04-10' });
  await buildFollowUp(db, { tenantId, personId: openId, stayId: ola.stay.id, monthsAfter: 1, dueOn: '2026-11-20' });

  sessionId = (await buildMeetingSession(db, { tenantId, heldOn: '2026-03-20' })).id;
  await db.insert(meetingAttendance).values([closedId, openId].map((personId) => ({ tenantId, sessionId, personId })));

  landlordId = (await buildLandlord(db, { tenantId })).id;
  for (const personId of [closedId, openId]) {
    await buildApplication(db, { tenantId, personId, landlordId, address: `Adresse for ${personId === closedId ? 'Kari' : 'Ola'}` });
    await buildTask(db, { tenantId, personId, assigneeId: staffId, title: `Ring om depositum (${personId === closedId ? 'Kari' : 'Ola'})`, dueOn: '2026-11-01' });
  }

  const [entry] = await db
    .insert(shiftLogEntries)
    .values({ tenantId, shiftDate: '2026-03-09', shift: 'day', occurredAt: new Date('2026-03-09T10:00:00+01:00'), body: 'Kari og Ola hjalp til med vasken.', createdAt: now, createdBy: staffId })
    .returning();
  await db.insert(shiftLogEntryPeople).values([closedId, openId].map((personId) => ({ tenantId, entryId: entry!.id, personId })));

  const [incident] = await db
    .insert(incidents)
    .values({ tenantId, occurredAt: new Date('2026-03-01T20:00:00+01:00'), location: 'common_area', type: 'house_rule_breach', severity: 'low', description: 'Høylytt krangel.', createdAt: now, updatedAt: now })
    .returning();
  incidentId = incident!.id;
  await db.insert(incidentPeople).values([closedId, openId].map((personId) => ({ tenantId, incidentId, kind: 'resident' as const, personId })));
});
afterAll(() => database.close());

/** The reads logged for a person (kind 'read') during `run`. */
async function readsDuring(personId: string, run: () => Promise<unknown>) {
  const count = async () => (await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, personId), eq(auditEvents.kind, 'read')))).length;
  const before = await count();
  await run();
  return (await count()) - before;
}

describe('lists with a former resident whose record is closed', () => {
  it('the board’s keys not returned: the key and the name, no move-out date, no read of the closed record', async () => {
    const ctx = await contextFor(database, staffId, { now });
    let rows: Awaited<ReturnType<typeof listKeysNotReturned>> = [];
    expect(await readsDuring(closedId, async () => (rows = await listKeysNotReturned(ctx)))).toBe(0);
    expect(rows.find((r) => r.personId === closedId)).toMatchObject({ personName: 'Kari Tidligere', recordClosed: true, endedOn: null, keyNumber: expect.any(String) });
    expect(rows.find((r) => r.personId === openId)).toMatchObject({ personName: 'Ola Nylig', recordClosed: false, endedOn: '2026-10-20' });
    expect(await readsDuring(openId, () => listKeysNotReturned(ctx))).toBe(1);
  });

  it('the board’s belongings past keep-until: the name only for the closed record', async () => {
    const ctx = await contextFor(database, staffId, { now });
    let items: Awaited<ReturnType<typeof listBelongingsPastKeepUntil>>['items'] = [];
    expect(await readsDuring(closedId, async () => ({ items } = await listBelongingsPastKeepUntil(ctx)))).toBe(0);
    expect(items.find((i) => i.personId === closedId)).toMatchObject({ personName: 'Kari Tidligere', recordClosed: true, description: null, location: null, keepUntilOn: null });
    expect(items.find((i) => i.personId === openId)).toMatchObject({ recordClosed: false, description: 'Flyttesekker (Ola)', location: 'Kjellerboden' });
  });

  it('the key register: the holder’s name, no dates of the issue', async () => {
    const ctx = await contextFor(database, staffId, { now });
    const rows = await listKeyRegister(ctx);
    expect(rows.find((r) => r.issuedToPersonId === closedId)).toMatchObject({ issuedToName: 'Kari Tidligere', issuedToRecordClosed: true, issuedAt: null, status: 'not_returned' });
    expect(rows.find((r) => r.issuedToPersonId === openId)).toMatchObject({ issuedToRecordClosed: false, issuedAt: expect.any(String) });
  });

  it('the payments overview: the closed record’s amounts are left out of the row and kept in the totals', async () => {
    const ctx = await contextFor(database, staffId, { now });
    let overview!: Awaited<ReturnType<typeof getPaymentsOverview>>;
    expect(await readsDuring(closedId, async () => (overview = await getPaymentsOverview(ctx)))).toBe(0);
    expect(overview.residents.find((r) => r.personId === closedId)).toMatchObject({ personName: 'Kari Tidligere', recordClosed: true, chargedOre: null, balanceOre: null });
    expect(overview.residents.find((r) => r.personId === openId)).toMatchObject({ recordClosed: false, chargedOre: 300_000, balanceOre: 300_000 });
    expect(overview.totalChargedOre).toBe(600_000);
  });

  it('the accounting export keeps every line, without the closed record’s name', async () => {
    const ctx = await contextFor(database, staffId, { now });
    const { body } = await exportMonthCsv(ctx, '2026-03');
    expect(body).toContain(closedId);
    expect(body).toContain('3000,00');
    expect(body).not.toContain('Kari');
  });

  it('the follow-ups due: the closed record by name only', async () => {
    const ctx = await contextFor(database, staffId, { now });
    const rows = await listDueFollowUps(ctx);
    expect(rows.find((r) => r.personId === closedId)).toMatchObject({ personName: 'Kari Tidligere', recordClosed: true, dueOn: null, movedOutOn: null, destination: null });
    expect(rows.find((r) => r.personId === openId)).toMatchObject({ recordClosed: false, dueOn: '2026-11-20', movedOutOn: '2026-10-20' });
  });

  it('the register of an old meeting-place session names both, marks the closed one, and reads only the open one', async () => {
    const ctx = await contextFor(database, staffId, { now });
    let session!: Awaited<ReturnType<typeof getMeetingSession>>;
    expect(await readsDuring(closedId, async () => (session = await getMeetingSession(ctx, sessionId)))).toBe(0);
    expect(session.attendees).toEqual(
      expect.arrayContaining([
        { personId: closedId, name: 'Kari Tidligere', recordClosed: true },
        { personId: openId, name: 'Ola Nylig', recordClosed: false },
      ]),
    );
  });

  it('a landlord’s history: the closed record’s application by name only, still in the counts', async () => {
    const ctx = await contextFor(database, staffId, { now });
    const history = await getLandlordHistory(ctx, landlordId);
    expect(history.applications.find((a) => a.personId === closedId)).toMatchObject({ personName: 'Kari Tidligere', recordClosed: true, address: null, status: null, sentOn: null });
    expect(history.applications.find((a) => a.personId === openId)).toMatchObject({ recordClosed: false, address: 'Adresse for Ola' });
    expect(Object.values(history.countsByStatus).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('task lists: a task about the closed record keeps the name and due date, not what it says', async () => {
    const ctx = await contextFor(database, staffId, { now });
    for (const list of [listMyTasks, listOverdueTasks]) {
      let tasks: Awaited<ReturnType<typeof listMyTasks>> = [];
      expect(await readsDuring(closedId, async () => (tasks = await list(ctx)))).toBe(0);
      expect(tasks.find((t) => t.personId === closedId)).toMatchObject({ personName: 'Kari Tidligere', personRecordClosed: true, title: '', dueOn: '2026-11-01' });
      expect(tasks.find((t) => t.personId === openId)).toMatchObject({ personRecordClosed: false, title: 'Ring om depositum (Ola)' });
    }
  });

  it('an old day of the shift log: the entry stays, the closed person is named and marked, not read', async () => {
    const ctx = await contextFor(database, staffId, { now });
    let day!: Awaited<ReturnType<typeof getShiftLogDay>>;
    expect(await readsDuring(closedId, async () => (day = await getShiftLogDay(ctx, '2026-03-09')))).toBe(0);
    const entry = day.shifts.flatMap((s) => s.entries)[0]!;
    expect(entry.body).toBe('Kari og Ola hjalp til med vasken.');
    expect(entry.people).toEqual(
      expect.arrayContaining([
        { id: closedId, name: 'Kari Tidligere', recordClosed: true },
        { id: openId, name: 'Ola Nylig', recordClosed: false },
      ]),
    );
  });

  it('an incident both were in: the closed person is named and marked, not read', async () => {
    const ctx = await contextFor(database, staffId, { now });
    let incident!: Awaited<ReturnType<typeof getIncident>>;
    expect(await readsDuring(closedId, async () => (incident = await getIncident(ctx, incidentId)))).toBe(0);
    expect(incident.involved.find((p) => p.personId === closedId)).toMatchObject({ name: 'Kari Tidligere', recordClosed: true });
    expect(incident.involved.find((p) => p.personId === openId)).toMatchObject({ name: 'Ola Nylig', recordClosed: false });
  });

  it('the person search says which hits need break-the-glass', async () => {
    const ctx = await contextFor(database, staffId, { now });
    const hits = await searchPeople(ctx, 'Tidligere');
    expect(hits).toEqual([expect.objectContaining({ id: closedId, recordClosed: true })]);
    expect((await searchPeople(ctx, 'Nylig'))[0]).toMatchObject({ recordClosed: false });
  });

  it('after breaking the glass the same lists show the person in full, and log the reads', async () => {
    const other = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
    const ctx = await contextFor(database, other, { now });
    await breakTheGlass(ctx, closedId, { reason: 'Kari ringte om nøkkelen.' });
    let rows: Awaited<ReturnType<typeof listKeysNotReturned>> = [];
    expect(await readsDuring(closedId, async () => (rows = await listKeysNotReturned(ctx)))).toBe(1);
    expect(rows.find((r) => r.personId === closedId)).toMatchObject({ recordClosed: false, endedOn: '2026-03-10' });
    // Only for the one who broke the glass.
    const staff = await contextFor(database, staffId, { now });
    expect((await listKeysNotReturned(staff)).find((r) => r.personId === closedId)).toMatchObject({ recordClosed: true });
  });

  it('the list check gives the same answer as the check of one record, person by person', async () => {
    // Someone referred again after an old stay (open), an applicant who never stayed (open), and the two above.
    const again = await buildFormerResident(database.db, { tenantId, staffId, startOn: '2025-09-01', movedOutOn: '2025-11-01', givenName: 'Rita', familyName: 'Igjen' });
    await buildReferral(database.db, { tenantId, personId: again.person.id, status: 'received', receivedAt: new Date('2026-11-02T09:00:00+01:00') });
    const applicant = await buildPerson(database.db, { tenantId });
    const ids = [closedId, openId, again.person.id, applicant.id];
    for (const userId of [staffId, (await buildUser(database.db, { tenantId, roles: ['staff'] })).id]) {
      for (const at of [now, new Date('2026-09-09T12:00:00+02:00'), new Date('2027-06-01T12:00:00+02:00')]) {
        const ctx = await contextFor(database, userId, { now: at });
        const closed = await closedRecordsAmong(ctx, ids);
        for (const id of ids) expect(closed.has(id), `${id} on ${at.toISOString()}`).toBe((await recordState(ctx, id)) === 'closed');
      }
    }
    expect(await closedRecordsAmong(await contextFor(database, staffId, { now }), ids)).toEqual(new Set([closedId]));
  });

  it('no read of the closed record was logged by any of the lists', async () => {
    const reads = await database.db
      .select({ action: auditEvents.action, actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.personId, closedId), eq(auditEvents.kind, 'read'), inArray(auditEvents.actorUserId, [staffId])));
    expect(reads).toEqual([]);
  });
});
