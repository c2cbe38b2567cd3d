import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { economicsError } from './economics.errors.ts';
import * as q from './economics.queries.ts';
import { economicsByYear, parsePurchasesCsv } from './economics.rules.ts';
import type { BudgetInput, EconomicsOverviewOutput, PurchaseInput, PurchaseOutput, YearTotalInput } from './economics.schema.ts';
import { osloDate } from '../../platform/time/oslo.ts';

// The economics of the service: operating budget per year, what NAV still buys outside the house,
// and the savings against the years before. The overview is aggregate only (no person in it), so
// the steering group may read it; the purchases list can name people and is for economics:write.

const today = (ctx: Ctx) => osloDate(ctx.now);

export async function getEconomicsOverview(ctx: Ctx, baselineYear?: number): Promise<EconomicsOverviewOutput> {
  const user = requirePermission(ctx, 'economics:read');
  return inTransaction(ctx, async (tx) => {
    const figures = await q.yearFigures(tx.db, user.tenantId, today(tx));
    return economicsByYear(
      figures.map((f) => ({
        year: f.year,
        budgetOre: f.budget_ore,
        occupiedNights: f.occupied_nights,
        totalOre: f.total_ore,
        households: f.households,
        householdsOverThreeMonths: f.households_over_three_months,
        purchasesOre: f.purchases_ore,
        purchaseNights: f.purchase_nights,
        purchaseCount: f.purchase_count,
      })),
      baselineYear,
    );
  });
}

/** Enters (or replaces) the operating budget of a year. */
export async function setBudget(ctx: Ctx, input: BudgetInput): Promise<EconomicsOverviewOutput> {
  const user = requirePermission(ctx, 'economics:write');
  await inTransaction(ctx, async (tx) => {
    const row = await q.upsertBudget(tx.db, { tenantId: user.tenantId, year: input.year, amountOre: input.amountOre, note: input.note ?? null, updatedAt: tx.now, updatedBy: user.id });
    await recordEvent(tx, { action: 'economics.budget_set', entityType: 'operating_budget', entityId: row.id, details: { year: input.year, fields: ['amountOre', ...(input.note ? ['note'] : [])] } });
  });
  return getEconomicsOverview(ctx);
}

/** Enters (or replaces) a year's total spend on external accommodation (the years before the house). */
export async function setYearTotal(ctx: Ctx, input: YearTotalInput): Promise<EconomicsOverviewOutput> {
  const user = requirePermission(ctx, 'economics:write');
  await inTransaction(ctx, async (tx) => {
    const row = await q.upsertYearTotal(tx.db, {
      tenantId: user.tenantId,
      year: input.year,
      amountOre: input.amountOre,
      households: input.households ?? null,
      householdsOverThreeMonths: input.householdsOverThreeMonths ?? null,
      source: input.source ?? null,
      updatedAt: tx.now,
      updatedBy: user.id,
    });
    await recordEvent(tx, { action: 'economics.year_total_set', entityType: 'external_year_total', entityId: row.id, details: { year: input.year, fields: Object.keys(input) } });
  });
  return getEconomicsOverview(ctx);
}

export async function listPurchases(ctx: Ctx): Promise<PurchaseOutput[]> {
  const user = requirePermission(ctx, 'economics:write');
  return inTransaction(ctx, (tx) => q.listPurchases(tx.db, user.tenantId));
}

/** Registers one purchase of external accommodation. */
export async function registerPurchase(ctx: Ctx, input: PurchaseInput): Promise<PurchaseOutput> {
  const user = requirePermission(ctx, 'economics:write');
  return inTransaction(ctx, async (tx) => {
    if (input.personId && !(await q.personExists(tx.db, user.tenantId, input.personId))) throw economicsError('economics.person_not_found');
    const [row] = await q.insertPurchases(tx.db, [
      {
        tenantId: user.tenantId,
        purchasedOn: input.purchasedOn,
        provider: input.provider,
        personId: input.personId ?? null,
        household: input.household ?? null,
        nights: input.nights,
        amountOre: input.amountOre,
        createdAt: tx.now,
        createdBy: user.id,
      },
    ]);
    await recordEvent(tx, {
      action: 'economics.purchase_register',
      entityType: 'external_purchase',
      entityId: row!.id,
      personId: input.personId ?? null,
      details: { fields: Object.keys(input) },
    });
    return (await q.listPurchases(tx.db, user.tenantId)).find((p) => p.id === row!.id)!;
  });
}

/**
 * Imports purchases from CSV, all or nothing: every line is checked first; one bad line refuses the
 * file with a message per line (field `line N`), and nothing is written.
 */
export async function importPurchases(ctx: Ctx, csv: string): Promise<{ imported: number }> {
  const user = requirePermission(ctx, 'economics:write');
  const { rows, problems } = parsePurchasesCsv(csv);
  if (problems.length) {
    const fields = Object.fromEntries(
      problems.slice(0, 50).map((p) => [`line ${p.line}${p.column ? ` ${p.column}` : ''}`, translate(ctx.locale, `economics.import.problem.${p.message}`)]),
    );
    throw economicsError('economics.import_invalid', { fields, meta: { problems: problems.length } });
  }
  return inTransaction(ctx, async (tx) => {
    const inserted = await q.insertPurchases(
      tx.db,
      rows.map((r) => ({ tenantId: user.tenantId, ...r, personId: null, createdAt: tx.now, createdBy: user.id })),
    );
    await recordEvent(tx, { action: 'economics.purchases_import', entityType: 'external_purchase', details: { rows: inserted.length } });
    return { imported: inserted.length };
  });
}
