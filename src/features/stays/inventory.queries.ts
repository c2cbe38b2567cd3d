import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { incidents } from '../incidents/incidents.tables.ts';
import { inventoryChecks, inventoryItems } from './stays.tables.ts';
import { inventoryInspections } from './inventory.tables.ts';

// SQL of the room condition view and room checks.

export async function findRoom(db: Db, tenantId: string, roomId: string) {
  const [row] = await db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, roomId)));
  return row;
}

export async function listItems(db: Db, tenantId: string, roomId: string) {
  return db
    .select({ id: inventoryItems.id, name: inventoryItems.name, condition: inventoryItems.condition })
    .from(inventoryItems)
    .where(and(eq(inventoryItems.tenantId, tenantId), eq(inventoryItems.roomId, roomId)))
    .orderBy(asc(inventoryItems.name), asc(inventoryItems.id));
}

/** Checks of these items at check-in and move-out, newest first. */
export async function listStayChecks(db: Db, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({ itemId: inventoryChecks.itemId, kind: inventoryChecks.kind, note: inventoryChecks.note, checkedAt: inventoryChecks.checkedAt, byName: users.displayName })
    .from(inventoryChecks)
    .leftJoin(users, eq(users.id, inventoryChecks.checkedBy))
    .where(inArray(inventoryChecks.itemId, itemIds))
    .orderBy(desc(inventoryChecks.checkedAt));
}

/** Room checks of these items, newest first. */
export async function listInspections(db: Db, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({ itemId: inventoryInspections.itemId, note: inventoryInspections.note, checkedAt: inventoryInspections.checkedAt, byName: users.displayName })
    .from(inventoryInspections)
    .leftJoin(users, eq(users.id, inventoryInspections.checkedBy))
    .where(inArray(inventoryInspections.itemId, itemIds))
    .orderBy(desc(inventoryInspections.checkedAt));
}

/** Damage incidents about these items that are not closed, newest first. */
export async function listOpenDamageIncidents(db: Db, tenantId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({ id: incidents.id, itemId: incidents.inventoryItemId })
    .from(incidents)
    .where(and(eq(incidents.tenantId, tenantId), inArray(incidents.inventoryItemId, itemIds), ne(incidents.status, 'closed')))
    .orderBy(desc(incidents.occurredAt));
}

export async function insertInspections(db: Db, rows: (typeof inventoryInspections.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(inventoryInspections).values(rows);
}

export async function setCondition(db: Db, tenantId: string, itemId: string, condition: (typeof inventoryItems.$inferSelect)['condition']) {
  await db.update(inventoryItems).set({ condition }).where(and(eq(inventoryItems.tenantId, tenantId), eq(inventoryItems.id, itemId)));
}
