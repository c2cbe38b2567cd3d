import type { Ctx } from '../http/context.ts';
import { requirePermission } from '../auth/permissions.ts';
import { recordEvent } from '../audit/audit.service.ts';
import { translate, type Locale } from '../i18n/i18n.ts';
import type { Mailer } from '../mail/mail.ts';
import * as q from './notifications.queries.ts';
import { osloDate } from '../time/oslo.ts';

/** At most this many lines in one e-mail; the rest are counted ("og 3 til"). */
export const DIGEST_MAX_LINES = 20;

export interface DigestResult {
  sent: number;
  skipped: number;
  failed: number;
}

const localeOf = (value: string): Locale => (value === 'en' ? 'en' : 'nb');

/** The e-mail of one digest: a count, one line per message (no personal names in them), a link to /innboks. */
export function digestMail(locale: Locale, messages: { messageKey: string; params: Record<string, string | number> }[], publicUrl: string | undefined) {
  const count = messages.length;
  const lines = messages.slice(0, DIGEST_MAX_LINES).map((m) => `- ${translate(locale, m.messageKey, m.params)}`);
  if (count > DIGEST_MAX_LINES) lines.push(translate(locale, 'inbox.digest.more', { count: count - DIGEST_MAX_LINES }));
  const link = publicUrl ? `${publicUrl.replace(/\/+$/, '')}/innboks` : null;
  return {
    subject: translate(locale, count === 1 ? 'inbox.digest.subjectOne' : 'inbox.digest.subject', { count }),
    text: [
      translate(locale, 'inbox.digest.greeting'),
      '',
      translate(locale, count === 1 ? 'inbox.digest.introOne' : 'inbox.digest.intro', { count }),
      '',
      ...lines,
      '',
      link ? translate(locale, 'inbox.digest.link', { link }) : translate(locale, 'inbox.digest.noLink'),
      '',
      translate(locale, 'inbox.digest.footer'),
    ].join('\n'),
  };
}

/**
 * The daily e-mail digest of one municipality: one e-mail to each staff member with an e-mail address
 * and unread messages. Today's send is claimed in digests_sent before the e-mail goes out (and given
 * back if it fails), so a second run the same day, or a parallel one, sends nothing twice. The claim
 * is committed on its own: no transaction is held open while the SMTP server answers.
 */
export async function sendDailyDigests(ctx: Ctx, mailer: Mailer): Promise<DigestResult> {
  const system = requirePermission(ctx, 'inbox:read');
  const day = osloDate(ctx.now);
  const result: DigestResult = { sent: 0, skipped: 0, failed: 0 };
  for (const recipient of await q.listDigestRecipients(ctx.db, system.tenantId)) {
    const unread = await q.listUnread(ctx.db, system.tenantId, recipient.id, 1000);
    if (unread.length === 0 || !recipient.email) continue;
    const claimed = await q.claimDigest(ctx.db, { tenantId: system.tenantId, userId: recipient.id, day, sentAt: ctx.now, messageCount: unread.length });
    if (!claimed) {
      result.skipped++;
      continue;
    }
    const mail = digestMail(localeOf(recipient.locale), unread, ctx.env.PUBLIC_URL);
    try {
      await mailer.send({ to: recipient.email, ...mail });
    } catch (err) {
      await q.releaseDigest(ctx.db, recipient.id, day);
      ctx.log.warn({ userId: recipient.id, code: (err as { code?: string }).code ?? 'unknown' }, 'digest e-mail failed; will try again on the next run');
      result.failed++;
      continue;
    }
    await recordEvent(ctx, { action: 'inbox.digest_sent', entityType: 'user', entityId: recipient.id, details: { day, messageCount: unread.length } });
    result.sent++;
  }
  return result;
}
