import type { Db } from '../../platform/db/client.ts';
import { stays } from '../stays/stays.tables.ts';
import { houseRulesAcceptances, houseRulesVersions } from './agreements.tables.ts';

// Test builders. Stays are written directly here (the stays feature owns check-in); a stay needs a
// room and a person of the same tenant.

/** A stay that started on startOn with the planned move-out on plannedEndOn (default: two months later). */
export async function buildStay(
  db: Db,
  options: { room: { id: string; tenantId: string }; person: { id: string }; startOn?: string; plannedEndOn?: string } & Partial<typeof stays.$inferInsert>,
) {
  const { room, person, ...overrides } = options;
  const startOn = overrides.startOn ?? '2026-11-02';
  const [row] = await db
    .insert(stays)
    .values({
      tenantId: room.tenantId,
      roomId: room.id,
      personId: person.id,
      startOn,
      plannedEndOn: '2027-01-02',
      checkedInAt: new Date(`${startOn}T12:00:00+01:00`),
      ...overrides,
    })
    .returning();
  return row!;
}

/** A published version of the house rules. */
export async function buildHouseRules(db: Db, options: { tenantId: string; version: number; rules?: string[]; publishedAt?: Date }) {
  const [row] = await db
    .insert(houseRulesVersions)
    .values({
      tenantId: options.tenantId,
      version: options.version,
      rules: options.rules ?? [`Regel ${options.version}.1`, `Regel ${options.version}.2`],
      publishedAt: options.publishedAt ?? new Date('2026-10-01T10:00:00Z'),
    })
    .returning();
  return row!;
}

/** That the household of a stay accepted a house rules version. */
export async function buildAcceptance(db: Db, options: { tenantId: string; stayId: string; versionId: string }) {
  await db.insert(houseRulesAcceptances).values({ ...options, acceptedAt: new Date('2026-11-02T12:00:00Z') });
}
