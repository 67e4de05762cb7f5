import { LitElement, css, html } from 'lit';
import * as d3 from 'd3';
import { fmt, t } from '../i18n.ts';
import { downloadPng, downloadSvg } from './export.ts';

export interface Line {
  label: string;
  color: string;
  x: number[];
  y: number[];
  dashed?: boolean;
}

export interface Panel {
  title: string;
  lines?: Line[];
  /** A bar chart instead of lines: one bar per label. */
  bars?: { labels: string[]; values: number[]; color: string };
  /** A line of text under the panel title. */
  note?: string;
}

export interface RefLine {
  value: number;
  label: string;
}

/**
 * A chart of one quantity for every structure compared: one panel per structure, side by
 * side, on the same scales. It only draws what it is given; downloads as PNG or SVG.
 *
 * @property panels - one per structure
 */
export class FgChart extends LitElement {
  static properties = {
    heading: { type: String },
    chartId: { type: String, attribute: 'chart-id' },
    panels: { attribute: false },
    xLabel: { type: String },
    xMax: { type: Number },
    yLabel: { type: String },
    percent: { type: Boolean },
    refY: { attribute: false },
    refX: { attribute: false },
    yMin: { type: Number },
    yMax: { type: Number },
    empty: { type: String },
  };

  declare heading: string;
  declare chartId: string;
  declare panels: Panel[];
  declare xLabel: string;
  declare xMax: number | undefined;
  declare yLabel: string;
  declare percent: boolean;
  declare refY: RefLine[];
  declare refX: RefLine[];
  declare yMin: number | undefined;
  declare yMax: number | undefined;
  declare empty: string;
  private width = 900;
  private observer?: ResizeObserver;

  static styles = css`
    :host { display: block; margin: 0 0 1.25rem; }
    header { display: flex; align-items: baseline; gap: 0.75rem; flex-wrap: wrap; }
    h3 { font-size: 1rem; margin: 0; flex: 1; }
    button { font: inherit; font-size: 0.8rem; padding: 0.15rem 0.5rem; border: 1px solid #767676; background: #fff; color: #1a1a1a; border-radius: 3px; cursor: pointer; }
    button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 1px; }
    svg { display: block; width: 100%; height: auto; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.8rem; margin: 0.25rem 0; color: #333; }
    .key { display: inline-block; width: 1.2em; height: 0.25em; vertical-align: middle; margin-right: 0.3em; }
  `;

  constructor() {
    super();
    this.heading = '';
    this.chartId = 'chart';
    this.panels = [];
    this.xLabel = '';
    this.yLabel = '';
    this.percent = false;
    this.refY = [];
    this.refX = [];
    this.empty = '';
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0].contentRect.width);
      if (w > 0 && Math.abs(w - this.width) > 4) {
        this.width = w;
        this.draw();
      }
    });
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  private get svg(): SVGSVGElement {
    return this.renderRoot.querySelector('svg')!;
  }

  render() {
    const lines = this.panels.find((p) => p.lines)?.lines ?? [];
    return html`
      <header>
        <h3 id="title">${this.heading}</h3>
        <button @click=${() => downloadPng(this.svg, this.chartId)} aria-label=${t('export.pngLabel', { chart: this.heading })}>${t('export.png')}</button>
        <button @click=${() => downloadSvg(this.svg, this.chartId)} aria-label=${t('export.svgLabel', { chart: this.heading })}>${t('export.svg')}</button>
      </header>
      ${lines.length > 1
        ? html`<div class="legend">${lines.map((l) => html`<span><span class="key" style="background:${l.color}"></span>${l.label}</span>`)}</div>`
        : ''}
      <svg role="img" aria-labelledby="title"></svg>
    `;
  }

  updated(): void {
    this.draw();
  }

  private draw(): void {
    const svgEl = this.renderRoot.querySelector('svg');
    if (!svgEl) return;
    const panels = this.panels;
    const n = Math.max(1, panels.length);
    const W = Math.max(320, this.width);
    const H = 230;
    const hasNotes = panels.some((p) => p.note);
    const m = { top: hasNotes ? 40 : 26, right: 12, bottom: 38, left: 58 };
    const gap = 18;
    const pw = (W - m.left - m.right - gap * (n - 1)) / n;
    const ph = H - m.top - m.bottom;
    const svg = d3.select(svgEl).attr('viewBox', `0 0 ${W} ${H}`).attr('width', W).attr('height', H)
      .attr('font-family', 'system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif').attr('font-size', 11);
    svg.selectAll('*').remove();
    svg.append('rect').attr('width', W).attr('height', H).attr('fill', '#fff');

    // Shared scales.
    const allY: number[] = [];
    const allX: number[] = [];
    for (const p of panels) {
      for (const l of p.lines ?? []) {
        l.y.forEach((v) => Number.isFinite(v) && allY.push(v));
        l.x.forEach((v) => allX.push(v));
      }
      if (p.bars) p.bars.values.forEach((v) => allY.push(v));
    }
    for (const r of this.refY) allY.push(r.value);
    const hasData = panels.some((p) => (p.lines ?? []).some((l) => l.x.length > 0) || (p.bars && p.bars.values.some((v) => v > 0)));
    const y0 = this.yMin ?? Math.min(0, d3.min(allY) ?? 0);
    const y1 = this.yMax ?? Math.max(d3.max(allY) ?? 1, y0 + (this.percent ? 0.01 : 1));
    const y = d3.scaleLinear().domain([y0, y1]).nice().range([ph, 0]);
    const x = d3.scaleLinear().domain([d3.min(allX) ?? 0, this.xMax ?? Math.max(d3.max(allX) ?? 1, 1)]).range([0, pw]);
    const yFmt = (v: d3.NumberValue) => (this.percent ? `${fmt(100 * Number(v), 0)}%` : fmt(Number(v), Math.abs(Number(v)) < 10 && y1 < 10 ? 1 : 0));

    svg.append('text').attr('x', 12).attr('y', m.top + ph / 2).attr('transform', `rotate(-90 12 ${m.top + ph / 2})`)
      .attr('text-anchor', 'middle').attr('fill', '#333').text(this.yLabel);

    panels.forEach((p, i) => {
      const g = svg.append('g').attr('transform', `translate(${m.left + i * (pw + gap)},${m.top})`);
      g.append('text').attr('x', 0).attr('y', hasNotes ? -24 : -10).attr('font-weight', 600).attr('fill', '#1a1a1a').text(p.title);
      if (p.note) g.append('text').attr('x', 0).attr('y', -9).attr('fill', '#333').text(p.note);
      g.append('g').call(d3.axisLeft(y).ticks(5).tickFormat(i === 0 ? yFmt : () => '').tickSize(-pw))
        .call((a) => a.selectAll('line').attr('stroke', '#ddd'))
        .call((a) => a.select('.domain').remove())
        .call((a) => a.selectAll('text').attr('fill', '#333'));
      if (p.bars) {
        const bx = d3.scaleBand().domain(p.bars.labels).range([0, pw]).padding(0.15);
        g.append('g').selectAll('rect').data(p.bars.values).join('rect')
          .attr('x', (_, k) => bx(p.bars!.labels[k])!).attr('width', bx.bandwidth())
          .attr('y', (v) => y(Math.max(0, v))).attr('height', (v) => Math.abs(y(0) - y(v))).attr('fill', p.bars.color);
        g.append('g').attr('transform', `translate(0,${ph})`).call(d3.axisBottom(bx).tickValues(p.bars.labels.filter((_, k) => k % 2 === 0)))
          .call((a) => a.selectAll('text').attr('fill', '#333'));
        for (const [k, r] of this.refX.entries()) {
          const idx = Math.round(r.value);
          const xv = (bx(p.bars.labels[idx]) ?? 0) + bx.bandwidth();
          g.append('line').attr('x1', xv).attr('x2', xv).attr('y1', 0).attr('y2', ph).attr('stroke', '#b00').attr('stroke-dasharray', '4 3');
          const right = xv > pw * 0.6;
          g.append('text').attr('x', right ? xv - 3 : xv + 3).attr('y', 10 + 13 * k).attr('text-anchor', right ? 'end' : 'start').attr('fill', '#b00').text(r.label);
        }
      } else {
        g.append('g').attr('transform', `translate(0,${ph})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(pw / 70))).tickFormat((v) => fmt(Number(v))))
          .call((a) => a.selectAll('text').attr('fill', '#333'));
        for (const l of p.lines ?? []) {
          const pts = l.x.map((xv, k) => [xv, l.y[k]] as [number, number]).filter(([, yv]) => Number.isFinite(yv));
          g.append('path').attr('d', d3.line()(pts.map(([a, b]) => [x(a), y(b)])) ?? '').attr('fill', 'none')
            .attr('stroke', l.color).attr('stroke-width', 1.8).attr('stroke-dasharray', l.dashed ? '5 3' : null);
        }
      }
      for (const r of this.refY) {
        g.append('line').attr('x1', 0).attr('x2', pw).attr('y1', y(r.value)).attr('y2', y(r.value)).attr('stroke', '#b00').attr('stroke-dasharray', '4 3');
        g.append('text').attr('x', pw - 2).attr('y', y(r.value) - 4).attr('text-anchor', 'end').attr('fill', '#b00').text(r.label);
      }
      g.append('text').attr('x', pw / 2).attr('y', ph + 32).attr('text-anchor', 'middle').attr('fill', '#333').text(this.xLabel);
      if (!hasData && this.empty) g.append('text').attr('x', pw / 2).attr('y', ph / 2).attr('text-anchor', 'middle').attr('fill', '#555').text(this.empty);
    });
  }
}

customElements.define('fg-chart', FgChart);

declare global {
  interface HTMLElementTagNameMap {
    'fg-chart': FgChart;
  }
}
