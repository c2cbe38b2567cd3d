import type { Db } from '../../platform/db/client.ts';
import { agreements } from '../agreements/agreements.tables.ts';
import { goals, journalEntries, tasks } from './journal.tables.ts';

// Test builders that insert rows directly, so a test can set up exactly the history it needs.

const at = new Date('2026-11-20T09:00:00Z');

export async function buildJournalEntry(
  db: Db,
  options: { tenantId: string; personId: string; createdBy: string } & Partial<typeof journalEntries.$inferInsert>,
) {
  const [row] = await db
    .insert(journalEntries)
    .values({ occurredAt: at, type: 'conversation', body: 'Samtale om boligsøk.', createdAt: at, ...options })
    .returning();
  return row!;
}

export async function buildGoal(db: Db, options: { tenantId: string; personId: string } & Partial<typeof goals.$inferInsert>) {
  const [row] = await db
    .insert(goals)
    .values({ title: 'Skaffe egen bolig', createdAt: at, ...options })
    .returning();
  return row!;
}

export async function buildTask(db: Db, options: { tenantId: string } & Partial<typeof tasks.$inferInsert>) {
  const [row] = await db
    .insert(tasks)
    .values({ title: 'Ring utleier', dueOn: '2026-11-30', createdAt: at, ...options })
    .returning();
  return row!;
}

/** A version of the agreement of a stay, with the goals given (the rest of the content is filler). */
export async function buildAgreement(db: Db, options: { tenantId: string; stayId: string; version?: number; goals: string[] }) {
  const [row] = await db
    .insert(agreements)
    .values({
      tenantId: options.tenantId,
      stayId: options.stayId,
      version: options.version ?? 1,
      fromOn: '2026-11-02',
      toOn: '2027-01-02',
      content: { introduction: 'Avtale', goals: options.goals, followUpPlan: [], services: [], paymentTerms: 'x', houseRulesText: 'x', consents: [] },
      createdAt: at,
    })
    .returning();
  return row!;
}
