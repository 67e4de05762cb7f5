/**
 * Why two structures differ, drawn: for each headline figure, the difference B − A and the
 * four parts it is made of (Shapley values) as bars either side of zero, each with its paired
 * 95% interval, one panel per figure on its own scale. The panels sit two abreast on a wide
 * screen, one above the other on a phone; the text is measured (text.ts) so that it fits.
 */
import { html, svg } from 'lit';
import { scaleLinear } from 'd3';
import { COMPARED_PARTS } from '../../scenarios/parts.ts';
import { figure, metricLabel, WHY_METRICS, withHalf, type StructuralResult } from '../../render/structural.ts';
import { fmt, t } from '../../render/i18n.ts';
import { CHART_FONT, fitText, textWidth } from './text.ts';

/** The colour of the difference and of each part (3:1 on white or better). */
export const PART_COLOUR: Record<'total' | 'interactions' | (typeof COMPARED_PARTS)[number], string> = {
  total: '#3d3846',
  interactions: '#77767b',
  structure: '#1a5fb4',
  resources: '#26783c',
  policy: '#c64600',
  calendars: '#6b3fa0',
};

const FONT = 11;
const ROW = 19;
const HEAD = 34;
const AXIS = 22;
const GAP = 22;

/** A shown unit's scale (shares in percentage points, yearly yuan in millions). */
const scaleOf = (unit: string) => (unit === 'share' ? 100 : unit === 'yuan/year' ? 1e-6 : 1);

/** The rows of one panel: the difference, each part, then what the parts do only together (already shared among them). */
function rowsOf(d: StructuralResult['rows'][number]) {
  return [
    { key: 'total' as const, label: t('why.difference'), i: d.total },
    ...d.parts.map((p) => ({ key: p.part, label: t(`part.${p.part}`), i: p.shapley })),
    { key: 'interactions' as const, label: t('why.interactionsRow'), i: d.interactions },
  ];
}

/** Rows per panel. */
const ROWS = 6;

/** What the chart says for those who do not see it, one sentence per figure. */
export function whySummary(r: StructuralResult): string {
  return r.rows
    .filter((d) => (WHY_METRICS as readonly string[]).includes(d.metric))
    .map((d) => {
      const part = (p: string) => {
        const s = d.parts.find((x) => x.part === p)!.shapley;
        return withHalf(s.mean, s.half, d.unit);
      };
      return t('why.chartSummary', {
        metric: metricLabel(d.metric),
        total: withHalf(d.total.mean, d.total.half, d.unit),
        structure: part('structure'),
        resources: part('resources'),
        policy: part('policy'),
        calendars: part('calendars'),
        interactions: withHalf(d.interactions.mean, d.interactions.half, d.unit),
      });
    })
    .join(' ');
}

/** The chart as an SVG of `width` CSS pixels. */
export function whyChart(r: StructuralResult, width: number) {
  const rows = WHY_METRICS.flatMap((m) => r.rows.filter((d) => d.metric === m));
  const W = Math.max(300, Math.min(1100, width));
  const cols = W >= 760 ? 2 : 1;
  const pw = (W - GAP * (cols - 1)) / cols;
  const labelW = Math.min(Math.max(...rowsOf(rows[0] ?? r.rows[0]).map((x) => textWidth(x.label, FONT))) + 8, Math.round(pw * 0.3));
  const valueW = Math.min(118, Math.round(pw * 0.3));
  const ph = HEAD + ROWS * ROW + AXIS;
  const H = Math.ceil(rows.length / cols) * (ph + 14) + 4;
  const panels = rows.map((d, k) => {
    const x0 = (k % cols) * (pw + GAP);
    const y0 = Math.floor(k / cols) * (ph + 14);
    const k1 = scaleOf(d.unit);
    const items = rowsOf(d);
    const ends = items.flatMap((x) => [x.i.mean, x.i.low, x.i.high].filter(Number.isFinite)).map((v) => v * k1);
    const lo = Math.min(0, ...ends);
    const hi = Math.max(0, ...ends);
    const x = scaleLinear()
      .domain(lo === hi ? [-1, 1] : [lo, hi])
      .range([x0 + labelW, x0 + pw - valueW - 6])
      .nice(4);
    const clamp = (v: number) => x(Math.max(x.domain()[0], Math.min(x.domain()[1], v)));
    const unit = figure(0, 1, d.unit).unit;
    const title = fitText(`${metricLabel(d.metric)} (${unit})`, pw - 4, 12, 600);
    const ticks = x.ticks(4);
    return svg`<g class="panel" data-metric=${d.metric}>
      <title>${metricLabel(d.metric)}</title>
      <text x=${x0} y=${y0 + 14} font-size="12" font-weight="600" fill="#1a1a1a">${title}</text>
      ${ticks.map(
        (
          v,
        ) => svg`<line x1=${x(v)} x2=${x(v)} y1=${y0 + HEAD - 6} y2=${y0 + HEAD + ROWS * ROW} stroke=${v === 0 ? '#1a1a1a' : '#ddd'} stroke-width=${v === 0 ? 1.2 : 1}></line>
          <text x=${x(v)} y=${y0 + HEAD + ROWS * ROW + 14} font-size="10" text-anchor="middle" fill="#333">${fmt(v, Math.max(0, -Math.floor(Math.log10(Math.max(1e-9, ticks.length > 1 ? ticks[1] - ticks[0] : 1)))))}</text>`,
      )}
      ${items.map((it, i) => {
        const y = y0 + HEAD + i * ROW;
        const m = it.i.mean * k1;
        const bar = Number.isFinite(m) ? [Math.min(x(0), clamp(m)), Math.abs(clamp(m) - x(0))] : [x(0), 0];
        const [l, h] = [it.i.low * k1, it.i.high * k1];
        return svg`<g class="bar" data-part=${it.key} data-mean=${String(it.i.mean)} data-half=${String(it.i.half)}>
          <text x=${x0 + labelW - 6} y=${y + 13} font-size=${FONT} text-anchor="end" fill="#1a1a1a" font-weight=${it.key === 'total' ? 600 : 400}>${fitText(it.label, labelW - 8)}</text>
          <rect x=${bar[0]} y=${y + 3} width=${Math.max(0.5, bar[1])} height=${ROW - 6} fill=${PART_COLOUR[it.key]} fill-opacity=${it.key === 'interactions' ? 0.55 : 1}><title>${it.label}: ${withHalf(it.i.mean, it.i.half, d.unit)}</title></rect>
          ${
            Number.isFinite(l) && Number.isFinite(h)
              ? svg`<line x1=${clamp(l)} x2=${clamp(h)} y1=${y + ROW / 2} y2=${y + ROW / 2} stroke="#1a1a1a" stroke-width="1.3"></line>
                <line x1=${clamp(l)} x2=${clamp(l)} y1=${y + 5} y2=${y + ROW - 5} stroke="#1a1a1a"></line>
                <line x1=${clamp(h)} x2=${clamp(h)} y1=${y + 5} y2=${y + ROW - 5} stroke="#1a1a1a"></line>`
              : ''
          }
          <text x=${x0 + pw} y=${y + 13} font-size="10.5" text-anchor="end" fill="#1a1a1a" font-variant-numeric="tabular-nums">${fitText(withHalf(it.i.mean, it.i.half, d.unit).replace(` ${unit}`, ''), valueW)}</text>
        </g>`;
      })}
    </g>`;
  });
  return html`<svg
    id="why-chart"
    viewBox="0 0 ${W} ${H}"
    width=${W}
    height=${H}
    style="max-width:${W}px"
    font-family=${CHART_FONT}
    role="img"
    aria-label=${whySummary(r)}
  >
    <rect width=${W} height=${H} fill="#fff"></rect>
    ${panels}
  </svg>`;
}
