import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from './client.ts';
import { anyOfIds } from './reusable-query.ts';

// PostgreSQL only: statements with parameters are prepared by name on their connection (named-statements.ts),
// so the server parses and plans them once per connection; DATABASE_PREPARE=false turns that off.

async function preparedOnOneConnection(database: Database, marker: number) {
  return database.db.transaction(async (tx) => {
    const answers: number[] = [];
    for (const n of [1, 2, 3]) {
      const result = await tx.execute(sql`select ${n}::int + ${marker}::int as total`);
      answers.push(Number((result as unknown as { rows: { total: number }[] }).rows[0]!.total));
    }
    // No parameters: this one is not named, and reads the connection's prepared statements.
    const listed = await tx.execute(sql.raw(`select statement from pg_prepared_statements where statement like '%::int + %'`));
    return { answers, statements: (listed as unknown as { rows: { statement: string }[] }).rows.map((r) => r.statement) };
  });
}

describe('named statements on PostgreSQL', () => {
  it('prepares a statement with parameters once on the connection and answers each call with its own values', async () => {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, migrate: false, poolMax: 1 });
    try {
      const { answers, statements } = await preparedOnOneConnection(database, 10);
      expect(answers).toEqual([11, 12, 13]);
      expect(statements).toEqual(['select $1::int + $2::int as total']);
    } finally {
      await database.close();
    }
  });

  it('prepares nothing when turned off (a pooler in transaction mode)', async () => {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, migrate: false, poolMax: 1, namedStatements: false });
    try {
      const { answers, statements } = await preparedOnOneConnection(database, 20);
      expect(answers).toEqual([21, 22, 23]);
      expect(statements).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('keeps one generic plan for a list of ids given as anyOfIds, however short the lists are', async () => {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, migrate: false, poolMax: 1 });
    try {
      const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
      const plans = await database.db.transaction(async (tx) => {
        // A table looked up by its key: the cost of a plan grows with the number of ids it expects.
        await tx.execute(sql.raw(`create temp table listed_ids (id uuid primary key) on commit drop`));
        await tx.execute(sql.raw(`insert into listed_ids select ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid from generate_series(1, 5000) n`));
        await tx.execute(sql.raw(`analyze listed_ids`));
        const found: number[] = [];
        for (let run = 0; run < 8; run++) {
          const result = await tx.execute(sql`select count(*)::int as n from listed_ids t where ${anyOfIds(sql`t.id`, sql.param(ids))} and ${run}::int >= 0`);
          found.push((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
        }
        const listed = await tx.execute(sql.raw(`select generic_plans, custom_plans from pg_prepared_statements where statement like '%any(array(select unnest(%'`));
        return { found, counts: (listed as unknown as { rows: { generic_plans: string; custom_plans: string }[] }).rows };
      });
      expect(plans.found).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
      expect(plans.counts).toHaveLength(1);
      // PostgreSQL tries five custom plans, then keeps the generic one: planned once more, not eight times.
      expect(Number(plans.counts[0]!.generic_plans)).toBeGreaterThan(0);
      expect(Number(plans.counts[0]!.custom_plans)).toBeLessThanOrEqual(5);
    } finally {
      await database.close();
    }
  });
});
