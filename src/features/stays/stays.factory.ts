import type { Db } from '../../platform/db/client.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { decisions, offers } from '../allocation/allocation.tables.ts';
import { houseRulesVersions } from '../agreements/agreements.tables.ts';
import { inventoryItems, roomKeys, stays } from './stays.tables.ts';

// Test builders that insert rows directly, so the stays tests need no other feature's service.

let counter = 0;
const at = new Date('2026-11-20T09:00:00Z');

/** A referral decided with an offer of a room, the offer answered (accepted unless told otherwise). */
export async function buildOffer(
  db: Db,
  options: {
    tenantId: string;
    roomId: string;
    personId: string;
    partnerPersonId?: string | null;
    decidedBy: string;
    fromOn?: string;
    plannedEndOn?: string;
    status?: (typeof offers.$inferInsert)['status'];
  },
) {
  const fromOn = options.fromOn ?? '2026-11-24';
  const plannedEndOn = options.plannedEndOn ?? '2027-02-24';
  const status = options.status ?? 'accepted';
  const [referral] = await db
    .insert(referrals)
    .values({
      tenantId: options.tenantId,
      personId: options.personId,
      partnerPersonId: options.partnerPersonId ?? null,
      receivedAt: at,
      situation: 'evicted',
      previousStay: 'friends_family',
      nowhereToSleepTonight: true,
      consentToShare: true,
      caseworkerName: 'Nina NAV-veileder',
      status: status === 'accepted' ? 'accepted' : status === 'open' ? 'offered' : status,
      statusChangedAt: at,
    })
    .returning();
  const [decision] = await db
    .insert(decisions)
    .values({
      tenantId: options.tenantId,
      referralId: referral!.id,
      decidedBy: options.decidedBy,
      decidedAt: at,
      outcome: 'offer',
      reasons: 'Har ikke noe sted å bo og er i målgruppen.',
      roomId: options.roomId,
      fromOn,
      plannedEndOn,
    })
    .returning();
  const [offer] = await db
    .insert(offers)
    .values({
      tenantId: options.tenantId,
      decisionId: decision!.id,
      referralId: referral!.id,
      roomId: options.roomId,
      fromOn,
      plannedEndOn,
      expiresAt: new Date('2026-12-31T12:00:00Z'),
      status,
      respondedAt: status === 'open' ? null : at,
    })
    .returning();
  return { referral: referral!, decision: decision!, offer: offer! };
}

/** A stay inserted directly (open unless endOn is given). */
export async function buildStay(
  db: Db,
  options: { tenantId: string; roomId: string; personId: string; startOn: string; plannedEndOn?: string } & Partial<typeof stays.$inferInsert>,
) {
  const [row] = await db
    .insert(stays)
    .values({ plannedEndOn: '2027-03-01', checkedInAt: at, ...options })
    .returning();
  return row!;
}

export async function buildKey(db: Db, options: { tenantId: string; roomId: string | null } & Partial<typeof roomKeys.$inferInsert>) {
  counter++;
  const [row] = await db
    .insert(roomKeys)
    .values({ keyNumber: `K-${counter}-${Math.random().toString(36).slice(2, 6)}`, door: 'room', ...options })
    .returning();
  return row!;
}

export async function buildInventoryItem(db: Db, options: { tenantId: string; roomId: string } & Partial<typeof inventoryItems.$inferInsert>) {
  counter++;
  const [row] = await db
    .insert(inventoryItems)
    .values({ name: `Gjenstand ${counter}`, ...options })
    .returning();
  return row!;
}

/** A published version of the house rules. */
export async function buildHouseRules(db: Db, options: { tenantId: string; version: number; rules?: string[] }) {
  const [row] = await db
    .insert(houseRulesVersions)
    .values({
      tenantId: options.tenantId,
      version: options.version,
      rules: options.rules ?? [`Regel 1 i versjon ${options.version}`, 'Ro i huset mellom kl. 23 og 07.'],
      publishedAt: at,
    })
    .returning();
  return row!;
}
