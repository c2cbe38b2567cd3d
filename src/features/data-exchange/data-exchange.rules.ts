import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import { parseCsv, unescapeCell } from './data-exchange.csv.ts';
import { readZip } from './data-exchange.zip.ts';
import { exchangeColumns, exchangeEntity, rowSchemas, type ExchangeEntity } from './data-exchange.schema.ts';
import { exchangeEntities } from './data-exchange.tables.ts';
import type { MessageKey } from '../../platform/i18n/catalogue.ts';

/** An error found in the files, before it is put into words in the user's language. */
export interface RawIssue {
  file: string;
  entity: ExchangeEntity | null;
  row: number | null;
  column: string | null;
  key?: MessageKey;
  params?: Record<string, string | number>;
  /** A schema error, put into words by the platform's zod translation. */
  zodIssue?: z.core.$ZodIssue;
}

export interface SourceRow {
  file: string;
  row: number;
  values: Record<string, unknown>;
}

export type SourceTables = Record<ExchangeEntity, SourceRow[]>;

export interface UploadedFile {
  name: string;
  content: string;
  encoding: 'utf8' | 'base64';
}

export const jsonFormatName = 'bolig-nu/data-exchange';

const emptyTables = (): SourceTables => ({ houses: [], rooms: [], people: [], referrals: [], decisions: [], stays: [] });

/** "people.csv", "eksport/people.csv" → people; anything else → null. */
export function entityOfFileName(name: string): ExchangeEntity | null {
  const base = name.split(/[\\/]/).pop()!.toLowerCase().replace(/\.csv$/, '');
  const parsed = exchangeEntity.safeParse(base);
  return parsed.success ? parsed.data : null;
}

/**
 * Turns the uploaded files (CSV per entity, the one JSON file, or a ZIP of CSV files) into rows per
 * entity, with file-level errors: unknown file names, unknown columns, an entity given twice.
 */
export function readUploadedFiles(files: UploadedFile[]): { tables: SourceTables; issues: RawIssue[] } {
  const tables = emptyTables();
  const issues: RawIssue[] = [];
  const seen = new Map<ExchangeEntity, string>();
  const texts: { name: string; text: string }[] = [];

  for (const f of files) {
    const bytes = f.encoding === 'base64' ? Buffer.from(f.content, 'base64') : null;
    if (f.name.toLowerCase().endsWith('.zip')) {
      const entries = bytes ? readZip(bytes) : null;
      if (!entries) issues.push({ file: f.name, entity: null, row: null, column: null, key: 'dataExchange.issue.badZip' });
      else for (const e of entries) texts.push({ name: e.name, text: e.data.toString('utf8') });
    } else texts.push({ name: f.name, text: bytes ? bytes.toString('utf8') : f.content });
  }

  for (const { name, text } of texts) {
    const claim = (entity: ExchangeEntity) => {
      const before = seen.get(entity);
      if (before) {
        issues.push({ file: name, entity, row: null, column: null, key: 'dataExchange.issue.entityTwice', params: { other: before } });
        return false;
      }
      seen.set(entity, name);
      return true;
    };
    if (name.toLowerCase().endsWith('.json')) {
      readJson(name, text, tables, issues, claim);
      continue;
    }
    const entity = entityOfFileName(name);
    if (!entity) {
      issues.push({ file: name, entity: null, row: null, column: null, key: 'dataExchange.issue.unknownFile', params: { names: exchangeEntities.map((e) => `${e}.csv`).join(', ') } });
      continue;
    }
    if (!claim(entity)) continue;
    const csv = parseCsv(text);
    const known = new Set<string>(exchangeColumns[entity]);
    csv.header.forEach((h) => {
      if (!known.has(h)) issues.push({ file: name, entity, row: 1, column: h, key: 'dataExchange.issue.unknownColumn' });
    });
    for (const r of csv.records) {
      const values: Record<string, unknown> = {};
      csv.header.forEach((h, i) => {
        if (known.has(h)) values[h] = unescapeCell(r.values[i] ?? '');
      });
      tables[entity].push({ file: name, row: r.row, values });
    }
  }
  return { tables, issues };
}

function readJson(name: string, text: string, tables: SourceTables, issues: RawIssue[], claim: (e: ExchangeEntity) => boolean) {
  let doc: unknown;
  try {
    doc = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    issues.push({ file: name, entity: null, row: null, column: null, key: 'dataExchange.issue.badJson' });
    return;
  }
  if (typeof doc !== 'object' || doc === null || (doc as { format?: unknown }).format !== jsonFormatName) {
    issues.push({ file: name, entity: null, row: null, column: 'format', key: 'dataExchange.issue.jsonFormat', params: { format: jsonFormatName } });
    return;
  }
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'format' || key === 'version' || key === 'exportedAt') continue;
    const parsed = exchangeEntity.safeParse(key);
    if (!parsed.success || !Array.isArray(value)) {
      issues.push({ file: name, entity: null, row: null, column: key, key: 'dataExchange.issue.unknownKey' });
      continue;
    }
    const entity = parsed.data;
    if (!claim(entity)) continue;
    const known = new Set<string>(exchangeColumns[entity]);
    value.forEach((item: unknown, index) => {
      const values = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
      for (const k of Object.keys(values)) if (!known.has(k)) issues.push({ file: name, entity, row: index + 1, column: k, key: 'dataExchange.issue.unknownColumn' });
      tables[entity].push({ file: name, row: index + 1, values });
    });
  }
}

export interface ParsedRow<T> {
  file: string;
  row: number;
  data: T;
}

/** Validates every row of one entity with its schema; an empty cell or null means "not given". */
export function validateRows<E extends ExchangeEntity>(
  entity: E,
  rows: SourceRow[],
  issues: RawIssue[],
  /** Ids of rows refused here, so references to them are not reported a second time as unknown. */
  refusedIds?: Set<string>,
): ParsedRow<z.infer<(typeof rowSchemas)[E]>>[] {
  const out: ParsedRow<z.infer<(typeof rowSchemas)[E]>>[] = [];
  const schema = rowSchemas[entity] as unknown as z.ZodType<z.infer<(typeof rowSchemas)[E]>>;
  for (const r of rows) {
    const cleaned = Object.fromEntries(
      Object.entries(r.values).map(([k, v]) => [k, v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v]),
    );
    const result = schema.safeParse(cleaned);
    if (result.success) out.push({ file: r.file, row: r.row, data: result.data });
    else {
      if (typeof cleaned.id === 'string' || typeof cleaned.id === 'number') refusedIds?.add(String(cleaned.id).trim());
      for (const issue of result.error.issues)
        issues.push({ file: r.file, entity, row: r.row, column: issue.path.map(String).join('.') || null, zodIssue: issue });
    }
  }
  return out;
}

/** Two date ranges [start, end) overlap; a missing end is open (still living there). */
export function periodsOverlap(a: { startOn: string; endOn: string | null }, b: { startOn: string; endOn: string | null }): boolean {
  // A stay of zero nights (in and out the same day) takes no night and overlaps nothing.
  if (a.endOn === a.startOn || b.endOn === b.startOn) return false;
  return (b.endOn === null || a.startOn < b.endOn) && (a.endOn === null || b.startOn < a.endOn);
}

export interface StayPeriod {
  key: string;
  roomId: string;
  personIds: string[];
  startOn: string;
  endOn: string | null;
  /** Only new stays are reported; existing ones are what they are checked against. */
  isNew: boolean;
}

/** Every pair of stays (at least one of them new) in the same room, or of the same person, at the same time. */
export function findStayConflicts(stays: StayPeriod[]): { a: StayPeriod; b: StayPeriod; kind: 'room' | 'person' }[] {
  const conflicts: { a: StayPeriod; b: StayPeriod; kind: 'room' | 'person' }[] = [];
  const sorted = [...stays].sort((x, y) => x.startOn.localeCompare(y.startOn));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      // Sorted by start: once one starts after a has ended, no later one can overlap a.
      if (a.endOn !== null && b.startOn >= a.endOn) break;
      if (!a.isNew && !b.isNew) continue;
      if (!periodsOverlap(a, b)) continue;
      if (a.roomId === b.roomId) conflicts.push({ a, b, kind: 'room' });
      else if (a.personIds.some((p) => b.personIds.includes(p))) conflicts.push({ a, b, kind: 'person' });
    }
  }
  return conflicts;
}

/** A referral's status when the file leaves it blank: what its decision and stays say. */
export function deriveReferralStatus(
  decision: { outcome: 'offer' | 'waiting_list' | 'refusal'; offerStatus?: 'open' | 'accepted' | 'declined' | 'lapsed' } | undefined,
  hasStay: boolean,
): 'received' | 'offered' | 'waiting_list' | 'refused' | 'accepted' | 'declined' | 'lapsed' | 'checked_in' {
  if (hasStay) return 'checked_in';
  if (!decision) return 'received';
  if (decision.outcome === 'waiting_list') return 'waiting_list';
  if (decision.outcome === 'refusal') return 'refused';
  return decision.offerStatus === 'open' || !decision.offerStatus ? 'offered' : decision.offerStatus;
}

/** A keyed pseudonym: the same id gives the same pseudonym within one export (one key), never across. */
export function pseudonym(key: Buffer, kind: string, id: string): string {
  return `${kind.slice(0, 1).toUpperCase()}-${createHmac('sha256', key).update(`${kind}:${id}`).digest('base64url').slice(0, 12)}`;
}

export const birthYear = (birthDate: string | null) => (birthDate ? Number(birthDate.slice(0, 4)) : null);

/** Nights of a stay from check-in day A to check-out day B: B − A. */
export function nightsBetween(startOn: string, endOn: string): number {
  return Math.round((Date.parse(`${endOn}T00:00:00Z`) - Date.parse(`${startOn}T00:00:00Z`)) / 86_400_000);
}
