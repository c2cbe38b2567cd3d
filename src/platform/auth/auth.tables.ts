import { pgTable, uuid, text, timestamp, integer, boolean, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { tenants } from '../db/tenants.tables.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    // argon2id in PHC string format; null for accounts that only log in through OIDC
    passwordHash: text('password_hash'),
    oidcSubject: text('oidc_subject'),
    locale: text('locale').notNull().default('nb'),
    isActive: boolean('is_active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    // Optional second factor for local accounts (RFC 6238 TOTP). The secret is encrypted
    // (field-crypto, purpose users.totp_secret); it counts only once totp_enabled_at is set, after
    // the user has proven one code. totp_last_step stops a code from being used twice.
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    totpLastStep: integer('totp_last_step'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_unique').on(t.username),
    uniqueIndex('users_oidc_subject_unique').on(t.oidcSubject),
  ],
);

// Roles and permissions are data: a role is a named set of permission strings.
export const roles = pgTable('roles', {
  key: text('key').primaryKey(),
  nameNb: text('name_nb').notNull(),
  nameEn: text('name_en').notNull(),
});

export const permissions = pgTable('permissions', {
  key: text('key').primaryKey(),
  description: text('description').notNull(),
});

export const rolePermissions = pgTable(
  'role_permissions',
  {
    roleKey: text('role_key').notNull().references(() => roles.key),
    permissionKey: text('permission_key').notNull().references(() => permissions.key),
  },
  (t) => [primaryKey({ columns: [t.roleKey, t.permissionKey] })],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    roleKey: text('role_key').notNull().references(() => roles.key),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleKey] })],
);

// The cookie holds a random token; only its SHA-256 is stored, so a database dump cannot log anyone in.
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
