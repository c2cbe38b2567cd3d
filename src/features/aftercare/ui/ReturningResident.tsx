import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { formatDate } from '../../../platform/ui/format.ts';
import type { PreviousStaysOutput } from '../aftercare.schema.ts';

/**
 * On a referral: when the person has lived here before, the move-out before this referral and
 * whether they came back within 6 or 12 months (a return to homelessness). Nothing for a first-time
 * referral, nor for roles that may not read all referrals.
 */
export function ReturningResident({ personId, referralId }: { personId: string; referralId: string }) {
  const { can } = useSession();
  if (!can('referral:read')) return null;
  return <ReturningResidentNotice personId={personId} referralId={referralId} />;
}

function ReturningResidentNotice({ personId, referralId }: { personId: string; referralId: string }) {
  const { t } = useI18n();
  const previous = useApi<PreviousStaysOutput>(`/api/people/${personId}/previous-stays`);
  const here = previous.data?.referrals.find((r) => r.referralId === referralId);
  const before = here?.previousMoveOut;
  if (!previous.data || !here || !before) return null;
  const returned = here.within12Months;
  return (
    <Alert data-color={returned ? 'warning' : 'info'} data-testid="returning-resident">
      <Heading level={2} data-size="xs">
        {t('aftercare.returning.title')}
      </Heading>
      <Paragraph>
        {t('aftercare.returning.movedOut', {
          date: formatDate(before.movedOutOn),
          destination: t(`aftercare.destination.${before.destination}`),
          start: formatDate(before.startOn),
        })}
      </Paragraph>
      <Paragraph>
        {here.within6Months ? t('aftercare.returning.within6') : here.within12Months ? t('aftercare.returning.within12') : t('aftercare.returning.later')}
      </Paragraph>
      {previous.data.moveOuts.length > 1 && <Paragraph>{t('aftercare.returning.earlierStays', { count: previous.data.moveOuts.length })}</Paragraph>}
    </Alert>
  );
}
