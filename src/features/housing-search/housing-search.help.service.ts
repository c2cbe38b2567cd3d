import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { peopleError } from '../people/people.errors.ts';
import { housingSearchError } from './housing-search.errors.ts';
import { visibleHelpKinds } from './housing-search.access.ts';
import * as q from './housing-search.help.queries.ts';
import { personExists } from './housing-search.queries.ts';
import type { HelpApplicationInput, HelpApplicationOutput, UpdateHelpApplicationInput } from './housing-search.schema.ts';
import type { z } from 'zod';
import type { listHelpApplicationsQuery } from './housing-search.schema.ts';

// Applications for help on the way to a home: municipal housing (Boligkontoret), from NAV a deposit
// guarantee, a furniture/start-up grant or financial assistance, and from Husbanken housing allowance
// (bostøtte) and a start-up loan (startlån). Each with status, dates and amount (øre).

type HelpRow = Awaited<ReturnType<typeof q.listHelpApplications>>[number];

export function toHelpOutput(row: HelpRow): HelpApplicationOutput {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

function helpValues(input: UpdateHelpApplicationInput) {
  return {
    status: input.status,
    appliedOn: input.appliedOn ?? null,
    decidedOn: input.decidedOn ?? null,
    amountOre: input.amount ?? null,
    notes: input.notes ?? null,
  };
}

async function helpOutput(ctx: Ctx, tenantId: string, id: string) {
  return toHelpOutput((await q.listHelpApplications(ctx.db, tenantId, { id }))[0]!);
}

export async function createHelpApplication(ctx: Ctx, personId: string, input: HelpApplicationInput): Promise<HelpApplicationOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    if (!(await personExists(tx.db, user.tenantId, personId))) throw peopleError('person.not_found');
    const id = await q.insertHelpApplication(tx.db, {
      tenantId: user.tenantId,
      personId,
      kind: input.kind,
      ...helpValues(input),
      createdAt: tx.now,
      createdBy: user.id,
    });
    await recordEvent(tx, {
      action: 'help_application.create',
      entityType: 'help_application',
      entityId: id,
      personId,
      purpose: 'follow_up',
      details: { kind: input.kind, status: input.status },
    });
    return helpOutput(tx, user.tenantId, id);
  });
}

/** Changes status, dates, amount or notes (the kind stays); the audit row names what changed. */
export async function updateHelpApplication(ctx: Ctx, id: string, input: UpdateHelpApplicationInput): Promise<HelpApplicationOutput> {
  const user = requirePermission(ctx, 'housing_search:write');
  return inTransaction(ctx, async (tx) => {
    const before = await q.findHelpApplicationRow(tx.db, user.tenantId, id);
    if (!before) throw housingSearchError('help_application.not_found');
    const values = helpValues(input);
    const changed = Object.entries(values)
      .filter(([k, v]) => before[k as keyof typeof before] !== v)
      .map(([k]) => k);
    await q.updateHelpApplication(tx.db, user.tenantId, id, values);
    await recordEvent(tx, {
      action: 'help_application.update',
      entityType: 'help_application',
      entityId: id,
      personId: before.personId,
      purpose: 'follow_up',
      details: { kind: before.kind, changed, ...(before.status !== input.status ? { from: before.status, to: input.status } : {}) },
    });
    return helpOutput(tx, user.tenantId, id);
  });
}

/**
 * Applications for help across the residents, newest first. The housing office sees the kind addressed
 * to it (municipal housing) and nothing else, whatever it asks for: the limit is in the query. Each
 * person named is a logged read of their record.
 */
export async function listHelpApplications(ctx: Ctx, query: z.infer<typeof listHelpApplicationsQuery>): Promise<HelpApplicationOutput[]> {
  const user = requirePermission(ctx, 'housing_search:read');
  return inTransaction(ctx, async (tx) => {
    const rows = await q.listHelpApplications(tx.db, user.tenantId, { visibleKinds: visibleHelpKinds(user), kind: query.kind, status: query.status });
    for (const personId of new Set(rows.map((r) => r.personId))) {
      await recordAccess(tx, personId, 'follow_up', 'help_application.read');
    }
    return rows.map(toHelpOutput);
  });
}
