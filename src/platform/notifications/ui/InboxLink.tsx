import { useCallback, useEffect, useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { Link } from '@digdir/designsystemet-react';
import { useI18n } from '../../ui/i18n-context.tsx';
import { useSession } from '../../ui/session-context.tsx';
import { api } from '../../ui/api.ts';
import type { UnreadCountOutput } from '../notifications.schema.ts';
import { INBOX_CHANGED } from './inbox-events.ts';

/**
 * The header's way to the inbox, with the unread count in words ("Innboks (3)"), not a coloured dot
 * only. Refreshed on every page change and when the inbox page marks messages read.
 */
export function InboxLink() {
  const { t } = useI18n();
  const { can } = useSession();
  const location = useLocation();
  const allowed = can('inbox:read');
  const [count, setCount] = useState<number | null>(null);

  const load = useCallback(async () => {
    if (!allowed) return;
    try {
      setCount((await api.get<UnreadCountOutput>('/api/inbox/unread-count')).unreadCount);
    } catch {
      setCount(null);
    }
  }, [allowed]);

  useEffect(() => {
    void load();
  }, [load, location.pathname]);

  useEffect(() => {
    const onChange = (e: Event) => setCount((e as CustomEvent<number>).detail);
    window.addEventListener(INBOX_CHANGED, onChange);
    return () => window.removeEventListener(INBOX_CHANGED, onChange);
  }, []);

  if (!allowed) return null;
  return (
    <Link asChild className="inbox-link">
      <RouterLink to="/innboks" aria-current={location.pathname === '/innboks' ? 'page' : undefined}>
        {count ? t('inbox.navCount', { count }) : t('inbox.nav')}
      </RouterLink>
    </Link>
  );
}
