import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';
import { decisions, offers, screenings } from '../allocation/allocation.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { referrals } from './referrals.tables.ts';
import type { ReferralStatus } from './referrals.status.ts';

export type ReferralRow = typeof referrals.$inferSelect;

export async function insertReferral(db: Db, row: typeof referrals.$inferInsert): Promise<ReferralRow> {
  const [created] = await db.insert(referrals).values(row).returning();
  return created!;
}

export async function findUserEmail(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}

const partner = alias(people, 'partner');

// The names of the household with each referral: lists show "who" without opening the person.
const withNames = {
  referral: referrals,
  applicantGivenName: people.givenName,
  applicantFamilyName: people.familyName,
  partnerGivenName: partner.givenName,
  partnerFamilyName: partner.familyName,
};

export type ReferralWithNames = {
  referral: ReferralRow;
  applicantGivenName: string;
  applicantFamilyName: string;
  partnerGivenName: string | null;
  partnerFamilyName: string | null;
};

/** One referral of the tenant; with `referredBy`, only if that user made it. */
export async function findReferral(db: Db, tenantId: string, id: string, referredBy?: string): Promise<ReferralWithNames | undefined> {
  const where: SQL[] = [eq(referrals.tenantId, tenantId), eq(referrals.id, id)];
  if (referredBy) where.push(eq(referrals.referredBy, referredBy));
  const [row] = await db
    .select(withNames)
    .from(referrals)
    .innerJoin(people, eq(people.id, referrals.personId))
    .leftJoin(partner, eq(partner.id, referrals.partnerPersonId))
    .where(and(...where));
  return row;
}

/** The tenant's referrals, newest first; `referredBy` narrows to one caseworker's own. */
export async function listReferralRows(
  db: Db,
  filter: { tenantId: string; referredBy?: string; status?: ReferralStatus; limit?: number },
): Promise<ReferralWithNames[]> {
  const where: SQL[] = [eq(referrals.tenantId, filter.tenantId)];
  if (filter.referredBy) where.push(eq(referrals.referredBy, filter.referredBy));
  if (filter.status) where.push(eq(referrals.status, filter.status));
  return db
    .select(withNames)
    .from(referrals)
    .innerJoin(people, eq(people.id, referrals.personId))
    .leftJoin(partner, eq(partner.id, referrals.partnerPersonId))
    .where(and(...where))
    .orderBy(desc(referrals.receivedAt), desc(referrals.id))
    .limit(filter.limit ?? 500);
}

/**
 * The moments a referral moved on, read from the rows each step leaves behind (screenings,
 * decisions, answered or lapsed offers, the stay). Read-only; the owning features write them.
 */
export async function listStatusMoments(db: Db, tenantId: string, referralId: string): Promise<{ status: ReferralStatus; at: Date }[]> {
  // One after another: inside a transaction they share one connection.
  const screened = await db
    .select({ at: screenings.screenedAt })
    .from(screenings)
    .where(and(eq(screenings.tenantId, tenantId), eq(screenings.referralId, referralId)))
    .orderBy(asc(screenings.screenedAt));
  const decided = await db
    .select({ at: decisions.decidedAt, outcome: decisions.outcome })
    .from(decisions)
    .where(and(eq(decisions.tenantId, tenantId), eq(decisions.referralId, referralId)));
  const answered = await db
    .select({ status: offers.status, respondedAt: offers.respondedAt, expiresAt: offers.expiresAt })
    .from(offers)
    .where(and(eq(offers.tenantId, tenantId), eq(offers.referralId, referralId)));
  const checkedIn = await db
    .select({ at: stays.checkedInAt })
    .from(stays)
    .where(and(eq(stays.tenantId, tenantId), eq(stays.referralId, referralId)));
  const decisionStatus = { offer: 'offered', waiting_list: 'waiting_list', refusal: 'refused' } as const;
  return [
    // Screening again does not move the status on: only the first screening is a step.
    ...screened.slice(0, 1).map((s) => ({ status: 'screened' as const, at: s.at })),
    ...decided.map((d) => ({ status: decisionStatus[d.outcome], at: d.at })),
    ...answered.flatMap((o) =>
      o.status === 'open' ? [] : [{ status: o.status, at: o.respondedAt ?? o.expiresAt }],
    ),
    ...checkedIn.map((s) => ({ status: 'checked_in' as const, at: s.at })),
  ];
}
