import { Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import type { FollowUpOutput } from '../aftercare.schema.ts';

type T = ReturnType<typeof useI18n>['t'];

/** "1 måned etter utflytting", "3 måneder etter utflytting". */
export function monthsAfter(t: T, months: number): string {
  return months === 1 ? t('aftercare.followUps.monthsAfterLongOne') : t('aftercare.followUps.monthsAfterLong', { months });
}

const colour = { done: 'success', overdue: 'danger', due: 'warning', planned: 'neutral' } as const;

/** Where a follow-up stands, in words (colour only repeats it). */
export function FollowUpStateTag({ state }: { state: FollowUpOutput['state'] }) {
  const { t } = useI18n();
  return <Tag data-color={colour[state]}>{t(`aftercare.followUps.state.${state}`)}</Tag>;
}
