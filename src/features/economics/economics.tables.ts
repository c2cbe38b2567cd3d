import { pgTable, uuid, text, timestamp, date, integer, bigint, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';

/** The house's operating budget for a year (one row per year; entering it again replaces it, audited). */
export const operatingBudgets = pgTable(
  'operating_budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    year: integer('year').notNull(),
    amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('operating_budgets_year_unique').on(t.tenantId, t.year), check('operating_budgets_amount', sql`${t.amountOre} >= 0`)],
);

/**
 * External temporary accommodation NAV buys (hospits, guest houses, hostels): one purchase per row.
 * The person is optional (historic or anonymous purchases).
 */
export const externalPurchases = pgTable(
  'external_accommodation_purchases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    purchasedOn: date('purchased_on').notNull(),
    provider: text('provider').notNull(),
    personId: uuid('person_id').references(() => people.id),
    household: text('household'),
    nights: integer('nights').notNull(),
    amountOre: integer('amount_ore').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('external_purchases_tenant_day_idx').on(t.tenantId, t.purchasedOn),
    check('external_purchases_values', sql`${t.nights} > 0 and ${t.amountOre} >= 0`),
  ],
);

/**
 * A year's total spend on external temporary accommodation entered as one figure (the years before the
 * house, from the municipality's accounts). For such a year it is used instead of the purchases.
 */
export const externalYearTotals = pgTable(
  'external_accommodation_year_totals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    year: integer('year').notNull(),
    amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
    households: integer('households'),
    householdsOverThreeMonths: integer('households_over_three_months'),
    source: text('source'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('external_year_totals_year_unique').on(t.tenantId, t.year), check('external_year_totals_amount', sql`${t.amountOre} >= 0`)],
);
