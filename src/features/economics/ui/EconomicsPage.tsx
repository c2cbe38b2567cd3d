import '../../payments/ui/payments.css';
import { useState } from 'react';
import { Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatMoney } from '../../../platform/ui/format.ts';
import type { EconomicsOverviewOutput } from '../economics.schema.ts';
import { SpendChart } from './SpendChart.tsx';
import { EconomicsForms } from './EconomicsForms.tsx';

const money = (ore: number | null) => (ore === null ? '–' : formatMoney(ore));

/** /okonomi: what the house costs a night beside what NAV pays outside, external spend per year and the savings. */
export function EconomicsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [baseline, setBaseline] = useState<string>('');
  const overview = useApi<EconomicsOverviewOutput>(`/api/economics${baseline ? `?baselineYear=${baseline}` : ''}`);

  if (overview.error) return <ErrorAlert error={overview.error} />;
  if (!overview.data) return <Loading />;
  const o = overview.data;
  const withBudget = [...o.years].reverse().find((y) => y.costPerNightOre !== null);
  const spendYears = o.years.filter((y) => y.externalSpendOre !== null);

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('economics.title')}
      </Heading>
      <Paragraph>{t('economics.intro')}</Paragraph>

      <dl className="payments-totals" aria-label={t('economics.keyFigures')}>
        <div>
          <dt>{withBudget ? t('economics.costPerNightYear', { year: withBudget.year }) : t('economics.costPerNight')}</dt>
          <dd>{money(withBudget?.costPerNightOre ?? null)}</dd>
        </div>
        <div>
          <dt>{t('economics.externalPerNight')}</dt>
          <dd>{money(o.averageExternalPerNightOre)}</dd>
        </div>
        <div>
          <dt>{o.baselineYear !== null ? t('economics.totalSavingsSince', { year: o.baselineYear }) : t('economics.totalSavings')}</dt>
          <dd>{formatMoney(o.totalSavingsOre)}</dd>
        </div>
      </dl>
      {withBudget && o.averageExternalPerNightOre !== null && (
        <Paragraph>
          {t('economics.compareSentence', {
            year: withBudget.year,
            house: formatMoney(withBudget.costPerNightOre!),
            external: formatMoney(o.averageExternalPerNightOre),
          })}
        </Paragraph>
      )}

      <section className="stack" aria-labelledby="spend-title">
        <Heading level={2} data-size="md" id="spend-title">
          {t('economics.spendTitle')}
        </Heading>
        <div className="payments-inline">
          <Field>
            <Label htmlFor="baseline-year">{t('economics.baselineYear')}</Label>
            <Select id="baseline-year" value={baseline || String(o.baselineYear ?? '')} onChange={(e) => setBaseline(e.target.value)}>
              {spendYears.map((y) => (
                <Select.Option key={y.year} value={String(y.year)}>
                  {y.year}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
        {spendYears.length === 0 ? <Paragraph>{t('economics.noSpend')}</Paragraph> : <SpendChart data={o} />}
        <TableScroll label={t('economics.tableTitle')}>
          <Table>
            <caption>{t('economics.tableTitle')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('economics.year')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economics.externalSpend')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economics.households')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economics.savings')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economics.budget')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economics.occupiedNights')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economics.costPerNight')}</Table.HeaderCell>
                <Table.HeaderCell>{t('economics.externalPerNightShort')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {o.years.filter((y) => y.externalSpendOre !== null || y.budgetOre !== null || y.occupiedNights > 0).map((y) => (
                <Table.Row key={y.year}>
                  <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
                  <Table.Cell className="payments-amount">
                    {money(y.externalSpendOre)}
                    {y.externalSource === 'purchases' && ` (${t('economics.fromPurchases')})`}
                  </Table.Cell>
                  <Table.Cell>{y.households ?? '–'}</Table.Cell>
                  <Table.Cell className="payments-amount">{money(y.savingsOre)}</Table.Cell>
                  <Table.Cell className="payments-amount">{money(y.budgetOre)}</Table.Cell>
                  <Table.Cell>{y.occupiedNights}</Table.Cell>
                  <Table.Cell className="payments-amount">{money(y.costPerNightOre)}</Table.Cell>
                  <Table.Cell className="payments-amount">{money(y.externalPerNightOre)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
        <Paragraph data-size="sm">{t('economics.howCounted')}</Paragraph>
      </section>

      {can('economics:write') && <EconomicsForms onSaved={() => void overview.reload()} />}
    </div>
  );
}
