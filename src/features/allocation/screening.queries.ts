import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { screenings } from './allocation.tables.ts';

export type ScreeningRow = typeof screenings.$inferSelect;

export async function insertScreening(db: Db, row: typeof screenings.$inferInsert): Promise<ScreeningRow> {
  const [created] = await db.insert(screenings).values(row).returning();
  return created!;
}

/** The referral's applicant, to log whose data a read of its screenings touches; undefined in another tenant. */
export async function findReferralPersonId(db: Db, tenantId: string, referralId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ personId: referrals.personId })
    .from(referrals)
    .where(and(eq(referrals.tenantId, tenantId), eq(referrals.id, referralId)));
  return row?.personId;
}

/** A referral's screenings, newest first, with the screener's name. */
export async function listScreeningRows(db: Db, tenantId: string, referralId: string) {
  return db
    .select({ screening: screenings, screenedByName: users.displayName })
    .from(screenings)
    .leftJoin(users, eq(users.id, screenings.screenedBy))
    .where(and(eq(screenings.tenantId, tenantId), eq(screenings.referralId, referralId)))
    .orderBy(desc(screenings.screenedAt), desc(screenings.id));
}
