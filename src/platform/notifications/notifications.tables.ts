import { pgTable, uuid, text, timestamp, jsonb, date, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants } from '../db/tenants.tables.ts';
import { users } from '../auth/auth.tables.ts';

/**
 * The in-app inbox. A message is for one user, or (user_id null) for everyone on staff of the tenant;
 * its text is a catalogue key with parameters, so it reads in each user's language.
 * Personal data stays out of the message itself: it links to the record, which logs the access.
 */
export const inboxMessages = pgTable(
  'inbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    userId: uuid('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    messageKey: text('message_key').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    link: text('link'),
    // A natural key per event (e.g. "stay:<id>:week:8"), so a job that runs twice warns once.
    dedupeKey: text('dedupe_key').notNull(),
  },
  (t) => [uniqueIndex('inbox_messages_dedupe').on(t.tenantId, t.dedupeKey), index('inbox_messages_tenant_created_idx').on(t.tenantId, t.createdAt)],
);

export const inboxReads = pgTable(
  'inbox_reads',
  {
    messageId: uuid('message_id').notNull().references(() => inboxMessages.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('inbox_reads_unique').on(t.messageId, t.userId)],
);

/**
 * Dated settings per tenant (warning weeks, later rates and caps): a change applies from its date,
 * and every change is a row with who and why.
 */
export const settings = pgTable(
  'settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    validFromOn: date('valid_from_on').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('settings_key_from_unique').on(t.tenantId, t.key, t.validFromOn)],
);

/** Daily e-mail digests sent, one per user and day, so a rerun of the job sends nothing twice. */
export const digestsSent = pgTable(
  'digests_sent',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    day: date('day').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    messageCount: integer('message_count').notNull(),
  },
  (t) => [uniqueIndex('digests_sent_unique').on(t.userId, t.day)],
);
