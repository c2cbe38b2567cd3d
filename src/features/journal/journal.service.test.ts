import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { journalEntries } from './journal.tables.ts';
import { buildJournalEntry } from './journal.factory.ts';
import { listJournalEntries } from './journal.queries.ts';
import { journalEntryInput } from './journal.schema.ts';
import { correctJournalEntry, listJournal, writeJournalEntry } from './journal.service.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let navId: string;
let housingOfficeId: string;
const now = new Date('2026-11-26T15:00:00+01:00');

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], displayName: 'Siri Ansatt' })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'], displayName: 'Leif Leder' })).id;
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
  housingOfficeId = (await buildUser(database.db, { tenantId, roles: ['housing_office'] })).id;
});
afterAll(() => database.close());

const entry = (overrides: Record<string, unknown> = {}) =>
  journalEntryInput.parse({ occurredOn: '2026-11-26', occurredTime: '14:30', type: 'conversation', body: 'Snakket om visning i Storgata.', ...overrides });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const rowsOf = (personId: string) => database.db.select().from(journalEntries).where(eq(journalEntries.personId, personId));
const auditOf = (personId: string) => database.db.select().from(auditEvents).where(eq(auditEvents.personId, personId));

describe('writeJournalEntry', () => {
  it('writes a dated entry tied to the open stay, in Oslo time, audited without its text', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const room = await buildRoom(database.db, { house: await buildHouse(database.db, { tenantId }) });
    const stay = await buildStay(database.db, { tenantId, roomId: room.id, personId: person.id, startOn: '2026-11-02' });
    const ctx = await contextFor(database, staffId, { now });
    const written = await writeJournalEntry(
      ctx,
      person.id,
      entry({ type: 'service_contact', service: 'nav', present: 'Beboer og NAV-veileder Nina', body: 'Søkte om depositumsgaranti.' }),
    );
    expect(written).toMatchObject({
      occurredOn: '2026-11-26',
      occurredAt: '2026-11-26T13:30:00.000Z',
      shielded: false,
      type: 'service_contact',
      service: 'nav',
      present: 'Beboer og NAV-veileder Nina',
      body: 'Søkte om depositumsgaranti.',
      createdByName: 'Siri Ansatt',
      correctsEntryId: null,
      correctedByEntryId: null,
    });
    const [row] = await rowsOf(person.id);
    expect(row).toMatchObject({ stayId: stay.id, createdBy: staffId, isSensitive: false });
    const audit = await auditOf(person.id);
    expect(audit).toEqual([
      expect.objectContaining({
        kind: 'write',
        action: 'journal.write',
        entityId: written.id,
        actorUserId: staffId,
        details: { entryId: written.id, type: 'service_contact', isSensitive: false },
      }),
    ]);
    // Neither the text nor who was present reach the audit log.
    expect(JSON.stringify(audit)).not.toMatch(/depositum|Nina/i);
  });

  it('refuses a time in the future with a field message, and writes nothing', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const ctx = await contextFor(database, staffId, { now });
    const err = await rejection(writeJournalEntry(ctx, person.id, entry({ occurredTime: '16:30' })));
    expect(err.status).toBe(400);
    expect(Object.keys(err.fields!)).toEqual(['occurredOn', 'occurredTime']);
    expect(await rowsOf(person.id)).toHaveLength(0);
    expect(await auditOf(person.id)).toHaveLength(0);
  });

  it('does not write in the journal of a person of another municipality', async () => {
    const stranger = await buildPerson(database.db, { tenantId: (await buildTenant(database.db)).id });
    const err = await rejection(writeJournalEntry(await contextFor(database, staffId, { now }), stranger.id, entry()));
    expect(err.code).toBe('person.not_found');
    expect(await rowsOf(stranger.id)).toHaveLength(0);
  });

  it.each([
    ['NAV', () => navId],
    ['the housing office', () => housingOfficeId],
  ])('refuses %s, and writes nothing', async (_, user) => {
    const person = await buildPerson(database.db, { tenantId });
    const err = await rejection(writeJournalEntry(await contextFor(database, user(), { now }), person.id, entry()));
    expect(err.code).toBe('auth.forbidden');
    expect(await rowsOf(person.id)).toHaveLength(0);
  });
});

describe('sensitive entries', () => {
  async function personWithSensitiveEntry() {
    const person = await buildPerson(database.db, { tenantId });
    await writeJournalEntry(await contextFor(database, staffId, { now }), person.id, entry({ occurredTime: '09:00', body: 'Vanlig samtale.' }));
    const sensitive = await writeJournalEntry(
      await contextFor(database, leadId, { now }),
      person.id,
      entry({ type: 'phone_call', occurredTime: '11:15', present: 'Fastlegen', body: 'Fastlegen om LAR-behandling.', isSensitive: true }),
    );
    return { person, sensitive };
  }

  it('are shown to the service lead in full', async () => {
    const { person, sensitive } = await personWithSensitiveEntry();
    const list = await listJournal(await contextFor(database, leadId, { now }), person.id);
    expect(list.map((e) => e.id)).toEqual([sensitive.id, expect.any(String)]);
    expect(list[0]).toMatchObject({ shielded: false, isSensitive: true, type: 'phone_call', body: 'Fastlegen om LAR-behandling.', present: 'Fastlegen' });
  });

  it('are shown to staff only as "a shielded entry on this day", with no content', async () => {
    const { person, sensitive } = await personWithSensitiveEntry();
    const list = await listJournal(await contextFor(database, staffId, { now }), person.id);
    expect(list[0]).toEqual({
      id: sensitive.id,
      personId: person.id,
      occurredOn: '2026-11-26',
      occurredAt: null,
      shielded: true,
      isSensitive: true,
      type: null,
      service: null,
      present: null,
      body: null,
      correctsEntryId: null,
      correctedByEntryId: null,
      createdAt: null,
      createdByName: null,
    });
    expect(list[1]).toMatchObject({ shielded: false, body: 'Vanlig samtale.' });
    expect(JSON.stringify(list)).not.toMatch(/LAR|Fastlegen/);
  });

  it('are hidden by the database query itself, not by code after it', async () => {
    const { person } = await personWithSensitiveEntry();
    const rows = await listJournalEntries(database.db, tenantId, person.id, false);
    expect(rows.find((r) => r.isSensitive)).toMatchObject({ body: null, present: null, type: null, createdByName: null, occurredAt: null });
  });

  it('written by staff are shielded from that staff member afterwards too', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const written = await writeJournalEntry(await contextFor(database, staffId, { now }), person.id, entry({ body: 'Helse.', isSensitive: true }));
    expect(written).toMatchObject({ shielded: true, body: null });
    const [row] = await rowsOf(person.id);
    expect(row).toMatchObject({ isSensitive: true, body: 'Helse.' });
    const [audit] = await auditOf(person.id);
    expect(audit!.details).toEqual({ entryId: written.id, type: 'conversation', isSensitive: true });
  });
});

describe('correctJournalEntry', () => {
  it('writes a new entry that references the old one; the old one is kept word for word and shown as corrected', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const ctx = await contextFor(database, staffId, { now });
    const original = await writeJournalEntry(ctx, person.id, entry({ body: 'Visning tirsdag.' }));
    const correction = await correctJournalEntry(ctx, original.id, entry({ body: 'Visning onsdag, ikke tirsdag.' }));
    expect(correction).toMatchObject({ correctsEntryId: original.id, body: 'Visning onsdag, ikke tirsdag.' });

    const list = await listJournal(ctx, person.id);
    expect(list).toHaveLength(2);
    expect(list.find((e) => e.id === original.id)).toMatchObject({ body: 'Visning tirsdag.', correctedByEntryId: correction.id });
    const [stored] = await database.db.select().from(journalEntries).where(eq(journalEntries.id, original.id));
    expect(stored).toMatchObject({ body: 'Visning tirsdag.', type: 'conversation', correctsEntryId: null });
    const audit = (await auditOf(person.id)).find((a) => a.action === 'journal.correct');
    expect(audit!.details).toEqual({ entryId: correction.id, correctsEntryId: original.id, type: 'conversation', isSensitive: false });
    expect(JSON.stringify(audit)).not.toContain('onsdag');
  });

  it('refuses a second correction of the same entry (correct the correction instead), and writes nothing', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const ctx = await contextFor(database, staffId, { now });
    const original = await writeJournalEntry(ctx, person.id, entry());
    const first = await correctJournalEntry(ctx, original.id, entry({ body: 'Første rettelse.' }));
    const err = await rejection(correctJournalEntry(ctx, original.id, entry({ body: 'Andre rettelse.' })));
    expect(err).toMatchObject({ code: 'journal.already_corrected', status: 409 });
    expect(await rowsOf(person.id)).toHaveLength(2);
    const second = await correctJournalEntry(ctx, first.id, entry({ body: 'Rettelse av rettelsen.' }));
    expect(second.correctsEntryId).toBe(first.id);
  });

  it('lets one of two corrections made at the same moment through; the other gets the clear 409', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const original = await writeJournalEntry(await contextFor(database, staffId, { now }), person.id, entry());
    const results = await Promise.allSettled([
      correctJournalEntry(await contextFor(database, staffId, { now }), original.id, entry({ body: 'A' })),
      correctJournalEntry(await contextFor(database, leadId, { now }), original.id, entry({ body: 'B' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'journal.already_corrected' });
    expect(await rowsOf(person.id)).toHaveLength(2);
  });

  it('lets only those who can read a sensitive entry correct it, and keeps the correction sensitive', async () => {
    const person = await buildPerson(database.db, { tenantId });
    const sensitive = await buildJournalEntry(database.db, { tenantId, personId: person.id, createdBy: leadId, isSensitive: true, body: 'Rus.' });
    const err = await rejection(correctJournalEntry(await contextFor(database, staffId, { now }), sensitive.id, entry()));
    expect(err).toMatchObject({ code: 'journal.entry_shielded', status: 403 });
    expect(await rowsOf(person.id)).toHaveLength(1);

    const correction = await correctJournalEntry(await contextFor(database, leadId, { now }), sensitive.id, entry({ body: 'Rettet.', isSensitive: false }));
    expect(correction).toMatchObject({ isSensitive: true, shielded: false });
    const staffView = await listJournal(await contextFor(database, staffId, { now }), person.id);
    expect(staffView.every((e) => e.shielded)).toBe(true);
    // The link between the two survives shielding, so the story is not broken for anyone.
    expect(staffView.find((e) => e.id === sensitive.id)!.correctedByEntryId).toBe(correction.id);
  });

  it('does not find an entry of another municipality', async () => {
    const otherTenant = await buildTenant(database.db);
    const stranger = await buildPerson(database.db, { tenantId: otherTenant.id });
    const otherUser = await buildUser(database.db, { tenantId: otherTenant.id, roles: ['staff'] });
    const foreign = await buildJournalEntry(database.db, { tenantId: otherTenant.id, personId: stranger.id, createdBy: otherUser.id });
    const err = await rejection(correctJournalEntry(await contextFor(database, leadId, { now }), foreign.id, entry()));
    expect(err.code).toBe('journal.entry_not_found');
  });
});

describe('listJournal', () => {
  it('logs the read in the person’s access log with the purpose follow-up', async () => {
    const person = await buildPerson(database.db, { tenantId });
    await listJournal(await contextFor(database, staffId, { now }), person.id);
    expect(await auditOf(person.id)).toEqual([expect.objectContaining({ kind: 'read', action: 'journal.read', purpose: 'follow_up', actorUserId: staffId })]);
  });

  it.each([
    ['NAV', () => navId],
    ['the housing office', () => housingOfficeId],
  ])('refuses %s, and logs no read', async (_, user) => {
    const person = await buildPerson(database.db, { tenantId });
    await buildJournalEntry(database.db, { tenantId, personId: person.id, createdBy: staffId });
    const err = await rejection(listJournal(await contextFor(database, user(), { now }), person.id));
    expect(err.status).toBe(403);
    expect(await auditOf(person.id)).toHaveLength(0);
  });

  it('asks for login first', async () => {
    const person = await buildPerson(database.db, { tenantId });
    expect((await rejection(listJournal(await contextFor(database, null), person.id))).status).toBe(401);
  });
});
