// Small hand-drawn SVG charts. Each is one image for assistive technology (role="img" with a summary
// in words); the numbers themselves are in a table beside it. Series differ by colour AND by fill
// pattern, so they stay apart in greyscale print and for readers who do not see the colours. In a
// right-to-left language the charts are mirrored: time runs from right to left and bars grow leftwards.
import { useId, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';

type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical' | 'back-diagonal';
interface SeriesStyle { color: string; pattern: PatternKind }

// Every colour has at least 4.5:1 contrast with white (the page and the pattern lines).
const STYLES: Record<string, SeriesStyle> = {
  trademark: { color: '#0b4f8a', pattern: 'solid' },
  patent: { color: '#a34f00', pattern: 'diagonal' },
  'utility-model': { color: '#1d6b35', pattern: 'dots' },
  design: { color: '#6b3fa0', pattern: 'cross' },
  gi: { color: '#a4161a', pattern: 'horizontal' },
  recordal: { color: '#4d5866', pattern: 'vertical' },
  opposition: { color: '#7a4f00', pattern: 'back-diagonal' },
};
const FALLBACK: SeriesStyle[] = [{ color: '#2f4f6f', pattern: 'diagonal' }, { color: '#5b3a29', pattern: 'dots' }];

export function styleOf(series: string, index = 0): SeriesStyle {
  // A child proceeding ('trademark-opposition') is drawn as its own kind ('opposition').
  return STYLES[series] ?? STYLES[series.split('-').pop() ?? ''] ?? FALLBACK[index % FALLBACK.length];
}

/** SVG ids must not carry the characters React puts in useId values. */
const cleanId = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '');

function Pattern({ id, style }: { id: string; style: SeriesStyle }) {
  const line = { stroke: '#fff', strokeWidth: 1.6 };
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="8" height="8">
      <rect width="8" height="8" fill={style.color} />
      {style.pattern === 'diagonal' ? <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...line} /> : null}
      {style.pattern === 'back-diagonal' ? <path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {...line} /> : null}
      {style.pattern === 'dots' ? <circle cx="4" cy="4" r="1.6" fill="#fff" /> : null}
      {style.pattern === 'cross' ? <path d="M0,4 h8 M4,0 v8" {...line} /> : null}
      {style.pattern === 'horizontal' ? <path d="M0,4 h8" {...line} /> : null}
      {style.pattern === 'vertical' ? <path d="M4,0 v8" {...line} /> : null}
    </pattern>
  );
}

function useSeriesFills(series: string[]) {
  const base = cleanId(useId());
  const ids = Object.fromEntries(series.map((s) => [s, `${base}-${cleanId(s)}`]));
  const defs = <defs>{series.map((s, i) => <Pattern key={s} id={ids[s]} style={styleOf(s, i)} />)}</defs>;
  return { fill: (s: string) => `url(#${ids[s]})`, defs };
}

/** The key to the series: a swatch (same colour and pattern as the bars) and the name. */
export function Legend({ series, label }: { series: { key: string; label: string }[]; label: string }) {
  const { fill, defs } = useSeriesFills(series.map((s) => s.key));
  return (
    <div className="chart-legend">
      <svg width="0" height="0" aria-hidden="true" focusable="false" className="chart-defs">{defs}</svg>
      <ul aria-label={label}>
        {series.map((s) => (
          <li key={s.key}>
            <svg width="18" height="18" aria-hidden="true" focusable="false"><rect width="18" height="18" rx="3" fill={fill(s.key)} stroke="#1b2430" strokeWidth="0.5" /></svg>
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A chart figure: title, the image, and the same numbers as a table in a disclosure. */
export function ChartFigure({ id, title, children, table, testId }: { id: string; title: string; children: ReactNode; table: ReactNode; testId?: string }) {
  const i18n = useI18n();
  return (
    <section className="card chart" aria-labelledby={`${id}-h`} data-testid={testId}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
      <details className="chart-table">
        <summary>{i18n.t('admin.dash.showTable')}</summary>
        {table}
      </details>
    </section>
  );
}

function niceMax(v: number): number {
  if (v <= 4) return 4;
  const mag = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= v) return m * mag;
  return 10 * mag;
}

export interface StackedColumn { key: string; label: string; values: Record<string, number> }

/** Columns (one per period) stacked by series, with a value axis. */
export function StackedColumns({ columns, series, summary }: { columns: StackedColumn[]; series: string[]; summary: string }) {
  const i18n = useI18n();
  const rtl = i18n.dir === 'rtl';
  const { fill, defs } = useSeriesFills(series);
  const W = 480; const H = 240; const top = 16; const bottom = 30; const axis = 34; const end = 6;
  const plotW = W - axis - end; const plotH = H - top - bottom;
  const total = (c: StackedColumn) => series.reduce((n, s) => n + (c.values[s] ?? 0), 0);
  const max = niceMax(Math.max(0, ...columns.map(total)));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f * 100) / 100);
  const band = columns.length ? plotW / columns.length : plotW;
  const barW = Math.min(34, band * 0.72);
  // Every column keeps its bar; its date is written only where there is room (the table has them all).
  const labelEvery = Math.max(1, Math.ceil(46 / band));
  // Positions are computed left-to-right, then mirrored for a right-to-left reader.
  const X = (x: number) => (rtl ? W - x : x);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="chart-svg" role="img" aria-label={summary} direction="ltr" focusable="false">
      {defs}
      {ticks.map((t) => (
        <g key={t}>
          <line x1={X(axis)} x2={X(W - end)} y1={y(t)} y2={y(t)} stroke={t === 0 ? '#1b2430' : '#d5dbe3'} strokeWidth={t === 0 ? 1.2 : 1} />
          <text x={X(axis - 6)} y={y(t) + 4} textAnchor={rtl ? 'start' : 'end'} className="chart-tick">{i18n.number(t)}</text>
        </g>
      ))}
      {columns.map((c, i) => {
        const cx = axis + band * i + band / 2;
        let acc = 0;
        return (
          <g key={c.key}>
            {series.map((s) => {
              const v = c.values[s] ?? 0;
              if (!v) return null;
              const y0 = y(acc + v); const h = y(acc) - y(acc + v);
              acc += v;
              return <rect key={s} x={X(cx) - barW / 2} y={y0} width={barW} height={h} fill={fill(s)} stroke="#fff" strokeWidth="1" />;
            })}
            {total(c) > 0 ? <text x={X(cx)} y={y(total(c)) - 3} textAnchor="middle" className="chart-value">{i18n.number(total(c))}</text> : null}
            {(columns.length - 1 - i) % labelEvery === 0 ? <text x={X(cx)} y={H - bottom + 17} textAnchor="middle" className="chart-tick">{c.label}</text> : null}
          </g>
        );
      })}
    </svg>
  );
}

export interface Bar { key: string; label: string; value: number; valueLabel: string; series: string }

/** Horizontal bars, each with its label above it and its value at its end. */
export function HorizontalBars({ bars, summary, series }: { bars: Bar[]; summary: string; series: string[] }) {
  const i18n = useI18n();
  const rtl = i18n.dir === 'rtl';
  const { fill, defs } = useSeriesFills(series);
  const W = 480; const row = 44; const pad = 4; const valueRoom = 150;
  const H = Math.max(row, bars.length * row) + pad;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const X = (x: number) => (rtl ? W - x : x);
  const anchorStart = rtl ? 'end' : 'start';
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="chart-svg" role="img" aria-label={summary} direction="ltr" focusable="false">
      {defs}
      {bars.map((b, i) => {
        const y = pad + i * row;
        const w = Math.max(2, (b.value / max) * (W - valueRoom));
        return (
          <g key={b.key}>
            <text x={X(0)} y={y + 14} textAnchor={anchorStart} className="chart-label">{b.label}</text>
            <rect x={rtl ? W - w : 0} y={y + 20} width={w} height={16} fill={fill(b.series)} stroke="#fff" strokeWidth="1" />
            <text x={X(w + 6)} y={y + 33} textAnchor={anchorStart} className="chart-value">{b.valueLabel}</text>
          </g>
        );
      })}
    </svg>
  );
}
