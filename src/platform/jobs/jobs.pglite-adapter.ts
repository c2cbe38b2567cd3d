import type { PGlite } from '@electric-sql/pglite';
import type { Db as BossDb } from 'pg-boss';

/**
 * pg-boss's database on PGlite: the app's own instance, shared (PGlite is one process and one
 * connection; a second instance on the same data directory would lose rows).
 *
 * pg-boss sends two kinds of SQL. With parameters it is one statement: `query` runs it. Without
 * parameters it may be several statements in one text (schema set-up, a `BEGIN; … RETURNING …;
 * COMMIT` block); `query` refuses that ("cannot insert multiple commands into a prepared
 * statement"), so it goes through `exec`, which returns one result per statement. pg-boss 12 needs
 * the rows of EVERY statement, as node-postgres gives them for a multi-statement query: a RETURNING
 * or an advisory-lock row in the middle of a block must not be lost behind the trailing COMMIT ("a
 * custom db must return the rows of every statement"). So the rows of all results are joined in
 * order into one `{ rows }`, the shape pg-boss reads for a single statement too.
 *
 * PGlite runs each `query`/`exec` under its transaction lock, so pg-boss's statements never land
 * inside a request's transaction, and a request never lands inside pg-boss's BEGIN … COMMIT.
 */
export function pgliteJobsDb(pglite: PGlite): BossDb {
  return {
    async executeSql(text: string, values?: unknown[]) {
      try {
        if (values && values.length > 0) return await pglite.query(text, values);
        const results = await pglite.exec(text);
        return { rows: results.flatMap((r) => r.rows) };
      } catch (err) {
        // A failed statement inside pg-boss's own BEGIN … COMMIT leaves the one shared session in an
        // aborted transaction; a pool would hand out a fresh connection, here the block is rolled back.
        await pglite.query('ROLLBACK').catch(() => {});
        throw err;
      }
    },
  };
}
