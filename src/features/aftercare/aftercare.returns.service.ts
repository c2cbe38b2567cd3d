import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess } from '../../platform/audit/audit.service.ts';
import { aftercareError } from './aftercare.errors.ts';
import { addMonths, returnAfterMoveOut } from './aftercare.rules.ts';
import * as q from './aftercare.queries.ts';
import type { PreviousStaysOutput, ReturnsOutput } from './aftercare.schema.ts';
import { osloDate } from '../../platform/time/oslo.ts';

// A former resident referred again is recognised, so returns to homelessness ("tilbakefall til
// bostedsløshet") within 6 and 12 months of a move-out can be seen on the referral and counted.

/**
 * A person's earlier move-outs and, for each of their referrals, the move-out before it and whether
 * the referral came within 6 and 12 months of it. For the service deciding on a referral.
 */
export async function getPreviousStays(ctx: Ctx, personId: string): Promise<PreviousStaysOutput> {
  const user = requirePermission(ctx, 'referral:read');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findPersonName(tx.db, user.tenantId, personId))) throw aftercareError('aftercare.person_not_found');
    const moveOuts = await q.listMoveOutsOfPerson(tx.db, user.tenantId, personId);
    const referrals = await q.listReferralsOfPeople(tx.db, user.tenantId, [personId]);
    await recordAccess(tx, personId, 'allocation', 'aftercare.previous_stays');
    const summary = (m: q.MoveOutSummaryRow) => ({ stayId: m.stayId, startOn: m.startOn, movedOutOn: m.movedOutOn, destination: m.destination });
    return {
      personId,
      moveOuts: moveOuts.map(summary),
      referrals: referrals.map((r) => {
        const receivedOn = osloDate(r.receivedAt);
        // moveOuts is newest first: the first on or before the referral day is the one before it.
        const previous = moveOuts.find((m) => m.movedOutOn <= receivedOn) ?? null;
        const within = previous ? returnAfterMoveOut(previous.movedOutOn, receivedOn) : { within6Months: false, within12Months: false };
        return { referralId: r.id, receivedOn, previousMoveOut: previous ? summary(previous) : null, ...within };
      }),
    };
  });
}

/**
 * For reports: of the households that moved out in a period (both days included; deaths left out),
 * how many were referred again within 6 and within 12 months of moving out (the applicant or the
 * partner, in the first referral after the move-out). Aggregates only. The counts are final once the
 * window has passed for the whole period (complete6Months / complete12Months).
 */
export async function countReturnsToHomelessness(ctx: Ctx, period: { from: string; to: string }): Promise<ReturnsOutput> {
  const user = requirePermission(ctx, 'report:read:aggregate');
  const today = osloDate(ctx.now);
  return inTransaction(ctx, async (tx) => {
    const moveOuts = (await q.listMoveOutsBetween(tx.db, user.tenantId, period.from, period.to)).filter((m) => m.destination !== 'deceased');
    const household = (m: { personId: string; partnerPersonId: string | null }) => [m.personId, m.partnerPersonId].filter((p): p is string => p !== null);
    const referrals = await q.listReferralsOfPeople(tx.db, user.tenantId, [...new Set(moveOuts.flatMap(household))]);
    let within6 = 0;
    let within12 = 0;
    for (const m of moveOuts) {
      const people = household(m);
      const next = referrals
        .map((r) => ({ ...r, receivedOn: osloDate(r.receivedAt) }))
        .filter((r) => r.receivedOn >= m.movedOutOn && (people.includes(r.personId) || (r.partnerPersonId !== null && people.includes(r.partnerPersonId))))
        .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))[0];
      if (!next) continue;
      const result = returnAfterMoveOut(m.movedOutOn, next.receivedOn);
      if (result.within6Months) within6++;
      if (result.within12Months) within12++;
    }
    return {
      from: period.from,
      to: period.to,
      moveOuts: moveOuts.length,
      returnedWithin6Months: within6,
      returnedWithin12Months: within12,
      complete6Months: addMonths(period.to, 6) < today,
      complete12Months: addMonths(period.to, 12) < today,
    };
  });
}
