import { barPercent, compact, niceScale, yOf } from './admin';

/** One series of a bar chart: its label, colour class and a value per category (yuan, a count…). */
export interface Series {
  key: string;
  label: string;
  values: number[];
  /** The figure shown in the bar's tooltip and table (money() text), same order as values. */
  texts: string[];
}

const HEIGHT = 160;
const PLOT_LEFT = 44;
const PLOT_TOP = 8;
const LABEL_ROOM = 22;

const dayLabel = (category: string) => category.slice(5);

/**
 * Grouped vertical bars in plain SVG: one group per category (a day), one bar per series, a rounded
 * axis with gridlines. Each bar carries data-series/data-category and a title with the exact figure.
 */
export function BarChart({ categories, series, testId, ariaLabel, labelOf = dayLabel }: {
  categories: string[]; series: Series[]; testId?: string; ariaLabel: string; labelOf?: (category: string) => string;
}) {
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const scale = niceScale(max);
  const groupWidth = Math.max(18, Math.min(56, 900 / Math.max(1, categories.length)));
  const barWidth = Math.max(4, (groupWidth - 6) / Math.max(1, series.length));
  const width = PLOT_LEFT + categories.length * groupWidth + 8;
  return (
    <div className="chart" data-testid={testId}>
      <svg width={width} height={HEIGHT + PLOT_TOP + LABEL_ROOM} role="img" aria-label={ariaLabel}>
        <g transform={`translate(0, ${PLOT_TOP})`}>
          {scale.ticks.map((tick) => {
            const y = yOf(tick, scale, HEIGHT);
            return (
              <g key={tick}>
                <line x1={PLOT_LEFT} x2={width} y1={y} y2={y} className="grid-line" />
                <text x={PLOT_LEFT - 4} y={y + 4} className="axis-label" textAnchor="end">{compact(tick)}</text>
              </g>
            );
          })}
          {categories.map((category, i) => (
            <g key={category} transform={`translate(${PLOT_LEFT + i * groupWidth + 3}, 0)`}>
              {series.map((s, j) => {
                const y = yOf(s.values[i] ?? 0, scale, HEIGHT);
                return (
                  <rect key={s.key} x={j * barWidth} y={y} width={barWidth - 1} height={HEIGHT - y}
                        className={`bar bar-${j}`} data-series={s.key} data-category={category} data-value={s.texts[i]}>
                    <title>{`${category} ${s.label}: ${s.texts[i]}`}</title>
                  </rect>
                );
              })}
              <text x={(groupWidth - 6) / 2} y={HEIGHT + 14} className="axis-label" textAnchor="middle">{labelOf(category)}</text>
            </g>
          ))}
        </g>
      </svg>
      <Legend series={series} />
    </div>
  );
}

export function Legend({ series }: { series: { key: string; label: string }[] }) {
  return (
    <div className="legend">
      {series.map((s, j) => <span key={s.key}><i className={`swatch bar-${j}`} />{s.label}</span>)}
    </div>
  );
}

/**
 * A horizontal bar per row against a full track: a share used of a plan, a rate. A mark line shows
 * a threshold (the warning percent); a bar past it is drawn as a warning, at 100 as a stop.
 */
export function MeterRows({ rows, markPercent, testId }: {
  rows: { key: string; label: string; percent: string | null; text: string }[]; markPercent?: number; testId?: string;
}) {
  return (
    <div className="meters" data-testid={testId}>
      {rows.map((row) => {
        const width = barPercent(row.percent);
        // Only a meter against a plan warns and stops; a plain share (approved of all) is just a share.
        const tone = markPercent === undefined ? 'plain' : width >= 100 ? 'stop' : width >= markPercent ? 'warn' : 'ok';
        return (
          <div className="meter-row" key={row.key} data-row={row.key} data-percent={row.percent ?? ''}>
            <span className="meter-label">{row.label}</span>
            <span className="meter-track">
              <span className={`meter-fill meter-${tone}`} style={{ width: `${width}%` }} />
              {markPercent !== undefined ? <span className="meter-mark" style={{ left: `${markPercent}%` }} /> : null}
            </span>
            <span className="meter-text">{row.text}</span>
          </div>
        );
      })}
    </div>
  );
}
