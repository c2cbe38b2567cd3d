import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { patrolRounds } from './patrols.tables.ts';

// SQL of the night rounds. Rounds are only inserted.

const roundColumns = {
  id: patrolRounds.id,
  nightOf: patrolRounds.nightOf,
  patrolledAt: sql<string>`to_char(${patrolRounds.patrolledAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  guardName: patrolRounds.guardName,
  findings: patrolRounds.findings,
  needsIncident: patrolRounds.needsIncident,
  incidentNote: patrolRounds.incidentNote,
  incidentId: patrolRounds.incidentId,
  createdByName: users.displayName,
};

/** Rounds of the nights from `first` to `last` (inclusive), in the order they were made. */
export async function listRounds(db: Db, tenantId: string, first: string, last: string) {
  return db
    .select(roundColumns)
    .from(patrolRounds)
    .leftJoin(users, eq(users.id, patrolRounds.createdBy))
    .where(and(eq(patrolRounds.tenantId, tenantId), gte(patrolRounds.nightOf, first), lte(patrolRounds.nightOf, last)))
    .orderBy(asc(patrolRounds.patrolledAt));
}

export async function findRound(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select(roundColumns)
    .from(patrolRounds)
    .leftJoin(users, eq(users.id, patrolRounds.createdBy))
    .where(and(eq(patrolRounds.tenantId, tenantId), eq(patrolRounds.id, id)));
  return row;
}

export async function countRoundsOfNight(db: Db, tenantId: string, night: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(patrolRounds)
    .where(and(eq(patrolRounds.tenantId, tenantId), eq(patrolRounds.nightOf, night)));
  return row?.n ?? 0;
}

/** The first night a round was recorded in the municipality, or null when none has been. */
export async function findFirstNight(db: Db, tenantId: string): Promise<string | null> {
  const [row] = await db
    .select({ first: sql<string | null>`min(${patrolRounds.nightOf})::text` })
    .from(patrolRounds)
    .where(eq(patrolRounds.tenantId, tenantId));
  return row?.first ?? null;
}

export async function insertRound(db: Db, row: typeof patrolRounds.$inferInsert) {
  const [created] = await db.insert(patrolRounds).values(row).returning({ id: patrolRounds.id });
  return created!;
}

