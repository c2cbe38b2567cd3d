import type { Db } from '../../platform/db/client.ts';
import { hazards } from '../risk/risk.tables.ts';
import { agreements } from '../agreements/agreements.tables.ts';

// Test builders that insert rows directly.

export async function buildHazard(db: Db, options: { tenantId: string } & Partial<typeof hazards.$inferInsert>) {
  const at = new Date('2026-11-01T10:00:00Z');
  const [row] = await db
    .insert(hazards)
    .values({ title: 'Brann på hybel', probability: 3, consequence: 5, createdAt: at, updatedAt: at, ...options })
    .returning();
  return row!;
}

export async function buildAgreement(db: Db, options: { tenantId: string; stayId: string; version?: number }) {
  const [row] = await db
    .insert(agreements)
    .values({ version: 1, fromOn: '2026-11-01', toOn: '2027-01-31', content: {}, createdAt: new Date('2026-11-01T10:00:00Z'), ...options })
    .returning();
  return row!;
}
