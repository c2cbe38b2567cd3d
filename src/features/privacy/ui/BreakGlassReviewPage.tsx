import { useState } from 'react';
import { Button, Checkbox, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { ConfirmDialog } from '../../../platform/ui/ConfirmDialog.tsx';
import { formatDateTime } from '../../../platform/ui/format.ts';
import type { GrantOutput } from '../privacy.schema.ts';

/** The service lead's review of "break the glass" openings: each with its reason, marked reviewed one by one. */
export function BreakGlassReviewPage() {
  const { t, locale } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const grants = useApi<GrantOutput[]>(`/api/privacy/break-glass?unreviewed=${showAll ? 'false' : 'true'}`);
  const [reviewing, setReviewing] = useState<GrantOutput | null>(null);

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('privacy.reviewTitle')}
      </Heading>
      <Paragraph>{t('privacy.reviewIntro')}</Paragraph>
      <Checkbox label={t('privacy.reviewShowAll')} checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
      {grants.error && <ErrorAlert error={grants.error} />}
      {!grants.data && !grants.error && <Loading />}
      {grants.data && grants.data.length === 0 && <Paragraph>{t('privacy.reviewNone')}</Paragraph>}
      {grants.data && grants.data.length > 0 && (
        <TableScroll label={t('privacy.reviewTitle')}>
          <Table data-testid="break-glass-list">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('privacy.col.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('privacy.col.who')}</Table.HeaderCell>
                <Table.HeaderCell>{t('privacy.col.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('privacy.col.reason')}</Table.HeaderCell>
                <Table.HeaderCell>{t('privacy.col.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {grants.data.map((g) => (
                <Table.Row key={g.id}>
                  <Table.Cell>{formatDateTime(g.grantedAt, locale)}</Table.Cell>
                  <Table.Cell>{g.userName}</Table.Cell>
                  <Table.Cell>
                    <RouterLink to={`/personer/${g.personId}`}>{g.personName}</RouterLink>
                  </Table.Cell>
                  <Table.Cell>{g.reason}</Table.Cell>
                  <Table.Cell>
                    {g.reviewedAt ? (
                      <Tag data-color="success">{t('privacy.reviewedBy', { date: formatDateTime(g.reviewedAt, locale), name: g.reviewedByName ?? '–' })}</Tag>
                    ) : (
                      <Button data-size="sm" variant="secondary" onClick={() => setReviewing(g)}>
                        {t('privacy.markReviewed')}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ConfirmDialog
        open={reviewing !== null}
        title={t('privacy.confirmReviewed')}
        body={reviewing ? `${reviewing.userName} – ${reviewing.personName}: ${reviewing.reason}` : undefined}
        confirmLabel={t('privacy.markReviewed')}
        onCancel={() => setReviewing(null)}
        onConfirm={async () => {
          if (!reviewing) return;
          await api.post(`/api/privacy/break-glass/${reviewing.id}/reviewed`, {});
          setReviewing(null);
          void grants.reload();
        }}
      />
    </div>
  );
}
