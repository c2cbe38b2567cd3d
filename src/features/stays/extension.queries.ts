import { and, asc, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { reusableQuery, type Placeholders, anyOfIds } from '../../platform/db/reusable-query.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { rooms } from '../rooms/rooms.tables.ts';
import { stays } from './stays.tables.ts';
import { stayExtensions } from './moving-on.tables.ts';

// SQL of extensions and the clock's follow-up. Tenant-scoped; dates come back as ISO strings.

/** Built once (reusable-query.ts) per shape: one stay with its room, locked until the transaction ends or not. */
const stayQuery = (lock: boolean) =>
  reusableQuery((db, p: Placeholders<{ tenantId: string; stayId: string }>) => {
    const query = db
      .select({
        id: stays.id,
        personId: stays.personId,
        partnerPersonId: stays.partnerPersonId,
        roomName: rooms.name,
        startOn: stays.startOn,
        plannedEndOn: stays.plannedEndOn,
        endOn: stays.endOn,
      })
      .from(stays)
      .innerJoin(rooms, eq(rooms.id, stays.roomId))
      .where(and(eq(stays.tenantId, p.tenantId), eq(stays.id, p.stayId)));
    return lock ? query.for('update', { of: stays }) : query;
  });
const stayLocked = stayQuery(true);
const stayUnlocked = stayQuery(false);

/** One stay with its room, locked for the rest of the transaction when `lock` is set. */
export async function findStay(db: Db, tenantId: string, stayId: string, lock = false) {
  const [row] = await (lock ? stayLocked : stayUnlocked)(db, { tenantId, stayId });
  return row;
}

/** Built once (reusable-query.ts): the person's open stay, where the stay clock page starts. */
const openStayOfPerson = reusableQuery((db, p: Placeholders<{ tenantId: string; personId: string }>) =>
  db
    .select({ id: stays.id })
    .from(stays)
    .where(and(eq(stays.tenantId, p.tenantId), eq(stays.personId, p.personId), isNull(stays.endOn)))
    .orderBy(desc(stays.startOn))
    .limit(1),
);

/** The person's open stay (the one they live in now), if any. */
export async function findOpenStayIdOfPerson(db: Db, tenantId: string, personId: string): Promise<string | null> {
  const [row] = await openStayOfPerson(db, { tenantId, personId });
  return row?.id ?? null;
}

/** Open stays that have begun by `today`, with their room: what the daily clock job looks at. */
export async function listOpenStays(db: Db, tenantId: string, today: string) {
  return db
    .select({ id: stays.id, personId: stays.personId, roomName: rooms.name, startOn: stays.startOn, endOn: stays.endOn })
    .from(stays)
    .innerJoin(rooms, eq(rooms.id, stays.roomId))
    .where(and(eq(stays.tenantId, tenantId), isNull(stays.endOn), lte(stays.startOn, today)))
    .orderBy(asc(rooms.name));
}

export interface StayChain {
  /** The first stay of the chain (the check-in); later rows come from room moves. */
  rootId: string;
  /** The check-in day of the first stay: the three-month clock counts from it. */
  startOn: string;
  /** Every extension decided on any stay of the chain. */
  extensions: { newPlannedEndOn: string }[];
}

/**
 * For each stay: the chain of stays it continues after room moves (room_moves.to_stay_id →
 * from_stay_id, followed back to the check-in), with the chain's first day and all its extensions,
 * so a move neither restarts the clock nor loses an extension.
 */
export async function loadChains(db: Db, tenantId: string, stayIds: string[]): Promise<Map<string, StayChain>> {
  const chains = new Map<string, StayChain>();
  if (stayIds.length === 0) return chains;
  const result = await db.execute<{ head: string; id: string; start_on: string; new_planned_end_on: string | null }>(sql`
    with recursive chain(head, id) as (
      select s.id, s.id from stays s where s.tenant_id = ${tenantId} and ${anyOfIds(sql`s.id`, sql.param(stayIds))}
      union
      select c.head, rm.from_stay_id from room_moves rm join chain c on rm.to_stay_id = c.id
    )
    select c.head::text as head, c.id::text as id, s.start_on::text as start_on, e.new_planned_end_on::text as new_planned_end_on
    from chain c
    join stays s on s.id = c.id
    left join stay_extensions e on e.stay_id = c.id
    order by c.head, s.start_on, s.checked_in_at`);
  const rows = (result as unknown as { rows: { head: string; id: string; start_on: string; new_planned_end_on: string | null }[] }).rows;
  for (const row of rows) {
    let chain = chains.get(row.head);
    if (!chain) {
      chain = { rootId: row.id, startOn: row.start_on, extensions: [] };
      chains.set(row.head, chain);
    }
    if (row.start_on < chain.startOn) Object.assign(chain, { rootId: row.id, startOn: row.start_on });
    if (row.new_planned_end_on) chain.extensions.push({ newPlannedEndOn: row.new_planned_end_on });
  }
  return chains;
}

/** Built once (reusable-query.ts): the extensions of the stays, newest first, with who decided. */
const extensionsOfStays = reusableQuery((db, p: Placeholders<{ tenantId: string; stayIds: string[] }>) =>
  db
    .select({
      id: stayExtensions.id,
      stayId: stayExtensions.stayId,
      decidedAt: stayExtensions.decidedAt,
      decidedByName: users.displayName,
      previousPlannedEndOn: stayExtensions.previousPlannedEndOn,
      newPlannedEndOn: stayExtensions.newPlannedEndOn,
      reason: stayExtensions.reason,
    })
    .from(stayExtensions)
    .innerJoin(users, eq(users.id, stayExtensions.decidedBy))
    .where(and(eq(stayExtensions.tenantId, p.tenantId), anyOfIds(stayExtensions.stayId, p.stayIds)))
    .orderBy(desc(stayExtensions.decidedAt), desc(stayExtensions.newPlannedEndOn)),
);

/** The extensions of a chain of stays, newest first, with who decided. */
export async function listExtensions(db: Db, tenantId: string, stayIds: string[]) {
  if (stayIds.length === 0) return [];
  return extensionsOfStays(db, { tenantId, stayIds });
}

/** The stays of a chain (ids), for listing its extensions. */
export async function chainStayIds(db: Db, tenantId: string, stayId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive chain(id) as (
      select s.id from stays s where s.tenant_id = ${tenantId} and s.id = ${stayId}
      union
      select rm.from_stay_id from room_moves rm join chain c on rm.to_stay_id = c.id
    )
    select id::text as id from chain`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

export async function insertExtension(db: Db, row: typeof stayExtensions.$inferInsert) {
  const [inserted] = await db.insert(stayExtensions).values(row).returning();
  return inserted!;
}

export async function setPlannedEnd(db: Db, tenantId: string, stayId: string, plannedEndOn: string) {
  await db.update(stays).set({ plannedEndOn }).where(and(eq(stays.tenantId, tenantId), eq(stays.id, stayId)));
}
