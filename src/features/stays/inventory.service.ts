import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { roomsError } from '../rooms/rooms.errors.ts';
import { recordIncident } from '../incidents/incidents.service.ts';
import { isNewDamage } from '../incidents/incidents.rules.ts';
import { staysError } from './stays.errors.ts';
import * as q from './inventory.queries.ts';
import type { RoomCheckInput, RoomCheckOutput, RoomConditionOutput } from './inventory.schema.ts';

type Condition = 'good' | 'worn' | 'damaged' | 'missing';

// The room condition view, checks of a room's inventory between stays, and damage becoming an incident.

const conditionText: Record<Condition, string> = { good: 'i god stand', worn: 'slitt', damaged: 'skadet', missing: 'mangler' };

export interface DamageLine {
  itemId: string;
  name: string;
  before: Condition;
  now: Condition;
  note?: string | null;
}

/**
 * Records one damage incident per item found newly damaged or missing (it was not so before the
 * check), linked to the item and the room, with the residents of the stay as involved. Called inside
 * the check's own transaction (move-out, room check), so the check and its incidents land together.
 */
export async function recordDamageIncidents(
  ctx: Ctx,
  input: { roomId: string; when: 'move_out' | 'inspection'; residentIds: string[]; lines: DamageLine[] },
): Promise<string[]> {
  requirePermission(ctx, 'incident:create');
  const ids: string[] = [];
  for (const line of input.lines.filter((l) => isNewDamage(l.before, l.now))) {
    const at = input.when === 'move_out' ? 'ved utflytting' : 'ved kontroll av hybelen';
    const { id } = await recordIncident(
      ctx,
      {
        location: 'room',
        roomId: input.roomId,
        type: 'damage',
        severity: 'low',
        description: `${line.name} ${conditionText[line.now]} ${at}.${line.note ? ` ${line.note}` : ''}`,
        residentIds: input.residentIds,
        staffUserIds: [],
        others: [],
      },
      { inventoryItemId: line.itemId },
    );
    ids.push(id);
  }
  return ids;
}

/** Each item of a room with its present condition, its latest check, and an open damage incident. */
export async function getRoomCondition(ctx: Ctx, roomId: string): Promise<RoomConditionOutput> {
  const user = requirePermission(ctx, 'room:read');
  return inTransaction(ctx, async (tx) => {
    const room = await q.findRoom(tx.db, user.tenantId, roomId);
    if (!room) throw roomsError('room.not_found');
    const items = await q.listItems(tx.db, user.tenantId, roomId);
    const ids = items.map((i) => i.id);
    const checks = [
      ...(await q.listStayChecks(tx.db, ids)).map((c) => ({ ...c, kind: c.kind as 'check_in' | 'move_out' | 'inspection' })),
      ...(await q.listInspections(tx.db, ids)).map((c) => ({ ...c, kind: 'inspection' as const })),
    ].sort((a, b) => b.checkedAt.getTime() - a.checkedAt.getTime());
    const open = await q.listOpenDamageIncidents(tx.db, user.tenantId, ids);
    return {
      roomId: room.id,
      roomName: room.name,
      items: items.map((item) => {
        const last = checks.find((c) => c.itemId === item.id);
        return {
          id: item.id,
          name: item.name,
          condition: item.condition,
          lastCheckedAt: last?.checkedAt.toISOString() ?? null,
          lastCheck: last?.kind ?? null,
          lastNote: last?.note ?? null,
          lastCheckedByName: last?.byName ?? null,
          openIncidentId: open.find((o) => o.itemId === item.id)?.id ?? null,
        };
      }),
    };
  });
}

/**
 * A check of a room's whole inventory list between check-in and move-out (a round of the rooms): each
 * item's condition is recorded and becomes its present condition; an item found newly damaged or
 * missing becomes a damage incident, in the same transaction.
 */
export async function checkRoomInventory(ctx: Ctx, roomId: string, input: RoomCheckInput): Promise<RoomCheckOutput> {
  const user = requirePermission(ctx, 'inventory:write');
  const incidentIds = await inTransaction(ctx, async (tx) => {
    const room = await q.findRoom(tx.db, user.tenantId, roomId);
    if (!room) throw roomsError('room.not_found');
    const items = await q.listItems(tx.db, user.tenantId, roomId);
    const itemIds = new Set(items.map((i) => i.id));
    const lineIds = new Set(input.lines.map((l) => l.itemId));
    const refusal = input.lines.some((l) => !itemIds.has(l.itemId))
      ? ('stay.inventory_unknown_item' as const)
      : lineIds.size !== items.length || input.lines.length !== items.length
        ? ('stay.inventory_incomplete' as const)
        : null;
    if (refusal) throw staysError(refusal, { fields: { lines: staysError.definitions[refusal][tx.locale] } });
    await q.insertInspections(
      tx.db,
      input.lines.map((l) => ({ tenantId: user.tenantId, roomId, itemId: l.itemId, condition: l.condition, note: l.note ?? null, checkedAt: tx.now, checkedBy: user.id })),
    );
    const lines = input.lines.map((l) => {
      const item = items.find((i) => i.id === l.itemId)!;
      return { itemId: l.itemId, name: item.name, before: item.condition, now: l.condition, note: l.note };
    });
    for (const l of lines.filter((x) => x.before !== x.now)) await q.setCondition(tx.db, user.tenantId, l.itemId, l.now);
    const ids = await recordDamageIncidents(tx, { roomId, when: 'inspection', residentIds: [], lines });
    await recordEvent(tx, {
      action: 'inventory.check',
      entityType: 'room',
      entityId: roomId,
      details: { items: lines.length, conditionChanged: lines.filter((x) => x.before !== x.now).length, incidents: ids.length },
    });
    return ids;
  });
  return { condition: await getRoomCondition(ctx, roomId), incidentIds };
}
