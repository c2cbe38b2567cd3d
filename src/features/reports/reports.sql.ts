import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { moveOutDestinations } from '../stays/moving-on.tables.ts';
import { destinationGroup } from '../stays/move-out.rules.ts';
import { reportGroupOf } from './reports.rules.ts';

// SQL building blocks shared by the report queries. Everything is computed in the database over date
// ranges; nothing loads the stays into memory.
//
// Definitions used throughout (they follow the stays feature):
// * A stay row runs from start_on (check-in day) to end_on (check-out day, null while open); it has
//   end_on − start_on nights, and a night belongs to the date it starts.
// * A room move ends one stay row and starts the next the same day (room_moves links them). A
//   resident's stay — an "episode" here — is the whole chain: it starts on the first row's start_on
//   and ends on the last row's end_on. Check-ins, check-outs and lengths of stay count episodes, so a
//   room move is neither a check-out nor a check-in.
// * A night counts once it has passed: for a month that has not ended, nights up to last night.

/** The scope of a report: one municipality, or every municipality (the national KOSTRA figure). */
export type Scope = { tenantId: string } | { tenantId: null };

export const tenantFilter = (column: SQL, scope: Scope) => (scope.tenantId ? sql`${column} = ${scope.tenantId}::uuid` : sql`true`);

/** The months as a VALUES-like CTE body: first day, first day of the next month. */
export function monthsCte(months: readonly string[]): SQL {
  const list = sql.join(
    months.map((m) => sql`${m}::date`),
    sql`, `,
  );
  return sql`months as (
    select m.first::date as first, (m.first + interval '1 month')::date as next, m.ord::int as ord
      from unnest(array[${list}]) with ordinality as m(first, ord)
  )`;
}

/**
 * The episodes CTE (a recursive walk along room moves from each chain's first row), named `episodes`
 * with columns first_id, last_stay_id, tenant_id, person_id, partner_person_id, start_on, end_on.
 * Must be the first CTE after `with recursive`.
 */
export function episodesCte(scope: Scope): SQL {
  return sql`walk(stay_id, first_id, depth) as (
      select s.id, s.id, 0 from stays s
       where ${tenantFilter(sql`s.tenant_id`, scope)}
         and not exists (select 1 from room_moves rm where rm.to_stay_id = s.id)
      union all
      select rm.to_stay_id, w.first_id, w.depth + 1
        from walk w join room_moves rm on rm.from_stay_id = w.stay_id
    ),
    last_rows as (
      select distinct on (w.first_id) w.first_id, w.stay_id as last_stay_id
        from walk w order by w.first_id, w.depth desc
    ),
    episodes as (
      select f.id as first_id, l.last_stay_id, f.tenant_id, f.person_id, f.partner_person_id,
             f.start_on, ls.end_on
        from last_rows l
        join stays f on f.id = l.first_id
        join stays ls on ls.id = l.last_stay_id
    )`;
}

/** CASE over move_outs.destination giving the report's destination group (one source: the TS mapping). */
export function destinationGroupCase(column: SQL): SQL {
  const whens = sql.join(
    moveOutDestinations.map((d) => sql`when ${d} then ${reportGroupOf(destinationGroup(d))}`),
    sql` `,
  );
  return sql`(case ${column} ${whens} else 'other' end)`;
}

export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** numeric/bigint come back as strings from node-postgres; this makes them numbers (null stays null). */
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
