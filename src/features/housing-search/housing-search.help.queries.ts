import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { reusableQuery, type Placeholders } from '../../platform/db/reusable-query.ts';
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

type HelpStatus = (typeof helpApplications.$inferSelect)['status'];
type HelpShape = { readonly [K in keyof HelpFilter]-?: boolean };
type HelpValues = {
  tenantId: string;
  visibleKinds: readonly HelpKind[];
  personId: string | undefined;
  kind: HelpKind | undefined;
  status: HelpStatus | undefined;
  id: string | undefined;
};

/** Built once (reusable-query.ts) per shape (which filters are set): applications for help, newest first. */
const helpApplicationsQuery = (shape: HelpShape) =>
  reusableQuery((db, p: Placeholders<HelpValues>) =>
    db
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
          eq(helpApplications.tenantId, p.tenantId),
          shape.visibleKinds ? sql`${helpApplications.kind} = any(${p.visibleKinds}::text[])` : undefined,
          shape.personId ? eq(helpApplications.personId, p.personId) : undefined,
          shape.kind ? eq(helpApplications.kind, p.kind) : undefined,
          shape.status ? eq(helpApplications.status, p.status) : undefined,
          shape.id ? eq(helpApplications.id, p.id) : undefined,
        ),
      )
      .orderBy(sql`coalesce(${helpApplications.appliedOn}, ${helpApplications.createdAt}::date) desc`, desc(helpApplications.createdAt))
      .limit(500),
  );
const helpApplicationsByShape = new Map<string, ReturnType<typeof helpApplicationsQuery>>();

/** Applications for help, newest first, limited in SQL to the kinds the reader may see. */
export async function listHelpApplications(db: Db, tenantId: string, filter: HelpFilter) {
  const shape: HelpShape = {
    visibleKinds: filter.visibleKinds !== undefined,
    personId: !!filter.personId,
    kind: !!filter.kind,
    status: !!filter.status,
    id: !!filter.id,
  };
  const key = Object.values(shape).map(Number).join('');
  let query = helpApplicationsByShape.get(key);
  if (!query) helpApplicationsByShape.set(key, (query = helpApplicationsQuery(shape)));
  const { visibleKinds = [], personId, kind, status, id } = filter;
  return query(db, { tenantId, visibleKinds, personId, kind, status, id });
}

export async function findHelpApplicationRow(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(helpApplications)
    .where(and(eq(helpApplications.tenantId, tenantId), eq(helpApplications.id, id)));
  return row;
}

