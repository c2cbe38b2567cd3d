import type { Ctx, CurrentUser } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { hasPermission, requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { AppError, platformError } from '../../platform/http/errors.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import type { MessageKey } from '../../platform/i18n/catalogue.ts';
import { ageOn, maskNationalId } from '../people/people.rules.ts';
import { getPerson, registerOrLinkPersonForReferral } from '../people/people.service.ts';
import type { HouseholdMemberInput, PersonOutput } from '../people/people.schema.ts';
import { referralsError } from './referrals.errors.ts';
import * as q from './referrals.queries.ts';
import type {
  CreateReferralInput,
  ReferralOutput,
  ReferralPersonInput,
  ReferralStatus,
  ReferralSummary,
} from './referrals.schema.ts';
import { osloDate } from '../../platform/time/oslo.ts';

const isoDay = (d: Date) => osloDate(d);

/**
 * Who may see which referrals: the service (referral:read) sees all of the tenant's; a NAV
 * caseworker (referral:read:own) only the ones they made. The check is the first line of each read.
 */
function readScope(ctx: Ctx): { user: CurrentUser; all: boolean } {
  const all = hasPermission(ctx.user, 'referral:read');
  const user = requirePermission(ctx, all ? 'referral:read' : 'referral:read:own');
  return { user, all };
}

/**
 * What the referring NAV caseworker sees of the case without the resident's consent to share: the
 * decision on the referral (NAV's own § 27 duty) — not what the resident did with an offer or their
 * stay. With consent (recorded on the referral) they follow it through to check-in.
 */
const afterDecision = new Set<ReferralStatus>(['accepted', 'declined', 'lapsed', 'checked_in']);
const referrerSees = (all: boolean, consent: boolean, status: ReferralStatus) => all || consent || !afterDecision.has(status);
const statusForReader = (all: boolean, consent: boolean, status: ReferralStatus): ReferralStatus => (referrerSees(all, consent, status) ? status : 'offered');

// Dates the schema cannot judge without the clock: nobody is born tomorrow, and children are under 18.
function assertReferralDates(ctx: Ctx, input: CreateReferralInput) {
  const today = isoDay(ctx.now);
  const fields: Record<string, string> = {};
  const refuse = (path: string, key: MessageKey) => (fields[path] ??= translate(ctx.locale, key));
  if (input.applicant.birthDate > today) refuse('applicant.birthDate', 'validation.dateInFuture');
  if (input.partner && input.partner.birthDate > today) refuse('partner.birthDate', 'validation.dateInFuture');
  input.children.forEach((c, i) => {
    if (c.birthDate > today) refuse(`children.${i}.birthDate`, 'validation.dateInFuture');
    else if (ageOn(c.birthDate, today) >= 18) refuse(`children.${i}.birthDate`, 'referrals.validation.childTooOld');
  });
  if (Object.keys(fields).length) throw platformError('request.invalid', { fields });
}

/** Registers or links one person of the referral; a field refusal names the field inside the referral. */
async function registerOrLink(ctx: Ctx, role: 'applicant' | 'partner', person: ReferralPersonInput, household: HouseholdMemberInput[]) {
  try {
    return await registerOrLinkPersonForReferral(ctx, { ...person, household });
  } catch (err) {
    if (err instanceof AppError && err.fields) {
      const fields = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [`${role}.${k}`, v]));
      throw new AppError(err.code, err.definition, { fields, meta: err.meta });
    }
    throw err;
  }
}

function householdName(ctx: Ctx, r: q.ReferralWithNames): string {
  const applicant = `${r.applicantGivenName} ${r.applicantFamilyName}`;
  if (!r.partnerGivenName) return applicant;
  return `${applicant} ${ctx.locale === 'en' ? 'and' : 'og'} ${r.partnerGivenName} ${r.partnerFamilyName}`;
}

/**
 * The referral's steps, oldest first: received, then what the screening, decision, offer and stay
 * rows show, and the present status if no row explains it (a withdrawal, say).
 */
async function statusHistory(ctx: Ctx, row: q.ReferralRow) {
  const moments = (await q.listStatusMoments(ctx.db, row.tenantId, row.id)).sort((a, b) => a.at.getTime() - b.at.getTime());
  const history: { status: ReferralStatus; at: Date }[] = [{ status: 'received', at: row.receivedAt }, ...moments];
  if (history.at(-1)!.status !== row.status) history.push({ status: row.status, at: row.statusChangedAt });
  return history.filter((h, i) => i === 0 || h.status !== history[i - 1]!.status).map((h) => ({ status: h.status, at: h.at.toISOString() }));
}

const personView = (p: PersonOutput) => ({
  personId: p.id,
  givenName: p.givenName,
  familyName: p.familyName,
  birthDate: p.birthDate,
  idType: p.idType,
  maskedNationalId: maskNationalId(p.nationalId),
  phone: p.phone,
});

/**
 * Shapes a referral for its reader. The service sees the household (read through the people
 * service, which logs the access with the purpose 'allocation'); the referring caseworker sees what
 * they referred and its status, never what the register already knew about the people.
 */
async function toOutput(ctx: Ctx, found: q.ReferralWithNames, all: boolean, logRead: boolean): Promise<ReferralOutput> {
  const r = found.referral;
  let household: ReferralOutput['household'] = null;
  if (all) {
    const applicant = await getPerson(ctx, r.personId, 'allocation');
    const partner = r.partnerPersonId ? await getPerson(ctx, r.partnerPersonId, 'allocation') : null;
    household = {
      applicant: personView(applicant),
      partner: partner && personView(partner),
      children: applicant.household.filter((m) => m.relation === 'child').map((m) => ({ name: m.name, birthDate: m.birthDate })),
    };
  } else if (logRead) {
    await recordAccess(ctx, r.personId, 'allocation', 'referral.read');
    if (r.partnerPersonId) await recordAccess(ctx, r.partnerPersonId, 'allocation', 'referral.read');
  }
  return {
    id: r.id,
    receivedAt: r.receivedAt.toISOString(),
    householdName: householdName(ctx, found),
    status: statusForReader(all, r.consentToShare, r.status),
    statusChangedAt: r.statusChangedAt.toISOString(),
    situation: r.situation,
    situationOther: r.situationOther,
    previousStay: r.previousStay,
    nowhereToSleepTonight: r.nowhereToSleepTonight,
    needs: r.needs,
    consentToShare: r.consentToShare,
    consentScope: r.consentScope,
    caseworkerName: r.caseworkerName,
    caseworkerPhone: r.caseworkerPhone,
    caseworkerEmail: r.caseworkerEmail,
    navOffice: r.navOffice,
    history: (await statusHistory(ctx, r)).filter((h) => referrerSees(all, r.consentToShare, h.status)),
    household,
  };
}

/**
 * A NAV caseworker (or the service) refers a household. The people are registered, or linked when
 * their fødselsnummer/D-number is already registered, in the same transaction as the referral.
 */
export async function createReferral(ctx: Ctx, input: CreateReferralInput): Promise<ReferralOutput> {
  const user = requirePermission(ctx, 'referral:create');
  assertReferralDates(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const partner = input.partner ? await registerOrLink(tx, 'partner', input.partner, []) : undefined;
    const household: HouseholdMemberInput[] = [
      ...(partner && input.partner
        ? [{ relation: 'partner' as const, name: `${input.partner.givenName} ${input.partner.familyName}`, birthDate: input.partner.birthDate, relatedPersonId: partner.personId }]
        : []),
      ...input.children.map((c) => ({ relation: 'child' as const, name: c.name, birthDate: c.birthDate })),
    ];
    const applicant = await registerOrLink(tx, 'applicant', input.applicant, household);
    const row = await q.insertReferral(tx.db, {
      tenantId: user.tenantId,
      personId: applicant.personId,
      partnerPersonId: partner?.personId ?? null,
      referredBy: user.id,
      receivedAt: tx.now,
      situation: input.situation,
      situationOther: input.situation === 'other' ? (input.situationOther ?? null) : null,
      previousStay: input.previousStay,
      nowhereToSleepTonight: input.nowhereToSleepTonight,
      needs: input.needs ?? null,
      consentToShare: input.consentToShare,
      consentScope: input.consentToShare ? (input.consentScope ?? null) : null,
      caseworkerName: input.caseworkerName ?? user.displayName,
      caseworkerPhone: input.caseworkerPhone ?? null,
      caseworkerEmail: input.caseworkerEmail ?? (await q.findUserEmail(tx.db, user.id)),
      navOffice: input.navOffice ?? null,
      status: 'received',
      statusChangedAt: tx.now,
    });
    await recordEvent(tx, {
      action: 'referral.create',
      entityType: 'referral',
      entityId: row.id,
      personId: applicant.personId,
      purpose: 'allocation',
      details: { hasPartner: !!partner, children: input.children.length, fields: Object.keys(input).filter((k) => input[k as keyof CreateReferralInput] !== undefined) },
    });
    const found = await q.findReferral(tx.db, user.tenantId, row.id);
    // The answer is shaped by what the creator may read; nothing in it says whether a person was linked.
    return toOutput(tx, found!, hasPermission(user, 'referral:read'), false);
  });
}

/** Referrals, newest first: all of the tenant's for the service, a caseworker's own for NAV. */
export async function listReferrals(ctx: Ctx, filter: { status?: ReferralStatus } = {}): Promise<ReferralSummary[]> {
  const { user, all } = readScope(ctx);
  const rows = (await q.listReferralRows(ctx.db, { tenantId: user.tenantId, referredBy: all ? undefined : user.id, status: filter.status })).filter(
    (r) => !filter.status || referrerSees(all, r.referral.consentToShare, r.referral.status),
  );
  return rows.map((r) => ({
    id: r.referral.id,
    receivedAt: r.referral.receivedAt.toISOString(),
    householdName: householdName(ctx, r),
    status: statusForReader(all, r.referral.consentToShare, r.referral.status),
    statusChangedAt: r.referral.statusChangedAt.toISOString(),
    nowhereToSleepTonight: r.referral.nowhereToSleepTonight,
    caseworkerName: r.referral.caseworkerName,
    navOffice: r.referral.navOffice,
  }));
}

/** One referral with its status history; another caseworker's referral is "not found". */
export async function getReferral(ctx: Ctx, referralId: string): Promise<ReferralOutput> {
  const { user, all } = readScope(ctx);
  return inTransaction(ctx, async (tx) => {
    const found = await q.findReferral(tx.db, user.tenantId, referralId, all ? undefined : user.id);
    if (!found) throw referralsError('referral.not_found');
    return toOutput(tx, found, all, true);
  });
}
