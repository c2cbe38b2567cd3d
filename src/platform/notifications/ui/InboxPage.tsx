import './notifications.css';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../ui/i18n-context.tsx';
import { useSession } from '../../ui/session-context.tsx';
import { useApi } from '../../ui/use-api.ts';
import { api, type ApiError } from '../../ui/api.ts';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { isMessageKey } from '../../i18n/i18n.ts';
import type { InboxMessageOutput, InboxOutput, UnreadCountOutput } from '../notifications.schema.ts';
import { announceInboxChanged } from './inbox-events.ts';
import { ClockSettingsSection } from './ClockSettingsSection.tsx';

/** The inbox (/innboks): warnings for me and for all staff, newest first; read flags are my own. */
export function InboxPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const inbox = useApi<InboxOutput>('/api/inbox');
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [error, setError] = useState<ApiError | null>(null);

  const text = (m: InboxMessageOutput) => (isMessageKey(m.messageKey) ? t(m.messageKey, m.params) : m.messageKey);

  async function markRead(m: InboxMessageOutput) {
    try {
      const { unreadCount } = await api.post<UnreadCountOutput>(`/api/inbox/${m.id}/read`);
      announceInboxChanged(unreadCount);
      inbox.setData((d) => d && { unreadCount, messages: d.messages.map((x) => (x.id === m.id ? { ...x, read: true, readAt: new Date().toISOString() } : x)) });
      setError(null);
    } catch (err) {
      setError(err as ApiError);
    }
  }

  async function markAllRead() {
    try {
      await api.post<UnreadCountOutput>('/api/inbox/read-all');
      announceInboxChanged(0);
      await inbox.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }

  async function open(m: InboxMessageOutput) {
    if (!m.read) await markRead(m);
    if (m.link) navigate(m.link);
  }

  const messages = inbox.data?.messages.filter((m) => filter === 'all' || !m.read) ?? [];
  const unread = inbox.data?.unreadCount ?? 0;
  return (
    <div className="stack">
      <div className="inbox-head">
        <div>
          <Heading level={1} data-size="lg">
            {t('inbox.title')}
          </Heading>
          <Paragraph>{t('inbox.intro')}</Paragraph>
        </div>
        {unread > 0 && (
          <Button variant="secondary" data-size="sm" onClick={() => void markAllRead()}>
            {t('inbox.markAllRead')}
          </Button>
        )}
      </div>
      {inbox.error && <ErrorAlert error={inbox.error} />}
      {error && <ErrorAlert error={error} />}
      {!inbox.data && !inbox.error && <Loading />}
      {inbox.data && (
        <>
          <div className="row" style={{ alignItems: 'center' }}>
            <Paragraph role="status">{unread === 0 ? t('inbox.allRead') : unread === 1 ? t('inbox.unreadSummaryOne') : t('inbox.unreadSummary', { count: unread })}</Paragraph>
            <div className="inbox-actions" role="group" aria-label={t('inbox.filterLabel')}>
              {(['all', 'unread'] as const).map((f) => (
                <Button key={f} data-size="sm" variant={filter === f ? 'primary' : 'secondary'} aria-pressed={filter === f} onClick={() => setFilter(f)}>
                  {f === 'all' ? t('inbox.filterAll') : t('inbox.filterUnread')}
                </Button>
              ))}
            </div>
          </div>
          {messages.length === 0 ? (
            <Paragraph>{t('inbox.empty')}</Paragraph>
          ) : (
            <ul className="inbox-list">
              {messages.map((m) => (
                <li key={m.id} className="inbox-item" data-read={m.read}>
                  <Tag data-size="sm" data-color={m.read ? 'neutral' : m.kind === 'clock.overdue' ? 'danger' : 'warning'}>
                    {m.read ? t('inbox.read') : t('inbox.unread')}
                  </Tag>
                  <p className="inbox-text">{text(m)}</p>
                  <div className="inbox-actions">
                    {m.link && (
                      <Button data-size="sm" variant="secondary" onClick={() => void open(m)} aria-label={t('inbox.openNamed', { text: text(m) })}>
                        {t('inbox.open')}
                      </Button>
                    )}
                    {!m.read && (
                      <Button data-size="sm" variant="tertiary" onClick={() => void markRead(m)} aria-label={t('inbox.markReadNamed', { text: text(m) })}>
                        {t('inbox.markRead')}
                      </Button>
                    )}
                  </div>
                  <p className="inbox-meta">
                    {t('inbox.received', { date: formatDateTime(m.createdAt, locale) })} · {m.forUserId ? t('inbox.forMe') : t('inbox.forAllStaff')}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {can('settings:write') && <ClockSettingsSection />}
    </div>
  );
}
