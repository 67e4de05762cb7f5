/**
 * A box's peeling trajectory, drawn: coverage (x) against density (y), both in per cent, one
 * point per step of peeling, the density sought as a dashed line and the chosen box marked
 * and labelled. Drawn at the width it is given (a phone's too), its text measured to fit.
 */
import { html, svg } from 'lit';
import { line, scaleLinear } from 'd3';
import type { DiscoverBox } from '../../studies/discover.ts';
import { pct } from '../../render/discover.ts';
import { fmt, t } from '../../render/i18n.ts';
import { CHART_FONT, fitText, textWidth } from './text.ts';

const BLUE = '#1a5fb4';
const ORANGE = '#c64600';

/** What the chart says for those who do not see it. */
export function discoverSummary(b: DiscoverBox): string {
  const first = b.tradeoff[0];
  const last = b.tradeoff[b.tradeoff.length - 1];
  return t('lose.chartSummary', {
    c0: pct(first?.coverage ?? NaN),
    d0: pct(first?.density ?? NaN),
    c1: pct(last?.coverage ?? NaN),
    d1: pct(last?.density ?? NaN),
    c: pct(b.coverage),
    d: pct(b.density),
  });
}

/** The trajectory of box `i` (from 1) as an SVG of at most `width` CSS pixels; `threshold` is the density sought. */
export function discoverChart(b: DiscoverBox, i: number, threshold: number, width: number) {
  const W = Math.max(280, Math.min(560, width));
  const H = Math.round(Math.min(380, Math.max(290, W * 0.72)));
  const m = { top: 30, right: 14, bottom: 44, left: 50 };
  const x = scaleLinear()
    .domain([0, 100])
    .range([m.left, W - m.right]);
  const y = scaleLinear()
    .domain([0, 100])
    .range([H - m.bottom, m.top]);
  const pts = b.tradeoff.map((s) => [x(100 * s.coverage), y(100 * s.density)] as [number, number]);
  const path = line()(pts) ?? '';
  const cx = x(100 * b.coverage);
  const cy = y(100 * b.density);
  const ticks = [0, 25, 50, 75, 100];
  const chosen = `${t('lose.chartChosen')} (${pct(b.coverage)}, ${pct(b.density)})`;
  const cw = textWidth(chosen, 11);
  // The label sits left of the mark when it would run off the right edge, below it near the top.
  const lx = cx + 10 + cw > W - m.right ? cx - 10 - cw : cx + 10;
  const ly = cy < m.top + 16 ? cy + 16 : cy - 8;
  const thr = t('lose.chartThreshold', { t: pct(threshold) });
  const title = t('lose.chartTitle', { i: fmt(i) });
  return html`<svg
    class="trajectory"
    data-box=${i}
    viewBox="0 0 ${W} ${H}"
    width=${W}
    height=${H}
    style="max-width:${W}px"
    font-family=${CHART_FONT}
    role="img"
    aria-label=${`${title}. ${discoverSummary(b)}`}
  >
    <rect width=${W} height=${H} fill="#fff"></rect>
    <text x="0" y="14" font-size="12" font-weight="600" fill="#1a1a1a">${fitText(title, W - 4, 12, 600)}</text>
    ${ticks.map(
      (v) => svg`<line x1=${x(v)} x2=${x(v)} y1=${m.top} y2=${H - m.bottom} stroke="#e3e3e3"></line>
        <line x1=${m.left} x2=${W - m.right} y1=${y(v)} y2=${y(v)} stroke="#e3e3e3"></line>
        <text x=${x(v)} y=${H - m.bottom + 14} font-size="10" text-anchor="middle" fill="#333">${fmt(v)}</text>
        <text x=${m.left - 6} y=${y(v) + 3.5} font-size="10" text-anchor="end" fill="#333">${fmt(v)}</text>`,
    )}
    <line x1=${m.left} x2=${m.left} y1=${m.top} y2=${H - m.bottom} stroke="#1a1a1a"></line>
    <line x1=${m.left} x2=${W - m.right} y1=${H - m.bottom} y2=${H - m.bottom} stroke="#1a1a1a"></line>
    <line x1=${m.left} x2=${W - m.right} y1=${y(100 * threshold)} y2=${y(100 * threshold)} stroke=${ORANGE} stroke-dasharray="5 4"></line>
    <text x=${m.left + 4} y=${y(100 * threshold) - 4} font-size="10.5" fill=${ORANGE}>${thr}</text>
    <path d=${path} fill="none" stroke=${BLUE} stroke-width="1.5"></path>
    ${pts.map(
      ([px, py], k) =>
        svg`<circle class="step" cx=${px} cy=${py} r="2.6" fill=${BLUE}><title>${pct(b.tradeoff[k].coverage)}, ${pct(b.tradeoff[k].density)}</title></circle>`,
    )}
    <g class="chosen" data-coverage=${String(b.coverage)} data-density=${String(b.density)}>
      <circle cx=${cx} cy=${cy} r="7" fill="none" stroke=${ORANGE} stroke-width="2.5"></circle>
      <circle cx=${cx} cy=${cy} r="3" fill=${ORANGE}></circle>
      <text x=${lx} y=${ly} font-size="11" font-weight="600" fill="#1a1a1a">${chosen}</text>
    </g>
    <text x=${(m.left + W - m.right) / 2} y=${H - 8} font-size="11" text-anchor="middle" fill="#1a1a1a">
      ${fitText(t('lose.chartX'), W - m.left - m.right, 11)}
    </text>
    <text transform="translate(13 ${(m.top + H - m.bottom) / 2}) rotate(-90)" font-size="11" text-anchor="middle" fill="#1a1a1a">
      ${fitText(t('lose.chartY'), H - m.top - m.bottom, 11)}
    </text>
  </svg>`;
}
