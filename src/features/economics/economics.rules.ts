// Pure rules of the economics page and the import of purchases. No I/O; money in integer øre.

export interface YearFigures {
  year: number;
  budgetOre: number | null;
  occupiedNights: number;
  totalOre: number | null;
  households: number | null;
  householdsOverThreeMonths: number | null;
  purchasesOre: number;
  purchaseNights: number;
  purchaseCount: number;
}

export interface YearEconomics {
  year: number;
  budgetOre: number | null;
  occupiedNights: number;
  costPerNightOre: number | null;
  externalSpendOre: number | null;
  externalSource: 'total' | 'purchases' | null;
  externalNights: number;
  externalPerNightOre: number | null;
  households: number | null;
  householdsOverThreeMonths: number | null;
  savingsOre: number | null;
}

/** Whole øre, halves away from zero. */
const divide = (ore: number, by: number) => (by > 0 ? Math.round(ore / by) : null);

/**
 * The figures of each year: cost per occupied night (budget ÷ nights in the house), the external spend
 * (an entered yearly total wins over the sum of purchases for the same year, so a year is never counted
 * twice), the external price per night from the purchases, and the savings against the baseline year
 * (baseline spend − the year's spend) for the years after it. The default baseline is the last year
 * with an entered total before the first year with nights in the house (the last year before the house).
 */
export function economicsByYear(figures: readonly YearFigures[], baselineYear?: number | null) {
  const spend = (f: YearFigures) => (f.totalOre !== null ? f.totalOre : f.purchaseCount > 0 ? f.purchasesOre : null);
  const firstHouseYear = figures.filter((f) => f.occupiedNights > 0).map((f) => f.year).sort((a, b) => a - b)[0];
  const defaultBaseline = figures
    .filter((f) => f.totalOre !== null && (firstHouseYear === undefined || f.year < firstHouseYear))
    .map((f) => f.year)
    .sort((a, b) => b - a)[0];
  const baseline = baselineYear ?? defaultBaseline ?? null;
  const baselineFigures = figures.find((f) => f.year === baseline);
  const baselineSpendOre = baselineFigures ? spend(baselineFigures) : null;
  const years: YearEconomics[] = [...figures]
    .sort((a, b) => a.year - b.year)
    .map((f) => {
      const s = spend(f);
      return {
        year: f.year,
        budgetOre: f.budgetOre,
        occupiedNights: f.occupiedNights,
        costPerNightOre: f.budgetOre !== null ? divide(f.budgetOre, f.occupiedNights) : null,
        externalSpendOre: s,
        externalSource: f.totalOre !== null ? 'total' : f.purchaseCount > 0 ? 'purchases' : null,
        externalNights: f.purchaseNights,
        externalPerNightOre: divide(f.purchasesOre, f.purchaseNights),
        households: f.households,
        householdsOverThreeMonths: f.householdsOverThreeMonths,
        savingsOre: baseline !== null && baselineSpendOre !== null && f.year > baseline && s !== null ? baselineSpendOre - s : null,
      };
    });
  const totalPurchaseOre = figures.reduce((a, f) => a + f.purchasesOre, 0);
  const totalPurchaseNights = figures.reduce((a, f) => a + f.purchaseNights, 0);
  return {
    baselineYear: baselineSpendOre !== null ? baseline : null,
    baselineSpendOre,
    averageExternalPerNightOre: divide(totalPurchaseOre, totalPurchaseNights),
    totalSavingsOre: years.reduce((a, y) => a + (y.savingsOre ?? 0), 0),
    years,
  };
}

export interface ParsedPurchase {
  purchasedOn: string;
  provider: string;
  nights: number;
  amountOre: number;
  household: string | null;
}

export interface ImportProblem {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  column: string;
  message: 'date' | 'provider' | 'nights' | 'amount' | 'columns' | 'header';
}

const expectedHeader = ['dato', 'leverandor', 'netter', 'belop_kr'];

function isoFrom(text: string): string | null {
  const t = text.trim();
  let iso = t;
  const nor = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (nor) iso = `${nor[3]}-${nor[2]!.padStart(2, '0')}-${nor[1]!.padStart(2, '0')}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

function kronerToOre(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/**
 * Reads a CSV of purchases (semicolon or comma separated; header `dato;leverandor;netter;belop_kr`
 * and optionally `;husstand`). Every line is checked; the result is either all rows or all problems,
 * so an import is all or nothing.
 */
export function parsePurchasesCsv(text: string): { rows: ParsedPurchase[]; problems: ImportProblem[] } {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const separator = (lines[0] ?? '').includes(';') ? ';' : ',';
  const header = (lines[0] ?? '').split(separator).map((h) => h.trim().toLowerCase());
  if (expectedHeader.some((h, i) => header[i] !== h)) return { rows: [], problems: [{ line: 1, column: '', message: 'header' }] };
  const rows: ParsedPurchase[] = [];
  const problems: ImportProblem[] = [];
  lines.forEach((raw, index) => {
    if (index === 0 || raw.trim() === '') return;
    const line = index + 1;
    const cells = raw.split(separator).map((c) => c.trim());
    if (cells.length < 4 || cells.length > 5) return problems.push({ line, column: '', message: 'columns' });
    const [dato, provider, nightsText, amountText, household] = cells as [string, string, string, string, string | undefined];
    const purchasedOn = isoFrom(dato);
    const nights = /^\d+$/.test(nightsText) ? Number(nightsText) : NaN;
    const amountOre = kronerToOre(amountText);
    if (!purchasedOn) problems.push({ line, column: 'dato', message: 'date' });
    if (!provider || provider.length > 200) problems.push({ line, column: 'leverandor', message: 'provider' });
    if (!(nights >= 1 && nights <= 366)) problems.push({ line, column: 'netter', message: 'nights' });
    if (amountOre === null || amountOre > 10_000_000) problems.push({ line, column: 'belop_kr', message: 'amount' });
    if (purchasedOn && provider && nights >= 1 && nights <= 366 && amountOre !== null && amountOre <= 10_000_000) {
      rows.push({ purchasedOn, provider, nights, amountOre, household: household ? household : null });
    }
  });
  return problems.length ? { rows: [], problems } : { rows, problems };
}
