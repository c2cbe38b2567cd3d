import './reports.css';
import { Heading, Link, Paragraph, Tabs } from '@digdir/designsystemet-react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDay } from '../reports.format.ts';
import type { DataQualityIssueOutput } from '../reports.schema.ts';
import { MonthlyReportView } from './MonthlyReportView.tsx';
import { YearReportView } from './YearReportView.tsx';
import { DashboardView } from './DashboardView.tsx';

const tabs = ['maaned', 'aar', 'kvalitet', 'styringsgruppe'] as const;
type Tab = (typeof tabs)[number];

/**
 * /rapporter. The service lead (report:read) gets the monthly report, the year report with KOSTRA,
 * data quality and the steering group's view; the steering group (report:dashboard only) gets its
 * dashboard and nothing else. The tab is in the address (?fane=…).
 */
export function ReportsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  if (!can('report:read')) return <DashboardView level={1} />;
  const current: Tab = tabs.includes(params.get('fane') as Tab) ? (params.get('fane') as Tab) : 'maaned';
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('reports.title')}
      </Heading>
      <Paragraph>{t('reports.intro')}</Paragraph>
      <Tabs value={current} onChange={(value) => setParams(value === 'maaned' ? {} : { fane: value }, { replace: true })}>
        <Tabs.List className="report-tablist">
          <Tabs.Tab value="maaned">{t('reports.tab.monthly')}</Tabs.Tab>
          <Tabs.Tab value="aar">{t('reports.tab.year')}</Tabs.Tab>
          <Tabs.Tab value="kvalitet">{t('reports.tab.quality')}</Tabs.Tab>
          <Tabs.Tab value="styringsgruppe">{t('reports.tab.dashboard')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="maaned" className="report-panel">
          {current === 'maaned' && <MonthlyReportView />}
        </Tabs.Panel>
        <Tabs.Panel value="aar" className="report-panel">
          {current === 'aar' && <YearReportView />}
        </Tabs.Panel>
        <Tabs.Panel value="kvalitet" className="report-panel">
          {current === 'kvalitet' && <DataQualityView />}
        </Tabs.Panel>
        <Tabs.Panel value="styringsgruppe" className="report-panel">
          {current === 'styringsgruppe' && <DashboardView />}
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}

function DataQualityView() {
  const { t } = useI18n();
  const list = useApi<DataQualityIssueOutput[]>('/api/reports/data-quality');
  return (
    <section className="stack" aria-labelledby="quality-title">
      <Heading level={2} data-size="md" id="quality-title">
        {t('reports.tab.quality')}
      </Heading>
      <Paragraph>{t('reports.quality.intro')}</Paragraph>
      {list.error && <ErrorAlert error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && <Paragraph>{t('reports.quality.none')}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <ul className="report-quality">
          {list.data.map((issue) => (
            <li key={`${issue.kind}-${issue.entityId}`} data-kind={issue.kind}>
              <span className="report-label">{t(`reports.quality.kind.${issue.kind}`)}</span>
              <span className="report-muted">
                {formatDay(issue.on)}
                {issue.roomName ? ` · ${t('reports.quality.room', { room: issue.roomName })}` : ''}
              </span>
              <Link asChild>
                <RouterLink to={issue.fixPath} aria-label={`${t('reports.quality.fix')}: ${t(`reports.quality.kind.${issue.kind}`)} ${formatDay(issue.on)}`}>
                  {t('reports.quality.fix')}
                </RouterLink>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
