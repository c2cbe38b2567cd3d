import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * For the rest of the transaction, every statement is planned with the values it is given, never by
 * the generic plan PostgreSQL may keep for a prepared statement after five runs (statements are
 * prepared by name: named-statements.ts). For the reports:
 * their plans depend on the months asked for, and the generic plan of the year report's statements
 * was four times slower (110 → 430 ms on the national data); one round trip in a request that takes
 * tens of milliseconds. The small, hot statements (the board, lists) keep their generic plans, which
 * is where preparing by name saves the planning time.
 */
export async function planWithValues(db: Db): Promise<void> {
  await db.execute(sql`select set_config('plan_cache_mode', 'force_custom_plan', true)`);
}

/**
 * Runs one "newest first, at most N" read with sorting as the planner's last resort, so it walks an
 * index that is already in that order and stops after N rows, then turns sorting back on. The plan
 * must not depend on how many rows match: that count comes from statistics, which lag behind a
 * fast-growing key. A resident who is read all day gains thousands of access-log rows between two
 * ANALYZE runs; with the estimate still at a few dozen, PostgreSQL fetched and sorted all of them
 * (27 000 rows, 89 ms) instead of reading the newest 200 from the index (0.7 ms; docs/scaling.md).
 * Both settings are local to the transaction; if fn fails, the rollback ends them.
 */
export async function withoutSorting<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  await db.execute(sql`select set_config('enable_sort', 'off', true)`);
  const result = await fn();
  await db.execute(sql`select set_config('enable_sort', 'on', true)`);
  return result;
}
