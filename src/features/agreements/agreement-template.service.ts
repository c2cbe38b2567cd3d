import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { agreementsError } from './agreements.errors.ts';
import { changedSections } from './agreements.rules.ts';
import { defaultTemplateContent } from './agreements.seed.ts';
import type { AgreementTemplateContent, AgreementTemplateOutput } from './agreements.schema.ts';
import * as q from './agreements.queries.ts';

const toOutput = (r: q.TemplateRow): AgreementTemplateOutput => ({
  id: r.template.id,
  version: r.template.version,
  content: r.template.content as AgreementTemplateContent,
  createdAt: r.template.createdAt.toISOString(),
  createdByName: r.createdByName,
});

/**
 * The template agreements are made from. Before the service has saved one, the built-in starting
 * point is returned as version 0 (id null), so the lead has something to edit; no agreement can be
 * made from version 0.
 */
export async function getAgreementTemplate(ctx: Ctx): Promise<AgreementTemplateOutput> {
  const user = requirePermission(ctx, 'agreement:read');
  const row = await q.findCurrentTemplate(ctx.db, user.tenantId);
  if (!row) return { id: null, version: 0, content: defaultTemplateContent, createdAt: null, createdByName: null };
  return toOutput(row);
}

/** Every saved version of the template, newest first. */
export async function listAgreementTemplateVersions(ctx: Ctx): Promise<AgreementTemplateOutput[]> {
  const user = requirePermission(ctx, 'agreement:read');
  return (await q.listTemplates(ctx.db, user.tenantId)).map(toOutput);
}

/** Saves the template as a new version; agreements already made keep the version they came from. */
export async function saveAgreementTemplate(ctx: Ctx, content: AgreementTemplateContent): Promise<AgreementTemplateOutput> {
  const user = requirePermission(ctx, 'agreement_template:write');
  return inTransaction(ctx, async (tx) => {
    const current = await q.findCurrentTemplate(tx.db, user.tenantId);
    const changed = changedSections(current ? (current.template.content as AgreementTemplateContent) : {}, content);
    if (current && changed.length === 0) throw agreementsError('agreement_template.unchanged');
    const values = { tenantId: user.tenantId, version: (current?.template.version ?? 0) + 1, content, createdAt: tx.now, createdBy: user.id };
    let row;
    try {
      // A savepoint, so two leads saving at once get a clear answer instead of a 500.
      row = await tx.db.transaction((savepoint) => q.insertTemplate(savepoint as unknown as Db, values));
    } catch (err) {
      if (isUniqueViolation(err, 'agreement_templates_unique')) throw agreementsError('agreement_template.concurrent_save');
      throw err;
    }
    await recordEvent(tx, { action: 'agreement_template.save', entityType: 'agreement_template', entityId: row.id, details: { version: row.version, changed } });
    return toOutput({ template: row, createdByName: user.displayName });
  });
}
