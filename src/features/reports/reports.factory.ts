import type { Db } from '../../platform/db/client.ts';
import { roomStateChanges, type roomStates } from '../rooms/rooms.tables.ts';
import { roomMoves } from '../stays/moving-on.tables.ts';
import { decisions, offers, waitingListEntries } from '../allocation/allocation.tables.ts';
import { aftercareFollowUps } from '../aftercare/aftercare.tables.ts';
import { householdMembers } from '../people/people.tables.ts';

// Test builders for report histories: the events a report counts, inserted directly with exact days.

/** A room move: the rows must exist already (the first ends and the second starts on `movedOn`). */
export async function buildRoomMove(
  db: Db,
  options: { tenantId: string; from: { id: string; roomId: string }; to: { id: string; roomId: string }; movedOn: string },
) {
  const [row] = await db
    .insert(roomMoves)
    .values({
      tenantId: options.tenantId,
      fromStayId: options.from.id,
      toStayId: options.to.id,
      fromRoomId: options.from.roomId,
      toRoomId: options.to.roomId,
      movedOn: options.movedOn,
      reason: 'Rombytte',
      movedAt: new Date(`${options.movedOn}T10:00:00Z`),
    })
    .returning();
  return row!;
}

/** A room state change (out of service with its dates, or back to another state) at a given time. */
export async function buildStateChange(
  db: Db,
  options: { room: { id: string; tenantId: string }; changedAt: string; toState: (typeof roomStates)[number]; fromOn?: string; toOn?: string | null },
) {
  await db.insert(roomStateChanges).values({
    tenantId: options.room.tenantId,
    roomId: options.room.id,
    changedAt: new Date(options.changedAt),
    toState: options.toState,
    reason: options.toState === 'out_of_service' ? 'Vannskade' : null,
    fromOn: options.fromOn ?? null,
    toOn: options.toOn ?? null,
  });
}

/** A decision on a referral (offer needs a room), and for an offer its offer row with the answer. */
export async function buildDecision(
  db: Db,
  options: {
    tenantId: string;
    referralId: string;
    decidedBy: string;
    decidedAt: string;
    outcome: 'offer' | 'waiting_list' | 'refusal';
    roomId?: string;
    answer?: { status: 'accepted' | 'declined' | 'open' | 'lapsed'; at: string | null };
  },
) {
  const offer = options.outcome === 'offer';
  const [decision] = await db
    .insert(decisions)
    .values({
      tenantId: options.tenantId,
      referralId: options.referralId,
      decidedBy: options.decidedBy,
      decidedAt: new Date(options.decidedAt),
      outcome: options.outcome,
      reasons: 'Vurdert etter framgangsmåten.',
      roomId: offer ? options.roomId : null,
      fromOn: offer ? options.decidedAt.slice(0, 10) : null,
      plannedEndOn: offer ? '2099-01-01' : null,
    })
    .returning();
  if (offer && options.roomId) {
    await db.insert(offers).values({
      tenantId: options.tenantId,
      decisionId: decision!.id,
      referralId: options.referralId,
      roomId: options.roomId,
      fromOn: options.decidedAt.slice(0, 10),
      plannedEndOn: '2099-01-01',
      expiresAt: new Date('2099-01-01T12:00:00Z'),
      status: options.answer?.status ?? 'open',
      respondedAt: options.answer?.at ? new Date(options.answer.at) : null,
    });
  }
  return decision!;
}

export async function buildWaitingEntry(db: Db, options: { tenantId: string; referralId: string; addedAt: string; removedAt?: string }) {
  await db.insert(waitingListEntries).values({
    tenantId: options.tenantId,
    referralId: options.referralId,
    addedAt: new Date(options.addedAt),
    urgency: 'this_week',
    reason: 'Ingen ledig hybel',
    removedAt: options.removedAt ? new Date(options.removedAt) : null,
    removalReason: options.removedAt ? 'Fikk plass' : null,
  });
}

export async function buildFollowUp(
  db: Db,
  options: { tenantId: string; personId: string; stayId: string; monthsAfter: number; dueOn: string; doneOn?: string; stillHoused?: boolean },
) {
  await db.insert(aftercareFollowUps).values({
    tenantId: options.tenantId,
    personId: options.personId,
    stayId: options.stayId,
    monthsAfter: options.monthsAfter,
    dueOn: options.dueOn,
    doneOn: options.doneOn ?? null,
    stillHoused: options.stillHoused ?? null,
  });
}

export async function buildChild(db: Db, options: { tenantId: string; personId: string; birthDateOn: string | null }) {
  await db.insert(householdMembers).values({ ...options, relation: 'child', name: 'Barn Testesen' });
}
