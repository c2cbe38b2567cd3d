import { pgTable, uuid, text, timestamp, boolean, date, integer, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';

export const listingSources = ['finn', 'zett', 'avisa_nordland', 'facebook_group', 'private_landlord', 'housing_office', 'other'] as const;

/** Landlords the service works with; their history is the applications and references that name them. */
export const landlords = pgTable('landlords', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  phone: text('phone'),
  email: text('email'),
  notes: text('notes'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** A rental listing staff found (entered by hand or a pasted link plus key fields; never scraped). Money in øre. */
export const listings = pgTable(
  'listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    source: text('source', { enum: listingSources }).notNull(),
    url: text('url'),
    address: text('address').notNull(),
    rentOre: integer('rent_ore').notNull(),
    depositOre: integer('deposit_ore'),
    sizeM2: integer('size_m2'),
    rooms: integer('rooms'),
    furnished: boolean('furnished'),
    availableFromOn: date('available_from_on'),
    landlordId: uuid('landlord_id').references(() => landlords.id),
    landlordContact: text('landlord_contact'),
    notes: text('notes'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('listings_tenant_active_idx').on(t.tenantId, t.isActive, t.availableFromOn),
    check('listings_amounts_not_negative', sql`${t.rentOre} >= 0 and coalesce(${t.depositOre}, 0) >= 0`),
  ],
);

/** What a resident can pay and needs, so listings can be suggested to those they fit. */
export const housingNeeds = pgTable('housing_needs', {
  personId: uuid('person_id').primaryKey().references(() => people.id),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  maxRentOre: integer('max_rent_ore'),
  minRooms: integer('min_rooms'),
  needsFurnished: boolean('needs_furnished'),
  notes: text('notes'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const applicationStatuses = ['sent', 'viewing_booked', 'viewed', 'offered', 'signed', 'refused', 'withdrawn'] as const;

/** A resident's application for a rental home (from a listing, or directly to a landlord). */
export const housingApplications = pgTable(
  'housing_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    listingId: uuid('listing_id').references(() => listings.id),
    landlordId: uuid('landlord_id').references(() => landlords.id),
    address: text('address'),
    status: text('status', { enum: applicationStatuses }).notNull().default('sent'),
    sentOn: date('sent_on').notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull(),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('housing_applications_person_idx').on(t.personId), index('housing_applications_landlord_idx').on(t.landlordId)],
);

export const viewings = pgTable(
  'viewings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    applicationId: uuid('application_id').notNull().references(() => housingApplications.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    staffAccompanies: boolean('staff_accompanies').notNull().default(false),
    outcome: text('outcome'),
  },
  (t) => [index('viewings_application_idx').on(t.applicationId)],
);

/** References the service gave a landlord about a resident. */
export const referencesGiven = pgTable('references_given', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  personId: uuid('person_id').notNull().references(() => people.id),
  landlordId: uuid('landlord_id').references(() => landlords.id),
  applicationId: uuid('application_id').references(() => housingApplications.id),
  givenOn: date('given_on').notNull(),
  givenBy: uuid('given_by').references(() => users.id),
  notes: text('notes'),
});

export const helpApplicationKinds = [
  'municipal_housing',
  'deposit_guarantee',
  'startup_grant',
  'financial_assistance',
  'housing_allowance',
  'startup_loan',
] as const;
export const helpApplicationStatuses = ['planned', 'sent', 'granted', 'partly_granted', 'refused', 'withdrawn'] as const;

/**
 * Applications for help: municipal housing (Boligkontoret), NAV (deposit guarantee, furniture/start-up
 * grant, financial assistance), and from Husbanken housing allowance (bostøtte) and start-up loan (startlån).
 */
export const helpApplications = pgTable(
  'help_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    kind: text('kind', { enum: helpApplicationKinds }).notNull(),
    status: text('status', { enum: helpApplicationStatuses }).notNull().default('sent'),
    appliedOn: date('applied_on'),
    decidedOn: date('decided_on'),
    amountOre: integer('amount_ore'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('help_applications_person_idx').on(t.personId), check('help_applications_amount', sql`coalesce(${t.amountOre}, 0) >= 0`)],
);
