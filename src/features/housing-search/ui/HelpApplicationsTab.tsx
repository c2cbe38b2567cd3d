import { useState } from 'react';
import { Field, Label, Link, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatMoney } from '../../../platform/ui/format.ts';
import { helpApplicationKind, helpApplicationStatus, type HelpApplicationOutput } from '../housing-search.schema.ts';
import { HelpStatusTag } from './StatusTags.tsx';

/**
 * Applications for help across the residents. The housing office sees the applications for municipal
 * housing only — the server leaves the rest out — so it gets no kind filter.
 */
export function HelpApplicationsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const seesResidents = can('person:read');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const query = new URLSearchParams(Object.entries({ kind, status }).filter(([, v]) => v)).toString();
  const list = useApi<HelpApplicationOutput[]>(`/api/help-applications?${query}`);

  return (
    <>
      <Paragraph>{seesResidents ? t('housingSearch.helpIntro') : t('housingSearch.helpIntroHousingOffice')}</Paragraph>
      <div className="hs-filters">
        {seesResidents && (
          <Field>
            <Label htmlFor="hs-help-kind">{t('housingSearch.helpKind')}</Label>
            <Select id="hs-help-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              <Select.Option value="">{t('housingSearch.allKinds')}</Select.Option>
              {helpApplicationKind.options.map((k) => (
                <Select.Option key={k} value={k}>
                  {t(`housingSearch.helpKind.${k}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Field>
          <Label htmlFor="hs-help-status">{t('housingSearch.status')}</Label>
          <Select id="hs-help-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <Select.Option value="">{t('housingSearch.allStatuses')}</Select.Option>
            {helpApplicationStatus.options.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`housingSearch.helpStatus.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      {list.error && <ErrorAlert error={list.error} />}
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <section aria-live="polite" aria-label={t('housingSearch.tab.help')}>
          {list.data.length === 0 ? (
            <Paragraph>{t('housingSearch.noHelpApplications')}</Paragraph>
          ) : (
            <Table className="hs-table" data-testid="help-applications">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('housingSearch.person')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('housingSearch.helpKind')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('housingSearch.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('housingSearch.appliedOn')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('housingSearch.decidedOn')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('housingSearch.amount')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.map((h) => (
                  <Table.Row key={h.id}>
                    <Table.Cell data-label={t('housingSearch.person')}>
                      {seesResidents ? (
                        <Link asChild>
                          <RouterLink to={`/personer/${h.personId}`}>{h.personName}</RouterLink>
                        </Link>
                      ) : (
                        h.personName
                      )}
                    </Table.Cell>
                    <Table.Cell data-label={t('housingSearch.helpKind')}>{t(`housingSearch.helpKind.${h.kind}`)}</Table.Cell>
                    <Table.Cell data-label={t('housingSearch.status')}>
                      <HelpStatusTag status={h.status} />
                    </Table.Cell>
                    <Table.Cell data-label={t('housingSearch.appliedOn')}>{formatDate(h.appliedOn)}</Table.Cell>
                    <Table.Cell data-label={t('housingSearch.decidedOn')}>{formatDate(h.decidedOn)}</Table.Cell>
                    <Table.Cell data-label={t('housingSearch.amount')}>{h.amountOre === null ? '–' : formatMoney(h.amountOre)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </section>
      )}
    </>
  );
}
