import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotDir } from './support/browser.ts';
import { loggedIn, look, menu, today } from './support/journey.ts';
import { apiAs } from './support/api.ts';
import { downloadPdf } from './support/pdf.ts';
import { see } from './support/wait.ts';
import { addMonths, firstOfMonth } from '../src/features/reports/reports.rules.ts';
import { formatFigure, formatMonth } from '../src/features/reports/reports.format.ts';
import type { DashboardOutput, MonthlyReportOutput } from '../src/features/reports/reports.schema.ts';

// Issue 6: the service lead opens last month's report (the demo data holds fourteen months of former
// residents), reads occupancy as the API computes it, downloads the PDF and the spreadsheet and opens
// both; the steering group sees its dashboard, with small counts as "under 5".

const lastMonth = addMonths(firstOfMonth(today()), -1);
const monthName = formatMonth(lastMonth, 'nb');

let browser: Browser;
const contexts: BrowserContext[] = [];
let lead: Page;
let expected: MonthlyReportOutput;

beforeAll(async () => {
  browser = await launchBrowser();
  const api = await apiAs('leder');
  const res = await api.get(`/api/reports/monthly/${lastMonth.slice(0, 7)}`);
  expected = (await res.json()) as MonthlyReportOutput;
  await api.dispose();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const figure = (key: string) => expected.sections.flatMap((s) => s.figures).find((f) => f.key === key)!;

describe('reports', () => {
  test('the service lead opens the monthly report with its definitions and charts', async () => {
    lead = await loggedIn(browser, contexts, 'leder');
    await menu(lead).getByRole('link', { name: 'Rapporter' }).click();
    await see(lead.getByRole('heading', { level: 1, name: 'Rapporter' }), 'the reports page');
    await see(lead.getByRole('heading', { level: 2, name: `Månedsrapport ${monthName}` }), "last month's report");
    const occupancy = lead.getByRole('row').filter({ has: lead.getByText('Belegg', { exact: true }) });
    await see(occupancy, 'the occupancy row');
    const cells = await occupancy.getByRole('cell').allInnerTexts();
    expect(cells.map((c) => c.trim())).toEqual([figure('occupancyRate').value, figure('occupancyRate').previous, figure('occupancyRate').lastYear].map((v) => formatFigure(v, 'percent', 'nb')));
    await see(lead.getByText('Belagte rom-netter delt på tilgjengelige rom-netter (rom ute av drift er trukket fra), i prosent.'), 'the definition of occupancy');
    await see(lead.getByRole('img', { name: `Botid for dem som flyttet ut, ${monthName}` }), 'the length-of-stay chart');
    expect(figure('movedOut').value).toBeGreaterThan(0);
    await look(lead, 'reports-01-lead-monthly');
  });

  test('the PDF and the spreadsheet open with the same figures', async () => {
    const pdf = await downloadPdf(lead.getByRole('link', { name: 'Last ned PDF' }), 'reports-monthly');
    expect(pdf.suggestedFilename).toBe(`maanedsrapport-${lastMonth.slice(0, 7)}.pdf`);
    expect(pdf.text).toContain(`Månedsrapport ${monthName}`);
    expect(pdf.text).toContain('Bodø kommune');
    // pdftotext reads the table column by column: the figure's name, then the three months' values.
    expect(pdf.text).toContain('Belegg');
    const o = figure('occupancyRate');
    expect(pdf.text).toContain([o.value, o.previous, o.lastYear].map((v) => formatFigure(v, 'percent', 'nb').replace('\u00a0', ' ')).join(' '));
    expect(pdf.text).toContain('Hvor de flyttet');

    const [download] = await Promise.all([lead.waitForEvent('download'), lead.getByRole('link', { name: 'Last ned regneark (XLSX)' }).click()]);
    mkdirSync(screenshotDir, { recursive: true });
    const path = join(screenshotDir, 'reports-monthly.xlsx');
    await download.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const rows: unknown[][] = [];
    book.getWorksheet('Månedsrapport')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]!.slice(0, 3)).toEqual(['Del', 'Tall', monthName]);
    expect(rows.find((r) => r[1] === 'Flyttet ut')![2]).toBe(figure('movedOut').value);
    expect(rows.find((r) => r[1] === 'Belegg')![2]).toBe(figure('occupancyRate').value);
  });

  test('the year tab shows KOSTRA with its deadline', async () => {
    await lead.getByRole('tab', { name: 'Årsrapport og KOSTRA' }).click();
    const year = Number(today().slice(0, 4)) - 1;
    await see(lead.getByRole('heading', { level: 2, name: `KOSTRA skjema 13 – midlertidige botilbud ${year}` }), 'the KOSTRA section');
    await see(lead.getByText(`15.02.${year + 1}`, { exact: false }), 'the 15 February deadline');
    await look(lead, 'reports-02-lead-year');
    await lead.getByRole('tab', { name: 'Datakvalitet' }).click();
    await see(lead.getByRole('heading', { level: 2, name: 'Datakvalitet' }), 'the data-quality tab');
    await look(lead, 'reports-03-lead-quality');
  });

  test('the steering group sees aggregates only, small counts as "under 5"', async () => {
    const styre = await loggedIn(browser, contexts, 'styre');
    await menu(styre).getByRole('link', { name: 'Rapporter' }).click();
    await see(styre.getByRole('heading', { level: 1, name: 'Styringsgruppens oversikt' }), 'the dashboard');
    await see(styre.getByRole('cell', { name: 'under 5' }), 'a suppressed count');
    await expect.poll(() => styre.getByRole('tab', { name: 'Månedsrapport' }).count()).toBe(0);
    // What the browser received: no count of 1–4 anywhere.
    const body = (await (await styre.request.get('/api/reports/dashboard')).json()) as DashboardOutput;
    const counts = body.sections.flatMap((s) => s.figures.filter((f) => f.unit === 'count').flatMap((f) => f.values.map((v) => v.value)));
    expect(counts.filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
    expect((await styre.request.get(`/api/reports/monthly/${lastMonth.slice(0, 7)}`)).status()).toBe(403);
    await look(styre, 'reports-04-steering-group-dashboard');
  });
});
