import type { Ctx } from '../../platform/http/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { recordEvent } from '../../platform/audit/audit.service.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { Mailer } from '../../platform/mail/mail.ts';
import * as q from './incidents.queries.ts';

const localeOf = (value: string | null): Locale => (value === 'en' ? 'en' : 'nb');
const osloTime = (d: Date) =>
  `${d.toLocaleDateString('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' })} ${d.toLocaleTimeString('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' })}`;

/** The e-mail of a severe incident: type, severity, time and a link. No names, no description. */
export function incidentAlertMail(
  locale: Locale,
  alert: { incidentId: string; type: string; severity: string; occurredAt: Date },
  publicUrl: string | undefined,
) {
  const params = {
    type: translate(locale, `incidents.type.${alert.type}`),
    severity: translate(locale, `incidents.severity.${alert.severity}`).toLowerCase(),
    time: osloTime(alert.occurredAt),
  };
  const link = publicUrl ? `${publicUrl.replace(/\/+$/, '')}/avvik/${alert.incidentId}` : null;
  return {
    subject: translate(locale, 'incidents.mail.subject', params),
    text: [
      translate(locale, 'incidents.mail.body', params),
      '',
      link ? translate(locale, 'incidents.mail.link', { link }) : translate(locale, 'incidents.mail.noLink'),
    ].join('\n'),
  };
}

export interface AlertResult {
  sent: number;
  failed: number;
}

/**
 * Sends the queued e-mails of severe incidents to the leads (the incident-alerts job, every minute).
 * Each alert is claimed before it goes out and given back when the send fails, so it is sent once
 * and tried again on the next run; no transaction is held while the SMTP server answers.
 */
export async function sendIncidentAlerts(ctx: Ctx, mailer: Mailer): Promise<AlertResult> {
  const system = requirePermission(ctx, 'incident:read');
  const result: AlertResult = { sent: 0, failed: 0 };
  for (const alert of await q.listPendingAlerts(ctx.db, system.tenantId)) {
    if (!alert.email || !(await q.claimAlert(ctx.db, alert.id, ctx.now))) continue;
    try {
      await mailer.send({ to: alert.email, ...incidentAlertMail(localeOf(alert.locale), alert, ctx.env.PUBLIC_URL) });
    } catch (err) {
      await q.releaseAlert(ctx.db, alert.id);
      ctx.log.warn({ userId: alert.userId, code: (err as { code?: string }).code ?? 'unknown' }, 'incident alert e-mail failed; will try again');
      result.failed++;
      continue;
    }
    await recordEvent(ctx, { action: 'incident.alert_sent', entityType: 'incident', entityId: alert.incidentId, details: { userId: alert.userId } });
    result.sent++;
  }
  return result;
}
