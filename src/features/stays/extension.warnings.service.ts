import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { deliverToInbox } from '../../platform/notifications/notifications.service.ts';
import { warningWeeksOn } from '../../platform/notifications/settings.service.ts';
import { coveredUntil, dueWarningWeek, isOverdueWithoutExtension } from './extension.rules.ts';
import { latestEndDate, osloDate } from './stays.rules.ts';
import * as q from './extension.queries.ts';

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export interface ClockWarningResult {
  warnings: number;
  overdue: number;
}

/**
 * The daily look at the three-month clock of every stay in the house: a message to all staff when a
 * stay reaches a warning week (8, 10 and 12 by default; the service's dated setting), and one when
 * a stay is past three months without an extension covering today. Each event has a natural key
 * (`stay:<id>:week:<n>`), so a second run the same day, or the next day, writes nothing new.
 * The message names the room and the week, never the resident; its link opens the person's page,
 * which logs that read. Runs as the municipality's system user (stay:read).
 */
export async function writeClockWarnings(ctx: Ctx): Promise<ClockWarningResult> {
  const user = requirePermission(ctx, 'stay:read');
  return inTransaction(ctx, async (tx) => {
    const today = osloDate(tx.now);
    const weeks = await warningWeeksOn(tx.db, user.tenantId, today);
    const open = await q.listOpenStays(tx.db, user.tenantId, today);
    const chains = await q.loadChains(tx.db, user.tenantId, open.map((s) => s.id));
    const result: ClockWarningResult = { warnings: 0, overdue: 0 };
    for (const stay of open) {
      const chain = chains.get(stay.id)!;
      const limit = latestEndDate(chain.startOn);
      const link = `/personer/${stay.personId}`;
      // Past the limit the over-limit message below says more than a late week warning would.
      const week = today <= limit ? dueWarningWeek(chain.startOn, today, weeks) : null;
      if (week !== null) {
        const id = await deliverToInbox(tx, user.tenantId, {
          kind: 'clock.warning',
          messageKey: 'clock.warning',
          params: { room: stay.roomName, week, date: ddmmyyyy(limit) },
          link,
          dedupeKey: `stay:${chain.rootId}:week:${week}`,
        });
        if (id) result.warnings++;
      }
      if (isOverdueWithoutExtension({ startOn: chain.startOn, endOn: stay.endOn }, chain.extensions, today)) {
        // Keyed by the day cover ran out: a stay whose extension has run out is flagged again.
        const id = await deliverToInbox(tx, user.tenantId, {
          kind: 'clock.overdue',
          messageKey: 'clock.overdue',
          params: { room: stay.roomName, date: ddmmyyyy(limit) },
          link,
          dedupeKey: `stay:${chain.rootId}:overdue:${coveredUntil(chain.extensions) ?? limit}`,
        });
        if (id) result.overdue++;
      }
    }
    return result;
  });
}
