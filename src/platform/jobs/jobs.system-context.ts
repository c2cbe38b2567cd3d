import type { Logger } from 'pino';
import type { Ctx } from '../http/context.ts';
import type { Env } from '../config/env.ts';
import type { Database } from '../db/client.ts';
import * as q from './jobs.queries.ts';

export const systemUsername = (tenantId: string) => `system-${tenantId}`;

/**
 * A service context for scheduled work in one municipality. Jobs act as that municipality's system
 * user (`system-<tenantId>`, role `system`, migration 0006), created on first use: inactive and
 * without a password, so nobody can log in as it, but a real actor, so every write a job makes is
 * audited like anyone else's. Its permissions come from the database, as for every other user.
 */
export async function systemContext(database: Database, env: Env, log: Logger, tenantId: string, now: Date, job = 'job'): Promise<Ctx> {
  const username = systemUsername(tenantId);
  let user = await q.findUserByUsername(database.db, username);
  if (!user) {
    await q.insertSystemUser(database.db, tenantId, username);
    user = await q.findUserByUsername(database.db, username);
  }
  if (!user || user.tenantId !== tenantId) throw new Error(`system user ${username} is missing or belongs to another tenant`);
  const { roles, permissions } = await q.listPermissions(database.db, user.id);
  return {
    db: database.db,
    env,
    log: log.child({ job, tenantId }),
    now,
    requestId: job,
    locale: 'nb',
    user: { id: user.id, tenantId, username, displayName: user.displayName, roles, permissions: new Set(permissions) },
  };
}
