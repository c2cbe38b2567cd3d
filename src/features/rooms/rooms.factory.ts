import type { Db } from '../../platform/db/client.ts';
import { houses, rooms } from './rooms.tables.ts';

let counter = 0;

/** A house in Bodø unless overridden. */
export async function buildHouse(db: Db, options: { tenantId: string } & Partial<typeof houses.$inferInsert>) {
  counter++;
  const [row] = await db
    .insert(houses)
    .values({
      name: `Testhuset ${counter}`,
      streetAddress: `Testveien ${counter}`,
      postalCode: '8006',
      city: 'Bodø',
      createdAt: new Date('2026-11-01T10:00:00Z'),
      ...options,
    })
    .returning();
  return row!;
}

/** A ready single room in the given house (the tenant comes from the house unless given). */
export async function buildRoom(db: Db, options: { house: { id: string; tenantId: string } } & Partial<typeof rooms.$inferInsert>) {
  counter++;
  const { house, ...overrides } = options;
  const [row] = await db
    .insert(rooms)
    .values({
      tenantId: house.tenantId,
      houseId: house.id,
      name: `H${counter}`,
      capacity: 1,
      sortOrder: counter,
      createdAt: new Date('2026-11-01T10:00:00Z'),
      ...overrides,
    })
    .returning();
  return row!;
}
