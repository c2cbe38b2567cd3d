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
import { syntheticNationalId } from '../people/people.rules.ts';
import { people } from '../people/people.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { importData } from './data-exchange.import.service.ts';
import { exampleCsvFiles, exampleDocument, exampleJsonFile, jsonUpload, tenantCounts, tenantTables } from './data-exchange.factory.ts';
import { openNationalId } from '../../platform/crypto/field-crypto.ts';
import { demoFieldKeys } from '../../platform/config/env.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function freshTenant(roles = ['service_lead']) {
  const tenantId = (await buildTenant(database.db)).id;
  const user = await buildUser(database.db, { tenantId, roles });
  return { tenantId, ctx: await contextFor(database, user.id) };
}

describe('importData', () => {
  it('checks the example file in a dry run: reports what would be created and writes nothing', async () => {
    const { tenantId, ctx } = await freshTenant();
    const before = await tenantCounts(database.db, tenantId);
    const report = await importData(ctx, { dryRun: true, files: [exampleJsonFile()] });
    expect(report.errors).toEqual([]);
    expect(report.outcome).toBe('valid');
    expect(report.entities).toEqual([
      { entity: 'houses', rows: 1, created: 1, existing: 0 },
      { entity: 'rooms', rows: 4, created: 4, existing: 0 },
      { entity: 'people', rows: 6, created: 6, existing: 0 },
      { entity: 'referrals', rows: 6, created: 6, existing: 0 },
      { entity: 'decisions', rows: 6, created: 6, existing: 0 },
      { entity: 'stays', rows: 4, created: 4, existing: 0 },
    ]);
    expect(await tenantCounts(database.db, tenantId)).toEqual(before);
  });

  it('imports the example file: every entity, derived statuses, move-outs, mappings and an audit event with counts only', async () => {
    const { tenantId, ctx } = await freshTenant();
    const report = await importData(ctx, { dryRun: false, files: [exampleJsonFile()] });
    expect(report.outcome).toBe('imported');
    const counts = await tenantCounts(database.db, tenantId);
    expect(counts).toMatchObject({ houses: 1, rooms: 4, people: 6, referrals: 6, decisions: 6, offers: 5, stays: 4, moveOuts: 4, mappings: 27 });
    const statuses = (await database.db.select({ status: referrals.status }).from(referrals).where(eq(referrals.tenantId, tenantId))).map((r) => r.status).sort();
    // F1, F2, F5, F6 have stays; F3 declined the offer; F4 is on the waiting list.
    expect(statuses).toEqual(['checked_in', 'checked_in', 'checked_in', 'checked_in', 'declined', 'waiting_list']);
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'data.import')));
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ people: { created: 6, existing: 0 }, stays: { created: 4, existing: 0 } });
    expect(JSON.stringify(events[0]!.details)).not.toContain('Eksempelsen');
    const personEvents = await database.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'person.import')));
    expect(personEvents).toHaveLength(6);
  });

  it('imports the same example as the CSV set, with the same result as the JSON file', async () => {
    const a = await freshTenant();
    const b = await freshTenant();
    await importData(a.ctx, { dryRun: false, files: [exampleJsonFile()] });
    const report = await importData(b.ctx, { dryRun: false, files: exampleCsvFiles() });
    expect(report.errors).toEqual([]);
    expect(report.outcome).toBe('imported');
    // Identity numbers are encrypted with a fresh nonce each time (ADR 006): compare them opened.
    const strip = (rows: Record<string, unknown>[]) =>
      rows.map(({ id: _id, tenantId: _t, createdAt: _c, updatedAt: _u, nationalIdSealed: sealed, ...rest }) => ({
        ...rest,
        nationalId: openNationalId(demoFieldKeys, (sealed as string | null) ?? null),
      }));
    const [ta, tb] = [await tenantTables(database.db, a.tenantId), await tenantTables(database.db, b.tenantId)];
    const byName = (x: { familyName: string; givenName: string }, y: { familyName: string; givenName: string }) => `${x.familyName}${x.givenName}`.localeCompare(`${y.familyName}${y.givenName}`);
    expect(strip(tb.people.sort(byName))).toEqual(strip(ta.people.sort(byName)));
  });

  it('is idempotent: importing the same file twice changes nothing the second time', async () => {
    const { tenantId, ctx } = await freshTenant();
    await importData(ctx, { dryRun: false, files: [exampleJsonFile()] });
    const after1 = await tenantTables(database.db, tenantId);
    const report = await importData({ ...ctx, now: new Date('2026-11-27T10:00:00Z') }, { dryRun: false, files: [exampleJsonFile()] });
    expect(report.outcome).toBe('imported');
    expect(report.entities.every((e) => e.created === 0 && e.existing === e.rows)).toBe(true);
    expect(await tenantTables(database.db, tenantId)).toEqual(after1);
  });

  it('imports nothing when one row is bad, and reports every error with file, row and column', async () => {
    const { tenantId, ctx } = await freshTenant();
    const before = await tenantTables(database.db, tenantId);
    const doc = exampleDocument();
    doc.people![1]!.nationalId = '12345678901'; // wrong check digits
    doc.stays![3]!.endOn = '01.08.2015'; // before its start (02.09.2015)
    const report = await importData(ctx, { dryRun: false, files: [jsonUpload(doc, 'historikk.json')] });
    expect(report.outcome).toBe('invalid');
    expect(report.errors).toEqual([
      { file: 'historikk.json', entity: 'people', row: 2, column: 'nationalId', message: 'Kontrollsifrene stemmer ikke. Sjekk at nummeret er skrevet riktig.' },
      { file: 'historikk.json', entity: 'stays', row: 4, column: 'endOn', message: 'Utflyttingsdatoen kan ikke være før innflyttingsdatoen.' },
    ]);
    expect(await tenantTables(database.db, tenantId)).toEqual(before);
  });

  it('reports errors in the user’s language, and CSV errors on the spreadsheet row', async () => {
    const tenantId = (await buildTenant(database.db)).id;
    const user = await buildUser(database.db, { tenantId, roles: ['admin'] });
    const ctx = await contextFor(database, user.id, { locale: 'en' });
    const files = exampleCsvFiles().map((f) =>
      f.name === 'rooms.csv' ? { ...f, content: f.content.replace('R2;H1;Hybel 2;1', 'R2;H1;Hybel 2;3') } : f,
    );
    const report = await importData(ctx, { dryRun: true, files });
    expect(report.errors).toContainEqual({ file: 'rooms.csv', entity: 'rooms', row: 3, column: 'capacity', message: 'Places must be 1 or 2.' });
    // The stays in room R2 do not exist, and the decision that offers R2 points at a room with an error: reported as unknown.
    expect(report.outcome).toBe('invalid');
  });

  it('resolves references between files and reports unknown ones', async () => {
    const { ctx } = await freshTenant();
    const doc = exampleDocument();
    doc.stays![0]!.roomId = 'R99';
    doc.referrals![0]!.personId = 'P99';
    const report = await importData(ctx, { dryRun: true, files: [jsonUpload(doc)] });
    expect(report.errors.map((e) => [e.entity, e.row, e.column])).toEqual([
      ['referrals', 1, 'personId'],
      ['stays', 1, 'roomId'],
    ]);
  });

  it('refuses stays that overlap in the same room or for the same person, in the file and against registered stays', async () => {
    const { tenantId, ctx } = await freshTenant();
    const doc = exampleDocument();
    doc.stays!.push({ id: 'O5', personId: 'P4', roomId: 'R3', startOn: '2015-05-01', plannedEndOn: '2015-06-01', endOn: '2015-05-20' }); // R3 has O2 until 29.05
    doc.stays!.push({ id: 'O6', personId: 'P1', roomId: 'R2', startOn: '2015-03-01', plannedEndOn: '2015-04-01', endOn: '2015-03-10' }); // P1 is in R1 then
    let report = await importData(ctx, { dryRun: true, files: [jsonUpload(doc)] });
    expect(report.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [6, 'startOn', 'Personen har et overlappende opphold på rad 1.'],
      [5, 'startOn', 'Overlapper med oppholdet på rad 2 i samme hybel.'],
    ]);

    // Against what is already registered: a room of the tenant (by its UUID) with a stay in it.
    const house = await buildHouse(database.db, { tenantId });
    const room = await buildRoom(database.db, { house });
    const resident = await buildPerson(database.db, { tenantId });
    await buildStay(database.db, { tenantId, roomId: room.id, personId: resident.id, startOn: '2015-01-01', plannedEndOn: '2015-04-01', endOn: '2015-03-01' });
    const small = { format: 'bolig-nu/data-exchange', version: 1, people: [exampleDocument().people![4]], stays: [{ id: 'X1', personId: 'P5', roomId: room.id, startOn: '2015-02-15', plannedEndOn: '2015-05-15' }] };
    report = await importData(ctx, { dryRun: true, files: [jsonUpload(small)] });
    expect(report.errors.map((e) => e.message)).toEqual(['Overlapper med et registrert opphold i samme hybel.']);
    small.stays[0]!.startOn = '2015-03-01'; // the day the other moved out: allowed
    report = await importData(ctx, { dryRun: false, files: [jsonUpload(small)] });
    expect(report.outcome).toBe('imported');
    // The open stay makes the room occupied.
    const [r] = await database.db.select({ state: rooms.state }).from(rooms).where(eq(rooms.id, room.id));
    expect(r!.state).toBe('occupied');
  });

  it('refuses a couple in a room that does not take couples', async () => {
    const { ctx } = await freshTenant();
    const doc = exampleDocument();
    doc.stays![1]!.roomId = 'R2'; // the couple Ola and Siri, in a single room
    const report = await importData(ctx, { dryRun: true, files: [jsonUpload(doc)] });
    expect(report.errors.map((e) => [e.entity, e.row, e.column, e.message])).toEqual([['stays', 2, 'partnerPersonId', 'Hybelen tar ikke imot par.']]);
  });

  it('lets two uploads of the same file at the same moment create the data once', async () => {
    const { tenantId, ctx } = await freshTenant();
    const reports = await Promise.all([
      importData(ctx, { dryRun: false, files: [exampleJsonFile()] }),
      importData({ ...ctx, requestId: 'second' }, { dryRun: false, files: [exampleJsonFile()] }),
    ]);
    expect(reports.map((r) => r.outcome)).toEqual(['imported', 'imported']);
    expect(reports.map((r) => r.entities.find((e) => e.entity === 'people')!.created).sort()).toEqual([0, 6]);
    expect((await tenantCounts(database.db, tenantId)).people).toBe(6);
  });

  it('refuses a national id that another person already has, and synthetic numbers in production', async () => {
    const { tenantId, ctx } = await freshTenant();
    const doc = exampleDocument();
    await buildPerson(database.db, { tenantId, idType: 'fnr', nationalId: doc.people![0]!.nationalId as string });
    let report = await importData(ctx, { dryRun: true, files: [jsonUpload(doc)] });
    expect(report.errors.map((e) => [e.entity, e.row, e.column, e.message])).toEqual([['people', 1, 'nationalId', 'En annen person har allerede dette fødselsnummeret.']]);

    const prod = await contextFor(database, ctx.user!.id, { env: { ALLOW_SYNTHETIC_IDS: false } });
    report = await importData(prod, { dryRun: true, files: [jsonUpload({ format: 'bolig-nu/data-exchange', people: [{ id: 'Z', givenName: 'A', familyName: 'B', idType: 'fnr', nationalId: syntheticNationalId('1990-01-01', 5) }] })] });
    expect(report.errors.map((e) => e.message)).toEqual(['Syntetiske testnumre kan ikke brukes i produksjon.']);
  });

  it('accepts dd.mm.yyyy dates, comma-separated CSV and yes/no words', async () => {
    const { tenantId, ctx } = await freshTenant();
    const files = [
      { name: 'people.csv', content: 'id,givenName,familyName,birthDate,idType,hasProtectedAddress\nA1,Test,"Person, med komma",05.06.1990,none,nei\n', encoding: 'utf8' as const },
    ];
    const report = await importData(ctx, { dryRun: false, files });
    expect(report.errors).toEqual([]);
    const [p] = await database.db.select().from(people).where(eq(people.tenantId, tenantId));
    expect(p).toMatchObject({ familyName: 'Person, med komma', birthDateOn: '1990-06-05', hasProtectedAddress: false });
  });

  it('reports unknown files and columns', async () => {
    const { ctx } = await freshTenant();
    const report = await importData(ctx, {
      dryRun: true,
      files: [
        { name: 'personer.csv', content: 'id\n1\n', encoding: 'utf8' },
        { name: 'houses.csv', content: 'id;name;streetAddress;postalCode;city;colour\nH;Hus;Gata 1;8006;Bodø;blue\n', encoding: 'utf8' },
      ],
    });
    expect(report.errors.map((e) => [e.file, e.row, e.column])).toEqual([
      ['personer.csv', null, null],
      ['houses.csv', 1, 'colour'],
    ]);
  });

  it('is refused without data:import (staff), and nothing is written', async () => {
    const { tenantId, ctx } = await freshTenant(['staff']);
    const before = await tenantCounts(database.db, tenantId);
    const err = await importData(ctx, { dryRun: false, files: [exampleJsonFile()] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('auth.forbidden');
    expect(await tenantCounts(database.db, tenantId)).toEqual(before);
  });
});
