import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { monthsCte, num, rowsOf, tenantFilter, type Scope } from './reports.sql.ts';

/** External accommodation bought in each month (purchases dated in it): how many and their sum in øre. */
export async function externalSpendFigures(db: Db, scope: Scope, months: readonly string[]): Promise<{ month: string; purchases: number; spendOre: number }[]> {
  const rows = await rowsOf<{ ord: number; purchases: unknown; spend_ore: unknown }>(
    db,
    sql`with ${monthsCte(months)}
      select m.ord, count(p.id) as purchases, coalesce(sum(p.amount_ore), 0) as spend_ore
        from months m
        left join external_accommodation_purchases p
          on ${tenantFilter(sql`p.tenant_id`, scope)} and p.purchased_on >= m.first and p.purchased_on < m.next
       group by m.ord order by m.ord`,
  );
  return rows.map((r) => ({ month: months[Number(r.ord) - 1]!, purchases: num(r.purchases)!, spendOre: num(r.spend_ore)! }));
}
