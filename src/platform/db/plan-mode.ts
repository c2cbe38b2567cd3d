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
