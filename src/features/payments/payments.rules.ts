// Pure rules of the resident's payment (egenbetaling). No I/O. Dates are ISO calendar dates
// (yyyy-mm-dd) in Europe/Oslo, months are yyyy-mm, money is integer øre.
//
// Per resident and calendar month: min(rate × nights, monthly cap, assessed ability to pay).
// - A night belongs to the month of the date it starts; a stay from day A to day B has B − A nights.
// - Rate and cap are dated settings: the rate of each night is the rate in force on the night's date,
//   so a change in the middle of a month (or a stay) applies from its date. The cap of a month is the
//   cap in force on the last night counted in that month.
// - The arrangement in force on each night's date decides what that night costs:
//     full     → the rate;
//     reduced  → per night: min(rate, amount); per month: the nights under it cost at most the amount
//                in that month (no proration: it is what the resident was assessed able to pay a month);
//     none     → 0 (income is social assistance; NAV's decision is referenced).
//   The sum is then held to the cap.
// - An open stay counts up to `countUntil` (exclusive): the first day of the next month for a month
//   that has ended; for the current month the day after today, so tonight's night (which starts
//   today) is counted from today. Producing the month again after it ends adds the rest as a correction.

export const DEFAULT_RATE_ORE = 30_000; // 300 kr a night
export const DEFAULT_CAP_ORE = 900_000; // 9 000 kr a month
/** The largest single payment accepted: above this is a typing error, not a payment. */
export const MAX_PAYMENT_ORE = 10_000_000; // 100 000 kr

const pad = (n: number) => String(n).padStart(2, '0');

function parseIso(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parseIso(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const [y1, m1, d1] = parseIso(a);
  const [y2, m2, d2] = parseIso(b);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

export const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
export const monthStart = (month: string) => `${month}-01`;
export const monthOf = (day: string) => day.slice(0, 7);

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** The last day of a month. */
export const monthEnd = (month: string) => addDays(monthStart(nextMonth(month)), -1);

/**
 * Where counting stops (exclusive) for a month seen on `today`: a month that has ended counts to its
 * end; the current month counts tonight's night; a future month counts nothing.
 */
export function countUntilFor(month: string, today: string): string {
  const end = monthStart(nextMonth(month));
  const tomorrow = addDays(today, 1);
  return tomorrow < end ? tomorrow : end;
}

export interface Dated<T> {
  validFrom: string;
  value: T;
}

/** The value in force on a day: the latest dated value from on or before it, else the fallback. */
export function valueOn<T>(values: readonly Dated<T>[], day: string, fallback: T): T {
  let best: Dated<T> | undefined;
  for (const v of values) if (v.validFrom <= day && (!best || v.validFrom > best.validFrom)) best = v;
  return best ? best.value : fallback;
}

export type ArrangementTerms =
  | { kind: 'full' }
  | { kind: 'reduced'; amountOre: number; per: 'night' | 'month' }
  | { kind: 'none' };

export interface ArrangementAt {
  id: string;
  validFrom: string;
  terms: ArrangementTerms;
}

export interface StaySpan {
  startOn: string;
  endOn: string | null;
}

/** The dates of the nights of these stays that fall in the month, before `countUntil`. */
export function nightsInMonth(stays: readonly StaySpan[], month: string, countUntil: string): string[] {
  const from = monthStart(month);
  const until = [monthStart(nextMonth(month)), countUntil].sort()[0]!;
  const nights = new Set<string>();
  for (const s of stays) {
    const start = s.startOn > from ? s.startOn : from;
    const end = s.endOn && s.endOn < until ? s.endOn : until;
    for (let d = start; d < end; d = addDays(d, 1)) nights.add(d);
  }
  return [...nights].sort();
}

export interface ChargeSegment {
  fromOn: string;
  /** Exclusive: the day after the segment's last night. */
  toOn: string;
  nights: number;
  rateOre: number;
  arrangementId: string | null;
  terms: ArrangementTerms;
  /** rate × nights */
  grossOre: number;
  /** What the nights cost under the arrangement, before a monthly amount and the cap. */
  nightlyOre: number;
}

export interface MonthlyCharge {
  month: string;
  nights: number;
  segments: ChargeSegment[];
  /** Rate × nights, the full price. */
  grossOre: number;
  /** What the arrangements took off the full price (reduced or none). */
  reductionOre: number;
  capOre: number;
  capApplied: boolean;
  /** What the cap took off. */
  capReductionOre: number;
  amountDueOre: number;
}

export interface ChargeInput {
  month: string;
  stays: readonly StaySpan[];
  countUntil: string;
  rates: readonly Dated<number>[];
  caps: readonly Dated<number>[];
  arrangements: readonly ArrangementAt[];
}

const fullPrice: ArrangementTerms = { kind: 'full' };

/** The charge of one resident for one month. Same input, same output. */
export function monthlyCharge(input: ChargeInput): MonthlyCharge {
  const nights = nightsInMonth(input.stays, input.month, input.countUntil);
  const arrangementsDated = input.arrangements.map((a) => ({ validFrom: a.validFrom, value: a }));
  const segments: ChargeSegment[] = [];
  for (const night of nights) {
    const rateOre = valueOn(input.rates, night, DEFAULT_RATE_ORE);
    const arrangement = valueOn<ArrangementAt | null>(arrangementsDated, night, null);
    const terms = arrangement?.terms ?? fullPrice;
    const nightOre = terms.kind === 'none' ? 0 : terms.kind === 'reduced' && terms.per === 'night' ? Math.min(rateOre, terms.amountOre) : rateOre;
    const last = segments.at(-1);
    if (last && last.toOn === night && last.rateOre === rateOre && last.arrangementId === (arrangement?.id ?? null)) {
      last.toOn = addDays(night, 1);
      last.nights++;
      last.grossOre += rateOre;
      last.nightlyOre += nightOre;
    } else {
      segments.push({ fromOn: night, toOn: addDays(night, 1), nights: 1, rateOre, arrangementId: arrangement?.id ?? null, terms, grossOre: rateOre, nightlyOre: nightOre });
    }
  }
  const grossOre = segments.reduce((sum, s) => sum + s.grossOre, 0);
  // A monthly amount holds the nights under that arrangement in this month to at most the amount.
  const byArrangement = new Map<string, { terms: ArrangementTerms; ore: number }>();
  let afterArrangements = 0;
  for (const s of segments) {
    if (s.terms.kind === 'reduced' && s.terms.per === 'month' && s.arrangementId) {
      const entry = byArrangement.get(s.arrangementId) ?? { terms: s.terms, ore: 0 };
      entry.ore += s.nightlyOre;
      byArrangement.set(s.arrangementId, entry);
    } else afterArrangements += s.nightlyOre;
  }
  for (const { terms, ore } of byArrangement.values()) afterArrangements += terms.kind === 'reduced' ? Math.min(ore, terms.amountOre) : ore;
  const capOre = valueOn(input.caps, nights.at(-1) ?? monthStart(input.month), DEFAULT_CAP_ORE);
  const amountDueOre = Math.min(afterArrangements, capOre);
  return {
    month: input.month,
    nights: nights.length,
    segments,
    grossOre,
    reductionOre: grossOre - afterArrangements,
    capOre,
    capApplied: afterArrangements > capOre,
    capReductionOre: afterArrangements - amountDueOre,
    amountDueOre,
  };
}

/** A correction is the difference between what the month comes to now and what was charged before. */
export function correctionOre(chargedSoFarOre: number, nowOre: number): number {
  return nowOre - chargedSoFarOre;
}

/** Why a payment amount is refused, or null when it is a plausible payment. */
export function paymentAmountProblem(amountOre: number): 'not_whole' | 'not_positive' | 'too_large' | null {
  if (!Number.isInteger(amountOre)) return 'not_whole';
  if (amountOre <= 0) return 'not_positive';
  if (amountOre > MAX_PAYMENT_ORE) return 'too_large';
  return null;
}

/**
 * The oldest month still unpaid, paying the oldest charges first: null when payments cover every
 * charge. `charges` are per month (any order).
 */
export function arrearsSince(charges: readonly { month: string; amountOre: number }[], paidOre: number): string | null {
  let left = paidOre;
  for (const c of [...charges].sort((a, b) => a.month.localeCompare(b.month))) {
    if (c.amountOre <= 0) continue;
    if (left >= c.amountOre) left -= c.amountOre;
    else return c.month;
  }
  return null;
}

/** "12 345,50" or "12345" (kroner, as typed in a form) → øre; null when it is not an amount. */
export function parseKroner(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}
