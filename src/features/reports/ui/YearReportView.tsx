import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDay, formatFigure, formatMonthShort } from '../reports.format.ts';
import type { KostraOutput, YearReportOutput } from '../reports.schema.ts';

const todayInOslo = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

/** Before the deadline (15 February) the year to report is last year; the page opens on it. */
function defaultYear(): number {
  return Number(todayInOslo().slice(0, 4)) - 1;
}

/** The year tab: KOSTRA form 13 first (with its deadline), then every figure month by month. */
export function YearReportView() {
  const { t } = useI18n();
  const [year, setYear] = useState(defaultYear);
  const [input, setInput] = useState(String(year));
  const report = useApi<YearReportOutput>(`/api/reports/year/${year}`);
  const show = (e: FormEvent) => {
    e.preventDefault();
    if (/^\d{4}$/.test(input)) setYear(Number(input));
  };
  return (
    <div className="stack">
      <form className="report-controls" onSubmit={show}>
        <Textfield label={t('reports.year')} inputMode="numeric" value={input} onChange={(e) => setInput(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('reports.show')}
        </Button>
      </form>
      {report.error && <ErrorAlert error={report.error} />}
      {!report.data && !report.error && <Loading />}
      {report.data && (
        <>
          <Kostra kostra={report.data.kostra} />
          <YearTable report={report.data} />
        </>
      )}
    </div>
  );
}

function Kostra({ kostra }: { kostra: KostraOutput }) {
  const { t, locale } = useI18n();
  const d = kostra.definitions;
  const rows: [string, number | null, 'count' | 'percent'][] = [
    ['households', kostra.households, 'count'],
    ['householdsWithChildren', kostra.householdsWithChildren, 'count'],
    ['shareWithChildrenOverThreeMonths', kostra.shareWithChildrenOverThreeMonths, 'percent'],
    ['shareUpTo14Days', kostra.shareUpTo14Days, 'percent'],
  ];
  const passed = kostra.deadline < todayInOslo();
  return (
    <section className="report-section" aria-labelledby="kostra-title">
      <Heading level={2} data-size="md" id="kostra-title">
        {t('reports.kostra.title', { year: kostra.year })}
      </Heading>
      <Alert data-color={passed ? 'info' : 'warning'}>
        {t(passed ? 'reports.kostra.deadlinePassed' : 'reports.kostra.deadline', { year: kostra.year, date: formatDay(kostra.deadline) })}
      </Alert>
      <Paragraph>{t('reports.kostra.intro')}</Paragraph>
      <TableScroll label={t('reports.kostra.title', { year: kostra.year })}>
        <Table className="report-table">
          <Table.Body>
            {rows.map(([key, value, unit]) => (
              <Table.Row key={key} data-figure={key}>
                <Table.HeaderCell scope="row">
                  <span className="report-label">{d[key]!.label[locale]}</span>
                  <span className="report-definition">{d[key]!.definition[locale]}</span>
                </Table.HeaderCell>
                <Table.Cell className="num">{formatFigure(value, unit, locale)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <nav className="report-downloads" aria-label={t('reports.downloads')}>
        <Link href={`/api/reports/kostra/${kostra.year}/kostra.xlsx`} download>
          {t('reports.kostra.downloadXlsx')}
        </Link>
        <Link href={`/api/reports/kostra/${kostra.year}/kostra.csv`} download>
          {t('reports.kostra.downloadCsv')}
        </Link>
        <Link href={`/api/reports/year/${kostra.year}/report.xlsx`} download>
          {t('reports.year.downloadXlsx')}
        </Link>
      </nav>
    </section>
  );
}

function YearTable({ report }: { report: YearReportOutput }) {
  const { t, locale } = useI18n();
  return (
    <section className="report-section" aria-labelledby="year-table">
      <Heading level={2} data-size="md" id="year-table">
        {t('reports.yearTable', { year: report.year })}
      </Heading>
      {report.sections.map((s) => (
        <TableScroll key={s.key} label={s.title[locale]}>
          <Table className="report-table report-year" data-size="sm">
            <caption>{s.title[locale]}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('reports.figure')}</Table.HeaderCell>
                {report.months.map((m) => (
                  <Table.HeaderCell key={m} className="num">
                    {formatMonthShort(m, locale)}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {s.figures.map((f) => (
                <Table.Row key={f.key}>
                  <Table.HeaderCell scope="row" title={f.definition[locale]}>
                    {f.label[locale]}
                  </Table.HeaderCell>
                  {f.values.map((v, i) => (
                    <Table.Cell key={report.months[i]} className="num">
                      {formatFigure(v, f.unit, locale)}
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ))}
    </section>
  );
}
