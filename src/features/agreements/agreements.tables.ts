import { pgTable, uuid, timestamp, date, integer, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { stays } from '../stays/stays.tables.ts';

/** House rules (husordensregler): every version is kept; acceptance is tied to a version. */
export const houseRulesVersions = pgTable(
  'house_rules_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    version: integer('version').notNull(),
    rules: jsonb('rules').$type<string[]>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('house_rules_versions_unique').on(t.tenantId, t.version)],
);

export const houseRulesAcceptances = pgTable(
  'house_rules_acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    stayId: uuid('stay_id').notNull().references(() => stays.id),
    versionId: uuid('version_id').notNull().references(() => houseRulesVersions.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [uniqueIndex('house_rules_acceptances_unique').on(t.stayId, t.versionId)],
);

/** The template the service lead edits; an agreement is created from the current version. */
export const agreementTemplates = pgTable(
  'agreement_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('agreement_templates_unique').on(t.tenantId, t.version)],
);

/**
 * The individual housing and follow-up agreement (bo- og oppfølgingsavtale) — not a lease.
 * Each change is a new version row; the signed date is recorded per version.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    stayId: uuid('stay_id').notNull().references(() => stays.id),
    version: integer('version').notNull(),
    fromOn: date('from_on').notNull(),
    toOn: date('to_on').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    houseRulesVersionId: uuid('house_rules_version_id').references(() => houseRulesVersions.id),
    templateId: uuid('template_id').references(() => agreementTemplates.id),
    signedOn: date('signed_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('agreements_stay_version_unique').on(t.stayId, t.version), index('agreements_stay_idx').on(t.stayId)],
);
