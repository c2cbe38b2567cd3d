// CSV as the documented exchange format: UTF-8 (a byte-order mark is ignored), a header row, semicolon
// or comma (whichever the header row uses), fields quoted with " when they hold the separator, a quote
// or a line break. Pure functions; no I/O.

export interface CsvTable {
  header: string[];
  /** Records after the header; `row` is the spreadsheet row number (the header is row 1). */
  records: { row: number; values: string[] }[];
}

/** Picks the separator from the header row: semicolon (what Excel in Norway writes) unless there is none. */
export function detectSeparator(text: string): ';' | ',' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes(';') ? ';' : ',';
}

export function parseCsv(input: string): CsvTable {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const sep = detectSeparator(text);
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else field += ch;
    i += 1;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header = [], ...rest] = rows;
  return {
    header: header.map((h) => h.trim()),
    records: rest
      .map((values, index) => ({ row: index + 2, values }))
      // A blank line (often the last one) is no record.
      .filter((r) => !(r.values.length === 1 && r.values[0]!.trim() === '')),
  };
}

// A cell that starts like a formula is prefixed with ' so a spreadsheet shows it as text (CSV
// injection); the import takes the ' off again, so the round trip is exact.
const formulaStart = /^(?:[=@\t\r]|[+-](?![\d ]))/;

export function unescapeCell(value: string): string {
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

function escapeCell(value: string, sep: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(sep) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export type CellValue = string | number | boolean | null | undefined;

/** Writes a CSV file: byte-order mark (so Excel reads UTF-8), semicolons, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CellValue[])[], sep = ';'): string {
  const line = (cells: readonly CellValue[]) => cells.map((c) => escapeCell(c === null || c === undefined ? '' : String(c), sep)).join(sep);
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
