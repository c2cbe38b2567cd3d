import { pgTable, uuid, text, timestamp, date, jsonb, index } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';

/**
 * The archive of monthly reports (månedsrapporter): the figures as they stood when the report was
 * produced, kept as JSON so a report sent to the steering group can be shown again unchanged even if
 * the records it was computed from are corrected later. The scheduled job on the 1st archives the
 * previous month once; the service lead can archive any earlier month again (a new row, never an overwrite).
 */
export const monthlyReportArchive = pgTable(
  'monthly_report_archive',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    /** The first day of the month the report covers. */
    month: date('month').notNull(),
    figures: jsonb('figures').$type<unknown>().notNull(),
    producedAt: timestamp('produced_at', { withTimezone: true }).notNull(),
    producedBy: uuid('produced_by').references(() => users.id),
    trigger: text('trigger', { enum: ['scheduled', 'on_demand'] }).notNull(),
  },
  (t) => [index('monthly_report_archive_month_idx').on(t.tenantId, t.month, t.producedAt)],
);
