import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { planWithValues } from '../../platform/db/plan-mode.ts';
import { episodesCte, num, rowsOf, type Scope } from './reports.sql.ts';

// KOSTRA form 13 (skjema 13), the temporary-accommodation figures, computed in one query.
//
// Definitions (SSB, see docs norway-research.md § 1.1; written down here as the code counts them):
// * Household (husstand): the applicant of a stay (stays.person_id) with any partner and children on
//   that person's household. A household is counted ONCE in the year however many stays it had.
// * In temporary accommodation during the year: at least one night in the year (a night belongs to
//   the date it starts), or a stay of no nights that began and ended on one day of the year. A stay
//   that crosses New Year counts its nights in each year separately.
// * With children: a child (household_members, relation child) of the applicant or the partner who
//   was under 18 on the household's first night in the year (a child with no birth date recorded
//   counts: it was recorded as a child under 18).
// * More than three months: the household's nights in the year (all stays together) are more than
//   92 — the most nights three calendar months can hold — or one stay (a chain of room moves is one
//   stay) went on past its three-month date within the year (a night on or after the same date three
//   months after its first night in the year, the three-month rule of the service).
// * 14 days or less: the household's nights in the year, all stays together, are 14 or fewer.
// * Shares are percentages with one decimal: with children over three months ÷ with children;
//   14 days or less ÷ all households. Night shelters (natthjem) are not in this service.
// * For the year that is running, nights are counted up to last night.

export interface KostraCounts {
  households: number;
  householdsWithChildren: number;
  householdsWithChildrenOverThreeMonths: number;
  householdsUpTo14Days: number;
}

/**
 * The KOSTRA counts for one year: for one municipality, or — with `{ tenantId: null }` — for every
 * municipality together (the national aggregation the benchmark times).
 */
export async function kostraCounts(db: Db, scope: Scope, year: number, today: string): Promise<KostraCounts> {
  await planWithValues(db);
  const first = `${year}-01-01`;
  const next = `${year + 1}-01-01`;
  const [row] = await rowsOf<Record<string, unknown>>(
    db,
    sql`with recursive ${episodesCte(scope)},
    yr as (select ${first}::date as first, ${next}::date as next, least(${next}::date, ${today}::date) as stop),
    ep as (
      select e.tenant_id, e.person_id, e.partner_person_id,
             greatest(e.start_on, y.first) as ys,
             greatest(greatest(e.start_on, y.first), least(coalesce(e.end_on, 'infinity'::date), y.stop)) as ye
        from episodes e cross join yr y
       where (e.start_on < y.stop and coalesce(e.end_on, 'infinity'::date) > y.first)
          or (e.end_on = e.start_on and e.start_on >= y.first and e.start_on < y.next and e.start_on <= ${today}::date)
    ),
    households as (
      select ep.tenant_id, ep.person_id,
             sum(ep.ye - ep.ys) as nights,
             bool_or(ep.ye > (ep.ys + interval '3 months')::date) as one_stay_over,
             min(ep.ys) as first_night,
             array_agg(distinct ep.partner_person_id) filter (where ep.partner_person_id is not null) as partners
        from ep group by ep.tenant_id, ep.person_id
    ),
    flagged as (
      select h.nights,
             (h.one_stay_over or h.nights > 92) as over_three_months,
             exists (
               select 1 from household_members hm
                where hm.relation = 'child'
                  and (hm.person_id = h.person_id or hm.person_id = any(coalesce(h.partners, array[]::uuid[])))
                  and (hm.birth_date_on is null or hm.birth_date_on > (h.first_night - interval '18 years')::date)
             ) as with_children
        from households h
    )
    select count(*) as households,
           count(*) filter (where with_children) as with_children,
           count(*) filter (where with_children and over_three_months) as with_children_over,
           count(*) filter (where nights <= 14) as up_to_14
      from flagged`,
  );
  return {
    households: num(row?.households) ?? 0,
    householdsWithChildren: num(row?.with_children) ?? 0,
    householdsWithChildrenOverThreeMonths: num(row?.with_children_over) ?? 0,
    householdsUpTo14Days: num(row?.up_to_14) ?? 0,
  };
}
