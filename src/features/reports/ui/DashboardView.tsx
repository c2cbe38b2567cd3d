import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatFigure, formatMonthShort } from '../reports.format.ts';
import type { DashboardOutput } from '../reports.schema.ts';
import { BarChart } from './BarChart.tsx';

/**
 * The steering group's view: twelve months of aggregates. The server has already replaced every
 * count of 1–4 with "under 5" (value null); the page only writes the words.
 */
export function DashboardView({ level = 2 }: { level?: 1 | 2 }) {
  const { t, locale } = useI18n();
  const data = useApi<DashboardOutput>('/api/reports/dashboard');
  const show = (v: { value: number | null; under5: boolean }, unit: 'count' | 'percent' | 'nights' | 'roomNights') =>
    v.under5 ? t('reports.dashboard.under5') : formatFigure(v.value, unit, locale);
  return (
    <div className="stack">
      <Heading level={level} data-size={level === 1 ? 'lg' : 'md'}>
        {t('reports.dashboard.title')}
      </Heading>
      <Paragraph>{t('reports.dashboard.intro')}</Paragraph>
      {data.error && <ErrorAlert error={data.error} />}
      {!data.data && !data.error && <Loading />}
      {data.data &&
        data.data.sections.map((s) => {
          const occupancy = s.figures.find((f) => f.key === 'occupancyRate');
          return (
            <section key={s.key} className="report-section" aria-labelledby={`dash-${s.key}`}>
              <Heading level={level === 1 ? 2 : 3} data-size="sm" id={`dash-${s.key}`}>
                {s.title[locale]}
              </Heading>
              <TableScroll label={t('reports.dashboard.table', { section: s.title[locale] })}>
                <Table className="report-table report-year" data-size="sm">
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('reports.figure')}</Table.HeaderCell>
                      {data.data!.months.map((m) => (
                        <Table.HeaderCell key={m} className="num">
                          {formatMonthShort(m, locale)} {m.slice(2, 4)}
                        </Table.HeaderCell>
                      ))}
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {s.figures.map((f) => (
                      <Table.Row key={f.key} data-figure={f.key}>
                        <Table.HeaderCell scope="row">
                          <span className="report-label">{f.label[locale]}</span>
                          <span className="report-definition">{f.definition[locale]}</span>
                        </Table.HeaderCell>
                        {f.values.map((v, i) => (
                          <Table.Cell key={data.data!.months[i]} className="num">
                            {show(v, f.unit)}
                          </Table.Cell>
                        ))}
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroll>
              {occupancy && (
                <BarChart
                  title={occupancy.label[locale]}
                  max={100}
                  bars={occupancy.values.map((v, i) => ({ label: `${formatMonthShort(data.data!.months[i]!, locale)} ${data.data!.months[i]!.slice(0, 4)}`, value: v.value, text: show(v, 'percent') }))}
                />
              )}
            </section>
          );
        })}
    </div>
  );
}
