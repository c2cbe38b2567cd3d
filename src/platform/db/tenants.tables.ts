import { pgTable, uuid, text, timestamp } from 'drizzle-orm/pg-core';

// A tenant is one municipality's service. Every municipal row carries tenant_id, so row-level
// security can isolate municipalities that share one server.
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  municipalityNumber: text('municipality_number'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
