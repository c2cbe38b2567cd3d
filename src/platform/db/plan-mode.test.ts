import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-database.ts';
import type { Database } from './client.ts';
import { planWithValues } from './plan-mode.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const mode = async (db: Database['db']) =>
  (await db.execute(sql`select current_setting('plan_cache_mode') as mode`) as unknown as { rows: { mode: string }[] }).rows[0]!.mode;

describe('planWithValues', () => {
  it('plans every statement with its values for the rest of the transaction only', async () => {
    const inside = await database.db.transaction(async (tx) => {
      const before = await mode(tx as unknown as Database['db']);
      await planWithValues(tx as unknown as Database['db']);
      return { before, after: await mode(tx as unknown as Database['db']) };
    });
    expect(inside).toEqual({ before: 'auto', after: 'force_custom_plan' });
    expect(await mode(database.db)).toBe('auto');
  });
});
