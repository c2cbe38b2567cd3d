import type { Logger } from 'pino';
import { sql } from 'drizzle-orm';
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

type TxCtx = Ctx & { inTx?: boolean; tenantScope?: string };

/** The role the app's tenant-scoped queries run as; row-level security applies to it (migration `security_extra`, ADR 006). */
export const appRole = 'bolignu_app';

/**
 * Makes the current transaction act for one tenant: the row-level security policies read
 * app.tenant_id, and SET LOCAL ROLE drops the connection's owner rights (owners and superusers
 * bypass row-level security). Both end with the transaction.
 */
async function scopeTransactionTo(db: Db, tenantId: string) {
  // One round trip: set_config('role', …, true) is SET LOCAL ROLE.
  await db.execute(sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', ${appRole}, true)`);
}

/**
 * Runs fn in one transaction scoped to the user's tenant (row-level security applies to every
 * query in it). The HTTP layer runs each logged-in request in one; jobs run each tenant's work in one.
 *
 * `oneUseCase`: the scope is itself the use case's transaction (an HTTP request, which the caller rolls
 * back as a whole when it fails), so the services' inTransaction joins it instead of opening a savepoint
 * (two round trips fewer per request). Without it (jobs, which may go on after one part fails) each
 * service's inTransaction is a savepoint that undoes only that part.
 */
export async function withTenantScope<T>(ctx: Ctx, fn: (scoped: Ctx) => Promise<T>, options: { oneUseCase?: boolean } = {}): Promise<T> {
  const tenantId = actor(ctx).tenantId;
  return ctx.db.transaction(async (tx) => {
    await scopeTransactionTo(tx as unknown as Db, tenantId);
    return fn({ ...ctx, db: tx as unknown as Db, tenantScope: tenantId, ...(options.oneUseCase ? { inTx: true } : {}) } as Ctx);
  });
}

/**
 * Runs fn in one transaction; nested calls share the outer one. Inside a tenant scope (a request)
 * it is a savepoint, so a refusal still undoes only this use case. With a user and no scope yet
 * (service tests, the CLI) the transaction is scoped to the user's tenant here.
 */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  const current = ctx as TxCtx;
  if (current.inTx) return fn(ctx);
  return ctx.db.transaction(async (tx) => {
    const tenantScope = current.tenantScope ?? ctx.user?.tenantId;
    if (!current.tenantScope && ctx.user) await scopeTransactionTo(tx as unknown as Db, ctx.user.tenantId);
    return fn({ ...ctx, db: tx as unknown as Db, inTx: true, tenantScope } as Ctx);
  });
}
