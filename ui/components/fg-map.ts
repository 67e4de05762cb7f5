/**
 * The living map: each structure compared drawn as a schematic city (ui/map-layout.ts) on
 * the same demand. Followed cases (every k-th problem, the same problems in every
 * structure) are dots: hollow while nobody has reported them, grey while open, red once
 * past their deadline; they wait in lines beside the office that has them, travel between
 * offices, and flash green when closed or red when lost. Cells are tinted by their
 * residents' open cases or trust, on one scale for all structures. Drawn on a canvas per
 * structure; a click (or "follow a random case") follows one case.
 */
import { LitElement, css, html } from 'lit';
import { range } from 'd3';
import { addMessages, fmt, t } from '../../render/i18n.ts';
import { mapEn } from '../../render/messages/map-en.ts';
import { mapZh } from '../../render/messages/map-zh.ts';
import { mapLayout, officeName, type MapLayout } from '../map-layout.ts';
import { copyEmbedCode, downloadCanvasFigure, embedIframe, type CanvasKey } from '../charts/export.ts';
import { fitHeight } from '../embed-fit.ts';
import type { ChartContext } from '../charts/chart-types.ts';
import {
  DOT_CLOSED,
  DOT_LATE,
  DOT_OPEN,
  FOLLOW,
  MapPainter,
  ST_RETURNED,
  ST_TRANSFER,
  ST_UNNOTICED,
  ST_WAITING,
  tintRamp,
  type Tint,
} from '../charts/map-canvas.ts';
import { LIVE_STRIDE, type MapFrame, type SessionInfo } from '../../workers/session.ts';

/** One structure on the map: its title, what its run is made of, and its latest map frame. */
export interface MapPanel {
  title: string;
  info: SessionInfo;
  map?: MapFrame;
}

addMessages({ en: mapEn, zh: mapZh });

/** The width of the frame the map's embed code suggests. */
const EMBED_WIDTH = 900;
/**
 * What the map's embed shows besides the map, in CSS pixels at that width: the run controls
 * (two rows), the source line (two rows) and the embed's padding. Text that wraps otherwise is
 * taken up by the cities, which in an embed are drawn no taller than the frame leaves.
 */
const EMBED_CHROME_PX = 150;

/**
 * The living map of the structures compared, one canvas each (ui/charts/map-canvas.ts), with
 * its legend, tint, download and embed, and a text summary of each structure's cases.
 *
 * @fires follow-case - detail: the problem to follow (0: stop following)
 */
export class FgMap extends LitElement {
  static properties = {
    lang: {},
    panels: { attribute: false },
    followed: { type: Number },
    tint: { state: true },
    embedMessage: { state: true },
    context: { attribute: false },
    highlight: { type: String },
    embedded: { type: Boolean },
  };

  /** The language: a change re-renders the strings. */
  declare lang: string;
  /** One panel per structure with a run, in column order. */
  declare panels: MapPanel[];
  /** The problem number followed (0: none). */
  declare followed: number;
  /** What tints the communities: open cases per 1,000 residents, or trust. */
  declare tint: Tint;
  /** Said after the embed code is copied (or, without a clipboard, the code itself). */
  declare embedMessage: string;
  /** Structures, seed and days, and the source line: what a downloaded map says about itself. */
  declare context: ChartContext | undefined;
  /** What the guided story points at (one of ui/chart-ids.ts MAP_TARGETS), outlined; '' for nothing. */
  declare highlight: string;
  /** Shown alone in an embed: each city drawn no taller than the frame leaves it (ui/embed-fit.ts), and no embed button. */
  declare embedded: boolean;

  private layouts: (MapLayout | undefined)[] = [];
  private widths: number[] = [];
  /** In an embed, the height each city was last fitted to, and the width that fits it. */
  private fitted: { height: number; room: number; width: number }[] = [];
  private painters: MapPainter[] = [];
  private resize = new ResizeObserver(() => this.requestUpdate());

  static styles = css`
    :host {
      display: block;
    }
    .story-target {
      outline: 4px solid #e66100;
      outline-offset: 3px;
      border-radius: 4px;
      scroll-margin-top: 1rem;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
      gap: 0.8rem;
    }
    figure {
      margin: 0;
      border: 1px solid #ccc;
      border-radius: 6px;
      padding: 0.4rem;
      min-width: 0;
    }
    figcaption {
      font-weight: 600;
      margin-bottom: 0.2rem;
      overflow-wrap: anywhere;
    }
    canvas {
      display: block;
      width: 100%;
      margin: 0 auto;
      cursor: crosshair;
      touch-action: manipulation;
    }
    .summary {
      font-size: 0.85rem;
      margin: 0.3rem 0 0;
      color: #1a1a1a;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.6rem;
      align-items: center;
      margin: 0.3rem 0 0.6rem;
    }
    .note {
      font-size: 0.85rem;
      color: #3d3d3d;
      margin: 0.2rem 0;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 1rem;
      font-size: 0.85rem;
      align-items: center;
      margin: 0.4rem 0;
    }
    .key {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
    }
    .dot {
      width: 10px;
      height: 10px;
      border-radius: 50%;
      display: inline-block;
    }
    .ramp {
      display: inline-block;
      width: 120px;
      height: 10px;
      border: 1px solid #999;
      vertical-align: middle;
    }
    button,
    select {
      font: inherit;
      padding: 0.25rem 0.6rem;
    }
  `;

  constructor() {
    super();
    this.lang = 'en';
    this.panels = [];
    this.followed = 0;
    this.tint = 'backlog';
    this.embedMessage = '';
    this.highlight = '';
    this.embedded = false;
  }

  /** The part of the map with this id (ui/chart-ids.ts MAP_TARGETS), for the story to point at. */
  targetElement(id: string): HTMLElement | null {
    return id === 'cities'
      ? this.renderRoot.querySelector<HTMLElement>('.grid')
      : id === 'follow'
        ? this.renderRoot.querySelector<HTMLElement>('.bar')
        : null;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  /** The largest backlog per 1,000 residents on screen: one scale for every structure. */
  private backlogMax(): number {
    let max = 1;
    for (const p of this.panels) {
      if (!p.map) continue;
      const per = p.info.residents / p.map.backlog.length / 1000;
      for (const b of p.map.backlog) max = Math.max(max, b / per);
    }
    return max;
  }

  render() {
    const every = this.panels[0]?.info.followEvery ?? 0;
    const max = this.backlogMax();
    const ramp = tintRamp(this.tint);
    const stops = range(0, 1.01, 0.25)
      .map((u) => `${ramp(0.05 + 0.8 * u)} ${u * 100}%`)
      .join(', ');
    return html` <p class="note" id="map-note">${t('map.schematic')}</p>
      <div class=${`bar${this.highlight === 'follow' ? ' story-target' : ''}`}>
        <button id="follow-random" @click=${() => this.followRandom()}>${t('map.followRandom')}</button>
        ${this.followed ? html`<button id="unfollow" @click=${() => this.emit(0)}>${t('map.unfollow')}</button>` : ''}
        <label
          >${t('map.tint')}
          <select id="map-tint" @change=${(e: Event) => (this.tint = (e.target as HTMLSelectElement).value as Tint)}>
            <option value="backlog" ?selected=${this.tint === 'backlog'}>${t('map.tintBacklog')}</option>
            <option value="trust" ?selected=${this.tint === 'trust'}>${t('map.tintTrust')}</option>
          </select></label
        >
        <button id="map-png" aria-label=${t('map.pngLabel')} @click=${() => void this.downloadPng()}>PNG</button>
        ${this.embedded ? '' : html`<button id="map-embed" aria-label=${t('map.embedLabel')} @click=${() => this.copyEmbed()}>${t('export.embed')}</button>`}
        ${this.embedMessage ? html`<span role="status" class="embed-message">${this.embedMessage}</span>` : ''}
      </div>
      <div class="legend" aria-label=${t('map.legend')} role="group">
        <span class="key"><span class="dot" style="border:2px solid ${DOT_OPEN};width:6px;height:6px"></span>${t('map.unnoticed')}</span>
        <span class="key"><span class="dot" style="background:${DOT_OPEN}"></span>${t('map.open')}</span>
        <span class="key"><span class="dot" style="background:${DOT_LATE}"></span>${t('map.late')}</span>
        <span class="key"><span class="dot" style="background:${DOT_CLOSED}"></span>${t('map.closed')}</span>
        <span class="key"
          ><span class="dot" style="border:2px solid ${FOLLOW};width:8px;height:8px;background:#fff"></span>${t('map.followedKey')}</span
        >
        <span class="key"
          >${this.tint === 'backlog' ? t('map.tintBacklog') : t('map.tintTrust')}: ${this.tint === 'backlog' ? '0' : '0'}
          <span class="ramp" style="background:linear-gradient(90deg, ${stops})"></span>
          ${this.tint === 'backlog' ? fmt(max, 1) : '1'}</span
        >
      </div>
      <p class="note">${every > 0 ? t('map.every', { k: fmt(every) }) : ''}</p>
      <div class=${`grid${this.highlight === 'cities' ? ' story-target' : ''}`}>
        ${this.panels.map(
          (p, i) =>
            html`<figure>
              <figcaption>${p.title}</figcaption>
              <canvas
                data-i=${i}
                role="img"
                aria-label=${`${t('map.canvasLabel')}: ${p.title}`}
                @click=${(e: MouseEvent) => this.onClick(i, e)}
              ></canvas>
              <p class="summary" id=${`map-summary-${i}`}>${this.summary(p)}</p>
            </figure>`,
        )}
      </div>`;
  }

  updated(): void {
    const max = this.backlogMax();
    this.panels.forEach((p, i) => {
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(`canvas[data-i="${i}"]`);
      if (!canvas) return;
      const room = Math.max(200, Math.floor(canvas.parentElement!.clientWidth - 10));
      const width = this.embedded ? this.fitWidth(i, p, canvas, room) : room;
      canvas.style.width = width < room ? `${width}px` : '';
      if (!this.layouts[i] || this.widths[i] !== width || this.layouts[i]!.officeX.length !== p.info.officeCount) {
        this.layouts[i] = mapLayout(p.info, width);
        this.widths[i] = width;
      }
      (this.painters[i] ??= new MapPainter()).paint(canvas, p.info, p.map, this.layouts[i]!, {
        tint: this.tint,
        max,
        followed: this.followed,
      });
    });
  }

  /**
   * In an embed, the widest a city can be drawn (at most `room`) and be no taller than the
   * frame leaves it: the layout's height grows with its width (map-layout.ts).
   */
  private fitWidth(i: number, p: MapPanel, canvas: HTMLCanvasElement, room: number): number {
    // The figure is as tall as its row: the canvas may take the row's height, and what the page spares, less the figure's caption and summary.
    const figure = canvas.parentElement!;
    const height = Math.floor(fitHeight(figure, 120) - this.figureRest(figure, canvas));
    const last = this.fitted[i];
    if (last && last.height === height && last.room === room) return last.width;
    let width = room;
    if (mapLayout(p.info, room).height > height) {
      let lo = 200;
      let hi = room;
      while (hi - lo > 2) {
        const mid = Math.floor((lo + hi) / 2);
        if (mapLayout(p.info, mid).height <= height) lo = mid;
        else hi = mid;
      }
      width = lo;
    }
    this.fitted[i] = { height, room, width };
    return width;
  }

  private summary(p: MapPanel): string {
    const m = p.map;
    if (!m) return t('map.noData');
    let waiting = 0;
    let moving = 0;
    let unnoticed = 0;
    let late = 0;
    const n = m.live.length / LIVE_STRIDE;
    for (let k = 0; k < n; k++) {
      const st = m.live[k * LIVE_STRIDE + 1];
      if (st === ST_WAITING) waiting++;
      else if (st === ST_TRANSFER || st === ST_RETURNED) moving++;
      else if (st === ST_UNNOTICED) unnoticed++;
      if (m.live[k * LIVE_STRIDE + 5]) late++;
    }
    // The cell with most open cases (all cases, not only those followed).
    let worst = 0;
    for (let c = 1; c < m.backlog.length; c++) if (m.backlog[c] > m.backlog[worst]) worst = c;
    const cellGroup = p.info.groups.findIndex((g) => g.kind === 'level' && g.tier === p.info.cellLevel);
    const per = p.info.residents / m.backlog.length / 1000;
    const line = t('map.summary', { n: fmt(n), waiting: fmt(waiting), moving: fmt(moving), unnoticed: fmt(unnoticed), late: fmt(late) });
    if (!(m.backlog[worst] > 0)) return line;
    const cell = officeName(p.info, p.info.groups[cellGroup].firstOffice + worst);
    return `${line} ${t('map.worst', { cell, backlog: fmt(m.backlog[worst] / per, 1) })}`;
  }

  private onClick(i: number, e: MouseEvent) {
    const canvas = e.currentTarget as HTMLCanvasElement;
    const r = canvas.getBoundingClientRect();
    const problem = this.painters[i]?.problemAt(e.clientX - r.left, e.clientY - r.top);
    if (problem !== undefined) this.emit(problem);
  }

  /** Follow a case open now, preferring one that has been reported (it has a journey to show). */
  private followRandom() {
    const live = this.panels.flatMap((p) => (p.map ? [p.map] : []))[0]?.live;
    if (!live || live.length === 0) return;
    const n = live.length / LIVE_STRIDE;
    const reported: number[] = [];
    for (let k = 0; k < n; k++) if (live[k * LIVE_STRIDE + 1] !== ST_UNNOTICED) reported.push(live[k * LIVE_STRIDE]);
    const pool = reported.length ? reported : Array.from({ length: n }, (_, k) => live[k * LIVE_STRIDE]);
    this.emit(pool[Math.floor(Math.random() * pool.length)]);
  }

  /** The legend as the downloaded figure draws it. */
  legendKeys(): CanvasKey[] {
    return [
      { colour: DOT_OPEN, ring: true, text: t('map.unnoticed') },
      { colour: DOT_OPEN, text: t('map.open') },
      { colour: DOT_LATE, text: t('map.late') },
      { colour: DOT_CLOSED, text: t('map.closed') },
      {
        colour: '',
        ramp: [0, 0.5, 1].map((u) => tintRamp(this.tint)(0.05 + 0.8 * u)),
        text: `${t('map.tint')}: ${this.tint === 'backlog' ? `${t('map.tintBacklog')}, 0–${fmt(this.backlogMax(), 1)}` : t('map.tintTrust')}`,
      },
    ];
  }

  private async downloadPng() {
    const panels = this.panels.flatMap((p, i) => {
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(`canvas[data-i="${i}"]`);
      return canvas ? [{ caption: p.title, canvas }] : [];
    });
    const every = this.panels[0]?.info.followEvery ?? 0;
    const day = this.panels[0]?.map?.day ?? 0;
    await downloadCanvasFigure(
      panels,
      this.legendKeys(),
      {
        title: t('map.pngTitle', { day: fmt(Math.floor(day + 1e-9)) }),
        lines: [...(this.context?.lines ?? []), t('map.schematic'), every > 0 ? t('map.everyPng', { k: fmt(every) }) : ''].filter(Boolean),
        source: this.context?.source ?? '',
      },
      'living-map',
    );
  }

  /** What a city's figure holds besides its canvas (caption, summary, padding): its content's height less the canvas's. */
  private figureRest(figure: HTMLElement, canvas: HTMLCanvasElement): number {
    const fs = getComputedStyle(figure);
    const last = figure.lastElementChild ?? canvas;
    const content =
      last.getBoundingClientRect().bottom -
      figure.getBoundingClientRect().top +
      parseFloat(fs.paddingBottom) +
      parseFloat(fs.borderBottomWidth);
    return content - canvas.getBoundingClientRect().height;
  }

  /**
   * How tall the map is at a width, measured: laid out at that width for a moment, what is
   * above the cities and each city's caption and summary as they wrap there, and each row of
   * cities as the grid lays them out there (map-layout.ts gives a city's height at its width).
   */
  heightAt(width: number): number {
    const old = this.style.width;
    this.style.width = `${width}px`;
    try {
      const grid = this.renderRoot.querySelector<HTMLElement>('.grid');
      const figures = [...this.renderRoot.querySelectorAll<HTMLElement>('figure')];
      if (!grid || figures.length === 0) return width;
      const gap = parseFloat(getComputedStyle(grid).columnGap) || 0;
      const fs = getComputedStyle(figures[0]);
      const frame =
        parseFloat(fs.paddingLeft) + parseFloat(fs.paddingRight) + parseFloat(fs.borderLeftWidth) + parseFloat(fs.borderRightWidth);
      const n = this.panels.length;
      // The grid's columns: repeat(auto-fit, minmax(300px, 1fr)).
      const cols = Math.max(1, Math.min(n, Math.floor((width + gap) / (300 + gap))));
      const room = Math.max(200, Math.floor((width - gap * (cols - 1)) / cols - frame - 10));
      const rows: number[] = [];
      this.panels.forEach((p, i) => {
        const canvas = figures[i]?.querySelector('canvas');
        // A summary of the length a run gives (longer than before a run), for the moment.
        const summary = figures[i]?.querySelector<HTMLElement>('.summary');
        const ahead = summary ? (summary.cloneNode() as HTMLElement) : undefined;
        if (ahead && summary) {
          ahead.id = '';
          ahead.textContent = `${t('map.summary', { n: '888', waiting: '88', moving: '88', unnoticed: '888', late: '88' })} ${t('map.worst', { cell: officeName(p.info, p.info.officeCount - 1), backlog: '8.8' })}`;
          summary.style.display = 'none';
          summary.after(ahead);
        }
        const restAhead = canvas ? this.figureRest(figures[i], canvas) : 0;
        ahead?.remove();
        if (summary) summary.style.display = '';
        const rest = Math.max(restAhead, canvas ? this.figureRest(figures[i], canvas) : 0);
        const r = Math.floor(i / cols);
        rows[r] = Math.max(rows[r] ?? 0, mapLayout(p.info, room).height + rest);
      });
      const above = grid.getBoundingClientRect().top - this.getBoundingClientRect().top;
      return above + rows.reduce((a, h) => a + h, 0) + gap * (rows.length - 1);
    } finally {
      this.style.width = old;
    }
  }

  private async copyEmbed() {
    this.embedMessage = await copyEmbedCode(
      embedIframe('map', t('map.canvasLabel'), EMBED_WIDTH, Math.ceil(this.heightAt(EMBED_WIDTH - 16) + EMBED_CHROME_PX)),
      t('export.embedCopied'),
      t('export.embedFallback'),
    );
  }

  private emit(problem: number) {
    this.dispatchEvent(new CustomEvent('follow-case', { detail: problem, bubbles: true, composed: true }));
  }
}

customElements.define('fg-map', FgMap);

declare global {
  interface HTMLElementTagNameMap {
    'fg-map': FgMap;
  }
}
