import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/client.ts';
import { contextFor } from '../http/test-context.ts';
import { buildTenant, buildUser } from '../auth/auth.factory.ts';
import { recordEvent } from './audit.service.ts';
import { readAuditLog } from './audit.read.service.ts';

let database: Database;
let adminId: string;
let staffId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await buildTenant(database.db);
  adminId = (await buildUser(database.db, { tenantId: tenant.id, roles: ['admin'] })).id;
  staffId = (await buildUser(database.db, { tenantId: tenant.id, roles: ['staff'] })).id;
});
afterAll(() => database.close());

describe('readAuditLog', () => {
  it('pages through events that share one timestamp without skipping or repeating any', async () => {
    const ctx = await contextFor(database, staffId, { now: new Date('2026-11-26T12:00:00Z') });
    for (let i = 0; i < 5; i++) await recordEvent(ctx, { action: 'test.same_instant', entityType: 'test', details: { i } });
    const admin = await contextFor(database, adminId);
    const seen: unknown[] = [];
    let before: string | undefined;
    do {
      const page = await readAuditLog(admin, { limit: 2, before });
      seen.push(...page.events.filter((e) => e.action === 'test.same_instant').map((e) => e.details!.i));
      before = page.nextBefore ?? undefined;
    } while (before);
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('is for the administrator only', async () => {
    await expect(readAuditLog(await contextFor(database, staffId), { limit: 10 })).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
