import { pgTable, uuid, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/db/tenants.tables.ts';

export const exchangeEntities = ['houses', 'rooms', 'people', 'referrals', 'decisions', 'stays'] as const;

/**
 * Which internal row an imported row became: (tenant, entity, the file's own id) → internal UUID.
 * A second import of the same file finds every row here and creates nothing (idempotent), and the
 * export writes the file's id back out, so ids survive a move between systems.
 */
export const exchangeMappings = pgTable(
  'data_exchange_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    entity: text('entity', { enum: exchangeEntities }).notNull(),
    externalId: text('external_id').notNull(),
    internalId: uuid('internal_id').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('data_exchange_mappings_external_unique').on(t.tenantId, t.entity, t.externalId),
    uniqueIndex('data_exchange_mappings_internal_unique').on(t.tenantId, t.entity, t.internalId),
  ],
);
