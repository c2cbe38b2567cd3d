import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import type { Db } from '../../platform/db/client.ts';
import { warningWeeksOn } from '../../platform/notifications/settings.service.ts';
import { staysError } from './stays.errors.ts';
import { extensionError } from './extension.errors.ts';
import { beyondThreeMonths, coveredUntil, extensionRefusal, isOverdueWithoutExtension, warningDate } from './extension.rules.ts';
import { osloDate, stayClock } from './stays.rules.ts';
import * as q from './extension.queries.ts';
import type { ExtendStayInput, ExtensionOutput, PersonStayClockOutput, StayClockStatusOutput } from './extension.schema.ts';

type ExtensionRow = Awaited<ReturnType<typeof q.listExtensions>>[number];

const toOutput = (e: ExtensionRow): ExtensionOutput => ({
  id: e.id,
  stayId: e.stayId,
  decidedAt: e.decidedAt.toISOString(),
  decidedByName: e.decidedByName,
  previousPlannedEndOn: e.previousPlannedEndOn,
  newPlannedEndOn: e.newPlannedEndOn,
  reason: e.reason,
});

async function readPersonOfStay(ctx: Ctx, stay: { personId: string; partnerPersonId: string | null }) {
  await recordAccess(ctx, stay.personId, 'follow_up', 'stay.read');
  if (stay.partnerPersonId) await recordAccess(ctx, stay.partnerPersonId, 'follow_up', 'stay.read');
}

/**
 * The service lead extends a stay: a decision with a reason and a new planned end after the current
 * one. Each extension is its own row (old and new end, who, when, why); the stay's planned end
 * follows. A stay over three months is an exception in law that needs a recorded justification: the
 * reason is it. The stay row is locked, so two extensions at once still each see the other's end.
 */
export async function extendStay(ctx: Ctx, stayId: string, input: ExtendStayInput): Promise<ExtensionOutput> {
  const user = requirePermission(ctx, 'stay:extend');
  return inTransaction(ctx, async (tx) => {
    const stay = await q.findStay(tx.db, user.tenantId, stayId, true);
    if (!stay) throw staysError('stay.not_found');
    if (stay.endOn) throw extensionError('extension.stay_ended');
    const refusal = extensionRefusal(stay.plannedEndOn, input.newPlannedEndOn, osloDate(tx.now));
    if (refusal) {
      const code = refusal === 'not_later' ? 'extension.not_later' : 'extension.in_past';
      throw extensionError(code, { fields: { newPlannedEndOn: extensionError.definitions[code][tx.locale] } });
    }
    const chain = (await q.loadChains(tx.db, user.tenantId, [stayId])).get(stayId)!;
    const row = await q.insertExtension(tx.db, {
      tenantId: user.tenantId,
      stayId,
      decidedBy: user.id,
      decidedAt: tx.now,
      previousPlannedEndOn: stay.plannedEndOn,
      newPlannedEndOn: input.newPlannedEndOn,
      reason: input.reason,
    });
    await q.setPlannedEnd(tx.db, user.tenantId, stayId, input.newPlannedEndOn);
    await recordEvent(tx, {
      action: 'stay.extend',
      entityType: 'stay',
      entityId: stayId,
      personId: stay.personId,
      purpose: 'follow_up',
      details: { extensionId: row.id, fields: ['plannedEndOn', 'reason'], beyondThreeMonths: beyondThreeMonths(chain.startOn, input.newPlannedEndOn) },
    });
    return { ...toOutput({ ...row, decidedByName: user.displayName }) };
  });
}

/** The extensions of a stay (and of the stays it continues after room moves), newest first. */
export async function listStayExtensions(ctx: Ctx, stayId: string): Promise<ExtensionOutput[]> {
  const user = requirePermission(ctx, 'stay:read');
  return inTransaction(ctx, async (tx) => {
    const stay = await q.findStay(tx.db, user.tenantId, stayId);
    if (!stay) throw staysError('stay.not_found');
    await readPersonOfStay(tx, stay);
    return (await q.listExtensions(tx.db, user.tenantId, await q.chainStayIds(tx.db, user.tenantId, stayId))).map(toOutput);
  });
}

async function clockStatus(ctx: Ctx, tenantId: string, stayId: string): Promise<StayClockStatusOutput | null> {
  const stay = await q.findStay(ctx.db, tenantId, stayId);
  if (!stay) return null;
  const today = osloDate(ctx.now);
  const chain = (await q.loadChains(ctx.db, tenantId, [stayId])).get(stayId)!;
  const weeks = await warningWeeksOn(ctx.db, tenantId, today);
  const upcoming = weeks.map((week) => ({ week, on: warningDate(chain.startOn, week) })).filter((w) => w.on > today);
  const extensions = await q.listExtensions(ctx.db, tenantId, await q.chainStayIds(ctx.db, tenantId, stayId));
  await readPersonOfStay(ctx, stay);
  return {
    stayId: stay.id,
    personId: stay.personId,
    roomName: stay.roomName,
    startOn: chain.startOn,
    plannedEndOn: stay.plannedEndOn,
    endOn: stay.endOn,
    clock: stayClock(chain.startOn, today),
    overdueWithoutExtension: isOverdueWithoutExtension({ startOn: chain.startOn, endOn: stay.endOn }, chain.extensions, today),
    coveredUntil: coveredUntil(chain.extensions),
    warningWeeks: weeks,
    nextWarning: upcoming[0] ?? null,
    extensions: extensions.map(toOutput),
  };
}

/** A stay's three-month clock with its follow-up: the over-limit flag, extensions, the next warning. */
export async function getStayClockStatus(ctx: Ctx, stayId: string): Promise<StayClockStatusOutput> {
  const user = requirePermission(ctx, 'stay:read');
  return inTransaction(ctx, async (tx) => {
    const status = await clockStatus(tx, user.tenantId, stayId);
    if (!status) throw staysError('stay.not_found');
    return status;
  });
}

/** The clock of the stay a person lives in now (null when they do not live in the house). */
export async function getPersonStayClock(ctx: Ctx, personId: string): Promise<PersonStayClockOutput> {
  const user = requirePermission(ctx, 'stay:read');
  return inTransaction(ctx, async (tx) => {
    const stayId = await q.findOpenStayIdOfPerson(tx.db, user.tenantId, personId);
    return { stay: stayId ? await clockStatus(tx, user.tenantId, stayId) : null };
  });
}

/**
 * The over-limit flag of many stays at once, for the board (whose service has checked stay:read and
 * logs the reads itself): stay id → { overdueWithoutExtension, coveredUntil, chainStartOn }. The
 * chain's first day (after room moves, the check-in of the first room) comes from the same query, so
 * the board needs no second walk of the room moves for its three-month clock.
 */
export async function clockFlagsForStays(db: Db, tenantId: string, stayIds: string[], today: string) {
  const chains = await q.loadChains(db, tenantId, stayIds);
  return new Map(
    [...chains].map(([stayId, chain]) => [
      stayId,
      {
        overdueWithoutExtension: isOverdueWithoutExtension({ startOn: chain.startOn }, chain.extensions, today),
        coveredUntil: coveredUntil(chain.extensions),
        chainStartOn: chain.startOn,
      },
    ]),
  );
}
