import './referrals.css';
import { useState } from 'react';
import { Button, Field, Heading, Label, Link, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate } from '../../../platform/ui/format.ts';
import { referralStatus, type ReferralSummary } from '../referrals.schema.ts';
import { ReferralStatusTag, UrgentTag } from './ReferralStatusTag.tsx';

/**
 * The referrals: the service sees all of them (newest first, filterable by status); a NAV caseworker
 * sees the ones they sent. The server decides which; the page only adapts its columns.
 */
export function ReferralsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const all = can('referral:read');
  const [status, setStatus] = useState('');
  const referrals = useApi<ReferralSummary[]>(`/api/referrals${status ? `?status=${status}` : ''}`);

  return (
    <div className="stack">
      <div className="referral-head">
        <Heading level={1} data-size="lg">
          {t('referrals.title')}
        </Heading>
        {can('referral:create') && (
          <Button asChild>
            <RouterLink to="/henvisninger/ny">{t('referrals.new')}</RouterLink>
          </Button>
        )}
      </div>
      <Paragraph>{all ? t('referrals.introAll') : t('referrals.introOwn')}</Paragraph>
      {all && (
        <Field style={{ maxWidth: '20rem' }}>
          <Label htmlFor="referral-status-filter">{t('referrals.filterStatus')}</Label>
          <Select id="referral-status-filter" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('referrals.allStatuses')}</option>
            {referralStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`referrals.status.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {referrals.error && <ErrorAlert error={referrals.error} />}
      {referrals.loading && !referrals.data && <Loading />}
      {referrals.data && (
        <section aria-live="polite" className="stack">
          {referrals.data.length === 0 ? (
            <Paragraph>{t('referrals.empty')}</Paragraph>
          ) : (
            <Table className="stack-table" data-testid="referrals">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('referrals.receivedAt')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('referrals.household')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('referrals.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('referrals.urgency')}</Table.HeaderCell>
                  {all && <Table.HeaderCell>{t('referrals.caseworker')}</Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {referrals.data.map((r) => (
                  <Table.Row key={r.id}>
                    <Table.Cell data-label={t('referrals.receivedAt')}>{formatDate(new Date(r.receivedAt).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }))}</Table.Cell>
                    <Table.Cell data-label={t('referrals.household')}>
                      <Link asChild>
                        <RouterLink to={`/henvisninger/${r.id}`}>{r.householdName}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell data-label={t('referrals.status')}>
                      <ReferralStatusTag status={r.status} />
                    </Table.Cell>
                    <Table.Cell data-label={t('referrals.urgency')}>{r.nowhereToSleepTonight ? <UrgentTag /> : '–'}</Table.Cell>
                    {all && (
                      <Table.Cell data-label={t('referrals.caseworker')}>
                        {r.caseworkerName}
                        {r.navOffice ? `, ${r.navOffice}` : ''}
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </section>
      )}
    </div>
  );
}
