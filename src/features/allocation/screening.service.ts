import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { getReferral } from '../referrals/referrals.service.ts';
import { setReferralStatus } from '../referrals/referrals.status.ts';
import { referralsError } from '../referrals/referrals.errors.ts';
import { deriveHouseholdFacts, explainScreening, screenReferral, type ScreeningAnswers } from './screening.rules.ts';
import { screeningError } from './screening.errors.ts';
import * as q from './screening.queries.ts';
import type { CreateScreeningInput, ScreeningOutput } from './screening.schema.ts';
import { osloDate } from '../../platform/time/oslo.ts';

const isoDay = (d: Date) => osloDate(d);

function toOutput(ctx: Ctx, row: q.ScreeningRow, screenedByName: string | null): ScreeningOutput {
  const stored = row.answers;
  const answers: ScreeningAnswers = {
    inTargetGroup: !!stored.inTargetGroup,
    canSelfEvacuate: !!stored.canSelfEvacuate,
    elderlyOrSickUnable: !!stored.elderlyOrSickUnable,
    activeSubstanceDependence: !!stored.activeSubstanceDependence,
    justReleasedFromPrison: !!stored.justReleasedFromPrison,
    justDischargedFromInstitution: !!stored.justDischargedFromInstitution,
  };
  // The lines are explained again from what was stored: the answers and the household facts of the day.
  const { lines } = explainScreening(answers, {
    childrenInHousehold: !!stored.childrenInHousehold,
    youngPerson: !!stored.youngPerson,
    ageUnknown: !!stored.ageUnknown,
  });
  return {
    id: row.id,
    referralId: row.referralId,
    screenedAt: row.screenedAt.toISOString(),
    screenedByName,
    answers,
    childrenInHousehold: !!stored.childrenInHousehold,
    youngPerson: !!stored.youngPerson,
    result: row.result,
    exceptions: row.exceptions,
    justification: row.justification,
    note: row.note,
    lines: lines.map((l) => ({ ...l, text: translate(ctx.locale, l.explanation) })),
  };
}

/**
 * Screens a referral against the target group and the fire-safety exclusions, stores the answers
 * with the result and the exceptions, and moves the referral to "screened". Going on to a decision
 * despite an exception needs a written justification.
 */
export async function recordScreening(ctx: Ctx, referralId: string, input: CreateScreeningInput): Promise<ScreeningOutput> {
  const user = requirePermission(ctx, 'referral:screen');
  return inTransaction(ctx, async (tx) => {
    // Through the referral service: tenant scope, and the read of the household is logged.
    const referral = await getReferral(tx, referralId);
    if (referral.status !== 'received' && referral.status !== 'screened') throw screeningError('screening.referral_closed');
    const h = referral.household!;
    const household = {
      applicantBirthDate: h.applicant.birthDate,
      partner: h.partner ? { birthDate: h.partner.birthDate } : null,
      children: h.children,
    };
    const today = isoDay(tx.now);
    const evaluation = screenReferral(input.answers, household, today);
    const facts = deriveHouseholdFacts(household, today);
    if (evaluation.result === 'needs_justification' && input.proceedWithExceptions && !input.justification) {
      throw screeningError('screening.justification_required', {
        fields: { justification: translate(tx.locale, 'screening.validation.justification') },
      });
    }
    const row = await q.insertScreening(tx.db, {
      tenantId: user.tenantId,
      referralId,
      screenedBy: user.id,
      screenedAt: tx.now,
      answers: { ...input.answers, childrenInHousehold: facts.childrenInHousehold, youngPerson: facts.youngPerson, ageUnknown: facts.ageUnknown },
      result: evaluation.result,
      exceptions: evaluation.exceptions,
      justification: evaluation.result === 'needs_justification' ? (input.justification ?? null) : null,
      note: input.note ?? null,
    });
    await setReferralStatus(tx, referralId, 'screened');
    await recordEvent(tx, {
      action: 'referral.screen',
      entityType: 'referral',
      entityId: referralId,
      personId: h.applicant.personId,
      purpose: 'allocation',
      details: { screeningId: row.id, result: evaluation.result },
    });
    return toOutput(tx, row, user.displayName);
  });
}

/** A referral's screenings, newest first; the read is logged on the applicant's access log. */
export async function listScreenings(ctx: Ctx, referralId: string): Promise<ScreeningOutput[]> {
  const user = requirePermission(ctx, 'referral:read');
  return inTransaction(ctx, async (tx) => {
    const personId = await q.findReferralPersonId(tx.db, user.tenantId, referralId);
    if (!personId) throw referralsError('referral.not_found');
    const rows = await q.listScreeningRows(tx.db, user.tenantId, referralId);
    if (rows.length) await recordAccess(tx, personId, 'allocation', 'screening.read');
    return rows.map((r) => toOutput(tx, r.screening, r.screenedByName));
  });
}
