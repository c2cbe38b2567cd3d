import { getTableName } from 'drizzle-orm';
import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { privacyError } from './privacy.errors.ts';
import { addDays, erasureVerdict, isoDay, retentionExpiresOn } from './privacy.rules.ts';
import { privacySettingOn } from './privacy.settings.ts';
import { personDataSections } from './person-data.sections.ts';
import { anonymisedPeople } from './privacy.tables.ts';
import * as q from './privacy.queries.ts';
import type { ErasureInput, RetentionReportOutput } from './privacy.schema.ts';

/**
 * Notice between a record's retention ending and the job anonymising it: the service lead sees it in
 * the dry-run report for this long first (and can correct a wrong date, e.g. a stay not closed).
 */
export const NOTICE_DAYS = 14;

/** Who is due for anonymisation today, and what anonymising them would touch (counts per table). */
async function findDue(ctx: Ctx, tenantId: string) {
  const today = isoDay(ctx.now);
  const years = {
    withStay: await privacySettingOn(ctx.db, tenantId, 'retention.with_stay_years', today),
    withoutStay: await privacySettingOn(ctx.db, tenantId, 'retention.without_stay_years', today),
  };
  const due: RetentionReportOutput['due'] = [];
  for (const { id } of await q.listPeopleNotAnonymised(ctx.db, tenantId)) {
    const involvement = await q.findInvolvement(ctx.db, tenantId, id);
    if (!involvement) continue;
    const expiredOn = retentionExpiresOn(involvement, years);
    if (expiredOn === null || expiredOn > today) continue;
    due.push({ personId: id, expiredOn, anonymiseOn: addDays(expiredOn, NOTICE_DAYS), everStayed: involvement.lastStayEndOn !== null });
  }
  return { today, years, due };
}

async function countTouched(ctx: Ctx, personIds: string[]) {
  const counts: Record<string, number> = { people: personIds.length };
  for (const section of personDataSections) {
    for (const part of section.tables) {
      if (!part.anonymise) continue;
      let n = 0;
      for (const id of personIds) n += await q.countPersonRows(ctx.db, part, id);
      counts[getTableName(part.table)] = n;
    }
  }
  return counts;
}

/**
 * The dry run: what retention would anonymise, with counts, for the service lead. Nothing changes
 * but the run's own record and its audit row.
 */
export async function retentionDryRun(ctx: Ctx): Promise<RetentionReportOutput> {
  const user = requirePermission(ctx, 'retention:manage');
  return inTransaction(ctx, async (tx) => {
    const { today, years, due } = await findDue(tx, user.tenantId);
    const counts = await countTouched(tx, due.map((d) => d.personId));
    const run = await q.insertRun(tx.db, { tenantId: user.tenantId, ranAt: tx.now, kind: 'dry_run', actorUserId: user.id, summary: counts });
    await recordEvent(tx, { action: 'retention.dry_run', entityType: 'retention_run', entityId: run.id, details: counts });
    return { today, settings: years, due, counts };
  });
}

export async function listRetentionRuns(ctx: Ctx) {
  const user = requirePermission(ctx, 'retention:manage');
  const rows = await q.listRuns(ctx.db, user.tenantId);
  return rows.map((r) => ({ ...r, ranAt: r.ranAt.toISOString() }));
}

/**
 * The daily job: anonymises every record whose retention ended at least NOTICE_DAYS ago (so it was
 * in the dry-run report first). Names, ids, contact details and free text are removed or replaced;
 * dates, codes, rooms and destinations stay, so statistics still count. Each person in its own
 * transaction; the run is recorded with counts and audited.
 */
export async function runRetention(ctx: Ctx): Promise<{ anonymised: number; counts: Record<string, number> }> {
  const user = requirePermission(ctx, 'retention:run');
  const { today, due } = await findDue(ctx, user.tenantId);
  const ready = due.filter((d) => d.anonymiseOn <= today).map((d) => d.personId);
  const counts = await countTouched(ctx, ready);
  await inTransaction(ctx, async (tx) => {
    const run = await q.insertRun(tx.db, { tenantId: user.tenantId, ranAt: tx.now, kind: 'anonymise', actorUserId: user.id, summary: counts });
    for (const personId of ready) {
      for (const section of personDataSections) for (const part of section.tables) await q.anonymisePersonRows(tx.db, part, personId);
      await q.markAnonymised(tx.db, { personId, tenantId: user.tenantId, anonymisedAt: tx.now, runId: run.id });
      await recordEvent(tx, { action: 'person.anonymise', entityType: 'person', entityId: personId, personId, purpose: 'retention', details: { runId: run.id } });
    }
    await recordEvent(tx, { action: 'retention.run', entityType: 'retention_run', entityId: run.id, details: counts });
  });
  return { anonymised: ready.length, counts };
}

/**
 * Deletion on request (GDPR art. 17) where the law allows it: someone who never stayed and whose
 * referrals ended without a place. Everything in the person's sections is deleted, except the audit
 * log (it holds no values and proves what was done); otherwise the refusal explains why the record
 * is kept and anonymised at the end of the retention period instead.
 */
export async function erasePerson(ctx: Ctx, personId: string, input: ErasureInput): Promise<{ deleted: Record<string, number> }> {
  const user = requirePermission(ctx, 'retention:manage');
  return inTransaction(ctx, async (tx) => {
    const person = await q.findPersonName(tx.db, user.tenantId, personId);
    if (!person) throw privacyError('privacy.person_not_found');
    if (await q.isAnonymised(tx.db, personId)) throw privacyError('privacy.already_anonymised');
    const verdict = erasureVerdict({
      everStayed: await q.everStayed(tx.db, user.tenantId, personId),
      referralStatuses: await q.referralFacts(tx.db, user.tenantId, personId),
      hasPaymentRecords: await q.hasPaymentRecords(tx.db, user.tenantId, personId),
    });
    if (!verdict.allowed) throw privacyError(`privacy.erasure_${verdict.reason}` as const);
    const deleted: Record<string, number> = {};
    for (const section of [...personDataSections].reverse()) {
      for (const part of [...section.tables].reverse()) {
        if (part.keepOnErasure || part.table === auditEvents || part.table === anonymisedPeople) continue;
        const n = await q.deletePersonRows(tx.db, part, personId);
        if (n) deleted[getTableName(part.table)] = n;
      }
    }
    const run = await q.insertRun(tx.db, { tenantId: user.tenantId, ranAt: tx.now, kind: 'erasure', actorUserId: user.id, reason: input.reason, summary: deleted });
    await recordEvent(tx, { action: 'person.erase', entityType: 'person', entityId: personId, personId, purpose: 'retention', details: { runId: run.id, tables: Object.keys(deleted) } });
    return { deleted };
  });
}
