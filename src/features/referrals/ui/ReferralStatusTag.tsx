import { Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import type { ReferralStatus } from '../referrals.schema.ts';

const colour: Record<ReferralStatus, string> = {
  received: 'info',
  screened: 'info',
  offered: 'accent',
  waiting_list: 'warning',
  refused: 'danger',
  accepted: 'success',
  declined: 'neutral',
  lapsed: 'neutral',
  checked_in: 'success',
  withdrawn: 'neutral',
};

/** The status in words; the colour only helps the eye. */
export function ReferralStatusTag({ status }: { status: ReferralStatus }) {
  const { t } = useI18n();
  return <Tag data-color={colour[status]}>{t(`referrals.status.${status}`)}</Tag>;
}

export function UrgentTag() {
  const { t } = useI18n();
  return (
    <Tag data-color="danger" variant="outline">
      {t('referrals.urgentTag')}
    </Tag>
  );
}
