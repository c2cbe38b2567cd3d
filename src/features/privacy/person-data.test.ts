import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTableName, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { insertSetting } from '../../platform/notifications/notifications.queries.ts';
import { getPerson } from '../people/people.service.ts';
import { personDataSections } from './person-data.sections.ts';
import { exportPersonData, exportPersonDataPdf, personAccessLogPdf } from './person-data.service.ts';
import { buildFormerResident } from './privacy.factory.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let personId: string;
const now = new Date('2026-05-20T10:00:00+02:00'); // two months after moving out: the record is open

const pdfText = (pdf: Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), 'privacy-')), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
};

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'], displayName: 'Siri Ansatt' })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'], displayName: 'Leif Leder' })).id;
  ({ person: { id: personId } } = await buildFormerResident(database.db, { tenantId, staffId, startOn: '2026-01-05', movedOutOn: '2026-03-10' }));
  await getPerson(await contextFor(database, staffId, { now }), personId, 'follow_up');
});
afterAll(() => database.close());

describe('everything stored about a person (GDPR art. 15)', () => {
  it('covers every table with a person_id column in some section (a new table must be added to one)', async () => {
    const result = await database.db.execute<{ table_name: string }>(
      sql`select distinct table_name from information_schema.columns where table_schema = 'public' and column_name in ('person_id', 'partner_person_id', 'related_person_id') order by 1`,
    );
    const withPersonId = (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
    const covered = new Set(personDataSections.flatMap((s) => s.tables.map((t) => getTableName(t.table))));
    expect(withPersonId.length).toBeGreaterThan(15);
    expect(withPersonId.filter((t) => !covered.has(t))).toEqual([]);
  });

  it('exports the person, referral, stay, move-out, journal and access log as JSON; sensitive entries only for those allowed', async () => {
    const staffExport = await exportPersonData(await contextFor(database, staffId, { now }), personId);
    const table = (data: typeof staffExport, name: string) => data.sections.flatMap((s) => s.tables).find((t) => t.table === name)!;
    expect(table(staffExport, 'people').rows[0]).toMatchObject({ givenName: 'Kari', familyName: 'Tidligere', phone: '41234567' });
    expect(table(staffExport, 'referrals').rows[0]).toMatchObject({ needs: 'Trenger hjelp med depositum.' });
    expect(table(staffExport, 'stays').rows[0]).toMatchObject({ startOn: '2026-01-05', endOn: '2026-03-10' });
    expect(table(staffExport, 'move_outs').rows[0]).toMatchObject({ destination: 'private_rental', destinationNote: 'Leilighet i Rønvik' });
    expect(table(staffExport, 'journal_entries')).toMatchObject({ rows: [{ body: 'Samtale om leilighet i Rønvik.' }], withheld: 1 });
    expect(table(staffExport, 'audit_events').rows.some((r) => r.action === 'person.read')).toBe(true);

    const leadExport = await exportPersonData(await contextFor(database, leadId, { now }), personId);
    expect(table(leadExport, 'journal_entries').rows.map((r) => r.body).sort()).toEqual(['Helseopplysning.', 'Samtale om leilighet i Rønvik.']);
    expect(table(leadExport, 'journal_entries').withheld).toBe(0);
  });

  it('prints the export as a PDF that reads right', async () => {
    const { pdf, filename } = await exportPersonDataPdf(await contextFor(database, staffId, { now }), personId);
    expect(filename).toMatch(/^innsyn-.*\.pdf$/);
    const text = pdfText(pdf);
    expect(text).toContain('Innsyn: alt som er lagret om deg');
    expect(text).toContain('Kari Tidligere');
    expect(text).toContain('Henvisninger fra NAV');
    expect(text).toContain('Leilighet i Rønvik');
    expect(text).toContain('1 sensitive oppføringer er holdt tilbake');
    expect(text).not.toContain('Helseopplysning');
  });

  it('prints the access log with dates, purposes and roles, not names, by default', async () => {
    const text = pdfText((await personAccessLogPdf(await contextFor(database, staffId, { now }), personId)).pdf);
    expect(text).toContain('Tilgangslogg');
    expect(text).toContain('For Kari Tidligere');
    expect(text).toMatch(/20\.05\.2026 kl\. 10:00\s+Lest\s+Oppfølging\s+Prosjektmedarbeider/);
    expect(text).toContain('Tilgangslogg skrevet ut');
    expect(text).not.toContain('Siri Ansatt');
  });

  it('names the staff when the policy setting says so', async () => {
    await insertSetting(database.db, { tenantId, key: 'privacy.access_log_shows_names', value: true, validFromOn: '2026-05-01', changedBy: leadId, changedAt: now, reason: 'Vedtatt' });
    const text = pdfText((await personAccessLogPdf(await contextFor(database, leadId, { now }), personId)).pdf);
    expect(text).toContain('Siri Ansatt');
    expect(text).toContain('Hvem');
  });

  it('refuses the export to a role without the permission', async () => {
    const nav = await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] });
    await expect(exportPersonData(await contextFor(database, nav.id, { now }), personId)).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
