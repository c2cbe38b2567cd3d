import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { people } from '../people/people.tables.ts';
import { helpApplications } from './housing-search.tables.ts';
import { personName } from './housing-search.queries.ts';

// SQL of the applications for help (municipal housing, NAV, Husbanken).

export type HelpKind = (typeof helpApplications.$inferSelect)['kind'];

export async function insertHelpApplication(db: Db, row: typeof helpApplications.$inferInsert) {
  const [created] = await db.insert(helpApplications).values(row).returning({ id: helpApplications.id });
  return created!.id;
}

export async function updateHelpApplication(db: Db, tenantId: string, id: string, values: Partial<typeof helpApplications.$inferInsert>) {
  await db
    .update(helpApplications)
    .set(values)
    .where(and(eq(helpApplications.tenantId, tenantId), eq(helpApplications.id, id)));
}

export interface HelpFilter {
  personId?: string;
  /** The kinds the reader may see; the housing office sees municipal housing only. Undefined: all. */
  visibleKinds?: readonly HelpKind[];
  kind?: HelpKind;
  status?: (typeof helpApplications.$inferSelect)['status'];
  id?: string;
}

/** Applications for help, newest first, limited in SQL to the kinds the reader may see. */
export async function listHelpApplications(db: Db, tenantId: string, filter: HelpFilter) {
  return db
    .select({
      id: helpApplications.id,
      personId: helpApplications.personId,
      personName,
      kind: helpApplications.kind,
      status: helpApplications.status,
      appliedOn: helpApplications.appliedOn,
      decidedOn: helpApplications.decidedOn,
      amountOre: helpApplications.amountOre,
      notes: helpApplications.notes,
      createdAt: helpApplications.createdAt,
    })
    .from(helpApplications)
    .innerJoin(people, eq(people.id, helpApplications.personId))
    .where(
      and(
        eq(helpApplications.tenantId, tenantId),
        filter.visibleKinds ? inArray(helpApplications.kind, [...filter.visibleKinds]) : undefined,
        filter.personId ? eq(helpApplications.personId, filter.personId) : undefined,
        filter.kind ? eq(helpApplications.kind, filter.kind) : undefined,
        filter.status ? eq(helpApplications.status, filter.status) : undefined,
        filter.id ? eq(helpApplications.id, filter.id) : undefined,
      ),
    )
    .orderBy(sql`coalesce(${helpApplications.appliedOn}, ${helpApplications.createdAt}::date) desc`, desc(helpApplications.createdAt))
    .limit(500);
}

export async function findHelpApplicationRow(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(helpApplications)
    .where(and(eq(helpApplications.tenantId, tenantId), eq(helpApplications.id, id)));
  return row;
}

