import type { ReactNode } from 'react';
import { useSession } from './session-context.tsx';
import { Forbidden } from './Feedback.tsx';
import { useI18n } from './i18n-context.tsx';

/** Shows the page only to users whose role has the permission; others get a clear refusal. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useSession();
  const { t } = useI18n();
  if (!can(permission)) return <Forbidden message={t('app.forbiddenPage')} />;
  return <>{children}</>;
}
