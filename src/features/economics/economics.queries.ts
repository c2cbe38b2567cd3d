import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { people } from '../people/people.tables.ts';
import { externalPurchases, externalYearTotals, operatingBudgets } from './economics.tables.ts';

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function personExists(db: Db, tenantId: string, personId: string) {
  const [row] = await db.select({ id: people.id }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  return !!row;
}

export async function upsertBudget(db: Db, row: typeof operatingBudgets.$inferInsert) {
  const [saved] = await db
    .insert(operatingBudgets)
    .values(row)
    .onConflictDoUpdate({
      target: [operatingBudgets.tenantId, operatingBudgets.year],
      set: { amountOre: row.amountOre, note: row.note ?? null, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
    })
    .returning({ id: operatingBudgets.id });
  return saved!;
}

export async function upsertYearTotal(db: Db, row: typeof externalYearTotals.$inferInsert) {
  const [saved] = await db
    .insert(externalYearTotals)
    .values(row)
    .onConflictDoUpdate({
      target: [externalYearTotals.tenantId, externalYearTotals.year],
      set: {
        amountOre: row.amountOre,
        households: row.households ?? null,
        householdsOverThreeMonths: row.householdsOverThreeMonths ?? null,
        source: row.source ?? null,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      },
    })
    .returning({ id: externalYearTotals.id });
  return saved!;
}

export async function insertPurchases(db: Db, values: (typeof externalPurchases.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(externalPurchases).values(values).returning({ id: externalPurchases.id });
}

export async function listPurchases(db: Db, tenantId: string, limit = 200) {
  return db
    .select({
      id: externalPurchases.id,
      purchasedOn: externalPurchases.purchasedOn,
      provider: externalPurchases.provider,
      personId: externalPurchases.personId,
      personName: sql<string | null>`case when ${people.id} is null then null else ${people.givenName} || ' ' || ${people.familyName} end`,
      household: externalPurchases.household,
      nights: externalPurchases.nights,
      amountOre: externalPurchases.amountOre,
    })
    .from(externalPurchases)
    .leftJoin(people, eq(people.id, externalPurchases.personId))
    .where(eq(externalPurchases.tenantId, tenantId))
    .orderBy(desc(externalPurchases.purchasedOn), desc(externalPurchases.createdAt))
    .limit(limit);
}

export interface YearRow {
  year: number;
  budget_ore: number | null;
  occupied_nights: number;
  total_ore: number | null;
  households: number | null;
  households_over_three_months: number | null;
  purchases_ore: number;
  purchase_nights: number;
  purchase_count: number;
}

/**
 * Per year, from the first year with any figure to the current one: the budget, the nights in the
 * house (each stay's nights in the year; an open stay counts up to tonight, as the payments do), the
 * entered external total and the purchases. One SQL statement.
 */
export async function yearFigures(db: Db, tenantId: string, today: string): Promise<YearRow[]> {
  const result = await db.execute(sql`
    with bounds as (
      select least(
        (select min(year) from operating_budgets where tenant_id = ${tenantId}),
        (select min(year) from external_accommodation_year_totals where tenant_id = ${tenantId}),
        (select min(extract(year from purchased_on))::int from external_accommodation_purchases where tenant_id = ${tenantId}),
        (select min(extract(year from start_on))::int from stays where tenant_id = ${tenantId}),
        extract(year from ${today}::date)::int
      ) as first_year, extract(year from ${today}::date)::int as last_year
    ),
    years as (select generate_series(first_year, last_year) as year from bounds),
    nights as (
      select y.year, coalesce(sum(greatest(0,
        least(coalesce(s.end_on, ${today}::date + 1), ${today}::date + 1, make_date(y.year + 1, 1, 1))
        - greatest(s.start_on, make_date(y.year, 1, 1)))) filter (where s.id is not null), 0)::int as occupied_nights
      from years y
      left join stays s on s.tenant_id = ${tenantId} and s.start_on < make_date(y.year + 1, 1, 1)
        and (s.end_on is null or s.end_on > make_date(y.year, 1, 1))
      group by y.year
    ),
    purchases as (
      select extract(year from purchased_on)::int as year, sum(amount_ore)::bigint as ore, sum(nights)::int as nights, count(*)::int as n
      from external_accommodation_purchases where tenant_id = ${tenantId} group by 1
    )
    select y.year, b.amount_ore as budget_ore, n.occupied_nights, t.amount_ore as total_ore, t.households,
      t.households_over_three_months, coalesce(p.ore, 0) as purchases_ore, coalesce(p.nights, 0) as purchase_nights,
      coalesce(p.n, 0) as purchase_count
    from years y
    join nights n on n.year = y.year
    left join operating_budgets b on b.tenant_id = ${tenantId} and b.year = y.year
    left join external_accommodation_year_totals t on t.tenant_id = ${tenantId} and t.year = y.year
    left join purchases p on p.year = y.year
    order by y.year
  `);
  return rows<YearRow>(result).map((r) => ({
    year: Number(r.year),
    budget_ore: r.budget_ore === null ? null : Number(r.budget_ore),
    occupied_nights: Number(r.occupied_nights),
    total_ore: r.total_ore === null ? null : Number(r.total_ore),
    households: r.households === null ? null : Number(r.households),
    households_over_three_months: r.households_over_three_months === null ? null : Number(r.households_over_three_months),
    purchases_ore: Number(r.purchases_ore),
    purchase_nights: Number(r.purchase_nights),
    purchase_count: Number(r.purchase_count),
  }));
}
