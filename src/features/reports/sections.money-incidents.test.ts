import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { buildTenant } from '../../platform/auth/auth.factory.ts';
import { buildPerson } from '../people/people.factory.ts';
import { paymentCharges, residentPayments } from '../payments/payments.tables.ts';
import { externalPurchases } from '../economics/economics.tables.ts';
import { incidents } from '../incidents/incidents.tables.ts';
import { computeSections, type FigureSeries } from './reports.sections.ts';
import { buildMonthlyReport } from './monthly.service.ts';
import { buildDashboard } from './dashboard.service.ts';
import { monthlyReportPdf, monthlyReportXlsx } from './reports.files.ts';
import { formatFigure } from './reports.format.ts';
import type { AsOf } from './monthly.queries.ts';

// A small history written by hand, and every figure of the money and incidents sections worked out on
// paper below.
//
// January 2024: five residents C1–C5 charged 1 000 kr each (10 nights), each paid 1 000 kr on 31.01.
// March 2024:   A charged 9 000 kr (30 nights) + a correction of 300 kr (1 night); B charged 3 000 kr
//               (10 nights). A paid 5 000 kr on 31.03; B paid 3 000 kr on 01.04 (April).
//               External accommodation bought 15.03: 4 500 kr (3 nights).
// April 2024:   external accommodation bought 01.04: 1 500 kr.
// Incidents (Oslo time; summer time began 31.03.2024 at 02:00):
//   01.03 00:15 +01:00 (= 29.02 23:15 UTC)  fire_alarm, critical     → March in Oslo, February in UTC
//   10.03 12:00 +01:00                       threat_violence, high
//   20.03 18:00 +01:00                       damage, low
//   01.04 00:30 +02:00 (= 31.03 22:30 UTC)  drugs, medium            → April in Oslo, March in UTC
//   05.04 09:00 +02:00                       theft, medium
// Another municipality has a charge, a purchase and an incident in March: never in these figures.

let database: Database;
let tenantId: string;
const asOf: AsOf = { today: '2024-05-15', now: new Date('2024-05-15T10:00:00+02:00') };
const JAN = '2024-01-01';
const FEB = '2024-02-01';
const MAR = '2024-03-01';
const APR = '2024-04-01';
const created = new Date('2024-05-01T10:00:00Z');

async function charge(tenant: string, personId: string, month: string, kind: 'charge' | 'correction', amountOre: number, nights: number) {
  await database.db.insert(paymentCharges).values({ tenantId: tenant, personId, month, kind, amountOre, nights, calculation: {}, createdAt: created });
}
async function pay(tenant: string, personId: string, paidOn: string, amountOre: number) {
  await database.db.insert(residentPayments).values({ tenantId: tenant, personId, paidOn, amountOre, method: 'bank_transfer', createdAt: created });
}
async function purchase(tenant: string, purchasedOn: string, amountOre: number, nights: number) {
  await database.db.insert(externalPurchases).values({ tenantId: tenant, purchasedOn, provider: 'Sentrum hospits', nights, amountOre, createdAt: created });
}
async function incident(tenant: string, occurredAt: string, type: (typeof incidents.$inferInsert)['type'], severity: (typeof incidents.$inferInsert)['severity']) {
  await database.db.insert(incidents).values({ tenantId: tenant, occurredAt: new Date(occurredAt), location: 'common_area', type, severity, description: 'Testhendelse', createdAt: created, updatedAt: created });
}

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  for (let i = 0; i < 5; i++) {
    const c = await buildPerson(database.db, { tenantId });
    await charge(tenantId, c.id, '2024-01', 'charge', 100_000, 10);
    await pay(tenantId, c.id, '2024-01-31', 100_000);
  }
  const a = await buildPerson(database.db, { tenantId });
  const b = await buildPerson(database.db, { tenantId });
  await charge(tenantId, a.id, '2024-03', 'charge', 900_000, 30);
  await charge(tenantId, a.id, '2024-03', 'correction', 30_000, 1);
  await charge(tenantId, b.id, '2024-03', 'charge', 300_000, 10);
  await pay(tenantId, a.id, '2024-03-31', 500_000);
  await pay(tenantId, b.id, '2024-04-01', 300_000);
  await purchase(tenantId, '2024-03-15', 450_000, 3);
  await purchase(tenantId, '2024-04-01', 150_000, 1);
  await incident(tenantId, '2024-03-01T00:15:00+01:00', 'fire_alarm', 'critical');
  await incident(tenantId, '2024-03-10T12:00:00+01:00', 'threat_violence', 'high');
  await incident(tenantId, '2024-03-20T18:00:00+01:00', 'damage', 'low');
  await incident(tenantId, '2024-04-01T00:30:00+02:00', 'drugs', 'medium');
  await incident(tenantId, '2024-04-05T09:00:00+02:00', 'theft', 'medium');

  const other = (await buildTenant(database.db)).id;
  const o = await buildPerson(database.db, { tenantId: other });
  await charge(other, o.id, '2024-03', 'charge', 777_700, 20);
  await purchase(other, '2024-03-10', 999_900, 5);
  await incident(other, '2024-03-12T12:00:00+01:00', 'theft', 'low');
});
afterAll(() => database.close());

async function figures(months: string[]): Promise<Map<string, FigureSeries>> {
  const sections = await computeSections(database.db, { tenantId }, months, asOf);
  return new Map(sections.filter((s) => s.key === 'money' || s.key === 'incidents').flatMap((s) => s.figures.map((f) => [f.key, f] as const)));
}

describe('the money section', () => {
  it('gives charges, corrections, payments, arrears and external spend for each month', async () => {
    const f = await figures([JAN, FEB, MAR, APR]);
    const v = (key: string) => f.get(key)!.values;
    // January: C1–C5 charged 5 × 1 000 kr = 5 000 kr for 50 nights, all paid in January: no arrears.
    // February: nothing charged, nothing paid; still no arrears.
    // March: A and B charged; 30 + 1 + 10 = 41 nights; 9 000 + 300 + 3 000 = 12 300 kr of which 300 kr
    //   correction; paid 5 000 kr (A; B's payment is dated 01.04); arrears A 9 300 − 5 000 = 4 300 kr,
    //   B 3 000 kr → 7 300 kr, two residents. External: one purchase, 4 500 kr.
    // April: nobody charged; paid 3 000 kr (B); arrears A 4 300 kr, B 0 → 4 300 kr, one resident.
    //   External: one purchase 1 500 kr (the other municipality's 9 999 kr is not counted).
    expect(v('residentsCharged')).toEqual([5, 0, 2, 0]);
    expect(v('chargedNights')).toEqual([50, 0, 41, 0]);
    expect(v('chargedOre')).toEqual([500_000, 0, 1_230_000, 0]);
    expect(v('correctionsOre')).toEqual([0, 0, 30_000, 0]);
    expect(v('paidOre')).toEqual([500_000, 0, 500_000, 300_000]);
    expect(v('arrearsOre')).toEqual([0, 0, 730_000, 430_000]);
    expect(v('residentsInArrears')).toEqual([0, 0, 2, 1]);
    expect(v('externalPurchases')).toEqual([0, 0, 1, 1]);
    expect(v('externalSpendOre')).toEqual([0, 0, 450_000, 150_000]);
    for (const key of ['chargedOre', 'correctionsOre', 'paidOre', 'arrearsOre', 'externalSpendOre']) expect(f.get(key)!.unit).toBe('money');
    expect(formatFigure(1_230_000, 'money', 'nb')).toBe('12\u00a0300\u00a0kr');
    expect(formatFigure(30_050, 'money', 'nb')).toBe('300,50\u00a0kr');
  });

  it('is left out of the national scope (payments are per municipality)', async () => {
    const sections = await computeSections(database.db, { tenantId: null }, [MAR], asOf);
    expect(sections.map((s) => s.key)).not.toContain('money');
    expect(sections.map((s) => s.key)).not.toContain('incidents');
  });
});

describe('the incidents section', () => {
  it('counts incidents by Oslo month, type and severity', async () => {
    const f = await figures([FEB, MAR, APR]);
    const v = (key: string) => f.get(key)!.values;
    // February (Oslo): none — the fire alarm at 00:15 on 01.03 Oslo time is March, though 29.02 in UTC.
    // March: fire alarm (critical), threat (high), damage (low) = 3; the drugs incident at 00:30 on 01.04
    //   Oslo time (31.03 in UTC) is April. The other municipality's theft is not counted.
    // April: drugs (medium) and theft (medium) = 2.
    expect(v('incidentsTotal')).toEqual([0, 3, 2]);
    expect(v('incident_fire_alarm')).toEqual([0, 1, 0]);
    expect(v('incident_threat_violence')).toEqual([0, 1, 0]);
    expect(v('incident_damage')).toEqual([0, 1, 0]);
    expect(v('incident_drugs')).toEqual([0, 0, 1]);
    expect(v('incident_theft')).toEqual([0, 0, 1]);
    expect(v('incident_other')).toEqual([0, 0, 0]);
    expect(v('severity_low')).toEqual([0, 1, 0]);
    expect(v('severity_medium')).toEqual([0, 0, 2]);
    expect(v('severity_high')).toEqual([0, 1, 0]);
    expect(v('severity_critical')).toEqual([0, 1, 0]);
    for (const figure of f.values()) expect(figure.definition.nb.length).toBeGreaterThan(0);
  });
});

describe('the monthly report files', () => {
  it('shows the amounts as kroner in the PDF and the workbook, with the incidents chart by type', async () => {
    const report = await buildMonthlyReport(database.db, tenantId, MAR, asOf);
    const incidentsSection = report.sections.find((s) => s.key === 'incidents')!;
    expect(incidentsSection.chart).toMatchObject({ kind: 'distribution' });
    expect(incidentsSection.chart!.figureKeys).toContain('incident_threat_violence');
    const file = join(mkdtempSync(join(tmpdir(), 'bolignu-report-')), 'report.pdf');
    writeFileSync(file, await monthlyReportPdf(report, 'nb'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
    expect(text).toContain('Egenbetaling og kjøp av midlertidig bolig');
    expect(text).toMatch(/Belastet\s.*12 300 kr/);
    expect(text).toMatch(/Restanse ved månedens slutt\s.*7 300 kr/);
    expect(text).toContain('Hendelser og avvik');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await monthlyReportXlsx(report, 'nb')) as unknown as ArrayBuffer);
    const row = book.worksheets[0]!.getRows(1, 200)!.find((r) => r.getCell(2).value === 'Belastet')!;
    expect(row.getCell(3).value).toBe(12_300);
    expect(row.getCell(3).numFmt).toContain('kr');
  });
});

describe('the steering-group dashboard', () => {
  it('withholds counts of 1–4 people and the amounts about them, and shows 0 and 5', async () => {
    // As of 15.05.2024 the dashboard covers May 2023 – April 2024: January is index 8, March 10, April 11.
    const dashboard = await buildDashboard(database.db, tenantId, asOf);
    const figure = (key: string) => dashboard.sections.flatMap((s) => s.figures).find((f) => f.key === key)!;
    expect(dashboard.months[8]).toBe(JAN);
    // Five residents charged in January: shown, and so are their amounts.
    expect(figure('residentsCharged').values[8]).toEqual({ value: 5, under5: false });
    expect(figure('chargedOre').values[8]).toEqual({ value: 500_000, under5: false });
    // Two in March: under 5, and the charged and paid sums with them; two in arrears: the arrears too.
    expect(figure('residentsCharged').values[10]).toEqual({ value: null, under5: true });
    expect(figure('chargedOre').values[10]).toEqual({ value: null, under5: true });
    expect(figure('paidOre').values[10]).toEqual({ value: null, under5: true });
    expect(figure('residentsInArrears').values[10]).toEqual({ value: null, under5: true });
    expect(figure('arrearsOre').values[11]).toEqual({ value: null, under5: true });
    expect(figure('externalSpendOre').values[10]).toEqual({ value: null, under5: true });
    // Three incidents in March (one of them critical): under 5. February had none: 0 is shown.
    expect(figure('incidentsTotal').values[10]).toEqual({ value: null, under5: true });
    expect(figure('severity_critical').values[10]).toEqual({ value: null, under5: true });
    expect(figure('incidentsTotal').values[9]).toEqual({ value: 0, under5: false });
    const shown = dashboard.sections
      .filter((s) => s.key === 'money' || s.key === 'incidents')
      .flatMap((s) => s.figures.filter((f) => f.unit === 'count').flatMap((f) => f.values))
      .filter((v) => v.value !== null && v.value > 0 && v.value < 5);
    expect(shown).toEqual([]);
  });
});
