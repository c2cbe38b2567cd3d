import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

// A fingerprint of every table the app owns: its row count and an md5 over its rows in a fixed order.
// Two databases with equal fingerprints hold the same data; used to prove a backup round-trips and
// that a crash or a refused request left nothing behind.

export interface TableFingerprint {
  rows: number;
  md5: string;
}

/** The application's tables (schema public, plus drizzle's migration record), by name. */
export async function listTables(db: Db): Promise<string[]> {
  const result = await db.execute<{ name: string }>(sql`
    select table_schema || '.' || table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle')
    order by 1`);
  return (result as unknown as { rows: { name: string }[] }).rows.map((r) => r.name);
}

export async function tableFingerprints(db: Db): Promise<Record<string, TableFingerprint>> {
  const out: Record<string, TableFingerprint> = {};
  for (const name of await listTables(db)) {
    const [schema, table] = name.split('.');
    const ident = sql.raw(`"${schema}"."${table}"`);
    const result = await db.execute<{ rows: string; md5: string }>(
      sql`select count(*)::text as rows, coalesce(md5(string_agg(t::text, E'\n' order by t::text)), '') as md5 from ${ident} t`,
    );
    const row = (result as unknown as { rows: { rows: string; md5: string }[] }).rows[0]!;
    out[name] = { rows: Number(row.rows), md5: row.md5 };
  }
  return out;
}
