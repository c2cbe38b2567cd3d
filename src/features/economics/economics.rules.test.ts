import { describe, expect, it } from 'vitest';
import { economicsByYear, parsePurchasesCsv, type YearFigures } from './economics.rules.ts';

const kr = (n: number) => n * 100;
const year = (y: number, over: Partial<YearFigures> = {}): YearFigures => ({
  year: y,
  budgetOre: null,
  occupiedNights: 0,
  totalOre: null,
  households: null,
  householdsOverThreeMonths: null,
  purchasesOre: 0,
  purchaseNights: 0,
  purchaseCount: 0,
  ...over,
});

describe('economics per year', () => {
  // The Bodø table 2010–2013, then the house from 2014.
  const figures = [
    year(2010, { totalOre: kr(267_000), households: 22 }),
    year(2011, { totalOre: kr(2_550_000), households: 67 }),
    year(2012, { totalOre: kr(4_792_353), households: 90 }),
    year(2013, { totalOre: kr(5_399_000), households: 92 }),
    year(2014, { budgetOre: kr(2_000_000), occupiedNights: 2000, purchasesOre: kr(900_000), purchaseNights: 1000, purchaseCount: 40 }),
  ];

  it('takes the last year before the house as the baseline and counts savings against it', () => {
    const e = economicsByYear(figures);
    expect(e.baselineYear).toBe(2013);
    expect(e.baselineSpendOre).toBe(kr(5_399_000));
    const y2014 = e.years.find((y) => y.year === 2014)!;
    expect(y2014).toMatchObject({ externalSpendOre: kr(900_000), externalSource: 'purchases', savingsOre: kr(4_499_000), costPerNightOre: kr(1000), externalPerNightOre: kr(900) });
    expect(e.years.find((y) => y.year === 2012)!.savingsOre).toBeNull();
    expect(e.totalSavingsOre).toBe(kr(4_499_000));
    expect(e.averageExternalPerNightOre).toBe(kr(900));
  });

  it('uses another baseline year when asked, and the entered total over purchases for the same year', () => {
    const e = economicsByYear([...figures.slice(0, 4), year(2014, { totalOre: kr(1_000_000), purchasesOre: kr(900_000), purchaseNights: 1000, purchaseCount: 40, occupiedNights: 10 })], 2012);
    expect(e.baselineYear).toBe(2012);
    expect(e.years.find((y) => y.year === 2013)!.savingsOre).toBe(kr(4_792_353) - kr(5_399_000)); // negative: spent more
    expect(e.years.find((y) => y.year === 2014)).toMatchObject({ externalSpendOre: kr(1_000_000), externalSource: 'total' });
  });

  it('gives no cost per night without nights, and no baseline without figures', () => {
    const e = economicsByYear([year(2026, { budgetOre: kr(100) })]);
    expect(e.years[0]!.costPerNightOre).toBeNull();
    expect(e).toMatchObject({ baselineYear: null, totalSavingsOre: 0, averageExternalPerNightOre: null });
  });
});

describe('the CSV import of purchases', () => {
  it('reads good lines (semicolons, Norwegian dates and decimal commas)', () => {
    const { rows, problems } = parsePurchasesCsv('\ufeffdato;leverandor;netter;belop_kr;husstand\r\n03.01.2026;Bodø Hospits;3;2 850,50;Familien A\r\n2026-01-10;Gjestehuset;1;950\r\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { purchasedOn: '2026-01-03', provider: 'Bodø Hospits', nights: 3, amountOre: 285_050, household: 'Familien A' },
      { purchasedOn: '2026-01-10', provider: 'Gjestehuset', nights: 1, amountOre: 95_000, household: null },
    ]);
  });

  it('refuses the whole file when one line is wrong, naming every bad line and column', () => {
    const { rows, problems } = parsePurchasesCsv('dato;leverandor;netter;belop_kr\n03.01.2026;Bodø Hospits;3;2850\n31.02.2026;;0;-5\nbare tull\n');
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 3, column: 'dato', message: 'date' },
      { line: 3, column: 'leverandor', message: 'provider' },
      { line: 3, column: 'netter', message: 'nights' },
      { line: 3, column: 'belop_kr', message: 'amount' },
      { line: 4, column: '', message: 'columns' },
    ]);
  });

  it('refuses a file without the header', () => {
    expect(parsePurchasesCsv('03.01.2026;Bodø Hospits;3;2850').problems).toEqual([{ line: 1, column: '', message: 'header' }]);
  });
});
