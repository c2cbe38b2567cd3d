// exceljs is loaded on the first export, not at start (it is a large share of the server's start-up).
import type ExcelJS from 'exceljs';
const newWorkbook = async (): Promise<ExcelJS.Workbook> => new (await import('exceljs')).default.Workbook();
import { renderPdf, type TDocumentDefinitions } from '../../platform/pdf/render.ts';
import { fileTexts, formatDay, formatFigure, formatMonth, formatMonthShort, pick, type Locale } from './reports.format.ts';
import type { KostraOutput, MonthlyReportOutput, YearReportOutput } from './reports.schema.ts';

// The reports as files: the monthly report as PDF and XLSX, the year report and KOSTRA as XLSX and CSV.

type Content = TDocumentDefinitions['content'];

/** The monthly report as a PDF: each section a table of figure, this month, the month before, last year. */
export async function monthlyReportPdf(report: MonthlyReportOutput, locale: Locale): Promise<Buffer> {
  const t = (k: keyof typeof fileTexts) => pick(fileTexts[k], locale);
  const title = `${t('monthlyTitle')} ${formatMonth(report.month, locale)}`;
  const content: Content[] = [
    { text: title, fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
    { text: report.tenantName, margin: [0, 0, 0, 2] },
    { text: `${t('produced')} ${formatDay(report.producedAt.slice(0, 10))}`, fontSize: 9, color: '#444444', margin: [0, 0, 0, 8] },
  ];
  if (!report.complete) content.push({ text: t('incomplete'), italics: true, margin: [0, 0, 0, 8] });
  for (const section of report.sections) {
    content.push({ text: pick(section.title, locale), fontSize: 13, bold: true, margin: [0, 10, 0, 4] });
    content.push({
      table: {
        headerRows: 1,
        widths: ['*', 62, 62, 62],
        body: [
          [t('figure'), formatMonth(report.month, locale), formatMonth(report.previousMonth, locale), formatMonth(report.lastYearMonth, locale)].map((text) => ({
            text,
            bold: true,
            fontSize: 9,
          })),
          ...section.figures.map((f) => [
            { stack: [{ text: pick(f.label, locale) }, { text: pick(f.definition, locale), fontSize: 8, color: '#444444' }] },
            { text: formatFigure(f.value, f.unit, locale), alignment: 'right' as const },
            { text: formatFigure(f.previous, f.unit, locale), alignment: 'right' as const },
            { text: formatFigure(f.lastYear, f.unit, locale), alignment: 'right' as const },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  }
  return renderPdf({ content }, { title: `${title} – ${report.tenantName}` });
}

/** Kroner with a space between thousands and " kr" (two decimals only when there are øre). */
const moneyFormat = '#,##0 "kr";-#,##0 "kr"';

/** The monthly report as a workbook: one row per figure with its definition and the three months. */
export async function monthlyReportXlsx(report: MonthlyReportOutput, locale: Locale): Promise<Buffer> {
  const t = (k: keyof typeof fileTexts) => pick(fileTexts[k], locale);
  const book = await newWorkbook();
  book.creator = 'Bolig Nu';
  const sheet = book.addWorksheet(t('monthlyTitle'));
  sheet.columns = [
    { header: t('section'), key: 'section', width: 30 },
    { header: t('figure'), key: 'figure', width: 36 },
    { header: formatMonth(report.month, locale), key: 'value', width: 16 },
    { header: formatMonth(report.previousMonth, locale), key: 'previous', width: 16 },
    { header: formatMonth(report.lastYearMonth, locale), key: 'lastYear', width: 16 },
    { header: t('definition'), key: 'definition', width: 90 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const section of report.sections) {
    for (const f of section.figures) {
      // Money is øre in the report; the sheet holds kroner as numbers shown as "9 000 kr" (a number format,
      // so the cells still add up in a spreadsheet).
      const cell = (v: number | null) => (v !== null && f.unit === 'money' ? v / 100 : v);
      const row = sheet.addRow({ section: pick(section.title, locale), figure: pick(f.label, locale), value: cell(f.value), previous: cell(f.previous), lastYear: cell(f.lastYear), definition: pick(f.definition, locale) });
      if (f.unit === 'money') for (const key of ['value', 'previous', 'lastYear']) row.getCell(key).numFmt = moneyFormat;
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function kostraRows(k: KostraOutput, locale: Locale): [string, number | null, string][] {
  const d = k.definitions;
  const row = (key: string, value: number | null): [string, number | null, string] => [pick(d[key]!.label, locale), value, pick(d[key]!.definition, locale)];
  return [
    row('households', k.households),
    row('householdsWithChildren', k.householdsWithChildren),
    row('shareWithChildrenOverThreeMonths', k.shareWithChildrenOverThreeMonths),
    row('shareUpTo14Days', k.shareUpTo14Days),
  ];
}

/** The year report as a workbook: a sheet of every figure by month, and a KOSTRA sheet. */
export async function yearReportXlsx(report: YearReportOutput, locale: Locale): Promise<Buffer> {
  const t = (k: keyof typeof fileTexts) => pick(fileTexts[k], locale);
  const book = await newWorkbook();
  book.creator = 'Bolig Nu';
  const sheet = book.addWorksheet(`${t('yearTitle')} ${report.year}`);
  sheet.addRow([t('section'), t('figure'), ...report.months.map((m) => formatMonthShort(m, locale)), t('definition')]).font = { bold: true };
  for (const section of report.sections) {
    for (const f of section.figures) {
      const money = f.unit === 'money';
      const row = sheet.addRow([pick(section.title, locale), pick(f.label, locale), ...f.values.map((v) => (money && v !== null ? v / 100 : v)), pick(f.definition, locale)]);
      if (money) for (let i = 0; i < f.values.length; i++) row.getCell(3 + i).numFmt = moneyFormat;
    }
  }
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 36;
  addKostraSheet(book, report.kostra, locale);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addKostraSheet(book: ExcelJS.Workbook, kostra: KostraOutput, locale: Locale) {
  const t = (k: keyof typeof fileTexts) => pick(fileTexts[k], locale);
  const sheet = book.addWorksheet(`KOSTRA ${kostra.year}`);
  sheet.addRow([`${t('kostra')} ${kostra.year}`]).font = { bold: true };
  sheet.addRow([t('deadline'), formatDay(kostra.deadline)]);
  sheet.addRow([]);
  sheet.addRow([t('figure'), t('value'), t('definition')]).font = { bold: true };
  for (const r of kostraRows(kostra, locale)) sheet.addRow(r);
  sheet.getColumn(1).width = 48;
  sheet.getColumn(3).width = 100;
}

export async function kostraXlsx(kostra: KostraOutput, locale: Locale): Promise<Buffer> {
  const book = await newWorkbook();
  book.creator = 'Bolig Nu';
  addKostraSheet(book, kostra, locale);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** KOSTRA as CSV (semicolon-separated, as Norwegian spreadsheets expect; decimal point). */
export function kostraCsv(kostra: KostraOutput, locale: Locale): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [[pick(fileTexts.figure, locale), pick(fileTexts.value, locale), pick(fileTexts.definition, locale)].map(quote).join(';')];
  for (const [label, value, definition] of kostraRows(kostra, locale)) lines.push([quote(label), value === null ? '' : String(value), quote(definition)].join(';'));
  return `${lines.join('\r\n')}\r\n`;
}
