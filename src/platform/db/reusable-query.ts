import { sql, type Param, type Placeholder, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * A query that Drizzle builds once per process instead of once per call: the values are placeholders
 * (`p.tenantId`), filled in when it runs, on whatever handle it is given (the request's transaction).
 *
 * Building a query is not free: Drizzle walks the selection, the joins and every condition to write
 * the SQL text, and for a query with aliased tables (the partner's names) that took 0.2–0.3 ms a call
 * (docs/scaling.md). For the few statements every request runs (the session check, the board), that
 * was a quarter of the app's CPU time. The SQL text, the parameters and the result mapping are the
 * same every time; only the values differ.
 *
 * Use it for hot read paths whose shape never changes (no optional conditions, no lists spelled out
 * as `$1, $2, …`: pass a list as one array parameter instead). A query with optional parts is two
 * reusable queries, one per shape.
 */
export type Placeholders<V> = { readonly [K in keyof V & string]: Placeholder<K, V[K]> };

/** What every Drizzle query builder has: it can be prepared, and the prepared query runs with values. */
interface Preparable<R> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R> };
}

/** The parts of a prepared query that the drivers' own prepared queries (node-postgres, PGlite) keep. */
interface Template {
  queryString: string;
  params: unknown[];
  fields: unknown;
  joinsNotNullableMap?: unknown;
  customResultMapper?: unknown;
}

export function reusableQuery<V extends Record<string, unknown>, R>(build: (db: Db, p: Placeholders<V>) => Preparable<R>): (db: Db, values: V) => Promise<R> {
  const placeholders = new Proxy({}, { get: (_, key) => sql.placeholder(String(key)) }) as Placeholders<V>;
  let template: Template | undefined;
  return async (db, values) => {
    // The name given here only labels the template; the statement itself runs unnamed through
    // Drizzle and is named (prepared on the connection) by the pool's NamingClient, as every other.
    template ??= build(db, placeholders).prepare('reusable') as unknown as Template;
    const query = db._.session.prepareQuery(
      { sql: template.queryString, params: template.params },
      template.fields as never,
      undefined,
      true,
      template.customResultMapper as never,
    ) as unknown as { joinsNotNullableMap?: unknown; execute(v: V): Promise<R> };
    query.joinsNotNullableMap = template.joinsNotNullableMap;
    return query.execute(values);
  };
}

/**
 * `column = any(ids)` for a list of ids passed as one uuid[] parameter (a placeholder, or
 * `sql.param(ids)`): one SQL text, so one prepared statement, for any number of ids.
 *
 * Written as `any(array(select unnest(…)))` on purpose. With a bare `any($2::uuid[])` the planner
 * costs a generic plan for ten ids; when the real lists are shorter (a service's few open stays, a
 * resident's two referrals) every custom plan looks cheaper, so PostgreSQL never keeps the generic
 * plan and plans the statement again on every call (the board's chain query: 0.7 ms instead of
 * 0.25 ms). Through a subquery the list's length is unknown to custom plans too, the two cost the
 * same, and the generic plan is kept after five runs.
 */
export function anyOfIds(column: SQLWrapper, ids: Placeholder | Param | SQL): SQL {
  return sql`${column} = any(array(select unnest(${ids}::uuid[])))`;
}
