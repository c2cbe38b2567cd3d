import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor, silentLog, testEnv } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { systemContext } from '../../platform/jobs/jobs.system-context.ts';
import { runDailyRetention } from '../../platform/jobs/jobs.daily.ts';
import { people } from '../people/people.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { moveOuts } from '../stays/moving-on.tables.ts';
import { journalEntries } from '../journal/journal.tables.ts';
import { buildReferral } from '../allocation/allocation.factory.ts';
import { buildPerson } from '../people/people.factory.ts';
import { paymentArrangements, paymentCharges, residentPayments } from '../payments/payments.tables.ts';
import { erasePerson, listRetentionRuns, retentionDryRun, runRetention } from './retention.service.ts';
import { buildFormerResident } from './privacy.factory.ts';
import { anonymisedPeople } from './privacy.tables.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let oldId: string; // moved out 10.03.2015: retention ends 10.03.2025
let recentId: string; // moved out 10.03.2020: retention ends 10.03.2030

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  oldId = (await buildFormerResident(database.db, { tenantId, staffId, startOn: '2015-01-05', movedOutOn: '2015-03-10', givenName: 'Ola', familyName: 'Gammel' })).person.id;
  // Self-payment while Ola stayed: an arrangement with a reason, a month's charge, a payment with a reference.
  const at = new Date('2015-02-01T12:00:00+01:00');
  await database.db.insert(paymentArrangements).values({
    tenantId, personId: oldId, kind: 'reduced', validFromOn: '2015-01-05', decidedOn: '2015-01-05', amountOre: 250_000, per: 'month',
    reason: 'Gjeld etter samlivsbrudd', assessedBy: 'Nina NAV-veileder', createdAt: at,
  });
  await database.db.insert(paymentCharges).values({ tenantId, personId: oldId, month: '2015-01', kind: 'charge', amountOre: 250_000, nights: 27, calculation: { nights: 27 }, createdAt: at });
  await database.db.insert(residentPayments).values({ tenantId, personId: oldId, paidOn: '2015-02-01', amountOre: 250_000, method: 'bank_transfer', reference: 'Ola Gammel januar', createdAt: at });
  recentId = (await buildFormerResident(database.db, { tenantId, staffId, startOn: '2020-01-05', movedOutOn: '2020-03-10', givenName: 'Nina', familyName: 'Nyere' })).person.id;
});
afterAll(() => database.close());

const personRow = async (id: string) => (await database.db.select().from(people).where(eq(people.id, id)))[0]!;

describe('retention: anonymise ten years after the last stay', () => {
  it('reports in a dry run who has passed the retention period, with counts, and changes nothing', async () => {
    const lead = await contextFor(database, leadId, { now: new Date('2025-03-10T10:00:00+01:00') });
    const report = await retentionDryRun(lead);
    expect(report.settings).toEqual({ withStay: 10, withoutStay: 10 });
    expect(report.due).toEqual([{ personId: oldId, expiredOn: '2025-03-10', anonymiseOn: '2025-03-24', everStayed: true }]);
    expect(report.counts).toMatchObject({ people: 1, journal_entries: 2, referrals: 1, move_outs: 1 });
    expect((await personRow(oldId)).givenName).toBe('Ola');
    expect((await listRetentionRuns(lead))[0]).toMatchObject({ kind: 'dry_run', summary: { people: 1 } });
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'retention.dry_run'));
    expect(audit).toMatchObject({ actorUserId: leadId });
  });

  it('the day before it is ten years and the notice has passed, the job anonymises nobody', async () => {
    const ctx = await systemContext(database, testEnv, silentLog, tenantId, new Date('2025-03-23T03:00:00+01:00'));
    expect(await runRetention(ctx)).toMatchObject({ anonymised: 0 });
    expect((await personRow(oldId)).givenName).toBe('Ola');
  });

  it('the daily job anonymises names, ids, contact details and free text, and keeps what statistics count', async () => {
    await runDailyRetention({ database, env: testEnv, log: silentLog }, new Date('2025-03-24T03:00:00+01:00'));
    const person = await personRow(oldId);
    expect(person).toMatchObject({ givenName: '[anonymisert]', familyName: '[anonymisert]', nationalIdSealed: null, nationalIdHash: null, idType: 'none', phone: null });
    expect(person.birthDateOn?.slice(5)).toBe('01-01');
    const [stay] = await database.db.select().from(stays).where(eq(stays.personId, oldId));
    expect(stay).toMatchObject({ startOn: '2015-01-05', endOn: '2015-03-10' });
    const [moveOut] = await database.db.select().from(moveOuts).where(eq(moveOuts.stayId, stay!.id));
    expect(moveOut).toMatchObject({ destination: 'private_rental', destinationNote: null });
    const [referral] = await database.db.select().from(referrals).where(eq(referrals.personId, oldId));
    expect(referral).toMatchObject({ situation: 'evicted', needs: null });
    const entries = await database.db.select().from(journalEntries).where(eq(journalEntries.personId, oldId));
    expect(entries.map((e) => e.body)).toEqual(['[anonymisert]', '[anonymisert]']);
    // The append-only payment tables: free text blanked, amounts, dates and terms as they were.
    const arrangements = await database.db.select().from(paymentArrangements).where(eq(paymentArrangements.personId, oldId));
    expect(arrangements).toEqual([
      expect.objectContaining({ kind: 'reduced', amountOre: 250_000, per: 'month', validFromOn: '2015-01-05', reason: '[anonymisert]', assessedBy: '[anonymisert]', navDecisionReference: null }),
    ]);
    const payments = await database.db.select().from(residentPayments).where(eq(residentPayments.personId, oldId));
    expect(payments).toEqual([expect.objectContaining({ paidOn: '2015-02-01', amountOre: 250_000, method: 'bank_transfer', reference: null })]);
    const charges = await database.db.select().from(paymentCharges).where(eq(paymentCharges.personId, oldId));
    expect(charges).toEqual([expect.objectContaining({ month: '2015-01', kind: 'charge', amountOre: 250_000, nights: 27 })]);
    expect(await database.db.select().from(anonymisedPeople).where(eq(anonymisedPeople.personId, oldId))).toHaveLength(1);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'person.anonymise'))).toHaveLength(1);
    expect((await personRow(recentId)).givenName).toBe('Nina');
  });

  it('does not anonymise the same person twice', async () => {
    const ctx = await systemContext(database, testEnv, silentLog, tenantId, new Date('2025-03-25T03:00:00+01:00'));
    expect(await runRetention(ctx)).toMatchObject({ anonymised: 0 });
  });

  it('is refused to staff', async () => {
    await expect(retentionDryRun(await contextFor(database, staffId))).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});

describe('deletion on request', () => {
  it('deletes someone who never stayed and whose referral was refused', async () => {
    const person = await buildPerson(database.db, { tenantId, givenName: 'Sletta' });
    await buildReferral(database.db, { tenantId, personId: person.id, status: 'refused' });
    const lead = await contextFor(database, leadId);
    const result = await erasePerson(lead, person.id, { reason: 'Personen ba om sletting i brev 20.11.2026.' });
    expect(result.deleted).toMatchObject({ people: 1, referrals: 1 });
    expect(await database.db.select().from(people).where(eq(people.id, person.id))).toEqual([]);
    expect((await listRetentionRuns(lead))[0]).toMatchObject({ kind: 'erasure', reason: 'Personen ba om sletting i brev 20.11.2026.' });
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'person.erase'));
    expect(JSON.stringify(audit!.details)).not.toContain('brev');
  });

  it('refuses for someone who has stayed, explains why, and changes nothing', async () => {
    const lead = await contextFor(database, leadId);
    await expect(erasePerson(lead, recentId, { reason: 'Ønsker sletting' })).rejects.toMatchObject({
      code: 'privacy.erasure_has_stayed',
      definition: { nb: expect.stringContaining('anonymiseres når oppbevaringstiden er ute') },
    });
    expect((await personRow(recentId)).givenName).toBe('Nina');
  });

  it('refuses for someone with a payment arrangement (an accounting record), says why, and changes nothing', async () => {
    const person = await buildPerson(database.db, { tenantId, givenName: 'Betaler' });
    await buildReferral(database.db, { tenantId, personId: person.id, status: 'withdrawn' });
    await database.db.insert(paymentArrangements).values({ tenantId, personId: person.id, kind: 'full', validFromOn: '2026-11-01', decidedOn: '2026-11-01', createdAt: new Date('2026-11-01T10:00:00Z') });
    await expect(erasePerson(await contextFor(database, leadId), person.id, { reason: 'Ønsker sletting' })).rejects.toMatchObject({
      code: 'privacy.erasure_payment_records',
      definition: { nb: expect.stringContaining('bokføringsloven') },
    });
    expect(await database.db.select().from(people).where(eq(people.id, person.id))).toHaveLength(1);
    expect(await database.db.select().from(paymentArrangements).where(eq(paymentArrangements.personId, person.id))).toHaveLength(1);
  });

  it('refuses while the case is open', async () => {
    const person = await buildPerson(database.db, { tenantId });
    await buildReferral(database.db, { tenantId, personId: person.id, status: 'waiting_list' });
    await expect(erasePerson(await contextFor(database, leadId), person.id, { reason: 'Ønsker sletting' })).rejects.toMatchObject({ code: 'privacy.erasure_open_case' });
    expect(await database.db.select().from(people).where(eq(people.id, person.id))).toHaveLength(1);
  });
});
