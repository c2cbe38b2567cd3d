import type { ChargeRow, PaymentRow } from './payments.queries.ts';
import { monthEnd } from './payments.rules.ts';
import { osloDate } from '../../platform/time/oslo.ts';

// One row per charge line and per payment of a month. Pure (no I/O): the CSV text and the XLSX
// columns are made from these rows. See docs/payments-export.md.

export interface ExportRow {
  type: 'krav' | 'korreksjon' | 'innbetaling';
  month: string;
  date: string;
  personId: string;
  name: string;
  nights: number | null;
  amountOre: number;
  method: string;
  reference: string;
  lineId: string;
}

export const exportColumns = [
  { key: 'type', header: 'type', width: 12 },
  { key: 'month', header: 'maaned', width: 9 },
  { key: 'date', header: 'dato', width: 12 },
  { key: 'personId', header: 'person_id', width: 38 },
  { key: 'name', header: 'navn', width: 28 },
  { key: 'nights', header: 'netter', width: 8 },
  { key: 'amountKr', header: 'belop_kr', width: 12 },
  { key: 'amountOre', header: 'belop_ore', width: 12 },
  { key: 'method', header: 'betalingsmate', width: 14 },
  { key: 'reference', header: 'referanse', width: 20 },
  { key: 'lineId', header: 'linje_id', width: 38 },
] as const;

const osloDay = (at: Date) => osloDate(at);

export function exportRows(month: string, lines: ChargeRow[], payments: PaymentRow[], names: Map<string, string>): ExportRow[] {
  const charges: ExportRow[] = lines.map((l) => ({
    type: l.kind === 'charge' ? 'krav' : 'korreksjon',
    month,
    // A charge is for the month and dated its last day; a correction is dated the day it was made.
    date: l.kind === 'charge' ? monthEnd(month) : osloDay(l.createdAt),
    personId: l.personId,
    name: names.get(l.personId) ?? '',
    nights: l.nights,
    amountOre: l.amountOre,
    method: '',
    reference: '',
    lineId: l.id,
  }));
  const paid: ExportRow[] = [...payments]
    .sort((a, b) => a.paidOn.localeCompare(b.paidOn))
    .map((p) => ({
      type: 'innbetaling',
      month,
      date: p.paidOn,
      personId: p.personId,
      name: names.get(p.personId) ?? '',
      nights: null,
      amountOre: p.amountOre,
      method: p.method,
      reference: p.reference ?? '',
      lineId: p.id,
    }));
  return [...charges, ...paid];
}

/** Semicolon-separated, decimal comma in belop_kr, UTF-8 with BOM (Excel opens æøå right), CRLF. */
export function toCsv(rows: ExportRow[]): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const kr = (ore: number) => (ore / 100).toFixed(2).replace('.', ',');
  const lines = [
    exportColumns.map((c) => c.header).join(';'),
    ...rows.map((r) =>
      [r.type, r.month, r.date, r.personId, r.name, r.nights, kr(r.amountOre), r.amountOre, r.method, r.reference, r.lineId].map(cell).join(';'),
    ),
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
