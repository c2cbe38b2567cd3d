import { pgTable, uuid, text, timestamp, boolean, index } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { people } from '../people/people.tables.ts';

// Target-group situations from the service description, and the national homelessness survey's
// categories for where the household stayed before.
export const referralSituations = [
  'young_adult_left_parents',
  'relationship_breakup',
  'evicted',
  'arrived_without_means',
  'after_substance_treatment',
  'lar_managing_well',
  'other',
] as const;
export const previousStays = [
  'friends_family',
  'temporary_accommodation',
  'institution',
  'prison',
  'rough_sleeping',
  'night_shelter',
  'crisis_centre',
  'own_home_lost',
  'other',
  'unknown',
] as const;
export const referralStatuses = [
  'received',
  'screened',
  'offered',
  'waiting_list',
  'refused',
  'accepted',
  'declined',
  'lapsed',
  'checked_in',
  'withdrawn',
] as const;

/** A NAV referral (henvisning) of a household: the applicant, maybe a partner, children on the applicant's household. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    partnerPersonId: uuid('partner_person_id').references(() => people.id),
    referredBy: uuid('referred_by').references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    situation: text('situation', { enum: referralSituations }).notNull(),
    situationOther: text('situation_other'),
    previousStay: text('previous_stay', { enum: previousStays }).notNull(),
    nowhereToSleepTonight: boolean('nowhere_to_sleep_tonight').notNull(),
    needs: text('needs'),
    consentToShare: boolean('consent_to_share').notNull(),
    consentScope: text('consent_scope'),
    caseworkerName: text('caseworker_name').notNull(),
    caseworkerPhone: text('caseworker_phone'),
    caseworkerEmail: text('caseworker_email'),
    navOffice: text('nav_office'),
    status: text('status', { enum: referralStatuses }).notNull().default('received'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('referrals_tenant_status_idx').on(t.tenantId, t.status, t.receivedAt),
    index('referrals_referred_by_idx').on(t.referredBy, t.receivedAt),
    index('referrals_person_idx').on(t.personId),
    index('referrals_partner_idx').on(t.partnerPersonId).where(sql`${t.partnerPersonId} is not null`),
  ],
);
