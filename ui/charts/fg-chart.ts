import { LitElement, css, html } from 'lit';
import * as d3 from 'd3';
import { fmt, t } from '../../render/i18n.ts';
import { copyEmbedCode, downloadPng, downloadSvg, embedIframe, svgText, type ExportMeta } from './export.ts';
import type { ChartHover } from './hover.ts';
import { CHART_FONT, fitText, textWidth } from './text.ts';

export interface Line {
  label: string;
  color: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  dashed?: boolean;
}

export interface Panel {
  title: string;
  lines?: Line[];
  /** A bar chart instead of lines: one bar per label. */
  bars?: { labels: string[]; values: number[]; color: string; label: string };
  /** A line of text under the panel title. */
  note?: string;
}

export interface RefLine {
  value: number;
  label: string;
  /** A short label on the line; the full one then goes in the legend. */
  short?: string;
}

/** What an export says besides the chart: the structures, seed and days (see ExportMeta). */
export interface ChartContext {
  lines: string[];
  source: string;
}

/** Text size and line height of the drawing (the hover label's too). */
export const FONT = 11;
const REF_COLOUR = '#a51d2d';
export const ROW = 14;
/** Below this width panels are stacked rather than side by side. */
const STACK_BELOW = 620;

interface Geometry {
  W: number;
  H: number;
  cols: number;
  pw: number;
  ph: number;
  /** Height of the header of every panel (title, note, legend, unit). */
  head: number;
  left: number;
  gapX: number;
  gapY: number;
}

interface LineState {
  /** The x array drawn from: another array means another run, drawn anew. */
  src?: ArrayLike<number>;
  path: SVGPathElement;
  dot: SVGCircleElement;
  n: number;
  d: string;
  prevFinite: boolean;
}

/** The keys a focused chart answers with its values (see hover.ts). */
const HOVER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);

/** Charts waiting to be drawn while a run is live. */
const waiting = new Set<FgChart>();
let frameAsked = false;
let idleAsked = false;
/**
 * Drawing time per animation frame, and per idle callback: charts past it wait for the next.
 * Short, since on a busy machine a task that is preempted takes several times its own time
 * (a frame's drawing is followed by its style, layout and paint, as long again).
 */
const FRAME_BUDGET_MS = 2;
const IDLE_BUDGET_MS = 3;

/** Charts in view, in animation frames. */
function drawInView(): void {
  frameAsked = false;
  const t0 = performance.now();
  for (const c of waiting) {
    if (!c.inView) continue;
    if (performance.now() - t0 > FRAME_BUDGET_MS) break;
    c.drawNow();
  }
  if ([...waiting].some((c) => c.inView)) askFrame();
}

/** Charts out of view, when the page is idle: kept nearly current, so a pause or the end draws little. */
function drawOutOfView(deadline: IdleDeadline): void {
  idleAsked = false;
  const t0 = performance.now();
  for (const c of waiting) {
    if (c.inView) continue;
    if (deadline.timeRemaining() < 2 || performance.now() - t0 > IDLE_BUDGET_MS) break;
    c.drawNow();
  }
  if ([...waiting].some((c) => !c.inView)) askIdle();
}

function askFrame(): void {
  if (frameAsked) return;
  frameAsked = true;
  requestAnimationFrame(drawInView);
}

function askIdle(): void {
  if (idleAsked) return;
  idleAsked = true;
  requestIdleCallback(drawOutOfView, { timeout: 2000 });
}

/**
 * A chart of one quantity for every structure compared: one panel per structure (side by
 * side, or stacked on narrow screens), on the same scales, each with the legend of its own
 * lines. It only draws what it is given. The drawing is kept between updates: new points
 * are appended to the paths, and the whole is redrawn only when its layout or scales change.
 * While a run is live (`live`), charts in view are drawn in animation frames, a few
 * milliseconds' worth per frame, and those out of view when the page is idle, so that the
 * page stays responsive; otherwise at once.
 * A text summary and a data table say the same for those who do not see it; downloads as
 * PNG or SVG carry title, legend, structures, seed, days and source.
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
    context: { attribute: false },
    live: { type: Boolean },
    hoverX: { attribute: false },
    tableOpen: { state: true },
    embedMessage: { state: true },
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
  declare context: ChartContext | undefined;
  /** A run is under way: draw in animation frames, and only in view (see drawWaiting). */
  declare live: boolean;
  /** The x value as the hover label heads it (default: the x label and the number). */
  declare hoverX: ((x: number) => string) | undefined;
  declare tableOpen: boolean;
  /** Said after the embed code is copied (or, without a clipboard, the code itself). */
  declare embedMessage: string;
  /** Near the viewport (or never observed): drawn while live. */
  inView = true;
  private width = 900;
  private observer?: ResizeObserver;
  private viewObserver?: IntersectionObserver;
  private layoutKey = '';
  private yKey = '';
  private yAxes: SVGGElement[] = [];
  private refYEls: { value: number; line: SVGLineElement; text: SVGTextElement }[][] = [];
  private shapeKey = '';
  private shapeGeo?: Geometry;
  private lineStates: LineState[][] = [];
  private barRects: SVGRectElement[][] = [];
  private noteEls: SVGTextElement[] = [];
  // Read by the hover marks (hover.ts) as well.
  x = d3.scaleLinear();
  y = d3.scaleLinear();
  geo?: Geometry;
  private textRoom = 0;
  /** Top left of each panel's plot, in the drawing's coordinates. */
  plotOrigins: { x: number; y: number }[] = [];
  band?: d3.ScaleBand<string>;
  /** The hover values, once their code is loaded (on the first pointer or key over a chart). */
  private hoverer?: ChartHover;
  private hoverLoad?: Promise<ChartHover>;
  /** The "press Run" text of each panel, and whether it is shown (undefined: not yet decided since the last rebuild). */
  private emptyEls: SVGTextElement[] = [];
  private emptyShown?: boolean;

  static styles = css`
    /* Charts out of view are neither laid out nor painted while the run updates them. */
    :host {
      display: block;
      margin: 0 0 1.25rem;
      content-visibility: auto;
      contain-intrinsic-size: auto 320px;
    }
    header {
      display: flex;
      align-items: baseline;
      gap: 0.5rem 0.75rem;
      flex-wrap: wrap;
    }
    h3 {
      font-size: 1rem;
      margin: 0;
      flex: 1;
      min-width: 12rem;
    }
    button,
    summary {
      font: inherit;
      font-size: 0.8rem;
      padding: 0.15rem 0.5rem;
      border: 1px solid #767676;
      background: #fff;
      color: #1a1a1a;
      border-radius: 3px;
      cursor: pointer;
    }
    button:focus-visible,
    summary:focus-visible {
      outline: 3px solid #1a5fb4;
      outline-offset: 1px;
    }
    details.dl {
      position: relative;
    }
    details.dl summary {
      list-style: none;
    }
    details.dl summary::-webkit-details-marker {
      display: none;
    }
    details.dl[open] .menu {
      position: absolute;
      right: 0;
      z-index: 2;
      display: flex;
      gap: 0.3rem;
      padding: 0.3rem;
      background: #fff;
      border: 1px solid #767676;
      border-radius: 4px;
      margin-top: 0.2rem;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
      touch-action: pan-y;
    }
    svg:focus-visible {
      outline: 3px solid #1a5fb4;
      outline-offset: 2px;
    }
    svg:focus:not(:focus-visible) {
      outline: none;
    }
    .sr {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    details.table {
      font-size: 0.8rem;
      margin-top: 0.2rem;
    }
    details.table summary {
      border: none;
      padding: 0.1rem 0;
      color: #1a1a1a;
      text-decoration: underline;
      display: inline-block;
    }
    .scroll {
      overflow-x: auto;
      max-height: 20rem;
      overflow-y: auto;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 0.1rem 0.5rem;
      border-bottom: 1px solid #ddd;
      text-align: right;
      white-space: nowrap;
    }
    th:first-child {
      text-align: left;
    }
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
    this.tableOpen = false;
    this.embedMessage = '';
    this.live = false;
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
    this.viewObserver = new IntersectionObserver(
      (entries) => {
        this.inView = entries[entries.length - 1].isIntersecting;
        if (waiting.has(this)) (this.inView ? askFrame : askIdle)();
      },
      { rootMargin: '200px' },
    );
    this.viewObserver.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.viewObserver?.disconnect();
    waiting.delete(this);
  }

  get svg(): SVGSVGElement {
    return this.renderRoot.querySelector('svg')!;
  }

  /** Title, structures, seed, days and source, for exports. */
  exportMeta(): ExportMeta {
    return { title: this.heading, lines: this.context?.lines ?? [], source: this.context?.source ?? 'flatgov' };
  }

  /** The SVG a download gives (standalone: title, legends, structures, seed, days, source). */
  exportSvgText(): string {
    this.drawNow();
    return svgText(this.svg, this.exportMeta());
  }

  valueText(v: number): string {
    if (!Number.isFinite(v)) return '–';
    if (this.percent) return `${fmt(100 * v, 1)}%`;
    // Counts (cases closed, open) are whole numbers: no decimals to suggest otherwise.
    return Number.isInteger(v) ? fmt(v) : fmt(v, Math.abs(v) < 10 ? 2 : Math.abs(v) < 1000 ? 1 : 0);
  }

  /** One sentence per panel: the last value of each line, or the bars. */
  summary(): string {
    const parts: string[] = [];
    for (const p of this.panels) {
      if (p.bars) {
        const total = p.bars.values.reduce((a, v) => a + v, 0);
        if (total > 0) {
          const top = p.bars.values.indexOf(Math.max(...p.bars.values));
          parts.push(`${p.title}: ${t('chart.summary.bars', { n: fmt(total), top: p.bars.labels[top] })}${p.note ? `; ${p.note}` : ''}.`);
        }
        continue;
      }
      const lines = (p.lines ?? []).filter((l) => l.x.length > 0);
      if (!lines.length) continue;
      const last = lines[0].x[lines[0].x.length - 1];
      parts.push(
        `${p.title}, ${this.xLabel} ${fmt(last)}: ${lines.map((l) => `${l.label} ${this.valueText(l.y[l.y.length - 1])}`).join(', ')}.`,
      );
    }
    return parts.length ? parts.join(' ') : this.empty;
  }

  /** The address of this chart alone (the app with \`?embed=\` and the current state), as an iframe to paste into a page. */
  embedCode(): string {
    return embedIframe(this.chartId, this.heading);
  }

  private async copyEmbed() {
    this.embedMessage = await copyEmbedCode(this.embedCode(), t('export.embedCopied'), t('export.embedFallback'));
  }

  render() {
    const tableLabel = t('chart.table');
    return html`
      <header>
        <h3 id="title">${this.heading}</h3>
        <details class="dl">
          <summary aria-label=${t('export.menuLabel', { chart: this.heading })}>${t('export.title')}</summary>
          <div class="menu">
            <button
              @click=${() => (this.drawNow(), downloadPng(this.svg, this.chartId, this.exportMeta()))}
              aria-label=${t('export.pngLabel', { chart: this.heading })}
            >
              ${t('export.png')}
            </button>
            <button
              @click=${() => (this.drawNow(), downloadSvg(this.svg, this.chartId, this.exportMeta()))}
              aria-label=${t('export.svgLabel', { chart: this.heading })}
            >
              ${t('export.svg')}
            </button>
            <button class="embed" @click=${() => void this.copyEmbed()} aria-label=${t('export.embedLabel', { chart: this.heading })}>
              ${t('export.embed')}
            </button>
          </div>
          ${this.embedMessage ? html`<p class="embed-message" role="status">${this.embedMessage}</p>` : ''}
        </details>
      </header>
      <p class="sr" id="desc">${this.summary()}</p>
      <p class="sr" id="hint">${t('chart.hover.hint')}</p>
      <svg
        role="img"
        tabindex="0"
        aria-labelledby="title"
        aria-describedby="desc hint"
        @pointermove=${this.onHoverEvent}
        @pointerdown=${this.onHoverEvent}
        @pointerleave=${this.onHoverEvent}
        @keydown=${this.onHoverEvent}
        @blur=${() => this.hoverer?.setHover(undefined)}
      ></svg>
      <p class="sr live" aria-live="polite"></p>
      <details class="table" @toggle=${(e: Event) => (this.tableOpen = (e.target as HTMLDetailsElement).open)}>
        <summary>${tableLabel}</summary>
        ${this.tableOpen ? html`<div class="scroll" tabindex="0" role="region" aria-label=${`${tableLabel}: ${this.heading}`}>${this.table()}</div>` : ''}
      </details>
    `;
  }

  /** The data as a table: bars as they are; lines every seventh point and the last. */
  private table() {
    const panels = this.panels;
    if (panels.some((p) => p.bars)) {
      const labels = panels.find((p) => p.bars)!.bars!.labels;
      return html`<table>
        <thead>
          <tr>
            <th scope="col">${this.xLabel}</th>
            ${panels.map((p) => html`<th scope="col">${p.title}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${labels.map(
            (l, k) =>
              html`<tr>
                <th scope="row">${l}</th>
                ${panels.map((p) => html`<td>${fmt(p.bars?.values[k] ?? NaN)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>`;
    }
    const cols = panels.flatMap((p) => (p.lines ?? []).map((l) => ({ head: `${p.title}: ${l.label}`, l })));
    const longest = cols.reduce((a, c) => Math.max(a, c.l.x.length), 0);
    const rows: number[] = [];
    for (let k = 0; k < longest; k += 7) rows.push(k);
    if (longest > 0 && rows[rows.length - 1] !== longest - 1) rows.push(longest - 1);
    const ref = cols.find((c) => c.l.x.length === longest)?.l;
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${this.xLabel}</th>
          ${cols.map((c) => html`<th scope="col">${c.head}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (k) =>
            html`<tr>
              <th scope="row">${fmt(ref?.x[k] ?? k)}</th>
              ${cols.map((c) => html`<td>${k < c.l.y.length ? this.valueText(c.l.y[k]) : ''}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  updated(): void {
    if (!this.live) {
      this.drawNow();
      return;
    }
    waiting.add(this);
    (this.inView ? askFrame : askIdle)();
  }

  /** Draw what is waiting, at once. */
  drawNow(): void {
    waiting.delete(this);
    this.draw();
  }

  /** The y range drawn so far, with headroom: it grows in steps, not with every new point. */
  private yHi = -Infinity;
  private yLo = Infinity;
  private drawnSize = 0;

  private yDomain(): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    let size = 0;
    for (const p of this.panels) {
      for (const l of p.lines ?? []) size += l.x.length;
      if (p.bars) for (const v of p.bars.values) size += v;
    }
    // Fewer points than before: another run; start the range anew.
    if (size < this.drawnSize) ((this.yHi = -Infinity), (this.yLo = Infinity));
    this.drawnSize = size;
    for (const p of this.panels) {
      for (const l of p.lines ?? [])
        for (let k = 0; k < l.y.length; k++) {
          const v = l.y[k];
          if (Number.isFinite(v)) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
        }
      if (p.bars) for (const v of p.bars.values) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
    }
    for (const r of this.refY) ((lo = Math.min(lo, r.value)), (hi = Math.max(hi, r.value)));
    if (Number.isFinite(hi)) {
      if (hi > this.yHi) this.yHi = hi + 0.25 * Math.abs(hi);
      hi = this.yHi;
    }
    if (Number.isFinite(lo)) {
      if (lo < this.yLo) this.yLo = lo < 0 ? lo - 0.25 * Math.abs(lo) : lo;
      lo = this.yLo;
    }
    const y0 = this.yMin ?? Math.min(0, Number.isFinite(lo) ? lo : 0);
    const y1 = this.yMax ?? Math.max(Number.isFinite(hi) ? hi : 1, y0 + (this.percent ? 0.01 : 1));
    return d3.scaleLinear().domain([y0, y1]).nice().domain() as [number, number];
  }

  private xDomain(): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of this.panels)
      for (const l of p.lines ?? []) if (l.x.length) ((lo = Math.min(lo, l.x[0])), (hi = Math.max(hi, l.x[l.x.length - 1])));
    return [Number.isFinite(lo) ? Math.min(lo, 0) : 0, this.xMax ?? Math.max(Number.isFinite(hi) ? hi : 1, 1)];
  }

  /** The legend of one panel in rows that fit its width. */
  private legendRows(p: Panel, pw: number): { label: string; color: string; dashed?: boolean; ref?: boolean; x: number }[][] {
    const refs = [...this.refX, ...this.refY]
      .filter((r) => r.short)
      .map((r) => ({ label: r.label, color: REF_COLOUR, dashed: true, ref: true }));
    const items = [
      ...(p.bars
        ? [{ label: p.bars.label, color: p.bars.color }]
        : (p.lines ?? []).map((l) => ({ label: l.label, color: l.color, dashed: l.dashed }))),
      ...refs,
    ];
    const rows: { label: string; color: string; dashed?: boolean; ref?: boolean; x: number }[][] = [];
    let row: (typeof rows)[number] = [];
    let x = 0;
    for (const it of items) {
      const label = fitText(it.label, pw - 24);
      const w = 22 + textWidth(label, FONT) + 12;
      if (row.length && x + w > pw) {
        rows.push(row);
        row = [];
        x = 0;
      }
      row.push({ ...it, label, x });
      x += w;
    }
    if (row.length) rows.push(row);
    return rows;
  }

  private geometry(): Geometry {
    const n = Math.max(1, this.panels.length);
    const W = Math.max(280, this.width);
    const cols = W < STACK_BELOW ? 1 : n;
    const left = 52;
    const gapX = 20;
    const pw = (W - left - 10 - gapX * (cols - 1)) / cols;
    const legendRows = Math.max(1, ...this.panels.map((p) => this.legendRows(p, pw).length));
    const hasNotes = this.panels.some((p) => p.note !== undefined) || this.panels.some((p) => p.bars);
    const head = ROW + (hasNotes ? ROW : 0) + legendRows * ROW + ROW + 10;
    const ph = cols === 1 && n > 1 ? 150 : 170;
    const rows = Math.ceil(n / cols);
    const gapY = 44;
    const H = rows * (head + ph) + (rows - 1) * gapY + 48;
    return { W, H, cols, pw, ph, head, left, gapX, gapY };
  }

  private draw(): void {
    const svgEl = this.renderRoot.querySelector('svg');
    if (!svgEl) return;
    const panels = this.panels;
    // What the layout depends on besides the data; the geometry (which measures text) follows it.
    const shape = JSON.stringify([
      this.width,
      this.xLabel,
      this.yLabel,
      this.percent,
      this.refX,
      this.refY,
      this.empty,
      panels.map((p) => [
        p.title,
        p.bars?.labels,
        p.bars?.label,
        p.bars?.color,
        p.note === undefined,
        (p.lines ?? []).map((l) => [l.label, l.color, l.dashed]),
      ]),
    ]);
    if (shape !== this.shapeKey || !this.shapeGeo) ((this.shapeKey = shape), (this.shapeGeo = this.geometry()));
    const geo = this.shapeGeo;
    const yd = this.yDomain();
    const xd = this.xDomain();
    const hasData = panels.some((p) => (p.lines ?? []).some((l) => l.x.length > 0) || (p.bars && p.bars.values.some((v) => v > 0)));
    const key = JSON.stringify([shape, xd]);
    if (key !== this.layoutKey) {
      this.layoutKey = key;
      this.yKey = '';
      this.emptyShown = undefined;
      this.rebuild(svgEl, geo, xd);
    }
    // The first data of a run hides the "press Run" text; nothing else is redrawn for it.
    if (this.emptyShown !== !hasData) {
      for (const el of this.emptyEls) el.setAttribute('display', hasData ? 'none' : 'inline');
      this.emptyShown = !hasData;
    }
    // A growing range moves the y axes and reference lines and redraws the marks, nothing else.
    const yKey = `${yd[0]},${yd[1]}`;
    if (yKey !== this.yKey) {
      this.yKey = yKey;
      this.rescaleY(yd);
    }
    this.updateMarks();
    if (this.hoverer?.active) this.hoverer.render();
  }

  /** Pointer and keys over the chart: to the hover values, whose code is loaded on first use. */
  private onHoverEvent = (e: Event): void => {
    if (this.hoverer) {
      if (e instanceof KeyboardEvent) this.hoverer.onKey(e);
      else this.hoverer.onPointer(e as PointerEvent);
      return;
    }
    if (e.type === 'pointerleave') return;
    // The keys the hover answers must not scroll the page while its code loads.
    if (e instanceof KeyboardEvent) {
      if (!HOVER_KEYS.has(e.key)) return;
      e.preventDefault();
    }
    this.hoverLoad ??= import('./hover.ts').then((m) => (this.hoverer = new m.ChartHover(this)));
    void this.hoverLoad.then(() => this.onHoverEvent(e));
  };

  /** Everything but the data marks' positions: axes, titles, legends, reference lines. */
  private rebuild(svgEl: SVGSVGElement, geo: Geometry, xd: [number, number]): void {
    const { W, H, cols, pw, ph, head, left, gapX, gapY } = geo;
    this.geo = geo;
    const panels = this.panels;
    const svg = d3
      .select(svgEl)
      .attr('viewBox', `0 0 ${W} ${H}`)
      .attr('width', W)
      .attr('height', H)
      .attr('font-family', CHART_FONT)
      .attr('font-size', FONT);
    svg.selectAll('*').remove();
    svg.append('rect').attr('width', W).attr('height', H).attr('fill', '#fff');
    this.y = d3.scaleLinear().range([ph, 0]);
    const x = (this.x = d3.scaleLinear().domain(xd).range([0, pw]));
    const hasNotes = panels.some((p) => p.note !== undefined) || panels.some((p) => p.bars);
    // Titles and notes start left of the plot, under the axis labels: they may run to the next panel's start.
    const textRoom = cols === 1 ? pw + left - 6 : pw + gapX - 10;
    this.textRoom = textRoom;
    this.lineStates = [];
    this.barRects = [];
    this.noteEls = [];
    this.yAxes = [];
    this.refYEls = [];
    this.plotOrigins = [];
    this.band = undefined;
    this.emptyEls = [];
    panels.forEach((p, i) => {
      const cx = left + (i % cols) * (pw + gapX);
      const cy = 8 + Math.floor(i / cols) * (head + ph + gapY);
      const g = svg.append('g').attr('class', 'panel').attr('transform', `translate(${cx},${cy})`);
      let ty = ROW - 2;
      g.append('text')
        .attr('x', -left + 6)
        .attr('y', ty)
        .attr('font-weight', 600)
        .attr('fill', '#1a1a1a')
        .text(fitText(p.title, textRoom, FONT, 600));
      if (hasNotes) {
        ty += ROW;
        this.noteEls[i] = g
          .append('text')
          .attr('class', 'note')
          .attr('x', -left + 6)
          .attr('y', ty)
          .attr('fill', '#333')
          .node()!;
      }
      for (const row of this.legendRows(p, pw)) {
        ty += ROW;
        for (const it of row) {
          const li = g
            .append('g')
            .attr('class', 'legend-item')
            .attr('transform', `translate(${it.x - left + 6},${ty - 4})`);
          if (p.bars && !it.ref) li.append('rect').attr('y', -5).attr('width', 16).attr('height', 9).attr('fill', it.color);
          else
            li.append('line')
              .attr('x2', 16)
              .attr('stroke', it.color)
              .attr('stroke-width', it.ref ? 1.5 : 2.5)
              .attr('stroke-dasharray', it.ref ? '4 3' : it.dashed ? '5 3' : null);
          li.append('text').attr('x', 21).attr('y', 4).attr('fill', '#1a1a1a').text(it.label);
        }
      }
      // The unit, written level above the axis rather than turned on its side.
      g.append('text')
        .attr('x', -left + 6)
        .attr('y', head - 10)
        .attr('fill', '#333')
        .text(this.yLabel);
      const plot = g.append('g').attr('transform', `translate(0,${head})`);
      this.plotOrigins[i] = { x: cx, y: cy + head };
      this.yAxes[i] = plot.append('g').attr('class', 'y-axis').node()!;
      if (p.bars) {
        const labels = p.bars.labels;
        const bx = (this.band = d3.scaleBand().domain(labels).range([0, pw]).padding(0.15));
        const every = Math.max(1, Math.ceil((labels.length * 34) / pw));
        plot
          .append('g')
          .attr('transform', `translate(0,${ph})`)
          .call(d3.axisBottom(bx).tickValues(labels.filter((_, k) => k % every === 0)))
          .call((a) => a.selectAll('text').attr('fill', '#333'));
        const bars = plot.append('g');
        this.barRects[i] = labels.map((l) =>
          bars.append('rect').attr('x', bx(l)!).attr('width', bx.bandwidth()).attr('fill', p.bars!.color).node()!,
        );
        for (const [k, r] of this.refX.entries()) {
          const idx = Math.round(r.value);
          const xv = (bx(labels[idx]) ?? 0) + bx.bandwidth() + (bx.step() - bx.bandwidth()) / 2;
          plot
            .append('line')
            .attr('x1', xv)
            .attr('x2', xv)
            .attr('y1', 0)
            .attr('y2', ph)
            .attr('stroke', '#a51d2d')
            .attr('stroke-dasharray', '4 3');
          const right = xv > pw * 0.6;
          const room = right ? xv - 4 : pw - xv - 4;
          plot
            .append('text')
            .attr('x', right ? xv - 3 : xv + 3)
            .attr('y', 10 + 13 * k)
            .attr('text-anchor', right ? 'end' : 'start')
            .attr('fill', '#a51d2d')
            .attr('paint-order', 'stroke')
            .attr('stroke', '#fff')
            .attr('stroke-width', 3)
            .text(fitText(r.short ?? r.label, room));
        }
      } else {
        plot
          .append('g')
          .attr('transform', `translate(0,${ph})`)
          .call(
            d3
              .axisBottom(x)
              .ticks(Math.max(2, Math.floor(pw / 70)))
              .tickFormat((v) => fmt(Number(v))),
          )
          .call((a) => a.selectAll('text').attr('fill', '#333'));
        this.lineStates[i] = (p.lines ?? []).map((l) => {
          const path = plot
            .append('path')
            .attr('fill', 'none')
            .attr('stroke', l.color)
            .attr('stroke-width', 1.8)
            .attr('stroke-linejoin', 'round')
            .attr('stroke-dasharray', l.dashed ? '5 3' : null)
            .node()!;
          const dot = plot.append('circle').attr('r', 2.5).attr('fill', l.color).attr('visibility', 'hidden').node()!;
          return { path, dot, n: 0, d: '', prevFinite: false };
        });
      }
      this.refYEls[i] = this.refY.map((r) => ({
        value: r.value,
        line: plot.append('line').attr('x1', 0).attr('x2', pw).attr('stroke', '#a51d2d').attr('stroke-dasharray', '4 3').node()!,
        text: plot
          .append('text')
          .attr('x', pw - 2)
          .attr('text-anchor', 'end')
          .attr('fill', '#a51d2d')
          .attr('paint-order', 'stroke')
          .attr('stroke', '#fff')
          .attr('stroke-width', 3)
          .text(fitText(r.label, pw - 4))
          .node()!,
      }));
      plot
        .append('text')
        .attr('x', pw / 2)
        .attr('y', ph + 32)
        .attr('text-anchor', 'middle')
        .attr('fill', '#333')
        .text(this.xLabel);
      if (this.empty)
        this.emptyEls.push(
          plot
            .append('text')
            .attr('class', 'empty')
            .attr('x', pw / 2)
            .attr('y', ph / 2)
            .attr('text-anchor', 'middle')
            .attr('fill', '#444')
            .text(fitText(this.empty, pw))
            .node()!,
        );
    });
    this.hoverer?.reset();
  }

  /** Set the y range: axes, reference lines, and every mark drawn anew. */
  private rescaleY(yd: [number, number]): void {
    const { y, geo } = this;
    if (!geo) return;
    y.domain(yd);
    const yFmt = (v: d3.NumberValue) =>
      this.percent ? `${fmt(100 * Number(v), 0)}%` : fmt(Number(v), Math.abs(Number(v)) < 10 && yd[1] < 10 ? 1 : 0);
    this.yAxes.forEach((el, i) => {
      const a = d3.select(el);
      a.selectAll('*').remove();
      a.call(
        d3
          .axisLeft(y)
          .ticks(geo.cols === 1 ? 4 : 5)
          .tickFormat(i % geo.cols === 0 ? yFmt : () => '')
          .tickSize(-geo.pw),
      )
        .call((g) => g.selectAll('line').attr('stroke', '#ddd'))
        .call((g) => g.select('.domain').remove())
        .call((g) => g.selectAll('text').attr('fill', '#333'));
    });
    for (const els of this.refYEls)
      for (const r of els) {
        const v = String(y(r.value));
        r.line.setAttribute('y1', v);
        r.line.setAttribute('y2', v);
        r.text.setAttribute('y', String(y(r.value) - 4));
      }
    for (const states of this.lineStates) for (const st of states ?? []) Object.assign(st, { n: 0, d: '', prevFinite: false });
  }

  /** Move the data marks: append new points to each path; set bar heights and notes. */
  private updateMarks(): void {
    const { x, y } = this;
    const r1 = (v: number) => Math.round(v * 10) / 10;
    this.panels.forEach((p, i) => {
      const note = this.noteEls[i];
      if (note && this.geo) {
        const s = fitText(p.note ?? '', this.textRoom);
        if (note.textContent !== s) note.textContent = s;
      }
      if (p.bars) {
        const rects = this.barRects[i] ?? [];
        p.bars.values.forEach((v, k) => {
          if (!rects[k]) return;
          rects[k].setAttribute('y', String(y(Math.max(0, v))));
          rects[k].setAttribute('height', String(Math.abs(y(0) - y(v))));
        });
        return;
      }
      (p.lines ?? []).forEach((l, j) => {
        const st = this.lineStates[i]?.[j];
        if (!st) return;
        if (l.x.length < st.n || l.x !== st.src) Object.assign(st, { src: l.x, n: 0, d: '', prevFinite: false });
        let d = st.d;
        let prev = st.prevFinite;
        for (let k = st.n; k < l.x.length; k++) {
          const v = l.y[k];
          if (Number.isFinite(v)) {
            d += `${prev ? 'L' : 'M'}${r1(x(l.x[k]))},${r1(y(v))}`;
            prev = true;
          } else prev = false;
        }
        if (l.x.length !== st.n) {
          st.n = l.x.length;
          st.d = d;
          st.prevFinite = prev;
          st.path.setAttribute('d', d);
          // The newest point as a dot: a run of one day is a point, not nothing.
          let k = l.x.length - 1;
          while (k >= 0 && !Number.isFinite(l.y[k])) k--;
          if (k >= 0) {
            st.dot.setAttribute('cx', String(r1(x(l.x[k]))));
            st.dot.setAttribute('cy', String(r1(y(l.y[k]))));
            st.dot.setAttribute('visibility', 'visible');
          } else st.dot.setAttribute('visibility', 'hidden');
        }
      });
    });
  }
}

customElements.define('fg-chart', FgChart);

declare global {
  interface HTMLElementTagNameMap {
    'fg-chart': FgChart;
  }
}
