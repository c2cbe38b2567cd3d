import pino from 'pino';
import type { Ctx, CurrentUser } from './context.ts';
import type { Database } from '../db/client.ts';
import { loadEnv, type Env } from '../config/env.ts';
import { loadCurrentUser } from '../auth/auth.queries.ts';

export const testEnv: Env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
export const silentLog = pino({ level: 'silent' });

/** A service context for tests: a real database, a pinned clock, and the given user. */
export async function contextFor(
  database: Database,
  userId: string | null,
  options: { now?: Date; env?: Partial<Env>; locale?: 'nb' | 'en' } = {},
): Promise<Ctx> {
  const user: CurrentUser | null = userId ? ((await loadCurrentUser(database.db, userId)) ?? null) : null;
  return {
    db: database.db,
    env: { ...testEnv, ...options.env },
    log: silentLog,
    now: options.now ?? new Date('2026-11-26T10:00:00+01:00'),
    requestId: 'test',
    locale: options.locale ?? 'nb',
    user,
  };
}
