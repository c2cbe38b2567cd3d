import { pgTable, uuid, text, timestamp, date, integer, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';

/**
 * A hazard of the risk and vulnerability analysis (ROS-analyse): probability and consequence 1–5
 * before measures, and the residual probability and consequence expected once the measures are in
 * place (null until assessed). Risk is the product; the action threshold is a dated setting.
 */
export const hazards = pgTable(
  'hazards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    title: text('title').notNull(),
    description: text('description'),
    probability: integer('probability').notNull(),
    consequence: integer('consequence').notNull(),
    residualProbability: integer('residual_probability'),
    residualConsequence: integer('residual_consequence'),
    reviewOn: date('review_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('hazards_tenant_idx').on(t.tenantId),
    check('hazards_probability_range', sql`${t.probability} between 1 and 5`),
    check('hazards_consequence_range', sql`${t.consequence} between 1 and 5`),
    check('hazards_residual_probability_range', sql`${t.residualProbability} is null or ${t.residualProbability} between 1 and 5`),
    check('hazards_residual_consequence_range', sql`${t.residualConsequence} is null or ${t.residualConsequence} between 1 and 5`),
  ],
);

/** A measure against a hazard: what, who owns it (a person or a body such as Boligkontoret), by when. */
export const hazardMeasures = pgTable(
  'hazard_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    hazardId: uuid('hazard_id').notNull().references(() => hazards.id),
    description: text('description').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('hazard_measures_hazard_idx').on(t.hazardId)],
);
