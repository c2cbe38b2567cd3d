import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './test-database.ts';
import type { Database, Db } from './client.ts';
import { tenants } from './tenants.tables.ts';
import { reusableQuery, type Placeholders } from './reusable-query.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

let builds = 0;
const tenantByName = reusableQuery((db, p: Placeholders<{ name: string }>) => {
  builds += 1;
  return db.select({ id: tenants.id, name: tenants.name, createdAt: tenants.createdAt }).from(tenants).where(eq(tenants.name, p.name));
});

describe('reusableQuery', () => {
  it('builds the query once and answers each call with its own values, mapped as Drizzle maps them', async () => {
    const db = database.db;
    await db.insert(tenants).values([{ name: 'Reusable Nord' }, { name: 'Reusable Sør' }]);

    const north = await tenantByName(db, { name: 'Reusable Nord' });
    const south = await tenantByName(db, { name: 'Reusable Sør' });
    const none = await tenantByName(db, { name: 'Ingen slik' });

    expect(north.map((t) => t.name)).toEqual(['Reusable Nord']);
    expect(south.map((t) => t.name)).toEqual(['Reusable Sør']);
    expect(none).toEqual([]);
    expect(north[0]!.createdAt).toBeInstanceOf(Date);
    expect(north[0]!.id).not.toBe(south[0]!.id);
    expect(builds).toBe(1);
  });

  it('runs on the handle it is given: inside a transaction it sees that transaction, and a rollback takes it away', async () => {
    const db = database.db;
    const rolledBack = new Error('roll back');
    const seenInside = await db
      .transaction(async (tx) => {
        await tx.insert(tenants).values({ name: 'Reusable Midt' });
        const inside = await tenantByName(tx as unknown as Db, { name: 'Reusable Midt' });
        throw Object.assign(rolledBack, { inside });
      })
      .catch((err: Error & { inside?: unknown[] }) => err.inside);

    expect(seenInside).toHaveLength(1);
    expect(await tenantByName(db, { name: 'Reusable Midt' })).toEqual([]);
  });

  it('refuses a call that leaves out a value, instead of running with a missing one', async () => {
    await expect(tenantByName(database.db, {} as { name: string })).rejects.toThrow(/No value for placeholder "name"/);
  });
});
