import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { insertSetting } from '../../platform/notifications/notifications.queries.ts';
import { getPerson, getPersonAccessLog } from '../people/people.service.ts';
import { getPersonTimeline } from '../people/timeline.service.ts';
import { listJournal } from '../journal/journal.service.ts';
import { getHousingSearch } from '../housing-search/housing-search.residents.service.ts';
import { listBelongings } from '../stays/belongings.service.ts';
import { getPersonAftercare } from '../aftercare/aftercare.service.ts';
import { systemContext } from '../../platform/jobs/jobs.system-context.ts';
import { silentLog, testEnv } from '../../platform/http/test-context.ts';
import { breakTheGlass, listBreakGlass, reviewBreakGlass } from './privacy.access.service.ts';
import { buildFormerResident } from './privacy.factory.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let otherStaffId: string;
let leadId: string;
let personId: string;

// Moved out 10.03.2026; closed from 10.09.2026 (six months, the default).
const beforeClosing = new Date('2026-09-09T12:00:00+02:00');
const afterClosing = new Date('2026-11-26T10:00:00+01:00');
const nextDay = new Date('2026-11-27T08:00:00+01:00');

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  otherStaffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  ({ person: { id: personId } } = await buildFormerResident(database.db, { tenantId, staffId, startOn: '2026-01-05', movedOutOn: '2026-03-10' }));
});
afterAll(() => database.close());

const reads = async () =>
  (await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, personId), eq(auditEvents.kind, 'read')))).length;

describe('access by need: a former resident’s record closes six months after moving out', () => {
  it('is open to staff the day before it closes', async () => {
    const ctx = await contextFor(database, staffId, { now: beforeClosing });
    expect((await getPerson(ctx, personId, 'follow_up')).givenName).toBe('Kari');
  });

  it('is refused with the Norwegian message in every service that reads the record, and no read is logged', async () => {
    const ctx = await contextFor(database, staffId, { now: afterClosing });
    const before = await reads();
    for (const read of [
      () => getPerson(ctx, personId, 'follow_up'),
      () => listJournal(ctx, personId),
      () => getPersonTimeline(ctx, personId),
      () => getHousingSearch(ctx, personId),
      () => listBelongings(ctx, personId),
      () => getPersonAftercare(ctx, personId),
      // The access log on the person page is part of the record too (who read it, when and why).
      () => getPersonAccessLog(ctx, personId),
    ]) {
      await expect(read()).rejects.toMatchObject({ code: 'privacy.record_closed', definition: { kind: 'forbidden', nb: expect.stringContaining('Journalen er lukket') } });
    }
    expect(await reads()).toBe(before);
  });

  it('opens by breaking the glass with a reason, for that user, for the rest of the day only', async () => {
    const ctx = await contextFor(database, staffId, { now: afterClosing });
    const grant = await breakTheGlass(ctx, personId, { reason: 'Personen ringte og ba om hjelp med ny henvisning.' });
    expect(grant.expiresAt).toBe('2026-11-26T23:00:00.000Z');
    expect((await getPerson(ctx, personId, 'follow_up')).givenName).toBe('Kari');
    expect((await listJournal(ctx, personId)).length).toBeGreaterThan(0);
    expect((await getPersonAccessLog(ctx, personId)).map((e) => e.action)).toContain('privacy.break_glass');

    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.personId, personId), eq(auditEvents.action, 'privacy.break_glass')));
    expect(event).toMatchObject({ actorUserId: staffId, purpose: 'break_glass', details: { fields: ['reason'] } });
    expect(JSON.stringify(event!.details)).not.toContain('ringte');

    await expect(getPerson(await contextFor(database, otherStaffId, { now: afterClosing }), personId, 'follow_up')).rejects.toMatchObject({ code: 'privacy.record_closed' });
    await expect(getPerson(await contextFor(database, staffId, { now: nextDay }), personId, 'follow_up')).rejects.toMatchObject({ code: 'privacy.record_closed' });
  });

  it('refuses breaking the glass of a record that is open, and changes nothing', async () => {
    const ctx = await contextFor(database, staffId, { now: beforeClosing });
    await expect(breakTheGlass(ctx, personId, { reason: 'Trenger det' })).rejects.toMatchObject({ code: 'privacy.record_not_closed' });
    const lead = await contextFor(database, leadId, { now: afterClosing });
    expect(await listBreakGlass(lead, {})).toHaveLength(1);
  });

  it('lists the opening for the lead, who marks it reviewed once; staff may not see the list', async () => {
    const lead = await contextFor(database, leadId, { now: afterClosing });
    const [grant] = await listBreakGlass(lead, { unreviewed: true });
    expect(grant).toMatchObject({ personName: 'Kari Tidligere', reason: 'Personen ringte og ba om hjelp med ny henvisning.', reviewedAt: null });
    await reviewBreakGlass(lead, grant!.id, { note: 'I orden.' });
    expect(await listBreakGlass(lead, { unreviewed: true })).toEqual([]);
    expect((await listBreakGlass(lead, {}))[0]).toMatchObject({ reviewNote: 'I orden.', reviewedByName: expect.any(String) });
    await expect(reviewBreakGlass(lead, grant!.id, {})).rejects.toMatchObject({ code: 'privacy.grant_already_reviewed' });
    await expect(listBreakGlass(await contextFor(database, staffId), {})).rejects.toMatchObject({ code: 'auth.forbidden' });
  });

  it('follows the dated setting: closing after twelve months keeps it open in November', async () => {
    await insertSetting(database.db, { tenantId, key: 'privacy.close_after_months', value: 12, validFromOn: '2026-10-01', changedBy: leadId, changedAt: afterClosing, reason: 'Test' });
    const ctx = await contextFor(database, otherStaffId, { now: afterClosing });
    expect((await getPerson(ctx, personId, 'follow_up')).givenName).toBe('Kari');
    await expect(getPerson(await contextFor(database, otherStaffId, { now: new Date('2027-03-10T10:00:00+01:00') }), personId, 'follow_up')).rejects.toMatchObject({
      code: 'privacy.record_closed',
    });
  });

  it('does not hold back the scheduled jobs (the system user)', async () => {
    const ctx = await systemContext(database, testEnv, silentLog, tenantId, new Date('2027-06-01T10:00:00+02:00'));
    expect((await getPersonAftercare(ctx, personId)).personId).toBe(personId);
  });
});
