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
import { importData } from './data-exchange.import.service.ts';
import { exportCsvZip, exportJson, exportPseudonymisedZip } from './data-exchange.export.service.ts';
import { readZip } from './data-exchange.zip.ts';
import { exampleDocument, exampleJsonFile, tenantTables } from './data-exchange.factory.ts';

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

const filesOf = (zip: Buffer) => Object.fromEntries(readZip(zip)!.map((e) => [e.name, e.data.toString('utf8')]));
const asUpload = (zip: Buffer) => ({ name: 'eksport.zip', content: zip.toString('base64'), encoding: 'base64' as const });

describe('export', () => {
  it('round-trips: export → import into a fresh tenant → the same data, with the same ids', async () => {
    const a = await freshTenant();
    await importData(a.ctx, { dryRun: false, files: [exampleJsonFile()] });
    const exportA = await exportCsvZip(a.ctx);
    const filesA = filesOf(exportA.zip);
    expect(Object.keys(filesA).sort()).toEqual(['decisions.csv', 'houses.csv', 'people.csv', 'referrals.csv', 'rooms.csv', 'stays.csv']);
    // The ids are the file's own ids (P1, R1, …), since the rows came in by an import.
    expect(filesA['stays.csv']).toContain('O2;P2;P3;R3;F2;V2;2015-03-12;2015-06-12;2015-05-29;private_rental;;true');

    const b = await freshTenant();
    const report = await importData(b.ctx, { dryRun: false, files: [asUpload(exportA.zip)] });
    expect(report.errors).toEqual([]);
    expect(report.outcome).toBe('imported');
    expect(filesOf((await exportCsvZip(b.ctx)).zip)).toEqual(filesA);
  });

  it('exports JSON in the import format, and data registered in the app with its UUIDs; importing it back into the same tenant creates nothing', async () => {
    const { tenantId, ctx } = await freshTenant();
    const house = await buildHouse(database.db, { tenantId });
    const room = await buildRoom(database.db, { house });
    const person = await buildPerson(database.db, { tenantId, givenName: 'Native', familyName: 'Registrert' });
    await buildStay(database.db, { tenantId, roomId: room.id, personId: person.id, startOn: '2026-10-01', plannedEndOn: '2027-01-01', endOn: '2026-11-01' });
    const { json } = await exportJson(ctx);
    const doc = JSON.parse(json) as { format: string; people: { id: string }[] };
    expect(doc.format).toBe('bolig-nu/data-exchange');
    expect(doc.people[0]!.id).toBe(person.id);
    const before = await tenantTables(database.db, tenantId);
    const report = await importData(ctx, { dryRun: false, files: [{ name: 'eksport.json', content: json, encoding: 'utf8' }] });
    expect(report.errors).toEqual([]);
    expect(report.entities.find((e) => e.entity === 'stays')).toEqual({ entity: 'stays', rows: 1, created: 0, existing: 1 });
    expect(await tenantTables(database.db, tenantId)).toEqual(before);

    const fresh = await freshTenant();
    expect((await importData(fresh.ctx, { dryRun: false, files: [{ name: 'eksport.json', content: json, encoding: 'utf8' }] })).outcome).toBe('imported');
  });

  it('logs the export as a read of every person in it, plus one event with counts', async () => {
    const { tenantId, ctx } = await freshTenant();
    await importData(ctx, { dryRun: false, files: [exampleJsonFile()] });
    await exportCsvZip(ctx);
    const reads = await database.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'person.export')));
    expect(reads).toHaveLength(6);
    expect(reads.every((r) => r.kind === 'read' && r.purpose === 'administration' && r.personId)).toBe(true);
    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'data.export')));
    expect(event!.details).toEqual({ format: 'csv', houses: 1, rooms: 4, people: 6, referrals: 6, decisions: 6, stays: 4 });
  });

  it('pseudonymises: no name, national id, contact detail or free text; birth year; pseudonyms that join within one export only', async () => {
    const { tenantId, ctx } = await freshTenant();
    await importData(ctx, { dryRun: false, files: [exampleJsonFile()] });
    const first = filesOf((await exportPseudonymisedZip(ctx)).zip);
    const all = Object.values(first).join('\n');
    const doc = exampleDocument();
    const secrets = [
      ...doc.people!.flatMap((p) => [p.givenName, p.familyName, p.nationalId, p.phone, p.birthDate, p.otherIdDescription]),
      ...doc.referrals!.flatMap((r) => [r.caseworkerName, r.situationOther]),
      ...doc.decisions!.flatMap((d) => [d.reasons, d.declineReason]),
      ...(await tenantTables(database.db, tenantId)).people.map((p) => p.id),
    ].filter((s): s is string => typeof s === 'string');
    expect(secrets.length).toBeGreaterThan(30);
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(first['people.csv']).toContain(';1994;fnr');

    // Kari (born 1994) has two stays; both carry her pseudonym from people.csv.
    const kari = first['people.csv']!.split('\r\n').find((l) => l.includes(';1994;'))!.split(';')[0]!;
    expect(first['stays.csv']!.split('\r\n').filter((l) => l.split(';')[1] === kari)).toHaveLength(2);
    const second = filesOf((await exportPseudonymisedZip(ctx)).zip);
    expect(second['people.csv']).not.toContain(kari);
    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'data.export_pseudonymised')));
    expect(event!.details).toEqual({ rooms: 4, people: 6, referrals: 6, decisions: 6, stays: 4 });
  });

  it('is refused without the permission: staff cannot export, the steering group gets no pseudonymised data', async () => {
    const staff = await freshTenant(['staff']);
    const steering = await freshTenant(['steering_group']);
    for (const call of [exportCsvZip(staff.ctx), exportJson(staff.ctx), exportPseudonymisedZip(staff.ctx), exportPseudonymisedZip(steering.ctx)]) {
      const err = await call.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('auth.forbidden');
    }
    const admin = await freshTenant(['admin']);
    await expect(exportPseudonymisedZip(admin.ctx)).resolves.toMatchObject({ filename: 'bolignu-pseudonymisert-2026-11-26.zip' });
  });
});
