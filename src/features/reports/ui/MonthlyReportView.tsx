import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import type { ApiError } from '../../../platform/ui/api.ts';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDateTime } from '../../../platform/ui/format.ts';
import { formatFigure, formatMonth } from '../reports.format.ts';
import type { ArchivedReportOutput, ArchivedReportSummary, MonthlyReportOutput } from '../reports.schema.ts';
import { BarChart } from './BarChart.tsx';

/** The month before the current one, as yyyy-mm (the report a lead usually wants). */
export function lastMonth(): string {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The monthly report tab: choose a month, read the figures, download PDF/XLSX, archive. */
export function MonthlyReportView() {
  const { t } = useI18n();
  const [month, setMonth] = useState(lastMonth);
  const [input, setInput] = useState(month);
  const report = useApi<MonthlyReportOutput>(`/api/reports/monthly/${month}`);

  const show = (e: FormEvent) => {
    e.preventDefault();
    if (/^\d{4}-\d{2}$/.test(input)) setMonth(input);
  };

  return (
    <div className="stack">
      <form className="report-controls" onSubmit={show}>
        <Textfield label={t('reports.month')} type="month" value={input} onChange={(e) => setInput(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('reports.show')}
        </Button>
      </form>
      {report.error && <ErrorAlert error={report.error} />}
      {!report.data && !report.error && <Loading />}
      {report.data && <MonthlyReport report={report.data} downloads />}
      <Archive month={month} />
    </div>
  );
}

/** One monthly report on screen: a section per heading, a table of figures, a chart where it helps. */
export function MonthlyReport({ report, downloads = false, level = 2 }: { report: MonthlyReportOutput; downloads?: boolean; level?: 2 | 3 }) {
  const { t, locale } = useI18n();
  const month = formatMonth(report.month, locale);
  const ym = report.month.slice(0, 7);
  return (
    <article className="stack report" aria-label={`${report.tenantName} – ${month}`}>
      <Heading level={level} data-size="md">
        {t('reports.tab.monthly')} {month}
      </Heading>
      {!report.complete && <Alert data-color="info">{t('reports.incomplete')}</Alert>}
      {downloads && (
        <nav className="report-downloads" aria-label={t('reports.downloads')}>
          <Link href={`/api/reports/monthly/${ym}/report.pdf`} download>
            {t('reports.downloadPdf')}
          </Link>
          <Link href={`/api/reports/monthly/${ym}/report.xlsx`} download>
            {t('reports.downloadXlsx')}
          </Link>
        </nav>
      )}
      {report.sections.map((section) => {
        const title = section.title[locale];
        const byKey = new Map(section.figures.map((f) => [f.key, f]));
        return (
          <section key={section.key} className="report-section" aria-labelledby={`section-${section.key}${level === 2 ? '' : '-archived'}`}>
            <Heading level={level === 2 ? 3 : 4} data-size="sm" id={`section-${section.key}${level === 2 ? '' : '-archived'}`}>
              {title}
            </Heading>
            <TableScroll label={title}>
              <Table className="report-table">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('reports.figure')}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{month}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{formatMonth(report.previousMonth, locale)}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{formatMonth(report.lastYearMonth, locale)}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {section.figures.map((f) => (
                    <Table.Row key={f.key} data-figure={f.key}>
                      <Table.HeaderCell scope="row">
                        <span className="report-label">{f.label[locale]}</span>
                        <span className="report-definition">{f.definition[locale]}</span>
                      </Table.HeaderCell>
                      <Table.Cell className="num">{formatFigure(f.value, f.unit, locale)}</Table.Cell>
                      <Table.Cell className="num">{formatFigure(f.previous, f.unit, locale)}</Table.Cell>
                      <Table.Cell className="num">{formatFigure(f.lastYear, f.unit, locale)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
            {section.chart?.kind === 'comparison' &&
              section.chart.figureKeys.map((key) => {
                const f = byKey.get(key);
                if (!f) return null;
                return (
                  <BarChart
                    key={key}
                    title={t('reports.chart.comparison', { figure: f.label[locale], month })}
                    max={f.unit === 'percent' ? 100 : undefined}
                    bars={[
                      { label: month, value: f.value, text: formatFigure(f.value, f.unit, locale) },
                      { label: formatMonth(report.previousMonth, locale), value: f.previous, text: formatFigure(f.previous, f.unit, locale) },
                      { label: formatMonth(report.lastYearMonth, locale), value: f.lastYear, text: formatFigure(f.lastYear, f.unit, locale) },
                    ]}
                  />
                );
              })}
            {section.chart?.kind === 'distribution' && (
              <BarChart
                title={t('reports.chart.distribution', { section: title, month })}
                bars={section.chart.figureKeys.flatMap((key) => {
                  const f = byKey.get(key);
                  return f ? [{ label: f.label[locale], value: f.value, text: formatFigure(f.value, f.unit, locale) }] : [];
                })}
              />
            )}
          </section>
        );
      })}
    </article>
  );
}

function Archive({ month }: { month: string }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const list = useApi<ArchivedReportSummary[]>('/api/reports/archive');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<ArchivedReportOutput | null>(null);
  const monthText = formatMonth(`${month}-01`, locale);

  const archive = async () => {
    setError(null);
    try {
      await api.post(`/api/reports/monthly/${month}/archive`);
      setDone(monthText);
      await list.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const showArchived = async (id: string) => {
    try {
      setOpen(await api.get<ArchivedReportOutput>(`/api/reports/archive/${id}`));
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const produced = (a: ArchivedReportSummary) =>
    `${t('reports.archive.produced', { date: formatDateTime(a.producedAt, locale) })} (${a.trigger === 'scheduled' ? t('reports.archive.scheduled') : t('reports.archive.onDemand')})`;

  return (
    <section className="report-section" aria-labelledby="report-archive">
      <Heading level={2} data-size="md" id="report-archive">
        {t('reports.archive.title')}
      </Heading>
      <Paragraph>{t('reports.archive.intro')}</Paragraph>
      {can('report:archive') && (
        <div>
          <Button variant="secondary" onClick={() => void archive()}>
            {t('reports.archive.now', { month: monthText })}
          </Button>
        </div>
      )}
      {done && (
        <Alert data-color="success" role="status">
          {t('reports.archive.done', { month: done })}
        </Alert>
      )}
      {error && <ErrorAlert error={error} />}
      {list.data && list.data.length === 0 && <Paragraph>{t('reports.archive.none')}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <ul className="report-archive">
          {list.data.map((a) => (
            <li key={a.id}>
              <Button variant="tertiary" data-size="sm" onClick={() => void showArchived(a.id)} aria-label={t('reports.archive.show', { month: formatMonth(a.month, locale), produced: produced(a) })}>
                {formatMonth(a.month, locale)}
              </Button>{' '}
              <span className="report-muted">{produced(a)}</span>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <div className="report-archived stack">
          <Heading level={3} data-size="sm">
            {t('reports.archive.heading', { month: formatMonth(open.month, locale), produced: produced(open) })}
          </Heading>
          <div>
            <Button variant="secondary" data-size="sm" onClick={() => setOpen(null)}>
              {t('reports.archive.close')}
            </Button>
          </div>
          <MonthlyReport report={open.report} level={3} />
        </div>
      )}
    </section>
  );
}
