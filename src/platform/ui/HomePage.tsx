import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSession } from './session-context.tsx';
import { useI18n } from './i18n-context.tsx';
import { adminNav, dailyNav } from './navigation.ts';

/**
 * The start page: the room board for those who work in the house; everyone else (NAV, the housing
 * office, the steering group, the administrator) goes to the first page their role may open.
 */
export function HomePage({ board }: { board: ReactNode }) {
  const { can } = useSession();
  const { t } = useI18n();
  if (can('stay:read')) return <>{board}</>;
  const first = [...dailyNav, ...adminNav].find((i) => i.to !== '/' && !i.coming && (!i.permission || can(i.permission)));
  if (first) return <Navigate to={first.to} replace />;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('app.home')}
      </Heading>
      <Paragraph>{t('app.homeIntro')}</Paragraph>
    </div>
  );
}
