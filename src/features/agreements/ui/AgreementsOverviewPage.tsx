import './agreements.css';
import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate } from '../../../platform/ui/format.ts';
import type { AgreementOverviewRow } from '../agreements.schema.ts';

/** Avtaler: everyone living in the house now, with the newest version of their agreement and whether it is signed. */
export function AgreementsOverviewPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const rows = useApi<AgreementOverviewRow[]>('/api/agreements');

  return (
    <div className="stack">
      <div className="agreement-head">
        <Heading level={1} data-size="lg">
          {t('agreements.title')}
        </Heading>
        <div className="agreement-actions no-print">
          {can('house_rules:read') && (
            <Link asChild>
              <RouterLink to="/husordensregler">{t('agreements.houseRulesLink')}</RouterLink>
            </Link>
          )}
          {can('agreement_template:write') && (
            <Link asChild>
              <RouterLink to="/avtaler/mal">{t('agreements.templateLink')}</RouterLink>
            </Link>
          )}
        </div>
      </div>
      <Paragraph>{t('agreements.intro')}</Paragraph>
      {rows.error && <ErrorAlert error={rows.error} />}
      {!rows.data && !rows.error && <Loading />}
      {rows.data?.length === 0 && <Paragraph>{t('agreements.empty')}</Paragraph>}
      {rows.data && rows.data.length > 0 && (
        <div className="table-wrap">
          <Table data-testid="agreements-overview" className="agreements-overview">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('agreements.resident')}</Table.HeaderCell>
                <Table.HeaderCell>{t('agreements.room')}</Table.HeaderCell>
                <Table.HeaderCell>{t('agreements.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('agreements.agreement')}</Table.HeaderCell>
                <Table.HeaderCell>{t('agreements.signed')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.data.map((r) => (
                <Table.Row key={r.stayId}>
                  <Table.Cell data-label={t('agreements.resident')}>
                    <Link asChild>
                      <RouterLink to={`/opphold/${r.stayId}/avtale`} aria-label={t('agreements.open', { name: r.residentName })}>
                        {r.residentName}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell data-label={t('agreements.room')}>{r.roomName}</Table.Cell>
                  <Table.Cell data-label={t('agreements.period')}>
                    {formatDate(r.startOn)}–{formatDate(r.plannedEndOn)}
                  </Table.Cell>
                  <Table.Cell data-label={t('agreements.agreement')}>{r.version ? t('agreements.versionN', { version: r.version }) : <Tag data-color="warning">{t('agreements.noAgreement')}</Tag>}</Table.Cell>
                  <Table.Cell data-label={t('agreements.signed')}>
                    {r.signedOn ? formatDate(r.signedOn) : r.version ? <Tag data-color="warning">{t('agreements.notSigned')}</Tag> : '–'}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
