import type { Db } from '../../platform/db/client.ts';
import * as q from './payments.queries.ts';
import {
  DEFAULT_CAP_ORE,
  DEFAULT_RATE_ORE,
  countUntilFor,
  monthStart,
  monthlyCharge,
  nextMonth,
  type ArrangementAt,
  type Dated,
  type MonthlyCharge,
} from './payments.rules.ts';

// Loading what the charge rule needs from the database. No permission of its own: only services
// (which have checked theirs) call it.

export const RATE_KEY = 'payments.rate_per_night';
export const CAP_KEY = 'payments.monthly_cap';

const asOre = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback);

export async function datedRates(db: Db, tenantId: string) {
  const [rates, caps] = await Promise.all([q.listSettingValues(db, tenantId, RATE_KEY), q.listSettingValues(db, tenantId, CAP_KEY)]);
  return {
    rates: rates.map((r): Dated<number> => ({ validFrom: r.validFromOn, value: asOre(r.value, DEFAULT_RATE_ORE) })),
    caps: caps.map((r): Dated<number> => ({ validFrom: r.validFromOn, value: asOre(r.value, DEFAULT_CAP_ORE) })),
  };
}

export function toArrangementAt(row: q.ArrangementRow): ArrangementAt {
  return {
    id: row.id,
    validFrom: row.validFromOn,
    terms:
      row.kind === 'reduced' ? { kind: 'reduced', amountOre: row.amountOre ?? 0, per: row.per ?? 'month' } : row.kind === 'none' ? { kind: 'none' } : { kind: 'full' },
  };
}

/**
 * The month's charge of each person given (or of everyone with nights in the month when `personIds`
 * is left out), computed from the stays, the dated rate and cap and the arrangements as they are now.
 */
export async function computeCharges(db: Db, tenantId: string, month: string, today: string, personIds?: string[]): Promise<Map<string, MonthlyCharge>> {
  const until = countUntilFor(month, today);
  const from = monthStart(month);
  const stayRows = await q.listStaysBetween(db, tenantId, from, until < monthStart(nextMonth(month)) ? until : monthStart(nextMonth(month)), personIds);
  const ids = personIds ?? [...new Set(stayRows.map((s) => s.personId))];
  const { rates, caps } = await datedRates(db, tenantId);
  const arrangements = await q.listArrangements(db, tenantId, ids);
  const result = new Map<string, MonthlyCharge>();
  for (const id of ids) {
    result.set(
      id,
      monthlyCharge({
        month,
        countUntil: until,
        stays: stayRows.filter((s) => s.personId === id),
        rates,
        caps,
        arrangements: arrangements.filter((a) => a.personId === id).map(toArrangementAt),
      }),
    );
  }
  return result;
}
