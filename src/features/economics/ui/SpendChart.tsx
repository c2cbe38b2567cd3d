import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { formatMoney } from '../../../platform/ui/format.ts';
import type { EconomicsOverviewOutput } from '../economics.schema.ts';

/** "5,4 mill. kr" for large amounts, "14 960 kr" below a million. */
const short = (ore: number, locale: 'nb' | 'en') =>
  ore >= 100_000_000
    ? `${new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 }).format(ore / 100 / 1_000_000)} mill. kr`
    : formatMoney(Math.round(ore / 100) * 100);

/**
 * The spend on external accommodation per year as bars, the baseline year as a dashed line. Inline
 * SVG: every bar has its value written on it (colour is never the only cue), the picture has a title
 * and a description, and the same numbers are in the table beside it for screen readers and print.
 */
export function SpendChart({ data }: { data: EconomicsOverviewOutput }) {
  const { t, locale } = useI18n();
  const years = data.years.filter((y) => y.externalSpendOre !== null);
  if (years.length === 0) return null;
  const max = Math.max(...years.map((y) => y.externalSpendOre!), 1);
  const firstHouseYear = data.years.find((y) => y.occupiedNights > 0)?.year ?? Infinity;
  const width = 640;
  const height = 300;
  const top = 24;
  const bottom = 40;
  const left = 8;
  const slot = (width - left * 2) / years.length;
  const barWidth = Math.min(64, slot * 0.6);
  const scale = (ore: number) => ((height - top - bottom) * ore) / max;
  const baselineY = data.baselineSpendOre !== null ? height - bottom - scale(data.baselineSpendOre) : null;
  const description = years
    .map((y) => `${y.year}: ${formatMoney(y.externalSpendOre!)}${y.year >= firstHouseYear ? ` (${t('economics.chart.withHouse')})` : ''}`)
    .join('; ');

  return (
    <figure className="stack" style={{ margin: 0 }}>
      <svg className="economics-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="spend-chart-title spend-chart-desc">
        <title id="spend-chart-title">{t('economics.chart.title')}</title>
        <desc id="spend-chart-desc">
          {description}
          {data.baselineYear !== null && `. ${t('economics.chart.baselineLine', { year: data.baselineYear, amount: formatMoney(data.baselineSpendOre ?? 0) })}`}
        </desc>
        {years.map((y, i) => {
          const h = scale(y.externalSpendOre!);
          const x = left + i * slot + (slot - barWidth) / 2;
          return (
            <g key={y.year}>
              <rect className={y.year >= firstHouseYear ? 'bar-after' : 'bar-before'} x={x} y={height - bottom - h} width={barWidth} height={Math.max(h, 1)} />
              <text x={x + barWidth / 2} y={height - bottom - h - 6} textAnchor="middle">
                {short(y.externalSpendOre!, locale)}
              </text>
              <text x={x + barWidth / 2} y={height - bottom + 18} textAnchor="middle">
                {y.year}
              </text>
            </g>
          );
        })}
        {baselineY !== null && <line className="baseline" x1={left} x2={width - left} y1={baselineY} y2={baselineY} />}
      </svg>
      <figcaption>
        <ul className="economics-legend">
          <li>
            <span aria-hidden="true" style={{ background: 'var(--ds-color-neutral-base-default)' }} />
            {t('economics.chart.before')}
          </li>
          <li>
            <span aria-hidden="true" style={{ background: 'var(--ds-color-accent-base-default)' }} />
            {t('economics.chart.after')}
          </li>
          {data.baselineYear !== null && (
            <li>
              <span aria-hidden="true" style={{ borderTop: '2px dashed var(--ds-color-danger-base-default)', height: 0 }} />
              {t('economics.chart.baseline', { year: data.baselineYear })}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
