import './timeline.css';
import { Link as RouterLink } from 'react-router';
import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate } from '../../../platform/ui/format.ts';
import { isMessageKey } from '../../../platform/i18n/i18n.ts';
import type { TimelineEvent, TimelineOutput } from '../timeline.schema.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** "Historikk" on the person page: the resident's story from referral to aftercare, oldest first. */
export function PersonTimeline({ personId }: { personId: string }) {
  const { t } = useI18n();
  const timeline = useApi<TimelineOutput>(`/api/people/${personId}/timeline`);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

  // A parameter that is a catalogue key is translated; an ISO date is shown as dd.mm.yyyy.
  const text = (e: TimelineEvent) => {
    const params = Object.fromEntries(
      Object.entries(e.params).map(([k, v]) => [k, typeof v === 'string' && isMessageKey(v) ? t(v) : typeof v === 'string' && isoDate.test(v) ? formatDate(v) : v]),
    );
    return isMessageKey(e.label) ? t(e.label, params) : e.label;
  };

  return (
    <section className="stack" aria-labelledby="person-timeline">
      <Heading level={2} data-size="md" id="person-timeline">
        {t('timeline.title')}
      </Heading>
      <Paragraph>{t('timeline.intro')}</Paragraph>
      {timeline.error && <ErrorAlert error={timeline.error} />}
      {!timeline.data && !timeline.error && <Loading />}
      {timeline.data && timeline.data.hidden.length > 0 && (
        <Paragraph data-size="sm">{t('timeline.hidden', { parts: timeline.data.hidden.map((s) => t(`timeline.source.${s}`)).join(', ') })}</Paragraph>
      )}
      {timeline.data && timeline.data.events.length === 0 && <Paragraph>{t('timeline.empty')}</Paragraph>}
      {timeline.data && timeline.data.events.length > 0 && (
        <ol className="timeline" data-testid="person-timeline">
          {timeline.data.events.map((e, i) => (
            <li key={i} className="timeline-event" data-planned={e.planned}>
              <time className="timeline-date" dateTime={e.at ?? e.on}>
                {formatDate(e.on)}
              </time>
              <span className="timeline-label">
                {e.link ? (
                  <Link asChild>
                    <RouterLink to={e.link}>{text(e)}</RouterLink>
                  </Link>
                ) : (
                  text(e)
                )}
                {e.planned && (e.on < today ? <Tag data-color="danger">{t('timeline.overdue')}</Tag> : <Tag data-color="neutral">{t('timeline.planned')}</Tag>)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
