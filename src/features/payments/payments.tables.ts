import { pgTable, uuid, text, timestamp, date, integer, index, uniqueIndex, check, jsonb } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';

/**
 * A resident's payment arrangement (betalingsordning), decided and dated: it applies from `valid_from_on`
 * until the next one of the same person. Never edited: a change is a new row, so the history stays.
 * full: the rate; reduced: an amount a night or a month, with the reason and who assessed it;
 * none: income is social assistance (økonomisk sosialhjelp), with the reference to NAV's decision.
 */
export const paymentArrangements = pgTable(
  'payment_arrangements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    kind: text('kind', { enum: ['full', 'reduced', 'none'] }).notNull(),
    validFromOn: date('valid_from_on').notNull(),
    decidedOn: date('decided_on').notNull(),
    amountOre: integer('amount_ore'),
    per: text('per', { enum: ['night', 'month'] }),
    reason: text('reason'),
    assessedBy: text('assessed_by'),
    navDecisionReference: text('nav_decision_reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('payment_arrangements_person_from_unique').on(t.personId, t.validFromOn),
    check(
      'payment_arrangements_terms',
      sql`(${t.kind} = 'full' and ${t.amountOre} is null and ${t.per} is null)
        or (${t.kind} = 'reduced' and ${t.amountOre} >= 0 and ${t.per} is not null and ${t.reason} is not null and ${t.assessedBy} is not null)
        or (${t.kind} = 'none' and ${t.amountOre} is null and ${t.navDecisionReference} is not null)`,
    ),
  ],
);

/**
 * What a resident is charged for a month: one `charge` line when the month is first produced, then a
 * `correction` line with the difference each time it is produced again after the data changed. Lines
 * are never updated or deleted, so a closed month is never silently recomputed. `calculation` keeps the
 * breakdown (nights, rates, arrangements, cap) the line was computed from.
 */
export const paymentCharges = pgTable(
  'payment_charges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    month: text('month').notNull(),
    kind: text('kind', { enum: ['charge', 'correction'] }).notNull(),
    amountOre: integer('amount_ore').notNull(),
    nights: integer('nights').notNull(),
    calculation: jsonb('calculation').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('payment_charges_one_charge').on(t.personId, t.month).where(sql`${t.kind} = 'charge'`),
    index('payment_charges_tenant_month_idx').on(t.tenantId, t.month),
    check('payment_charges_month', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/** A payment from a resident: date, amount (positive, at most 100 000 kr), method and reference. */
export const residentPayments = pgTable(
  'resident_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    paidOn: date('paid_on').notNull(),
    amountOre: integer('amount_ore').notNull(),
    method: text('method', { enum: ['bank_transfer', 'card', 'cash', 'nav_direct', 'other'] }).notNull(),
    reference: text('reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('resident_payments_person_idx').on(t.personId, t.paidOn),
    index('resident_payments_tenant_idx').on(t.tenantId, t.paidOn),
    check('resident_payments_amount', sql`${t.amountOre} > 0 and ${t.amountOre} <= 10000000`),
  ],
);
