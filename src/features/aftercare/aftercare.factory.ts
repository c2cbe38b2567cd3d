import type { Db } from '../../platform/db/client.ts';
import { moveOuts } from '../stays/moving-on.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { meetingSessions } from './aftercare.tables.ts';
import { eq } from 'drizzle-orm';

// Test builders that insert rows directly, so the aftercare tests need no move-out service.

/** A move-out row for a stay, and the stay ended that day. */
export async function buildMoveOut(
  db: Db,
  options: { tenantId: string; stayId: string; movedOutOn: string } & Partial<typeof moveOuts.$inferInsert>,
) {
  await db.update(stays).set({ endOn: options.movedOutOn }).where(eq(stays.id, options.stayId));
  const [row] = await db
    .insert(moveOuts)
    .values({
      destination: 'private_rental',
      wasPlanned: true,
      keysReturned: true,
      roomChecked: true,
      recordedAt: new Date(`${options.movedOutOn}T12:00:00Z`),
      ...options,
    })
    .returning();
  return row!;
}

export async function buildMeetingSession(db: Db, options: { tenantId: string; heldOn: string } & Partial<typeof meetingSessions.$inferInsert>) {
  const [row] = await db.insert(meetingSessions).values(options).returning();
  return row!;
}
