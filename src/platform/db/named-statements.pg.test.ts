import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from './client.ts';

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
});
