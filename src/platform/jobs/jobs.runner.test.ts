import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/client.ts';
import { buildTenant, buildUser } from '../auth/auth.factory.ts';
import { silentLog, testEnv } from '../http/test-context.ts';
import { users } from '../auth/auth.tables.ts';
import { buildPerson } from '../../features/people/people.factory.ts';
import { buildHouse, buildRoom } from '../../features/rooms/rooms.factory.ts';
import { buildStay } from '../../features/stays/stays.factory.ts';
import { inboxMessages } from '../notifications/notifications.tables.ts';
import { startJobRunner, type JobRunner } from './jobs.runner.ts';
import { systemContext, systemUsername } from './jobs.system-context.ts';

// pg-boss on the test's own database: PGlite by default (the app's instance, through the adapter),
// PostgreSQL when DATABASE_URL is set (pg-boss's own pool to the same database).

let database: Database;
let runner: JobRunner | undefined;
let tenantId: string;
const now = new Date('2027-01-19T05:00:00Z'); // 06:00 in Oslo, the day of week 8 for a stay from 24.11.2026

async function databaseUrl(): Promise<string | undefined> {
  if (database.engine !== 'postgresql') return undefined;
  const result = await database.db.execute<{ name: string }>(sql`select current_database() as name`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${(result as unknown as { rows: { name: string }[] }).rows[0]!.name}`;
  return url.toString();
}

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  await buildUser(database.db, { tenantId, roles: ['staff'] });
  const house = await buildHouse(database.db, { tenantId });
  const room = await buildRoom(database.db, { house, name: 'H3' });
  const person = await buildPerson(database.db, { tenantId });
  await buildStay(database.db, { tenantId, roomId: room.id, personId: person.id, startOn: '2026-11-24', plannedEndOn: '2027-02-24' });
});
afterAll(async () => {
  await runner?.stop();
  await database.close();
});

describe('the job runner', () => {
  it(`starts pg-boss, schedules the daily jobs and runs one on demand`, async () => {
    runner = await startJobRunner({ database, env: testEnv, log: silentLog, clock: () => now }, { pollingIntervalSeconds: 0.5, databaseUrl: await databaseUrl() });
    await runner.runNow('daily-clock');

    const messages = await database.db.select().from(inboxMessages).where(eq(inboxMessages.tenantId, tenantId));
    expect(messages.map((m) => [m.messageKey, m.params, m.userId])).toEqual([['clock.warning', { room: 'H3', week: 8, date: '24.02.2027' }, null]]);

    const schedules = await database.db.execute<{ name: string; cron: string; timezone: string }>(sql`select name, cron, timezone from pgboss.schedule order by name`);
    expect((schedules as unknown as { rows: unknown[] }).rows).toEqual([
      { name: 'daily-clock', cron: '0 6 * * *', timezone: 'Europe/Oslo' },
      { name: 'daily-digest', cron: '30 6 * * *', timezone: 'Europe/Oslo' },
      { name: 'incident-alerts', cron: '* * * * *', timezone: 'Europe/Oslo' },
      { name: 'monthly-report', cron: '0 5 1 * *', timezone: 'Europe/Oslo' },
      { name: 'monthly-statements', cron: '30 4 1 * *', timezone: 'Europe/Oslo' },
    ]);
  });

  it('a job run twice writes nothing the second time', async () => {
    await runner!.runNow('daily-clock');
    const messages = await database.db.select().from(inboxMessages).where(eq(inboxMessages.tenantId, tenantId));
    expect(messages).toHaveLength(1);
  });

  it('stops within its timeout', async () => {
    const started = performance.now();
    await runner!.stop(2000);
    runner = undefined;
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('systemContext', () => {
  it('creates the inactive system user once, with the permissions of the system role from the data', async () => {
    const ctx = await systemContext(database, testEnv, silentLog, tenantId, now);
    const again = await systemContext(database, testEnv, silentLog, tenantId, now);
    expect(again.user!.id).toBe(ctx.user!.id);
    expect(ctx.user!.roles).toEqual(['system']);
    expect([...ctx.user!.permissions].sort()).toEqual(['aftercare:read', 'inbox:read', 'incident:read', 'offer:respond', 'payment:read', 'payment:write', 'referral:read', 'report:archive', 'report:read', 'stay:read', 'task:read']);
    const [row] = await database.db.select().from(users).where(eq(users.username, systemUsername(tenantId)));
    expect(row).toMatchObject({ isActive: false, passwordHash: null, tenantId });
  });
});
