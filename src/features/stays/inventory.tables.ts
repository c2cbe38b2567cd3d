import { pgTable, uuid, text, timestamp, index } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { inventoryItems } from './stays.tables.ts';

/** A check of a room's inventory outside check-in and move-out (a round of the rooms), one row per item. */
export const inventoryInspections = pgTable(
  'inventory_inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    roomId: uuid('room_id').notNull().references(() => rooms.id),
    itemId: uuid('item_id').notNull().references(() => inventoryItems.id),
    condition: text('condition', { enum: ['good', 'worn', 'damaged', 'missing'] }).notNull(),
    note: text('note'),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    checkedBy: uuid('checked_by').references(() => users.id),
  },
  (t) => [index('inventory_inspections_item_idx').on(t.itemId, t.checkedAt)],
);
