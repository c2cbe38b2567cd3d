import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../platform/http/shared-schemas.ts';

// Money is integer øre everywhere in the API (the forms take kroner and convert before sending).

export const month = z
  .string('validation.required')
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'payments.validation.month')
  .meta({ example: '2026-11', description: 'A calendar month, yyyy-mm' });

const ore = z.number('validation.required').int('payments.validation.wholeOre');

// ——— Payment arrangement (betalingsordning) ———

export const arrangementKind = z.enum(['full', 'reduced', 'none']).meta({ id: 'PaymentArrangementKind' });
export const arrangementPer = z.enum(['night', 'month']).meta({ id: 'PaymentArrangementPer' });

export const arrangementInput = z
  .object({
    kind: arrangementKind,
    validFrom: isoDate,
    decidedOn: isoDate,
    amountOre: ore.min(0, 'payments.validation.notNegative').max(10_000_000, 'payments.validation.tooLarge').optional(),
    per: arrangementPer.optional(),
    reason: optionalText(1000),
    assessedBy: optionalText(200),
    navDecisionReference: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'reduced') {
      if (v.amountOre === undefined) ctx.addIssue({ code: 'custom', path: ['amountOre'], message: 'payments.validation.amountRequired' });
      if (!v.per) ctx.addIssue({ code: 'custom', path: ['per'], message: 'validation.invalidChoice' });
      if (!v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.required' });
      if (!v.assessedBy) ctx.addIssue({ code: 'custom', path: ['assessedBy'], message: 'validation.required' });
    }
    if (v.kind === 'none' && !v.navDecisionReference) {
      ctx.addIssue({ code: 'custom', path: ['navDecisionReference'], message: 'payments.validation.navReference' });
    }
  })
  .meta({ id: 'PaymentArrangementInput' });

export const arrangementOutput = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    kind: arrangementKind,
    validFrom: isoDate,
    decidedOn: isoDate,
    amountOre: z.number().int().nullable(),
    per: arrangementPer.nullable(),
    reason: z.string().nullable(),
    assessedBy: z.string().nullable(),
    navDecisionReference: z.string().nullable(),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'PaymentArrangement' });

// ——— Payments ———

export const paymentMethod = z.enum(['bank_transfer', 'card', 'cash', 'nav_direct', 'other']).meta({ id: 'PaymentMethod' });

export const paymentInput = z
  .object({
    paidOn: isoDate,
    amountOre: ore.min(1, 'payments.validation.positive').max(10_000_000, 'payments.validation.tooLarge'),
    method: paymentMethod,
    reference: optionalText(200),
  })
  .meta({ id: 'PaymentInput' });

export const paymentOutput = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    paidOn: isoDate,
    amountOre: z.number().int(),
    method: paymentMethod,
    reference: z.string().nullable(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'Payment' });

// ——— Charges and statements ———

export const chargeLineOutput = z
  .object({
    id: z.uuid(),
    month,
    kind: z.enum(['charge', 'correction']),
    amountOre: z.number().int(),
    nights: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'ChargeLine' });

export const statementSegmentOutput = z
  .object({
    fromOn: isoDate,
    toOn: isoDate.meta({ description: 'Exclusive' }),
    nights: z.number().int(),
    rateOre: z.number().int(),
    arrangement: arrangementKind,
    arrangementAmountOre: z.number().int().nullable(),
    arrangementPer: arrangementPer.nullable(),
    grossOre: z.number().int(),
    nightlyOre: z.number().int(),
  })
  .meta({ id: 'StatementSegment' });

export const statementOutput = z
  .object({
    personId: z.uuid(),
    personName: z.string(),
    month,
    produced: z.boolean().meta({ description: 'The month has charge lines (it was produced)' }),
    nights: z.number().int(),
    segments: z.array(statementSegmentOutput),
    grossOre: z.number().int(),
    reductionOre: z.number().int(),
    capOre: z.number().int(),
    capApplied: z.boolean(),
    capReductionOre: z.number().int(),
    amountDueOre: z.number().int().meta({ description: 'Sum of the charge and correction lines of the month' }),
    lines: z.array(chargeLineOutput),
    paymentsInMonth: z.array(paymentOutput),
    balanceBeforeOre: z.number().int().meta({ description: 'Owed at the start of the month (charges of earlier months − payments before the month)' }),
    balanceOre: z.number().int().meta({ description: 'Owed at the end of the month; negative is credit' }),
  })
  .meta({ id: 'Statement' });

export const produceInput = z.object({ month }).meta({ id: 'ProduceStatementsInput' });

export const produceOutput = z
  .object({
    month,
    residents: z.number().int(),
    charged: z.number().int().meta({ description: 'New charge lines (first production of the month)' }),
    corrected: z.number().int().meta({ description: 'Correction lines added because the data changed' }),
    unchanged: z.number().int(),
  })
  .meta({ id: 'ProduceStatementsResult' });

// ——— Balances, arrears, the person's economy ———

export const balanceOutput = z
  .object({
    personId: z.uuid(),
    personName: z.string(),
    chargedOre: z.number().int(),
    paidOre: z.number().int(),
    balanceOre: z.number().int().meta({ description: 'Charged − paid; positive is owed (arrears)' }),
    arrearsSince: month.nullable().meta({ description: 'The oldest month not covered by payments (oldest paid first)' }),
    lastPaidOn: isoDate.nullable(),
    livesHere: z.boolean(),
    arrangement: arrangementOutput.nullable().meta({ description: 'The arrangement in force today; null is full price' }),
  })
  .meta({ id: 'ResidentBalance' });

export const personPaymentsOutput = z
  .object({
    personId: z.uuid(),
    current: arrangementOutput.nullable(),
    arrangements: z.array(arrangementOutput).meta({ description: 'Newest first' }),
    months: z.array(
      z.object({ month, nights: z.number().int(), amountOre: z.number().int(), corrections: z.number().int() }),
    ),
    payments: z.array(paymentOutput),
    balance: balanceOutput,
    thisMonth: z.object({ month, nights: z.number().int(), amountDueOre: z.number().int() }).meta({ description: 'The current month so far, not produced' }),
  })
  .meta({ id: 'PersonPayments' });

/** A row of the service's balances; for a closed record (access by need) the name only, amounts left out (they still count in the totals). */
export const overviewBalanceOutput = balanceOutput
  .extend({
    recordClosed: z.boolean(),
    chargedOre: z.number().int().nullable(),
    paidOre: z.number().int().nullable(),
    balanceOre: z.number().int().nullable(),
  })
  .meta({ id: 'OverviewBalance' });

export const serviceOverviewOutput = z
  .object({
    residents: z.array(overviewBalanceOutput),
    totalChargedOre: z.number().int(),
    totalPaidOre: z.number().int(),
    totalArrearsOre: z.number().int(),
    inArrears: z.number().int(),
  })
  .meta({ id: 'PaymentsOverview' });

// ——— Rate and cap (dated settings) ———

export const rateSettingsInput = z
  .object({
    rateOre: ore.min(0, 'payments.validation.notNegative').max(1_000_000, 'payments.validation.tooLarge'),
    capOre: ore.min(0, 'payments.validation.notNegative').max(10_000_000, 'payments.validation.tooLarge'),
    validFrom: isoDate,
    reason: requiredText(500),
  })
  .meta({ id: 'PaymentRateSettingsInput' });

export const rateSettingsOutput = z
  .object({
    rateOre: z.number().int(),
    capOre: z.number().int(),
    history: z.array(
      z.object({
        key: z.enum(['rate', 'cap']),
        valueOre: z.number().int(),
        validFrom: isoDate,
        changedAt: z.string(),
        changedByName: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PaymentRateSettings' });

export type ArrangementInput = z.infer<typeof arrangementInput>;
export type ArrangementOutput = z.infer<typeof arrangementOutput>;
export type PaymentInput = z.infer<typeof paymentInput>;
export type PaymentOutput = z.infer<typeof paymentOutput>;
export type StatementOutput = z.infer<typeof statementOutput>;
export type ProduceOutput = z.infer<typeof produceOutput>;
export type BalanceOutput = z.infer<typeof balanceOutput>;
export type OverviewBalanceOutput = z.infer<typeof overviewBalanceOutput>;
export type PersonPaymentsOutput = z.infer<typeof personPaymentsOutput>;
export type ServiceOverviewOutput = z.infer<typeof serviceOverviewOutput>;
export type RateSettingsInput = z.infer<typeof rateSettingsInput>;
export type RateSettingsOutput = z.infer<typeof rateSettingsOutput>;
