import { pgTable, uuid, text, timestamp, boolean, date, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';

export const idTypes = ['fnr', 'dnr', 'other', 'none'] as const;

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDateOn: date('birth_date_on'),
    idType: text('id_type', { enum: idTypes }).notNull(),
    // fødselsnummer or D-number, encrypted (AES-256-GCM, src/platform/crypto/field-crypto.ts);
    // found by exact match through its keyed hash. ADR 006.
    nationalIdSealed: text('national_id'),
    nationalIdHash: text('national_id_hash'),
    otherIdDescription: text('other_id_description'),
    phone: text('phone'),
    email: text('email'),
    preferredLanguage: text('preferred_language').notNull().default('nb'),
    hasProtectedAddress: boolean('has_protected_address').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('people_tenant_national_id_hash_unique').on(t.tenantId, t.nationalIdHash),
    index('people_tenant_name_idx').on(t.tenantId, t.familyName, t.givenName),
    index('people_tenant_birth_idx').on(t.tenantId, t.birthDateOn),
    check(
      'people_national_id_matches_type',
      sql`(${t.idType} in ('fnr','dnr')) = (${t.nationalIdSealed} is not null)`,
    ),
  ],
);

export const householdRelations = ['partner', 'child'] as const;

// The household around a person: a partner (who may be a registered person) and children under 18,
// recorded because statistics count households with children even though the house takes none.
export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    relation: text('relation', { enum: householdRelations }).notNull(),
    relatedPersonId: uuid('related_person_id').references(() => people.id),
    name: text('name').notNull(),
    birthDateOn: date('birth_date_on'),
  },
  (t) => [index('household_members_person_idx').on(t.personId)],
);
