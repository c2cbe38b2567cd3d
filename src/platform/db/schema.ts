// The whole Drizzle schema, gathered for the client. Each feature owns its `*.tables.ts`.
export * from './tenants.tables.ts';
export * from '../auth/auth.tables.ts';
export * from '../audit/audit.tables.ts';
export * from '../../features/rooms/rooms.tables.ts';
export * from '../../features/people/people.tables.ts';
export * from '../../features/referrals/referrals.tables.ts';
export * from '../../features/allocation/allocation.tables.ts';
export * from '../../features/stays/stays.tables.ts';
export * from '../../features/agreements/agreements.tables.ts';
export * from '../notifications/notifications.tables.ts';
export * from '../../features/journal/journal.tables.ts';
export * from '../../features/stays/moving-on.tables.ts';
export * from '../../features/housing-search/housing-search.tables.ts';
export * from '../../features/aftercare/aftercare.tables.ts';
export * from '../../features/shift-log/shift-log.tables.ts';
export * from '../../features/patrols/patrols.tables.ts';
export * from '../../features/staffing/staffing.tables.ts';
