import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { createTestApp } from '../../platform/http/test-app.ts';
import { buildReportHistory } from './reports.history.ts';

let database: Database;
let t: ReturnType<typeof createTestApp>;
const password = 'correct horse battery';
const dir = mkdtempSync(join(tmpdir(), 'reports-'));

beforeAll(async () => {
  database = await createTestDatabase();
  const tenantId = (await buildTenant(database.db, { name: 'Bodø kommune' })).id;
  await buildUser(database.db, { tenantId, roles: ['service_lead'], username: 'rep_lead', password });
  await buildUser(database.db, { tenantId, roles: ['steering_group'], username: 'rep_styre', password });
  await buildUser(database.db, { tenantId, roles: ['staff'], username: 'rep_staff', password });
  await buildReportHistory(database.db, tenantId);
  t = createTestApp(database, { now: () => new Date('2024-03-15T10:00:00+01:00') });
});
afterAll(() => database.close());

async function loggedIn(username: string) {
  const client = t.client();
  await client.login(username, password);
  return client;
}

async function download(username: string, path: string) {
  const login = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const res = await t.app.request(path, { headers: { cookie } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('report routes', () => {
  it('asks for login, refuses other roles with 403 and a bad month with 400', async () => {
    expect((await t.client().get('/api/reports/monthly/2024-02')).status).toBe(401);
    const staff = await loggedIn('rep_staff');
    expect((await staff.get('/api/reports/monthly/2024-02')).status).toBe(403);
    expect((await staff.get('/api/reports/dashboard')).status).toBe(403);
    const styre = await loggedIn('rep_styre');
    for (const path of ['/api/reports/monthly/2024-02', '/api/reports/year/2024', '/api/reports/kostra/2024', '/api/reports/data-quality', '/api/reports/archive']) {
      expect((await styre.get(path)).status, path).toBe(403);
    }
    expect((await download('rep_styre', '/api/reports/monthly/2024-02/report.pdf')).status).toBe(403);
    expect((await styre.post('/api/reports/monthly/2024-02/archive')).status).toBe(403);
    const lead = await loggedIn('rep_lead');
    const bad = await lead.get('/api/reports/monthly/2024-13');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.month).toBe('Skriv måneden som åååå-mm.');
    expect((await lead.get('/api/reports/year/1999')).status).toBe(400);
    expect((await lead.get('/api/reports/monthly/2024-04')).status).toBe(422);
  });

  it('gives the steering group aggregates with no count of 1–4 over HTTP', async () => {
    const styre = await loggedIn('rep_styre');
    const res = await styre.get('/api/reports/dashboard');
    expect(res.status).toBe(200);
    const numbers: number[] = [];
    for (const s of res.body.sections) for (const f of s.figures) if (f.unit === 'count') for (const v of f.values) if (v.value !== null) numbers.push(v.value);
    expect(numbers.length).toBeGreaterThan(50);
    expect(numbers.filter((n) => n > 0 && n < 5)).toEqual([]);
    expect(JSON.stringify(res.body)).not.toMatch(/personId|givenName|Nordmann|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('serves the monthly report as JSON, PDF (read by pdftotext) and XLSX (read back)', async () => {
    const lead = await loggedIn('rep_lead');
    const json = await lead.get('/api/reports/monthly/2024-02');
    expect(json.status).toBe(200);
    expect(json.body.tenantName).toBe('Bodø kommune');

    const pdf = await download('rep_lead', '/api/reports/monthly/2024-02/report.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="maanedsrapport-2024-02.pdf"');
    writeFileSync(join(dir, 'm.pdf'), pdf.bytes);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'm.pdf'), '-'], { encoding: 'utf8' }).replace(/[ \t\u00a0]+/g, ' ');
    expect(text).toContain('Månedsrapport februar 2024');
    expect(text).toContain('Bodø kommune');
    // Occupancy 80,5 % beside January's 46,2 % and February 2023's 0 %.
    expect(text).toMatch(/Belegg 80,5 ?% 46,2 ?% 0 ?%/);
    expect(text).toContain('Belagte rom-netter delt på tilgjengelige rom-netter');
    expect(text).toContain('Hvor de flyttet');

    const xlsx = await download('rep_lead', '/api/reports/monthly/2024-02/report.xlsx');
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Månedsrapport')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Del', 'Tall', 'februar 2024', 'januar 2024', 'februar 2023', 'Definisjon']);
    expect(rows.find((r) => r[1] === 'Belegg')!.slice(2, 5)).toEqual([80.5, 46.2, 0]);
    expect(rows.find((r) => r[1] === 'Innflyttinger')!.slice(2, 5)).toEqual([2, 1, 0]);
  });

  it('exports the year report and KOSTRA as XLSX and CSV', async () => {
    const lead = await loggedIn('rep_lead');
    const kostra = await lead.get('/api/reports/kostra/2024');
    // As of 15.03.2024: P1, P2 (24 nights so far, child), P3 (21.02 →, 23 nights), P4 (64 nights) → 4
    // households; with children P2 = 1, not over three months; 14 days or less: none.
    expect(kostra.body).toMatchObject({ households: 4, householdsWithChildren: 1, householdsUpTo14Days: 0, deadline: '2025-02-15', shareWithChildrenOverThreeMonths: 0 });

    const csv = await download('rep_lead', '/api/reports/kostra/2023/kostra.csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = csv.bytes.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('"Tall";"Verdi";"Definisjon"');
    // 2023: P4 alone, with a child of 17.
    expect(lines[1]).toMatch(/^"Husstander i midlertidig botilbud";1;/);
    expect(lines[2]).toMatch(/^"Husstander med barn";1;/);

    const year = await download('rep_lead', '/api/reports/year/2024/report.xlsx');
    expect(year.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(year.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Årsrapport 2024', 'KOSTRA 2024']);
    const checkIns = book.getWorksheet('Årsrapport 2024')!.getRows(1, 60)!.find((r) => r.getCell(2).value === 'Innflyttinger')!;
    // January S1, February S2 and S3, then nothing yet (as of 15.03).
    expect((checkIns.values as unknown[]).slice(3, 6)).toEqual([1, 2, 0]);
    expect(book.getWorksheet('KOSTRA 2024')!.getCell('B2').value).toBe('15.02.2025');
  });

  it('archives on demand and lists the archive', async () => {
    const lead = await loggedIn('rep_lead');
    const archived = await lead.post('/api/reports/monthly/2024-02/archive');
    expect(archived.status).toBe(201);
    const list = await lead.get('/api/reports/archive');
    expect(list.body).toEqual([{ id: archived.body.id, month: '2024-02-01', producedAt: '2024-03-15T09:00:00.000Z', trigger: 'on_demand' }]);
    const one = await lead.get(`/api/reports/archive/${archived.body.id}`);
    expect(one.body.report.month).toBe('2024-02-01');
  });
});
