import type { Db } from '../../platform/db/client.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { screenings } from './allocation.tables.ts';
import { buildPerson } from '../people/people.factory.ts';

/** A referral of a new person (unless personId is given), received 26.11.2026 in the morning. */
export async function buildReferral(db: Db, options: { tenantId: string } & Partial<typeof referrals.$inferInsert>) {
  const personId = options.personId ?? (await buildPerson(db, { tenantId: options.tenantId })).id;
  const receivedAt = options.receivedAt ?? new Date('2026-11-26T08:00:00+01:00');
  const [row] = await db
    .insert(referrals)
    .values({
      personId,
      receivedAt,
      situation: 'evicted',
      previousStay: 'friends_family',
      nowhereToSleepTonight: true,
      consentToShare: true,
      caseworkerName: 'Nora NAV-veileder',
      navOffice: 'Bodø',
      status: 'received',
      statusChangedAt: receivedAt,
      ...options,
    })
    .returning();
  return row!;
}

/** A screening row of a referral with the given result (and the referral marked screened). */
export async function buildScreening(
  db: Db,
  options: { tenantId: string; referralId: string; screenedBy: string } & Partial<typeof screenings.$inferInsert>,
) {
  const [row] = await db
    .insert(screenings)
    .values({
      screenedAt: new Date('2026-11-26T09:00:00+01:00'),
      answers: { inTargetGroup: true, canSelfEvacuate: true },
      result: 'eligible',
      exceptions: [],
      ...options,
    })
    .returning();
  return row!;
}
