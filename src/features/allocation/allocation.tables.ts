import { pgTable, uuid, text, timestamp, date, jsonb, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from '../../platform/db/tenants.tables.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';

export const screeningResults = ['eligible', 'needs_justification', 'excluded'] as const;

/**
 * Screening against the target group and the fire-safety exclusions (every resident must be able to
 * bring themselves to safety): the answers, the result, and the exceptions that need a justification.
 */
export const screenings = pgTable(
  'screenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    referralId: uuid('referral_id').notNull().references(() => referrals.id),
    screenedBy: uuid('screened_by').notNull().references(() => users.id),
    screenedAt: timestamp('screened_at', { withTimezone: true }).notNull(),
    answers: jsonb('answers').$type<Record<string, boolean>>().notNull(),
    result: text('result', { enum: screeningResults }).notNull(),
    exceptions: jsonb('exceptions').$type<string[]>().notNull(),
    justification: text('justification'),
    note: text('note'),
  },
  (t) => [
    index('screenings_referral_idx').on(t.referralId, t.screenedAt),
    // The monthly and year reports count a service's screenings, decisions, answers to offers and
    // waiting-list entries by month (docs/scaling.md: without these the year report took 2 s).
    index('screenings_tenant_at_idx').on(t.tenantId, t.screenedAt),
  ],
);

export const decisionOutcomes = ['offer', 'waiting_list', 'refusal'] as const;

/** The decision (vedtak), always with reasons; the legal basis is stated on the letter. */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    referralId: uuid('referral_id').notNull().references(() => referrals.id),
    decidedBy: uuid('decided_by').notNull().references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    outcome: text('outcome', { enum: decisionOutcomes }).notNull(),
    reasons: text('reasons').notNull(),
    roomId: uuid('room_id').references(() => rooms.id),
    fromOn: date('from_on'),
    plannedEndOn: date('planned_end_on'),
    exceptionJustification: text('exception_justification'),
  },
  (t) => [
    index('decisions_referral_idx').on(t.referralId),
    index('decisions_tenant_at_idx').on(t.tenantId, t.decidedAt),
    check('decisions_offer_has_place', sql`${t.outcome} <> 'offer' or (${t.roomId} is not null and ${t.fromOn} is not null and ${t.plannedEndOn} is not null)`),
    check('decisions_period_order', sql`${t.plannedEndOn} is null or ${t.plannedEndOn} > ${t.fromOn}`),
  ],
);

export const offerStatuses = ['open', 'accepted', 'declined', 'lapsed'] as const;

export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    decisionId: uuid('decision_id').notNull().references(() => decisions.id),
    referralId: uuid('referral_id').notNull().references(() => referrals.id),
    roomId: uuid('room_id').notNull().references(() => rooms.id),
    fromOn: date('from_on').notNull(),
    plannedEndOn: date('planned_end_on').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: offerStatuses }).notNull().default('open'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedBy: uuid('responded_by').references(() => users.id),
    declineReason: text('decline_reason'),
  },
  (t) => [
    index('offers_referral_idx').on(t.referralId),
    index('offers_tenant_responded_idx').on(t.tenantId, t.respondedAt),
    // The board's arrivals: accepted offers of one service, by date.
    index('offers_tenant_accepted_idx').on(t.tenantId, t.fromOn).where(sql`${t.status} = 'accepted'`),
    uniqueIndex('offers_one_open_per_referral').on(t.referralId).where(sql`${t.status} = 'open'`),
  ],
);

export const urgencies = ['tonight', 'this_week', 'later'] as const;

/** The waiting list: one open entry per referral; every change is a row in waiting_list_events. */
export const waitingListEntries = pgTable(
  'waiting_list_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    referralId: uuid('referral_id').notNull().references(() => referrals.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    urgency: text('urgency', { enum: urgencies }).notNull(),
    reason: text('reason').notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removalReason: text('removal_reason'),
  },
  (t) => [
    uniqueIndex('waiting_list_one_open_per_referral').on(t.referralId).where(sql`${t.removedAt} is null`),
    // The waiting list of one service: only the open entries.
    index('waiting_list_tenant_open_idx').on(t.tenantId, t.addedAt).where(sql`${t.removedAt} is null`),
    index('waiting_list_tenant_added_idx').on(t.tenantId, t.addedAt),
  ],
);

export const waitingListEvents = pgTable(
  'waiting_list_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    entryId: uuid('entry_id').notNull().references(() => waitingListEntries.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: uuid('by').references(() => users.id),
    change: text('change', { enum: ['added', 'urgency_changed', 'reason_changed', 'removed', 'offered'] }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('waiting_list_events_entry_idx').on(t.entryId, t.at)],
);

export const complaintStatuses = ['received', 'reassessed', 'sent_to_statsforvalteren', 'upheld', 'overturned', 'withdrawn'] as const;

/** A complaint (klage) against a decision, and its path: received, re-assessed, sent on, outcome. */
export const complaints = pgTable('complaints', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  decisionId: uuid('decision_id').notNull().references(() => decisions.id),
  receivedOn: date('received_on').notNull(),
  summary: text('summary').notNull(),
  status: text('status', { enum: complaintStatuses }).notNull().default('received'),
  registeredBy: uuid('registered_by').notNull().references(() => users.id),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
});

export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: uuid('by').references(() => users.id),
    status: text('status', { enum: complaintStatuses }).notNull(),
    note: text('note'),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.at)],
);

