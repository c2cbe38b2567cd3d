// What the benchmark needs to know about the loaded data (read back from the database, so --reuse
// works), the reset of the contention service between runs, and the checks made afterwards in SQL.
import type { Raw } from './load-data.ts';
import type { Endpoint } from './sql-limit.ts';

export interface Meta {
  staffUsername: string;
  residentId: string;
  searchTerm: string;
  counts: Record<string, number>;
  contention: { tenantId: string; username: string; houseRulesVersionId: string; roomIds: string[]; offerIds: string[] };
  /** 50 staff users of several services, each with a current resident of their own service. */
  loadUsers: { username: string; residentId: string }[];
  reportEndpoints: Endpoint[];
}

export async function deriveMeta(raw: Raw): Promise<Meta> {
  const one = async <T>(text: string, params: unknown[] = []) => (await raw.query<T>(text, params)).rows[0]!;
  const tenant0 = await one<{ id: string }>(`select id from tenants where municipality_number = '3000'`);
  // The current resident of the first service with the longest journal: the heaviest resident page.
  const resident = await one<{ person_id: string }>(
    `select s.person_id from stays s
       where s.tenant_id = $1 and s.end_on is null
       order by (select count(*) from journal_entries j where j.person_id = s.person_id) desc, s.person_id limit 1`,
    [tenant0.id],
  );
  const queue = await one<{ id: string; version_id: string }>(
    `select t.id, h.id as version_id from tenants t join house_rules_versions h on h.tenant_id = t.id where t.municipality_number = '9999'`,
  );
  const roomIds = (await raw.query<{ id: string }>(`select id from rooms where tenant_id = $1 order by sort_order`, [queue.id])).rows.map((r) => r.id);
  const offerIds = (await raw.query<{ id: string }>(`select id from offers where tenant_id = $1 order by id`, [queue.id])).rows.map((r) => r.id);
  // Staff of the first services, six each, with that service's current residents.
  const loadUsers = (
    await raw.query<{ username: string; person_id: string }>(
      `with u as (
         select u.username, u.tenant_id, row_number() over (partition by u.tenant_id order by u.username) as k
           from users u join user_roles ur on ur.user_id = u.id and ur.role_key = 'staff'
          where u.username like 'b%-ansatt%'),
       r as (
         select s.tenant_id, s.person_id, row_number() over (partition by s.tenant_id order by s.person_id) as k,
                count(*) over (partition by s.tenant_id) as n
           from stays s where s.end_on is null)
       select u.username, r.person_id from u join r on r.tenant_id = u.tenant_id and r.k = 1 + (u.k - 1) % r.n
        order by u.tenant_id, u.username limit 50`,
    )
  ).rows.map((r) => ({ username: r.username, residentId: r.person_id }));
  const counts: Record<string, number> = {};
  for (const table of ['tenants', 'rooms', 'people', 'referrals', 'stays', 'move_outs', 'journal_entries', 'waiting_list_entries', 'payment_charges', 'resident_payments', 'incidents', 'audit_events']) {
    counts[table] = Number((await one<{ n: string }>(`select count(*)::text as n from "${table}"`)).n);
  }
  return {
    staffUsername: 'b0-ansatt1',
    residentId: resident.person_id,
    searchTerm: 'Hansen',
    counts,
    contention: { tenantId: queue.id, username: 'kø-ansatt', houseRulesVersionId: queue.version_id, roomIds, offerIds },
    loadUsers,
    reportEndpoints: [],
  };
}

/** Undoes the check-ins of an earlier run in the contention service, so --reuse measures the same thing. */
export async function resetContention(raw: Raw, tenantId: string) {
  for (const table of ['house_rules_acceptances', 'key_issues', 'inventory_checks', 'room_keys', 'room_state_changes']) {
    await raw.query(`delete from "${table}" where tenant_id = $1`, [tenantId]);
  }
  await raw.query(`delete from stays where tenant_id = $1`, [tenantId]);
  await raw.query(`update rooms set state = 'ready' where tenant_id = $1`, [tenantId]);
  await raw.query(`update referrals set status = 'accepted' where tenant_id = $1`, [tenantId]);
}

async function openRaw(target: { databaseUrl?: string; dataDir?: string }): Promise<{ raw: Raw; close(): Promise<void> }> {
  if (target.databaseUrl) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    return { raw: client, close: () => client.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const client = await PGlite.create(target.dataDir, { extensions: { btree_gist } });
  return { raw: client as unknown as Raw, close: () => client.close() };
}

/** After the runs: overlapping stays anywhere (must be 0), stays in the contention rooms, rows written by the load test. */
export async function afterChecks(target: { databaseUrl?: string; dataDir?: string }, meta: Meta, loadMarker: string | null) {
  const { raw, close } = await openRaw(target);
  try {
    const overlaps = Number(
      (
        await raw.query<{ n: string }>(
          `select count(*)::text as n from stays a join stays b
             on a.room_id = b.room_id and a.id < b.id
            and daterange(a.start_on, a.end_on, '[)') && daterange(b.start_on, b.end_on, '[)')
            where a.tenant_id = $1`,
          [meta.contention.tenantId],
        )
      ).rows[0]!.n,
    );
    const staysInRooms = Number((await raw.query<{ n: string }>(`select count(*)::text as n from stays where tenant_id = $1`, [meta.contention.tenantId])).rows[0]!.n);
    const loadRows = loadMarker
      ? Number((await raw.query<{ n: string }>(`select count(*)::text as n from journal_entries where body like $1`, [`${loadMarker}%`])).rows[0]!.n)
      : null;
    // The generator's promise, checked on all the data: nobody is in two stays at once.
    const personOverlaps = Number(
      (
        await raw.query<{ n: string }>(
          `select count(*)::text as n from stays a join stays b
             on a.person_id = b.person_id and a.id < b.id
            and daterange(a.start_on, a.end_on, '[)') && daterange(b.start_on, b.end_on, '[)')`,
        )
      ).rows[0]!.n,
    );
    const national = await nationalYear(raw, Number(new Date().getUTCFullYear()) - 1);
    return { overlaps, staysInRooms, loadRows, national, personOverlaps };
  } finally {
    await close();
  }
}

/**
 * The national KOSTRA-style aggregation for one year, over every service, in one statement: per
 * municipality the households in temporary housing, the nights, the stays past three months and the
 * move-outs to a home of one's own. Until the reports feature lands on main this is the database's
 * own time for it (the median of three runs); the report endpoint will add its HTTP and mapping cost.
 */
export const nationalYearSql = `
  select t.municipality_number,
         count(distinct s.person_id) as households,
         sum(least(coalesce(s.end_on, $2::date), $2::date) - greatest(s.start_on, $1::date)) as nights,
         count(*) filter (where coalesce(s.end_on, $2::date) - s.start_on > 90) as over_three_months,
         count(m.id) filter (where m.moved_out_on >= $1::date and m.moved_out_on < $2::date
                               and m.destination in ('private_rental', 'municipal_rental', 'owned_home')) as to_own_home
    from stays s
    join tenants t on t.id = s.tenant_id
    left join move_outs m on m.stay_id = s.id
   where s.start_on < $2::date and (s.end_on is null or s.end_on > $1::date)
   group by t.municipality_number`;

async function nationalYear(raw: Raw, year: number) {
  const times: number[] = [];
  let municipalities = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const { rows } = await raw.query(nationalYearSql, [`${year}-01-01`, `${year + 1}-01-01`]);
    times.push(performance.now() - t);
    municipalities = rows.length;
  }
  times.sort((a, b) => a - b);
  return { name: `SQL, ${year}, ${municipalities} municipalities`, ms: Math.round(times[1]!) };
}
