import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-database.ts';
import type { Database } from './client.ts';
import { planWithValues, withoutSorting } from './plan-mode.ts';

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

const setting = async (db: Database['db'], name: string) =>
  (await db.execute(sql`select current_setting(${name}) as value`) as unknown as { rows: { value: string }[] }).rows[0]!.value;

describe('withoutSorting', () => {
  it('turns sorting off for the one read it wraps, then on again, and the read still answers in order', async () => {
    const seen = await database.db.transaction(async (tx) => {
      const db = tx as unknown as Database['db'];
      const during = await withoutSorting(db, async () => ({
        setting: await setting(db, 'enable_sort'),
        // No index gives this order: PostgreSQL must still sort, sorting is only made a last resort.
        rows: (await db.execute(sql`select n from (values (2), (3), (1)) as t(n) order by n desc`) as unknown as { rows: { n: number }[] }).rows.map((r) => r.n),
      }));
      return { during, after: await setting(db, 'enable_sort') };
    });
    expect(seen).toEqual({ during: { setting: 'off', rows: [3, 2, 1] }, after: 'on' });
  });
});
