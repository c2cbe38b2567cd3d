// The whole Drizzle schema, gathered for the client. Each feature owns its `*.tables.ts`.
export * from './tenants.tables.ts';
export * from '../auth/auth.tables.ts';
export * from '../audit/audit.tables.ts';
export * from '../../features/rooms/rooms.tables.ts';
export * from '../../features/people/people.tables.ts';
