import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess } from '../../platform/audit/audit.service.ts';
import { renderPdf } from '../../platform/pdf/render.ts';
import { allocationError } from './allocation.errors.ts';
import * as q from './allocation.queries.ts';
import { decisionLetterDocument, decisionLetterFilename, decisionLetterTitle, type LetterData } from './allocation.letter.ts';

/**
 * The decision letter as a PDF. It holds the person's name, birth date and the decision, so
 * fetching it is a logged read of their case. The file name carries no personal data.
 */
export async function getDecisionLetter(ctx: Ctx, decisionId: string): Promise<{ filename: string; pdf: Buffer }> {
  const user = requirePermission(ctx, 'referral:read');
  const data = await inTransaction(ctx, async (tx): Promise<LetterData> => {
    const row = await q.findDecisionForLetter(tx.db, user.tenantId, decisionId);
    if (!row) throw allocationError('decision.not_found');
    await recordAccess(tx, row.personId, 'allocation', 'decision.letter');
    const d = row.decision;
    const [offer] = await q.listOffers(tx.db, user.tenantId, { decisionId });
    const entry = d.outcome === 'waiting_list' ? await q.findOpenWaitingListEntry(tx.db, user.tenantId, d.referralId) : undefined;
    const serviceName = row.houseName ?? (await q.findServiceName(tx.db, user.tenantId)) ?? 'det midlertidige botilbudet';
    return {
      decisionId: d.id,
      municipality: row.tenantName,
      serviceName,
      navOffice: row.navOffice,
      person: { name: `${row.givenName} ${row.familyName}`, birthDateOn: row.birthDateOn },
      decidedAt: d.decidedAt,
      decidedByName: row.decidedByName,
      outcome: d.outcome,
      reasons: d.reasons,
      exceptionJustification: d.exceptionJustification,
      place:
        d.outcome === 'offer' && row.roomName && d.fromOn && d.plannedEndOn
          ? {
              houseName: row.houseName!,
              address: `${row.streetAddress}, ${row.postalCode} ${row.city}`,
              roomName: row.roomName,
              fromOn: d.fromOn,
              plannedEndOn: d.plannedEndOn,
              expiresAt: offer?.offer.expiresAt ?? null,
            }
          : null,
      waitingList: entry ? { urgency: entry.urgency } : null,
    };
  });
  const pdf = await renderPdf(decisionLetterDocument(data), { title: decisionLetterTitle(data.outcome), author: data.municipality });
  return { filename: decisionLetterFilename(decisionId), pdf };
}
