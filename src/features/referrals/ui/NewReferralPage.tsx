import './referrals.css';
import { Heading } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import type { ReferralOutput } from '../referrals.schema.ts';
import { ReferralForm } from './ReferralForm.tsx';

export function NewReferralPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('referrals.new')}
      </Heading>
      <ReferralForm
        onSubmit={async (value) => {
          const referral = await api.post<ReferralOutput>('/api/referrals', value);
          navigate(`/henvisninger/${referral.id}`, { state: { created: true } });
        }}
      />
    </div>
  );
}
