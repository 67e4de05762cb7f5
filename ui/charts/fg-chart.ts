import { LitElement, html } from 'lit';
import { t } from '../../render/i18n.ts';
import { ChartDrawing } from './chart-drawing.ts';
import { geometry, GrowingYRange, valueText, xDomain } from './chart-layout.ts';
import { chartSummary, chartTable } from './chart-text.ts';
import type { ChartContext, Geometry, HoverHost, Panel, RefLine } from './chart-types.ts';
import { drawLater, drawn, viewChanged } from './draw-queue.ts';
import { chartStyles } from './fg-chart.styles.ts';
import type { ExportMeta } from './export.ts';

import type { ChartHover } from './hover.ts';
import { fitHeight } from '../embed-fit.ts';

/** The width of the frame the embed code suggests, and of the chart in it (the embed's side margins, 0.5rem each, taken off). */
const EMBED_WIDTH = 760;
const EMBED_CHART_WIDTH = EMBED_WIDTH - 16;
/**
 * What an embed shows besides its chart, in CSS pixels at that width: the run controls (two
 * rows), the source line (two rows) and the embed's padding. Text that wraps otherwise in the
 * host's fonts is taken up by the chart, which in an embed draws no taller than the frame
 * leaves (`fit`).
 */
const EMBED_CHROME_PX = 135;

/** The keys a focused chart answers with its values (see hover.ts). */
const HOVER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);

/**
 * A chart of one quantity for every structure compared: one panel per structure (side by
 * side, or stacked on narrow screens), on the same scales, each with the legend of its own
 * lines. It only draws what it is given. The drawing is kept between updates
 * (chart-drawing.ts): new points are appended to the paths, and the whole is redrawn only
 * when its layout or scales change. While a run is live (`live`), charts in view are drawn in
 * animation frames, a few milliseconds' worth per frame, and those out of view when the page
 * is idle (draw-queue.ts), so that the page stays responsive; otherwise at once.
 * A text summary and a data table say the same for those who do not see it; downloads as
 * PNG or SVG carry title, legend, structures, seed, days and source. Pointing at it (or the
 * arrow keys) shows each line's value at a day: that code (hover.ts) is loaded on first use.
 */
export class FgChart extends LitElement implements HoverHost {
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
    fit: { type: Boolean },
    figuresAhead: { attribute: false },
  };

  /** The chart's title. */
  declare heading: string;
  /** Its id (`chart-id`): the name of its downloads and of its embed (`?embed=<id>`). */
  declare chartId: string;
  /** One panel per structure, drawn on the same scales. */
  declare panels: Panel[];
  /** What the x axis counts (days, hours…). */
  declare xLabel: string;
  /** The end of the x axis (default: the last x value). */
  declare xMax: number | undefined;
  /** The unit of the values, written above the y axis. */
  declare yLabel: string;
  /** Values are shares, written as per cent. */
  declare percent: boolean;
  /** Reference lines across the plot (a target) and down it (a bar's edge). */
  declare refY: RefLine[];
  declare refX: RefLine[];
  /** Fixed ends of the y axis (default: from the data, with room to grow). */
  declare yMin: number | undefined;
  declare yMax: number | undefined;
  /** What an empty chart says. */
  declare empty: string;
  /** Structures, seed, days and source line, for downloads. */
  declare context: ChartContext | undefined;
  /** A run is under way: draw in animation frames, and only in view (see draw-queue.ts). */
  declare live: boolean;
  /** The x value as the hover label heads it (default: the x label and the number). */
  declare hoverX: ((x: number) => string) | undefined;
  declare tableOpen: boolean;
  /** Said after the embed code is copied (or, without a clipboard, the code itself). */
  declare embedMessage: string;
  /** Shown alone in an embed: its drawing no taller than the frame leaves (see ui/embed-fit.ts), and no embed button. */
  declare fit: boolean;
  /** What the panels will state once run, as they state it ("median 00.0 h"): for measuring the chart before a run. */
  declare figuresAhead: string[];
  /** Near the viewport (or never observed): drawn while live. */
  inView = true;
  private width = 900;
  private observer?: ResizeObserver;
  private viewObserver?: IntersectionObserver;
  private drawing = new ChartDrawing();
  private yRange = new GrowingYRange();
  private layoutKey = '';
  private yKey = '';
  private shapeKey = '';
  private shapeGeo?: Geometry;
  /** The hover values, once their code is loaded (on the first pointer or key over a chart). */
  private hoverer?: ChartHover;
  private hoverLoad?: Promise<ChartHover>;
  /** Whether the "press Run" text is shown (undefined: not yet decided since the last rebuild). */
  private emptyShown?: boolean;

  static styles = chartStyles;

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
    this.fit = false;
    this.figuresAhead = [];
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
    addEventListener('resize', this.onFrameResize);
    this.viewObserver = new IntersectionObserver(
      (entries) => {
        this.inView = entries[entries.length - 1].isIntersecting;
        viewChanged(this);
      },
      { rootMargin: '200px' },
    );
    this.viewObserver.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.viewObserver?.disconnect();
    removeEventListener('resize', this.onFrameResize);
    drawn(this);
  }

  get svg(): SVGSVGElement {
    return this.renderRoot.querySelector('svg')!;
  }

  // The drawing's scales and places, read by the hover marks (hover.ts).
  get x() {
    return this.drawing.x;
  }
  get y() {
    return this.drawing.y;
  }
  get geo() {
    return this.drawing.geo;
  }
  get plotOrigins() {
    return this.drawing.plotOrigins;
  }
  get band() {
    return this.drawing.band;
  }

  /** What each panel states besides its marks, one line per panel ("title: label value; …"). */
  private figureLines(): string[] {
    return this.panels
      .filter((p) => p.figures?.length)
      .map((p) => `${p.title}: ${p.figures!.map((f) => `${f.label} ${f.text}`).join('; ')}`);
  }

  /** Title, structures, seed, days and source, for exports (with the figures the panels state). */
  exportMeta(): ExportMeta {
    return {
      title: this.heading,
      lines: [...(this.context?.lines ?? []), ...this.figureLines()],
      source: this.context?.source ?? 'flatgov',
    };
  }

  /** The code of downloads and embeds (export.ts), loaded when the menu is first opened: the first screen does without it. */
  private exporter?: typeof import('./export.ts');
  private async exports(): Promise<typeof import('./export.ts')> {
    return (this.exporter ??= await import('./export.ts'));
  }

  /** The SVG a download gives (standalone: title, legends, structures, seed, days, source). */
  async exportSvgText(): Promise<string> {
    const m = await this.exports();
    this.drawNow();
    return m.svgText(this.svg, this.exportMeta());
  }

  private async download(kind: 'png' | 'svg') {
    const m = await this.exports();
    this.drawNow();
    if (kind === 'png') await m.downloadPng(this.svg, this.chartId, this.exportMeta());
    else m.downloadSvg(this.svg, this.chartId, this.exportMeta());
  }

  valueText(v: number): string {
    return valueText(v, this.percent);
  }

  /** One sentence per panel: the last value of each line, or the bars. */
  summary(): string {
    return chartSummary(this.panels, this.xLabel, (v) => this.valueText(v), this.empty);
  }

  /**
   * The address of this chart alone (the app with \`?embed=\` and the current state), as an iframe
   * to paste into a page, tall enough for the chart as it is drawn, its run controls and source
   * line: the embed needs no scrolling.
   */
  async embedCode(): Promise<string> {
    const height = Math.ceil(this.heightAt(EMBED_CHART_WIDTH) + EMBED_CHROME_PX);
    return (await this.exports()).embedIframe(this.chartId, this.heading, EMBED_WIDTH, height);
  }

  /**
   * How tall the chart is at a width, measured: laid out at that width for a moment, its
   * header, figures and table line as they wrap there, and its drawing as chart-layout.ts lays
   * it out there.
   */
  heightAt(width: number): number {
    const { width: w, contentVisibility: cv } = this.style;
    this.style.width = `${width}px`;
    this.style.contentVisibility = 'visible';
    // Before a run, the figures the panels will state (`figuresAhead`), in a list of the same look for the moment.
    const ahead = this.figureLines().length === 0 && this.figuresAhead.length > 0 && this.svg ? document.createElement('ul') : undefined;
    if (ahead) {
      ahead.className = 'figures';
      for (const p of this.panels)
        ahead.append(Object.assign(document.createElement('li'), { textContent: `${p.title}: ${this.figuresAhead.join('; ')}` }));
      this.svg.before(ahead);
    }
    try {
      const drawing = this.svg?.getBoundingClientRect().height ?? 0;
      const rest = Math.max(0, this.getBoundingClientRect().height - drawing) + parseFloat(getComputedStyle(this).marginBottom);
      return geometry(this.panels, width, [...this.refX, ...this.refY]).H + rest;
    } finally {
      ahead?.remove();
      this.style.width = w;
      this.style.contentVisibility = cv;
    }
  }

  private async copyEmbed() {
    const m = await this.exports();
    this.embedMessage = await m.copyEmbedCode(await this.embedCode(), t('export.embedCopied'), t('export.embedFallback'));
  }

  render() {
    const tableLabel = t('chart.table');
    return html`
      <header>
        <h3 id="title">${this.heading}</h3>
        <details class="dl" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && void this.exports()}>
          <summary aria-label=${t('export.menuLabel', { chart: this.heading })}>${t('export.title')}</summary>
          <div class="menu">
            <button @click=${() => void this.download('png')} aria-label=${t('export.pngLabel', { chart: this.heading })}>
              ${t('export.png')}
            </button>
            <button @click=${() => void this.download('svg')} aria-label=${t('export.svgLabel', { chart: this.heading })}>
              ${t('export.svg')}
            </button>
            ${
              this.fit
                ? ''
                : html`<button
                    class="embed"
                    @click=${() => void this.copyEmbed()}
                    aria-label=${t('export.embedLabel', { chart: this.heading })}
                  >
                    ${t('export.embed')}
                  </button>`
            }
          </div>
          ${this.embedMessage ? html`<p class="embed-message" role="status">${this.embedMessage}</p>` : ''}
        </details>
      </header>
      ${
        this.figureLines().length
          ? html`<ul class="figures">
              ${this.figureLines().map((l) => html`<li>${l}</li>`)}
            </ul>`
          : ''
      }
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
        ${this.tableOpen ? html`<div class="scroll" tabindex="0" role="region" aria-label=${`${tableLabel}: ${this.heading}`}>${chartTable(this.panels, this.xLabel, (v) => this.valueText(v))}</div>` : ''}
      </details>
    `;
  }

  updated(): void {
    if (!this.live) {
      this.drawNow();
      return;
    }
    drawLater(this);
  }

  private onFrameResize = (): void => this.fitToFrame();

  /** In an embed, the drawing scaled down (its proportions kept) to the height the frame leaves it. */
  private fitToFrame(): void {
    const svg = this.renderRoot.querySelector('svg');
    const geo = this.shapeGeo;
    if (!this.fit || !svg || !geo) return;
    const height = fitHeight(svg, 120);
    const width = Math.floor((height * geo.W) / geo.H);
    svg.style.maxWidth = width < geo.W ? `${width}px` : '';
  }

  /** Draw what is waiting, at once. */
  drawNow(): void {
    drawn(this);
    this.draw();
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
    if (shape !== this.shapeKey || !this.shapeGeo)
      ((this.shapeKey = shape), (this.shapeGeo = geometry(panels, this.width, [...this.refX, ...this.refY])));
    const geo = this.shapeGeo;
    const yd = this.yRange.domain(panels, this);
    const xd = xDomain(panels, this.xMax);
    const hasData = panels.some((p) => (p.lines ?? []).some((l) => l.x.length > 0) || (p.bars && p.bars.values.some((v) => v > 0)));
    const key = JSON.stringify([shape, xd]);
    if (key !== this.layoutKey) {
      this.layoutKey = key;
      this.yKey = '';
      this.emptyShown = undefined;
      this.drawing.rebuild(svgEl, geo, xd, this);
      this.hoverer?.reset();
    }
    // The first data of a run hides the "press Run" text; nothing else is redrawn for it.
    if (this.emptyShown !== !hasData) {
      this.drawing.showEmpty(!hasData);
      this.emptyShown = !hasData;
    }
    // A growing range moves the y axes and reference lines and redraws the marks, nothing else.
    const yKey = `${yd[0]},${yd[1]}`;
    if (yKey !== this.yKey) {
      this.yKey = yKey;
      this.drawing.rescaleY(yd, this.percent);
    }
    this.drawing.updateMarks(panels);
    if (this.hoverer?.active) this.hoverer.render();
    // In an embed, after each drawing: the figures over the chart may have grown or the frame changed.
    this.fitToFrame();
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
}

customElements.define('fg-chart', FgChart);

declare global {
  interface HTMLElementTagNameMap {
    'fg-chart': FgChart;
  }
}
