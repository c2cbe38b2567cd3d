import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent, recordListAccess } from '../../platform/audit/audit.service.ts';
import { recordIncident } from '../incidents/incidents.service.ts';
import { keysError } from './keys.errors.ts';
import * as q from './keys.queries.ts';
import type { KeyRegisterRow, ReportKeyLostInput } from './keys.schema.ts';
import type { KeyDoor } from './stays.schema.ts';

// The key register (nøkkelregister): every key, who has it or had it last, and lost keys.

/** Every key with its latest issue: the holder (a read of their record, logged), when, whether it came back. */
export async function listKeyRegister(ctx: Ctx): Promise<KeyRegisterRow[]> {
  const user = requirePermission(ctx, 'key:manage');
  return inTransaction(ctx, async (tx) => {
    const keys = await q.listKeys(tx.db, user.tenantId);
    const latest = new Map<string, Awaited<ReturnType<typeof q.listIssues>>[number]>();
    for (const issue of await q.listIssues(tx.db, user.tenantId)) if (!latest.has(issue.keyId)) latest.set(issue.keyId, issue);
    const rows = keys
      .map((k): KeyRegisterRow => {
        const issue = latest.get(k.id);
        const open = issue && !issue.returnedAt;
        return {
          id: k.id,
          keyNumber: k.keyNumber,
          door: k.door as KeyDoor,
          roomId: k.roomId,
          roomName: k.roomName,
          status: k.lostAt ? 'lost' : open ? (issue.stayEndOn ? 'not_returned' : 'issued') : 'available',
          issuedToPersonId: issue?.personId ?? null,
          issuedToName: issue?.givenName ? `${issue.givenName} ${issue.familyName}` : null,
          issuedToRecordClosed: false,
          issuedAt: issue?.issuedAt.toISOString() ?? null,
          returnedAt: issue?.returnedAt?.toISOString() ?? null,
          lostAt: k.lostAt?.toISOString() ?? null,
          lostIncidentId: k.lostIncidentId,
        };
      })
      .sort((a, b) => (a.roomName ?? '').localeCompare(b.roomName ?? '', 'nb') || a.keyNumber.localeCompare(b.keyNumber, 'nb', { numeric: true }));
    // The keys are the house's; a holder whose record is closed is shown by name only (access by need).
    const closed = await recordListAccess(tx, rows.map((r) => r.issuedToPersonId), 'follow_up', 'key.register_read');
    return rows.map((r) => (r.issuedToPersonId && closed.has(r.issuedToPersonId) ? { ...r, issuedToRecordClosed: true, issuedAt: null, returnedAt: null } : r));
  });
}

/**
 * Reports a key lost (or stolen): an incident is recorded (theft or other, linked to the key, with the
 * holder as the resident involved) and the key is marked lost, so it is never handed out again and
 * leaves the board's "not returned" list. All in one transaction.
 */
export async function reportKeyLost(ctx: Ctx, keyId: string, input: ReportKeyLostInput): Promise<{ incidentId: string }> {
  const user = requirePermission(ctx, 'key:manage');
  return inTransaction(ctx, async (tx) => {
    const found = await q.lockKey(tx.db, user.tenantId, keyId);
    if (!found) throw keysError('key.unknown');
    if (found.lost) throw keysError('key.already_lost');
    const holder = found.latestIssue && !found.latestIssue.returnedAt ? found.latestIssue : undefined;
    const residentIds = holder ? [holder.personId, holder.partnerPersonId].filter((p): p is string => Boolean(p)) : [];
    const { id: incidentId } = await recordIncident(
      tx,
      {
        location: found.key.door === 'room' && found.key.roomId ? 'room' : 'common_area',
        roomId: found.key.door === 'room' ? (found.key.roomId ?? undefined) : undefined,
        type: input.stolen ? 'theft' : 'other',
        // A front-door key out of our hands opens the whole house.
        severity: found.key.door === 'front_door' ? 'medium' : 'low',
        description: input.description,
        residentIds,
        staffUserIds: [],
        others: [],
      },
      { keyId },
    );
    await q.insertKeyLoss(tx.db, { tenantId: user.tenantId, keyId, keyIssueId: holder?.id ?? null, incidentId, reportedAt: tx.now, reportedBy: user.id });
    await recordEvent(tx, { action: 'key.lost', entityType: 'room_key', entityId: keyId, personId: holder?.personId ?? null, details: { incidentId, stolen: input.stolen } });
    return { incidentId };
  });
}
