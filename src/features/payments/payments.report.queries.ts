import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { monthEnd, monthStart } from './payments.rules.ts';

/** The resident-payment figures of one month in one municipality, for the monthly report. */
export interface PaymentMonthTotals {
  /** yyyy-mm */
  month: string;
  /** Residents with a charge line for the month. */
  residentsCharged: number;
  /** Nights charged for the month (charge lines plus corrections). */
  nights: number;
  /** Charged for the month: the charge lines plus any corrections of the month, in øre. */
  chargedOre: number;
  /** The part of chargedOre that is corrections (the month was produced again after data changed). */
  correctionsOre: number;
  /** Payments dated in the month, in øre (whatever month they pay for). */
  paidOre: number;
  /** Owed at the end of the month, summed over the residents who owe: charges of months up to and
   *  including this one − payments dated up to its last day; credit of one resident does not offset another's arrears. */
  arrearsOre: number;
  /** Residents who owe at the end of the month. */
  residentsInArrears: number;
}

/**
 * Charges, payments and arrears of a municipality for a month, as stored now (a later correction of
 * the month changes the figures; produce the month before reporting it). SQL only, no permission
 * check and no audit: the caller (a service that has checked `report:read:aggregate` or
 * `payment:read`) owns those. Amounts are integer øre. Reused by the monthly report.
 */
export async function paymentMonthTotals(db: Db, tenantId: string, month: string): Promise<PaymentMonthTotals> {
  const first = monthStart(month);
  const last = monthEnd(month);
  const result = await db.execute<{
    residents_charged: number;
    nights: number;
    charged_ore: number;
    corrections_ore: number;
    paid_ore: number;
    arrears_ore: number;
    residents_in_arrears: number;
  }>(sql`
    with month_lines as (
      select person_id, kind, amount_ore, nights from payment_charges where tenant_id = ${tenantId} and month = ${month}
    ),
    owed as (
      select person_id, sum(amount) as balance from (
        select person_id, amount_ore::bigint as amount from payment_charges where tenant_id = ${tenantId} and month <= ${month}
        union all
        select person_id, -amount_ore::bigint from resident_payments where tenant_id = ${tenantId} and paid_on <= ${last}::date
      ) x group by person_id
    )
    select
      (select count(distinct person_id) from month_lines)::int as residents_charged,
      (select coalesce(sum(nights), 0) from month_lines)::int as nights,
      (select coalesce(sum(amount_ore), 0) from month_lines)::int as charged_ore,
      (select coalesce(sum(amount_ore) filter (where kind = 'correction'), 0) from month_lines)::int as corrections_ore,
      (select coalesce(sum(amount_ore), 0) from resident_payments
        where tenant_id = ${tenantId} and paid_on between ${first}::date and ${last}::date)::int as paid_ore,
      (select coalesce(sum(balance) filter (where balance > 0), 0) from owed)::int as arrears_ore,
      (select count(*) filter (where balance > 0) from owed)::int as residents_in_arrears
  `);
  const row = (result as unknown as { rows: Record<string, number>[] }).rows[0]!;
  return {
    month,
    residentsCharged: Number(row.residents_charged),
    nights: Number(row.nights),
    chargedOre: Number(row.charged_ore),
    correctionsOre: Number(row.corrections_ore),
    paidOre: Number(row.paid_ore),
    arrearsOre: Number(row.arrears_ore),
    residentsInArrears: Number(row.residents_in_arrears),
  };
}
