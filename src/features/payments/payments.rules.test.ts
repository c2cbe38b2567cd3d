import { describe, expect, it } from 'vitest';
import {
  arrearsSince,
  countUntilFor,
  monthEnd,
  monthlyCharge,
  nightsInMonth,
  parseKroner,
  paymentAmountProblem,
  valueOn,
  type ArrangementAt,
  type ChargeInput,
} from './payments.rules.ts';

const kr = (n: number) => n * 100;
const base = (over: Partial<ChargeInput>): ChargeInput => ({
  month: '2026-11',
  stays: [],
  countUntil: '2026-12-01',
  rates: [],
  caps: [],
  arrangements: [],
  ...over,
});

describe('nights of a month', () => {
  it('gives a night to the month of the date it starts: 30.11 → 02.12 is one night in November and one in December', () => {
    const stay = [{ startOn: '2026-11-30', endOn: '2026-12-02' }];
    expect(nightsInMonth(stay, '2026-11', '2026-12-01')).toEqual(['2026-11-30']);
    expect(nightsInMonth(stay, '2026-12', '2027-01-01')).toEqual(['2026-12-01']);
  });

  it('counts B − A nights for a stay from A to B inside a month', () => {
    expect(nightsInMonth([{ startOn: '2026-11-03', endOn: '2026-11-10' }], '2026-11', '2026-12-01')).toHaveLength(7);
  });

  it('counts no night for a stay that ends the day it starts', () => {
    const charge = monthlyCharge(base({ stays: [{ startOn: '2026-11-10', endOn: '2026-11-10' }] }));
    expect(charge).toMatchObject({ nights: 0, grossOre: 0, amountDueOre: 0, capApplied: false, segments: [] });
  });

  it('counts an open stay to the month end for a month that has ended, and to tonight for the current month', () => {
    const open = [{ startOn: '2026-10-20', endOn: null }];
    expect(countUntilFor('2026-10', '2026-11-26')).toBe('2026-11-01');
    expect(nightsInMonth(open, '2026-10', countUntilFor('2026-10', '2026-11-26'))).toHaveLength(12); // 20.–31. October
    expect(countUntilFor('2026-11', '2026-11-26')).toBe('2026-11-27');
    expect(nightsInMonth(open, '2026-11', countUntilFor('2026-11', '2026-11-26'))).toHaveLength(26); // 1.–26. November
    expect(countUntilFor('2026-12', '2026-11-26')).toBe('2026-11-27');
    expect(nightsInMonth(open, '2026-12', countUntilFor('2026-12', '2026-11-26'))).toHaveLength(0);
  });
});

describe('the monthly charge: min(rate × nights, cap, ability to pay)', () => {
  it('charges 300 kr a night by default: 10 nights are 3 000 kr', () => {
    const charge = monthlyCharge(base({ stays: [{ startOn: '2026-11-01', endOn: '2026-11-11' }] }));
    expect(charge).toMatchObject({ nights: 10, grossOre: kr(3000), amountDueOre: kr(3000), capApplied: false, reductionOre: 0 });
  });

  it('lets the cap bind in a 31-day month: 31 × 300 = 9 300 kr, held to 9 000 kr', () => {
    const charge = monthlyCharge(base({ month: '2027-01', countUntil: '2027-02-01', stays: [{ startOn: '2026-12-20', endOn: null }] }));
    expect(charge).toMatchObject({ nights: 31, grossOre: kr(9300), capOre: kr(9000), capApplied: true, capReductionOre: kr(300), amountDueOre: kr(9000) });
  });

  it('does not reach the cap in a 30-day month: 30 × 300 = 9 000 kr exactly', () => {
    const charge = monthlyCharge(base({ stays: [{ startOn: '2026-10-01', endOn: null }] }));
    expect(charge).toMatchObject({ nights: 30, amountDueOre: kr(9000), capApplied: false });
  });

  it('counts 29 nights in February of a leap year (2028) and 28 in 2027', () => {
    const leap = monthlyCharge(base({ month: '2028-02', countUntil: '2028-03-01', stays: [{ startOn: '2028-01-15', endOn: null }] }));
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(leap).toMatchObject({ nights: 29, grossOre: kr(8700), amountDueOre: kr(8700) });
    const common = monthlyCharge(base({ month: '2027-02', countUntil: '2027-03-01', stays: [{ startOn: '2027-01-15', endOn: null }] }));
    expect(common.nights).toBe(28);
  });

  it('applies a rate change from its date in the middle of the month: 14 nights at 300 and 6 at 350', () => {
    const charge = monthlyCharge(
      base({
        stays: [{ startOn: '2026-11-01', endOn: '2026-11-21' }],
        rates: [
          { validFrom: '2020-01-01', value: kr(300) },
          { validFrom: '2026-11-15', value: kr(350) },
        ],
      }),
    );
    expect(charge.segments.map((s) => [s.fromOn, s.toOn, s.nights, s.rateOre])).toEqual([
      ['2026-11-01', '2026-11-15', 14, kr(300)],
      ['2026-11-15', '2026-11-21', 6, kr(350)],
    ]);
    expect(charge.amountDueOre).toBe(14 * kr(300) + 6 * kr(350)); // 6 300 kr
  });

  it('uses the cap in force on the last night counted in the month', () => {
    const charge = monthlyCharge(
      base({ month: '2027-01', countUntil: '2027-02-01', stays: [{ startOn: '2027-01-01', endOn: null }], caps: [{ validFrom: '2027-01-20', value: kr(8000) }] }),
    );
    expect(charge).toMatchObject({ capOre: kr(8000), amountDueOre: kr(8000) });
  });

  it('changes arrangement in the middle of a stay: full price to 10.11, then social assistance (nothing) from 10.11', () => {
    const arrangements: ArrangementAt[] = [
      { id: 'a', validFrom: '2026-10-01', terms: { kind: 'full' } },
      { id: 'b', validFrom: '2026-11-10', terms: { kind: 'none' } },
    ];
    const charge = monthlyCharge(base({ stays: [{ startOn: '2026-10-15', endOn: null }], arrangements }));
    expect(charge.nights).toBe(30);
    expect(charge.segments.map((s) => [s.nights, s.terms.kind, s.nightlyOre])).toEqual([
      [9, 'full', kr(2700)],
      [21, 'none', 0],
    ]);
    expect(charge).toMatchObject({ grossOre: kr(9000), reductionOre: kr(6300), amountDueOre: kr(2700) });
  });

  it('holds nights under a reduced amount a night to that amount (never above the rate)', () => {
    const arrangements: ArrangementAt[] = [{ id: 'r', validFrom: '2026-11-01', terms: { kind: 'reduced', amountOre: kr(100), per: 'night' } }];
    const charge = monthlyCharge(base({ stays: [{ startOn: '2026-11-01', endOn: '2026-11-11' }], arrangements }));
    expect(charge).toMatchObject({ grossOre: kr(3000), reductionOre: kr(2000), amountDueOre: kr(1000) });
    const above = monthlyCharge(base({ stays: [{ startOn: '2026-11-01', endOn: '2026-11-02' }], arrangements: [{ id: 'x', validFrom: '2026-01-01', terms: { kind: 'reduced', amountOre: kr(500), per: 'night' } }] }));
    expect(above.amountDueOre).toBe(kr(300));
  });

  it('holds the month to the assessed ability to pay a month: 31 nights, 2 500 kr a month', () => {
    const arrangements: ArrangementAt[] = [{ id: 'm', validFrom: '2026-12-01', terms: { kind: 'reduced', amountOre: kr(2500), per: 'month' } }];
    const charge = monthlyCharge(base({ month: '2026-12', countUntil: '2027-01-01', stays: [{ startOn: '2026-12-01', endOn: null }], arrangements }));
    expect(charge).toMatchObject({ nights: 31, grossOre: kr(9300), reductionOre: kr(6800), capApplied: false, amountDueOre: kr(2500) });
  });

  it('gives the same numbers for the same input (reproducible)', () => {
    const input = base({ stays: [{ startOn: '2026-10-30', endOn: '2026-11-17' }], rates: [{ validFrom: '2026-11-05', value: kr(320) }] });
    expect(monthlyCharge(input)).toEqual(monthlyCharge(structuredClone(input)));
  });
});

describe('helpers', () => {
  it('finds the dated value in force on a day', () => {
    const values = [
      { validFrom: '2026-01-01', value: 1 },
      { validFrom: '2026-06-01', value: 2 },
    ];
    expect(valueOn(values, '2025-12-31', 0)).toBe(0);
    expect(valueOn(values, '2026-05-31', 0)).toBe(1);
    expect(valueOn(values, '2026-06-01', 0)).toBe(2);
  });

  it('refuses zero, negative, fractional and absurd payment amounts', () => {
    expect(paymentAmountProblem(kr(500))).toBeNull();
    expect(paymentAmountProblem(0)).toBe('not_positive');
    expect(paymentAmountProblem(-100)).toBe('not_positive');
    expect(paymentAmountProblem(1.5)).toBe('not_whole');
    expect(paymentAmountProblem(kr(100_000))).toBeNull();
    expect(paymentAmountProblem(kr(100_000) + 1)).toBe('too_large');
  });

  it('finds the oldest unpaid month, paying the oldest first', () => {
    const charges = [
      { month: '2026-10', amountOre: kr(3000) },
      { month: '2026-09', amountOre: kr(2000) },
    ];
    expect(arrearsSince(charges, kr(5000))).toBeNull();
    expect(arrearsSince(charges, kr(2500))).toBe('2026-10');
    expect(arrearsSince(charges, 0)).toBe('2026-09');
  });

  it('reads kroner as typed in a form', () => {
    expect(parseKroner('1 500')).toBe(150_000);
    expect(parseKroner('1500,50')).toBe(150_050);
    expect(parseKroner('300 kr')).toBe(30_000);
    expect(parseKroner('abc')).toBeNull();
  });
});
