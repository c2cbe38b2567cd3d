import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { defineErrors } from '../../platform/http/errors.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { sameRules } from './agreements.rules.ts';
import { findStayTenant } from './agreements.queries.ts';
import * as q from './house-rules.queries.ts';

export const houseRulesError = defineErrors({
  'house_rules.none_published': {
    kind: 'rule',
    nb: 'Det finnes ingen husordensregler ennå. Leder må publisere dem før innflytting.',
    en: 'No house rules have been published yet. The service lead must publish them before check-in.',
  },
  'house_rules.version_not_found': { kind: 'not_found', nb: 'Fant ikke den versjonen av husordensreglene.', en: 'That version of the house rules was not found.' },
  'house_rules.stay_not_found': { kind: 'not_found', nb: 'Fant ikke oppholdet.', en: 'Stay not found.' },
  'house_rules.unchanged': {
    kind: 'rule',
    nb: 'Reglene er de samme som i gjeldende versjon, så det er ikke publisert noen ny versjon.',
    en: 'The rules are the same as in the current version, so no new version was published.',
  },
  'house_rules.concurrent_publish': {
    kind: 'conflict',
    nb: 'Noen andre publiserte husordensregler samtidig. Last siden på nytt og prøv igjen.',
    en: 'Someone else published house rules at the same time. Reload the page and try again.',
  },
});

export interface HouseRulesVersion {
  id: string;
  version: number;
  rules: string[];
  publishedAt: string;
  publishedByName: string | null;
}

export const toHouseRulesOutput = (r: q.HouseRulesVersionRow): HouseRulesVersion => ({
  id: r.id,
  version: r.version,
  rules: r.rules,
  publishedAt: r.publishedAt.toISOString(),
  publishedByName: r.publishedByName,
});

/** The house rules in force: the newest published version. */
export async function getCurrentHouseRules(ctx: Ctx): Promise<HouseRulesVersion> {
  const user = requirePermission(ctx, 'house_rules:read');
  const row = await q.findCurrentHouseRules(ctx.db, user.tenantId);
  if (!row) throw houseRulesError('house_rules.none_published');
  return toHouseRulesOutput(row);
}

/** Every version, newest first: acceptance is tied to a version, so none is ever changed. */
export async function listHouseRulesVersions(ctx: Ctx): Promise<HouseRulesVersion[]> {
  const user = requirePermission(ctx, 'house_rules:read');
  return (await q.listHouseRulesVersions(ctx.db, user.tenantId)).map(toHouseRulesOutput);
}

/** Publishes a new version of the house rules; earlier versions stay as they were. */
export async function publishHouseRules(ctx: Ctx, rules: string[]): Promise<HouseRulesVersion> {
  const user = requirePermission(ctx, 'house_rules:write');
  const cleaned = rules.map((r) => r.trim());
  return inTransaction(ctx, async (tx) => {
    const current = await q.findCurrentHouseRules(tx.db, user.tenantId);
    if (current && sameRules(current.rules, cleaned)) throw houseRulesError('house_rules.unchanged');
    const values = { tenantId: user.tenantId, version: (current?.version ?? 0) + 1, rules: cleaned, publishedAt: tx.now, publishedBy: user.id };
    let row;
    try {
      // A savepoint: two leads publishing at once both read version n; the unique index stops the second.
      row = await tx.db.transaction((savepoint) => q.insertHouseRulesVersion(savepoint as unknown as Db, values));
    } catch (err) {
      if (isUniqueViolation(err, 'house_rules_versions_unique')) throw houseRulesError('house_rules.concurrent_publish');
      throw err;
    }
    await recordEvent(tx, {
      action: 'house_rules.publish',
      entityType: 'house_rules_version',
      entityId: row.id,
      details: { version: row.version, rules: cleaned.length },
    });
    return toHouseRulesOutput({ ...row, publishedByName: user.displayName });
  });
}

/** Records that the household of a stay accepted a version of the house rules (at check-in). */
export async function recordHouseRulesAcceptance(ctx: Ctx, input: { stayId: string; versionId: string; personId: string }): Promise<void> {
  const user = requirePermission(ctx, 'stay:check_in');
  await inTransaction(ctx, async (tx) => {
    if (!(await findStayTenant(tx.db, user.tenantId, input.stayId))) throw houseRulesError('house_rules.stay_not_found');
    const version = await q.findHouseRulesVersion(tx.db, user.tenantId, input.versionId);
    if (!version) throw houseRulesError('house_rules.version_not_found');
    await q.insertAcceptance(tx.db, { tenantId: user.tenantId, stayId: input.stayId, versionId: version.id, acceptedAt: tx.now, recordedBy: user.id });
    await recordEvent(tx, {
      action: 'house_rules.accept',
      entityType: 'stay',
      entityId: input.stayId,
      personId: input.personId,
      details: { version: version.version },
    });
  });
}
