import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../platform/http/shared-schemas.ts';

const year = z.number('validation.required').int('economics.validation.year').min(1990, 'economics.validation.year').max(2100, 'economics.validation.year');
const ore = (max: number) => z.number('validation.required').int('payments.validation.wholeOre').min(0, 'payments.validation.notNegative').max(max, 'payments.validation.tooLarge');

export const budgetInput = z
  .object({ year, amountOre: ore(100_000_000_000), note: optionalText(500) })
  .meta({ id: 'OperatingBudgetInput', description: 'The operating budget of the house for a year, in øre' });

export const yearTotalInput = z
  .object({
    year,
    amountOre: ore(100_000_000_000),
    households: z.number().int().min(0).optional(),
    householdsOverThreeMonths: z.number().int().min(0).optional(),
    source: optionalText(300),
  })
  .meta({ id: 'ExternalYearTotalInput', description: "A year's total spend on external temporary accommodation (historic years)" });

export const purchaseInput = z
  .object({
    purchasedOn: isoDate,
    provider: requiredText(200),
    personId: z.uuid().optional(),
    household: optionalText(200),
    nights: z.number('validation.required').int('economics.validation.nights').min(1, 'economics.validation.nights').max(366, 'economics.validation.nights'),
    amountOre: ore(10_000_000),
  })
  .meta({ id: 'ExternalPurchaseInput' });

export const purchaseImportInput = z
  .object({ csv: z.string().min(1, 'validation.required').max(1_000_000) })
  .meta({ id: 'ExternalPurchaseImportInput', description: 'CSV text: dato;leverandor;netter;belop_kr[;husstand], header row first' });

export const purchaseOutput = z
  .object({
    id: z.uuid(),
    purchasedOn: isoDate,
    provider: z.string(),
    personId: z.uuid().nullable(),
    personName: z.string().nullable(),
    household: z.string().nullable(),
    nights: z.number().int(),
    amountOre: z.number().int(),
  })
  .meta({ id: 'ExternalPurchase' });

export const importResultOutput = z.object({ imported: z.number().int() }).meta({ id: 'ExternalPurchaseImportResult' });

export const economicsYearOutput = z
  .object({
    year: z.number().int(),
    budgetOre: z.number().int().nullable(),
    occupiedNights: z.number().int().meta({ description: 'Nights in the house (stays), counted in SQL; the current year up to tonight' }),
    costPerNightOre: z.number().int().nullable().meta({ description: 'Budget ÷ occupied nights' }),
    externalSpendOre: z.number().int().nullable().meta({ description: 'The entered yearly total if any, else the sum of purchases' }),
    externalSource: z.enum(['total', 'purchases']).nullable(),
    externalNights: z.number().int().meta({ description: 'Nights in the purchases of the year' }),
    externalPerNightOre: z.number().int().nullable(),
    households: z.number().int().nullable(),
    householdsOverThreeMonths: z.number().int().nullable(),
    savingsOre: z.number().int().nullable().meta({ description: 'Baseline spend − this year’s spend (positive is saved)' }),
  })
  .meta({ id: 'EconomicsYear' });

export const economicsOverviewOutput = z
  .object({
    baselineYear: z.number().int().nullable(),
    baselineSpendOre: z.number().int().nullable(),
    averageExternalPerNightOre: z.number().int().nullable().meta({ description: 'All purchases: amount ÷ nights' }),
    totalSavingsOre: z.number().int().meta({ description: 'Sum of the savings of the years after the baseline' }),
    years: z.array(economicsYearOutput),
  })
  .meta({ id: 'EconomicsOverview' });

export type BudgetInput = z.infer<typeof budgetInput>;
export type YearTotalInput = z.infer<typeof yearTotalInput>;
export type PurchaseInput = z.infer<typeof purchaseInput>;
export type PurchaseOutput = z.infer<typeof purchaseOutput>;
export type EconomicsYearOutput = z.infer<typeof economicsYearOutput>;
export type EconomicsOverviewOutput = z.infer<typeof economicsOverviewOutput>;
