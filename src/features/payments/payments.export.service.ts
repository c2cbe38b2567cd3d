// exceljs is loaded on the first export, not at start (it is a large share of the server's start-up).
import type ExcelJS from 'exceljs';
const newWorkbook = async (): Promise<ExcelJS.Workbook> => new (await import('exceljs')).default.Workbook();
import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent, recordListAccess } from '../../platform/audit/audit.service.ts';
import * as q from './payments.queries.ts';
import { monthEnd, monthStart } from './payments.rules.ts';
import { exportColumns, exportRows, toCsv, type ExportRow } from './payments.export.ts';

// The month's charges and payments for the municipality's accounting system, as CSV and XLSX with
// the same columns (documented in docs/payments-export.md).

async function rowsForMonth(ctx: Ctx, month: string): Promise<ExportRow[]> {
  const user = requirePermission(ctx, 'payment:read');
  return inTransaction(ctx, async (tx) => {
    const lines = await q.listMonthChargeLines(tx.db, user.tenantId, month);
    const payments = await q.listPaymentsBetween(tx.db, user.tenantId, monthStart(month), monthEnd(month));
    const ids = [...new Set([...lines.map((l) => l.personId), ...payments.map((p) => p.personId)])];
    // The accounting needs every line, so a person whose record is closed to this user (access by
    // need) keeps their lines, id and amounts, but not their name, and is not logged as read.
    const closed = await recordListAccess(tx, ids, 'follow_up', 'payments.export');
    const names = await q.listPersonNames(tx.db, user.tenantId, ids.filter((id) => !closed.has(id)));
    await recordEvent(tx, { action: 'payments.export', entityType: 'payment_month', details: { month, rows: lines.length + payments.length } });
    return exportRows(month, lines, payments, names);
  });
}

export async function exportMonthCsv(ctx: Ctx, month: string): Promise<{ body: string; filename: string }> {
  requirePermission(ctx, 'payment:read');
  const rows = await rowsForMonth(ctx, month);
  return { body: toCsv(rows), filename: `egenbetaling-${month}.csv` };
}

export async function exportMonthXlsx(ctx: Ctx, month: string): Promise<{ body: Buffer; filename: string }> {
  requirePermission(ctx, 'payment:read');
  const rows = await rowsForMonth(ctx, month);
  const workbook = await newWorkbook();
  workbook.creator = 'Bolig Nu';
  workbook.created = ctx.now;
  const sheet = workbook.addWorksheet(`Egenbetaling ${month}`);
  sheet.columns = exportColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const row of rows) sheet.addRow({ ...row, amountKr: row.amountOre / 100 });
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn('amountKr').numFmt = '#,##0.00';
  return { body: Buffer.from(await workbook.xlsx.writeBuffer()), filename: `egenbetaling-${month}.xlsx` };
}
