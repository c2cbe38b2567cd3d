import { useId } from 'react';

export interface Bar {
  label: string;
  value: number | null;
  /** The value as the reader should hear and see it ("80,5 %", "–"). */
  text: string;
}

/**
 * A horizontal bar chart as inline SVG. Accessible: role="img" with a title and a description that
 * reads every bar in words, so a screen reader gets the same as the eye; the numbers are printed by
 * each bar, and the table beside the chart holds them too. Colours pass 3:1 against the background.
 */
export function BarChart({ title, bars, max }: { title: string; bars: Bar[]; max?: number }) {
  const id = useId();
  const rowHeight = 28;
  const labelWidth = 170;
  const valueWidth = 70;
  const plotWidth = 300;
  const width = labelWidth + plotWidth + valueWidth;
  const height = bars.length * rowHeight + 8;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value ?? 0), 1);
  const description = bars.map((b) => `${b.label}: ${b.text}`).join('; ');
  return (
    <figure className="report-chart">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {bars.map((b, i) => {
          const y = i * rowHeight + 4;
          const w = b.value === null ? 0 : Math.max(1, (b.value / top) * plotWidth);
          return (
            <g key={b.label} aria-hidden="true">
              <text x={labelWidth - 8} y={y + rowHeight / 2 + 4} textAnchor="end" fontSize="13" fill="currentColor">
                {b.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={w} height={rowHeight - 10} rx="2" className="report-chart-bar" />
              <text x={labelWidth + w + 6} y={y + rowHeight / 2 + 4} fontSize="13" fill="currentColor">
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="report-chart-caption">{title}</figcaption>
    </figure>
  );
}
