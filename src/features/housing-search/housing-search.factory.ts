import type { Db } from '../../platform/db/client.ts';
import { helpApplications, housingApplications, housingNeeds, landlords, listings } from './housing-search.tables.ts';

// Test builders that insert rows directly.

let counter = 0;
const at = new Date('2026-11-20T09:00:00Z');

export async function buildLandlord(db: Db, options: { tenantId: string } & Partial<typeof landlords.$inferInsert>) {
  counter++;
  const [row] = await db
    .insert(landlords)
    .values({ name: `Utleier ${counter} AS`, phone: '912 34 567', createdAt: at, ...options })
    .returning();
  return row!;
}

/** An active, unfurnished two-room listing at 8 500 kr a month, available from 1 December 2026. */
export async function buildListing(db: Db, options: { tenantId: string } & Partial<typeof listings.$inferInsert>) {
  counter++;
  const [row] = await db
    .insert(listings)
    .values({
      source: 'finn',
      address: `Storgata ${counter}, 8006 Bodø`,
      rentOre: 850_000,
      rooms: 2,
      furnished: false,
      availableFromOn: '2026-12-01',
      createdAt: new Date(at.getTime() + counter * 1000),
      ...options,
    })
    .returning();
  return row!;
}

export async function buildNeeds(db: Db, options: { tenantId: string; personId: string } & Partial<typeof housingNeeds.$inferInsert>) {
  const [row] = await db
    .insert(housingNeeds)
    .values({ maxRentOre: 900_000, minRooms: null, needsFurnished: false, updatedAt: at, ...options })
    .returning();
  return row!;
}

export async function buildApplication(db: Db, options: { tenantId: string; personId: string } & Partial<typeof housingApplications.$inferInsert>) {
  counter++;
  const [row] = await db
    .insert(housingApplications)
    .values({ address: `Sjøgata ${counter}`, sentOn: '2026-11-20', statusChangedAt: at, ...options })
    .returning();
  return row!;
}

export async function buildHelpApplication(
  db: Db,
  options: { tenantId: string; personId: string; kind: (typeof helpApplications.$inferInsert)['kind'] } & Partial<typeof helpApplications.$inferInsert>,
) {
  const [row] = await db
    .insert(helpApplications)
    .values({ status: 'sent', appliedOn: '2026-11-10', createdAt: at, ...options })
    .returning();
  return row!;
}
