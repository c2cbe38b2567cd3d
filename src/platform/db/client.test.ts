import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from './client.ts';

// PGlite runs in the app's own thread. Under load its queue of statements must not hold off the event
// loop: a burst of statements that ran back to back in microtasks kept Node from accepting new
// connections, and 34 of 50 load-test users waited over 30 s for their first answer (bench --load).

describe('PGlite under a queue of work', () => {
  it('lets the event loop turn between statements, and still runs them in the order they came', async () => {
    const database = await openDatabase({ migrate: false });
    try {
      let finished = 0;
      const order: number[] = [];
      const burst = Array.from({ length: 100 }, (_, i) =>
        database.db.execute(sql`select ${i}::int as i`).then(() => {
          order.push(i);
          finished++;
        }),
      );
      // Once the first statement is done, how many have finished when the loop next gets a turn?
      const atNextTurn = await burst[0]!.then(() => new Promise<number>((resolve) => setImmediate(() => resolve(finished))));
      await Promise.all(burst);
      expect(atNextTurn).toBeLessThan(5);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      // A transaction takes its turn like a statement, and statements inside it run at once.
      const inside = await database.db.transaction(async (tx) => {
        await tx.execute(sql`create temporary table t (n int)`);
        await tx.execute(sql`insert into t values (1), (2)`);
        return ((await tx.execute(sql`select count(*)::int as n from t`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
      });
      expect(inside).toBe(2);
    } finally {
      await database.close();
    }
  });
});
