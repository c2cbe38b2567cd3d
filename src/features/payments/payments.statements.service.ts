import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { renderPdf } from '../../platform/pdf/render.ts';
import { paymentsError } from './payments.errors.ts';
import * as q from './payments.queries.ts';
import { computeCharges } from './payments.charges.ts';
import { correctionOre, monthEnd, monthOf, monthStart, type MonthlyCharge } from './payments.rules.ts';
import { statementDocument } from './payments.pdf.ts';
import type { PaymentOutput, ProduceOutput, StatementOutput } from './payments.schema.ts';
import { osloDate } from '../../platform/time/oslo.ts';

export const today = (ctx: Ctx) => osloDate(ctx.now);

/**
 * Produces the month's statements: for each resident with nights in the month (or only the one given),
 * the month's charge is computed from the data as it is now. The first time, it is stored as the
 * month's charge line; after that, a difference from what was charged is stored as a correction line,
 * and no difference stores nothing. Lines are never changed, so a closed month is never silently
 * recomputed. The scheduled job produces the previous month on the 1st; staff can produce on demand.
 */
export async function produceStatements(ctx: Ctx, input: { month: string; personId?: string }): Promise<ProduceOutput> {
  const user = requirePermission(ctx, 'payment:write');
  const day = today(ctx);
  if (input.month > monthOf(day)) throw paymentsError('payments.month_in_future', { fields: { month: paymentsError.definitions['payments.month_in_future'][ctx.locale] } });
  return inTransaction(ctx, async (tx) => {
    if (input.personId && !(await q.findPersonName(tx.db, user.tenantId, input.personId))) throw paymentsError('payments.person_not_found');
    const already = input.personId ? [input.personId] : await q.listChargedPersonIds(tx.db, user.tenantId, input.month);
    const withNights = input.personId ? [] : [...(await computeCharges(tx.db, user.tenantId, input.month, day)).keys()];
    const personIds = [...new Set([...already, ...withNights])].sort();
    const charges = await computeCharges(tx.db, user.tenantId, input.month, day, personIds);
    const lines = await q.listChargeLines(tx.db, user.tenantId, personIds, input.month);
    const result: ProduceOutput = { month: input.month, residents: 0, charged: 0, corrected: 0, unchanged: 0 };
    for (const personId of personIds) {
      const charge = charges.get(personId)!;
      const own = lines.filter((l) => l.personId === personId);
      if (own.length === 0) {
        if (charge.nights === 0) continue; // nobody lived here this month: no statement
        const line = await q.insertChargeLine(tx.db, {
          tenantId: user.tenantId,
          personId,
          month: input.month,
          kind: 'charge',
          amountOre: charge.amountDueOre,
          nights: charge.nights,
          calculation: charge,
          createdAt: tx.now,
          createdBy: user.id,
        });
        await recordEvent(tx, {
          action: 'payments.charge',
          entityType: 'payment_charge',
          entityId: line.id,
          personId,
          purpose: 'follow_up',
          details: { month: input.month, fields: ['amountOre', 'nights', 'calculation'] },
        });
        result.charged++;
      } else {
        const chargedSoFar = own.reduce((sum, l) => sum + l.amountOre, 0);
        const nightsSoFar = own.reduce((sum, l) => sum + l.nights, 0);
        const difference = correctionOre(chargedSoFar, charge.amountDueOre);
        if (difference === 0 && nightsSoFar === charge.nights) {
          result.unchanged++;
        } else {
          const line = await q.insertChargeLine(tx.db, {
            tenantId: user.tenantId,
            personId,
            month: input.month,
            kind: 'correction',
            amountOre: difference,
            nights: charge.nights - nightsSoFar,
            calculation: charge,
            createdAt: tx.now,
            createdBy: user.id,
          });
          await recordEvent(tx, {
            action: 'payments.correction',
            entityType: 'payment_charge',
            entityId: line.id,
            personId,
            purpose: 'follow_up',
            details: { month: input.month, fields: ['amountOre', 'nights', 'calculation'] },
          });
          result.corrected++;
        }
      }
      result.residents++;
    }
    return result;
  });
}

function toPayment(p: q.PaymentRow): PaymentOutput {
  return { id: p.id, personId: p.personId, paidOn: p.paidOn, amountOre: p.amountOre, method: p.method, reference: p.reference, createdByName: p.createdByName };
}

/**
 * A resident's statement for a month, from what is stored: the charge and correction lines (the
 * breakdown is the one the latest line was computed from), the payments in the month and the
 * balance before and after. The same stored data gives the same statement. A month not produced yet
 * shows the breakdown as it would be now, marked as not produced, with nothing due.
 */
export async function getStatement(ctx: Ctx, personId: string, month: string): Promise<StatementOutput> {
  const user = requirePermission(ctx, 'payment:read');
  return inTransaction(ctx, async (tx) => {
    const person = await q.findPersonName(tx.db, user.tenantId, personId);
    if (!person) throw paymentsError('payments.person_not_found');
    await recordAccess(tx, personId, 'follow_up', 'payments.statement.read');
    const allLines = await q.listChargeLines(tx.db, user.tenantId, [personId]);
    const lines = allLines.filter((l) => l.month === month);
    const payments = await q.listPayments(tx.db, user.tenantId, [personId]);
    const calculation: MonthlyCharge = lines.length
      ? (lines.at(-1)!.calculation as MonthlyCharge)
      : (await computeCharges(tx.db, user.tenantId, month, today(tx), [personId])).get(personId)!;
    const first = monthStart(month);
    const last = monthEnd(month);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const chargedBefore = sum(allLines.filter((l) => l.month < month).map((l) => l.amountOre));
    const paidBefore = sum(payments.filter((p) => p.paidOn < first).map((p) => p.amountOre));
    const inMonth = payments.filter((p) => p.paidOn >= first && p.paidOn <= last).sort((a, b) => a.paidOn.localeCompare(b.paidOn));
    const amountDueOre = sum(lines.map((l) => l.amountOre));
    const balanceBeforeOre = chargedBefore - paidBefore;
    return {
      personId,
      personName: person.name,
      month,
      produced: lines.length > 0,
      nights: calculation.nights,
      segments: calculation.segments.map((s) => ({
        fromOn: s.fromOn,
        toOn: s.toOn,
        nights: s.nights,
        rateOre: s.rateOre,
        arrangement: s.terms.kind,
        arrangementAmountOre: s.terms.kind === 'reduced' ? s.terms.amountOre : null,
        arrangementPer: s.terms.kind === 'reduced' ? s.terms.per : null,
        grossOre: s.grossOre,
        nightlyOre: s.nightlyOre,
      })),
      grossOre: calculation.grossOre,
      reductionOre: calculation.reductionOre,
      capOre: calculation.capOre,
      capApplied: calculation.capApplied,
      capReductionOre: calculation.capReductionOre,
      amountDueOre,
      lines: lines.map((l) => ({ id: l.id, month: l.month, kind: l.kind, amountOre: l.amountOre, nights: l.nights, createdAt: l.createdAt.toISOString() })),
      paymentsInMonth: inMonth.map(toPayment),
      balanceBeforeOre,
      balanceOre: balanceBeforeOre + amountDueOre - sum(inMonth.map((p) => p.amountOre)),
    };
  });
}

/** The statement as a PDF in Norwegian (logged as a read of the resident's data). */
export async function statementPdf(ctx: Ctx, personId: string, month: string): Promise<{ pdf: Buffer; filename: string }> {
  requirePermission(ctx, 'payment:read');
  const statement = await getStatement(ctx, personId, month);
  const pdf = await renderPdf(statementDocument(statement), { title: `Oppgjør egenbetaling ${month}` });
  return { pdf, filename: `oppgjor-egenbetaling-${month}.pdf` };
}
