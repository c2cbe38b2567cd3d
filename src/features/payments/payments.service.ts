import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent, recordListAccess } from '../../platform/audit/audit.service.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { paymentsError } from './payments.errors.ts';
import * as q from './payments.queries.ts';
import { computeCharges } from './payments.charges.ts';
import { arrearsSince, monthOf, paymentAmountProblem } from './payments.rules.ts';
import { today } from './payments.statements.service.ts';
import type {
  ArrangementInput,
  ArrangementOutput,
  BalanceOutput,
  PaymentInput,
  PaymentOutput,
  PersonPaymentsOutput,
  ServiceOverviewOutput,
} from './payments.schema.ts';

function toArrangement(row: q.ArrangementRow): ArrangementOutput {
  return {
    id: row.id,
    personId: row.personId,
    kind: row.kind,
    validFrom: row.validFromOn,
    decidedOn: row.decidedOn,
    amountOre: row.amountOre,
    per: row.per,
    reason: row.reason,
    assessedBy: row.assessedBy,
    navDecisionReference: row.navDecisionReference,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
  };
}

const toPayment = (p: q.PaymentRow): PaymentOutput => ({
  id: p.id,
  personId: p.personId,
  paidOn: p.paidOn,
  amountOre: p.amountOre,
  method: p.method,
  reference: p.reference,
  createdByName: p.createdByName,
});

/**
 * Decides a resident's payment arrangement from a date (it applies until the next one). Never edits
 * an earlier one: the history is the list of decisions. A date in a month already produced makes the
 * next production of that month add a correction.
 */
export async function setArrangement(ctx: Ctx, personId: string, input: ArrangementInput): Promise<ArrangementOutput> {
  const user = requirePermission(ctx, 'payment:manage');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findPersonName(tx.db, user.tenantId, personId))) throw paymentsError('payments.person_not_found');
    const reduced = input.kind === 'reduced';
    let id: string;
    try {
      const row = await tx.db.transaction((sp) =>
        q.insertArrangement(sp as unknown as Db, {
          tenantId: user.tenantId,
          personId,
          kind: input.kind,
          validFromOn: input.validFrom,
          decidedOn: input.decidedOn,
          amountOre: reduced ? (input.amountOre ?? 0) : null,
          per: reduced ? (input.per ?? 'month') : null,
          reason: input.reason ?? null,
          assessedBy: reduced ? (input.assessedBy ?? null) : null,
          navDecisionReference: input.kind === 'none' ? (input.navDecisionReference ?? null) : null,
          createdAt: tx.now,
          createdBy: user.id,
        }),
      );
      id = row.id;
    } catch (err) {
      if (isUniqueViolation(err, 'payment_arrangements_person_from_unique')) {
        throw paymentsError('payments.arrangement_exists_that_day', {
          fields: { validFrom: paymentsError.definitions['payments.arrangement_exists_that_day'][ctx.locale] },
        });
      }
      throw err;
    }
    await recordEvent(tx, {
      action: 'payments.arrangement_set',
      entityType: 'payment_arrangement',
      entityId: id,
      personId,
      purpose: 'follow_up',
      details: { kind: input.kind, fields: Object.keys(input).filter((k) => input[k as keyof ArrangementInput] !== undefined) },
    });
    const rows = await q.listArrangements(tx.db, user.tenantId, [personId]);
    return toArrangement(rows.find((r) => r.id === id)!);
  });
}

/**
 * Registers a payment. Refused, with nothing written, when the amount is zero, negative, not whole
 * øre or implausibly high (over 100 000 kr), or the date is in the future. Arrears never block anything.
 */
export async function registerPayment(ctx: Ctx, personId: string, input: PaymentInput): Promise<PaymentOutput> {
  const user = requirePermission(ctx, 'payment:write');
  const problem = paymentAmountProblem(input.amountOre);
  if (problem) {
    const code = problem === 'too_large' ? 'payments.amount_too_large' : problem === 'not_whole' ? 'payments.amount_not_whole' : 'payments.amount_not_positive';
    throw paymentsError(code, { fields: { amountOre: paymentsError.definitions[code][ctx.locale] } });
  }
  if (input.paidOn > today(ctx)) throw paymentsError('payments.paid_in_future', { fields: { paidOn: paymentsError.definitions['payments.paid_in_future'][ctx.locale] } });
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findPersonName(tx.db, user.tenantId, personId))) throw paymentsError('payments.person_not_found');
    const row = await q.insertPayment(tx.db, {
      tenantId: user.tenantId,
      personId,
      paidOn: input.paidOn,
      amountOre: input.amountOre,
      method: input.method,
      reference: input.reference ?? null,
      createdAt: tx.now,
      createdBy: user.id,
    });
    await recordEvent(tx, {
      action: 'payments.payment_register',
      entityType: 'resident_payment',
      entityId: row.id,
      personId,
      purpose: 'follow_up',
      details: { fields: ['paidOn', 'amountOre', 'method', ...(input.reference ? ['reference'] : [])] },
    });
    const payments = await q.listPayments(tx.db, user.tenantId, [personId]);
    return toPayment(payments.find((p) => p.id === row.id)!);
  });
}

/** Balances of everyone living here, charged or paying (no permission or audit of its own). */
async function balances(db: Db, tenantId: string, day: string, personIds?: string[]): Promise<BalanceOutput[]> {
  const charges = await q.chargesPerPersonAndMonth(db, tenantId);
  const paid = await q.paymentsPerPerson(db, tenantId);
  const living = await q.listCurrentResidentIds(db, tenantId, day);
  const ids = personIds ?? [...new Set([...living, ...charges.map((c) => c.personId), ...paid.map((p) => p.personId)])];
  const names = await q.listPersonNames(db, tenantId, ids);
  const arrangements = (await q.listArrangements(db, tenantId, ids)).filter((a) => a.validFromOn <= day);
  return ids
    .map((personId) => {
      const own = charges.filter((c) => c.personId === personId);
      const payment = paid.find((p) => p.personId === personId);
      const chargedOre = own.reduce((a, c) => a + c.amountOre, 0);
      const paidOre = payment?.paidOre ?? 0;
      return {
        personId,
        personName: names.get(personId) ?? '–',
        chargedOre,
        paidOre,
        balanceOre: chargedOre - paidOre,
        arrearsSince: arrearsSince(own, paidOre),
        lastPaidOn: payment?.lastPaidOn ?? null,
        livesHere: living.has(personId),
        arrangement: (() => {
          const current = arrangements.find((a) => a.personId === personId); // newest first
          return current ? toArrangement(current) : null;
        })(),
      };
    })
    .sort((a, b) => b.balanceOre - a.balanceOre || a.personName.localeCompare(b.personName, 'nb'));
}

/** A resident's payments on their page: arrangement and history, months charged, payments, balance. */
export async function getPersonPayments(ctx: Ctx, personId: string): Promise<PersonPaymentsOutput> {
  const user = requirePermission(ctx, 'payment:read');
  const day = today(ctx);
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findPersonName(tx.db, user.tenantId, personId))) throw paymentsError('payments.person_not_found');
    await recordAccess(tx, personId, 'follow_up', 'payments.read');
    const arrangements = (await q.listArrangements(tx.db, user.tenantId, [personId])).map(toArrangement);
    const current = arrangements.find((a) => a.validFrom <= day) ?? null;
    const lines = await q.listChargeLines(tx.db, user.tenantId, [personId]);
    const months = new Map<string, { month: string; nights: number; amountOre: number; corrections: number }>();
    for (const l of lines) {
      const m = months.get(l.month) ?? { month: l.month, nights: 0, amountOre: 0, corrections: 0 };
      m.nights += l.nights;
      m.amountOre += l.amountOre;
      if (l.kind === 'correction') m.corrections++;
      months.set(l.month, m);
    }
    const thisMonth = (await computeCharges(tx.db, user.tenantId, monthOf(day), day, [personId])).get(personId)!;
    return {
      personId,
      current,
      arrangements,
      months: [...months.values()].sort((a, b) => b.month.localeCompare(a.month)),
      payments: (await q.listPayments(tx.db, user.tenantId, [personId])).map(toPayment),
      balance: (await balances(tx.db, user.tenantId, day, [personId]))[0]!,
      thisMonth: { month: monthOf(day), nights: thisMonth.nights, amountDueOre: thisMonth.amountDueOre },
    };
  });
}

/** The service's balances: everyone charged or paying, who owes (the follow-up list first), totals. */
export async function getPaymentsOverview(ctx: Ctx): Promise<ServiceOverviewOutput> {
  const user = requirePermission(ctx, 'payment:read');
  return inTransaction(ctx, async (tx) => {
    const residents = await balances(tx.db, user.tenantId, today(tx));
    const closed = await recordListAccess(tx, residents.map((r) => r.personId), 'follow_up', 'payments.overview.read');
    return {
      // A closed record shows the name only; its amounts count in the totals below but are not shown.
      residents: residents
        .map((r) =>
          closed.has(r.personId)
            ? { ...r, recordClosed: true, chargedOre: null, paidOre: null, balanceOre: null, arrearsSince: null, lastPaidOn: null, arrangement: null }
            : { ...r, recordClosed: false },
        )
        .sort((a, b) => Number(a.recordClosed) - Number(b.recordClosed)),
      totalChargedOre: residents.reduce((a, r) => a + r.chargedOre, 0),
      totalPaidOre: residents.reduce((a, r) => a + r.paidOre, 0),
      totalArrearsOre: residents.reduce((a, r) => a + Math.max(0, r.balanceOre), 0),
      inArrears: residents.filter((r) => r.balanceOre > 0).length,
    };
  });
}
