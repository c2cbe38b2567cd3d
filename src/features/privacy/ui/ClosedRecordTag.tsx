import { Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';

/**
 * A row in a list whose person has a closed record (a former resident, access by need): the list
 * shows the name and this tag instead of details. The person page offers break-the-glass.
 */
export function ClosedRecordTag() {
  const { t } = useI18n();
  return (
    <Tag data-color="neutral" data-size="sm" className="closed-record-tag">
      {t('privacy.closedRow')}
    </Tag>
  );
}
