import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { Env } from '../config/env.ts';

export interface CurrentUser {
  id: string;
  tenantId: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: ReadonlySet<string>;
}

/** What every service function gets: the database (or transaction), the actor, the clock. */
export interface Ctx {
  db: Db;
  env: Env;
  log: Logger;
  /** Injected clock: tests set it, nothing reads Date.now() in a service. */
  now: Date;
  requestId: string;
  locale: Locale;
  user: CurrentUser | null;
}

/** The user of a context that must be logged in (call after requirePermission). */
export function actor(ctx: Ctx): CurrentUser {
  if (!ctx.user) throw new Error('actor() called without a logged-in user');
  return ctx.user;
}

/** Runs fn in one transaction; nested calls share the outer one. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if ((ctx as Ctx & { inTx?: boolean }).inTx) return fn(ctx);
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db, inTx: true } as Ctx));
}
