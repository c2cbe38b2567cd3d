import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { hasPermission, requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { peopleError } from '../people/people.errors.ts';
import { journalError } from './journal.errors.ts';
import { FUTURE_SLACK_MS, osloInstant } from './journal.rules.ts';
import * as q from './journal.queries.ts';
import type { JournalEntryInput, JournalEntryOutput } from './journal.schema.ts';

/**
 * Sensitive entries (health, substance use) and readers without journal:read:sensitive.
 *
 * We show that such an entry exists — as "Skjermet notat" on its day — and hide everything else: the
 * time, the type, the service, who was present, the text and who wrote it. Hiding its existence as
 * well was considered and rejected:
 *  - the journal is the record of the follow-up; a silent gap makes staff believe nothing happened
 *    that day, so they may repeat a contact or miss that the lead knows something relevant. A visible
 *    "shielded" row tells them to ask the lead, who decides if their work needs it (tjenstlig behov);
 *  - a correction can point at a sensitive entry (or be one); the chain must not break for some readers;
 *  - what the row itself reveals is only that something sensitive was recorded on a day. We keep that
 *    to the minimum by returning the day, not the time, type or author (which together could point at,
 *    say, a call with the substance service).
 * The rule is enforced in the SQL (journal.queries.ts), not by filtering here.
 */
const canReadSensitive = (ctx: Ctx) => hasPermission(ctx.user, 'journal:read:sensitive');

function toOutput(row: q.JournalEntryRow): JournalEntryOutput {
  return { ...row, shielded: Boolean(row.shielded) };
}

// The time typed in the form is Oslo wall-clock time; it may not be in the future.
function occurredAt(ctx: Ctx, input: JournalEntryInput): Date {
  const at = osloInstant(input.occurredOn, input.occurredTime);
  if (at.getTime() > ctx.now.getTime() + FUTURE_SLACK_MS) {
    const message = journalError.definitions['journal.occurred_in_future'][ctx.locale];
    throw journalError('journal.occurred_in_future', { fields: { occurredOn: message, occurredTime: message } });
  }
  return at;
}

/** A resident's journal, newest first. The read is logged in the person's access log (purpose: follow-up). */
export async function listJournal(ctx: Ctx, personId: string): Promise<JournalEntryOutput[]> {
  const user = requirePermission(ctx, 'journal:read');
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findPerson(tx.db, user.tenantId, personId))) throw peopleError('person.not_found');
    await recordAccess(tx, personId, 'follow_up', 'journal.read');
    const rows = await q.listJournalEntries(tx.db, user.tenantId, personId, canReadSensitive(tx));
    return rows.map(toOutput);
  });
}

/**
 * Writes a journal entry. The audit row holds the entry id, the type and the sensitive flag — never
 * the text or who was present. Someone without journal:read:sensitive may write a sensitive entry
 * (they were in the conversation); afterwards they see it shielded like everyone else without it.
 */
export async function writeJournalEntry(ctx: Ctx, personId: string, input: JournalEntryInput): Promise<JournalEntryOutput> {
  const user = requirePermission(ctx, 'journal:write');
  const at = occurredAt(ctx, input);
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findPerson(tx.db, user.tenantId, personId))) throw peopleError('person.not_found');
    const { id } = await q.insertJournalEntry(tx.db, {
      tenantId: user.tenantId,
      personId,
      stayId: await q.findOpenStayId(tx.db, user.tenantId, personId),
      occurredAt: at,
      type: input.type,
      service: input.type === 'service_contact' ? (input.service ?? null) : null,
      present: input.present ?? null,
      body: input.body,
      isSensitive: input.isSensitive,
      createdAt: tx.now,
      createdBy: user.id,
    });
    await recordEvent(tx, {
      action: 'journal.write',
      entityType: 'journal_entry',
      entityId: id,
      personId,
      purpose: 'follow_up',
      details: { entryId: id, type: input.type, isSensitive: input.isSensitive },
    });
    return toOutput((await q.findJournalEntryView(tx.db, user.tenantId, id, canReadSensitive(tx)))!);
  });
}

/**
 * Corrects an entry by writing a new one that references it; the original stays as it was and is
 * shown as corrected. One correction per entry: a second correction corrects the correction, so the
 * story reads as one line. A correction of a sensitive entry is sensitive too (its text will speak of
 * the same things), and only someone who can read the original may correct it.
 */
export async function correctJournalEntry(ctx: Ctx, entryId: string, input: JournalEntryInput): Promise<JournalEntryOutput> {
  const user = requirePermission(ctx, 'journal:write');
  const at = occurredAt(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const original = await q.lockEntryForCorrection(tx.db, user.tenantId, entryId);
    if (!original) throw journalError('journal.entry_not_found');
    if (original.isSensitive && !canReadSensitive(tx)) throw journalError('journal.entry_shielded');
    if (await q.findCorrectionOf(tx.db, entryId)) throw journalError('journal.already_corrected');
    const isSensitive = input.isSensitive || original.isSensitive;
    const { id } = await q.insertJournalEntry(tx.db, {
      tenantId: user.tenantId,
      personId: original.personId,
      stayId: original.stayId ?? (await q.findOpenStayId(tx.db, user.tenantId, original.personId)),
      occurredAt: at,
      type: input.type,
      service: input.type === 'service_contact' ? (input.service ?? null) : null,
      present: input.present ?? null,
      body: input.body,
      isSensitive,
      correctsEntryId: entryId,
      createdAt: tx.now,
      createdBy: user.id,
    });
    await recordEvent(tx, {
      action: 'journal.correct',
      entityType: 'journal_entry',
      entityId: id,
      personId: original.personId,
      purpose: 'follow_up',
      details: { entryId: id, correctsEntryId: entryId, type: input.type, isSensitive },
    });
    return toOutput((await q.findJournalEntryView(tx.db, user.tenantId, id, canReadSensitive(tx)))!);
  });
}
