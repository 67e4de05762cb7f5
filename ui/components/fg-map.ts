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
import * as d3 from 'd3';
import { addMessages, fmt, t } from '../../render/i18n.ts';
import { mapEn } from '../../render/messages/map-en.ts';
import { mapZh } from '../../render/messages/map-zh.ts';
import { mapLayout, officeName, type MapLayout } from '../map-layout.ts';
import { copyEmbedCode, downloadCanvasFigure, embedIframe, type CanvasKey } from '../charts/export.ts';
import type { ChartContext } from '../charts/fg-chart.ts';
import { ENDED_STRIDE, LIVE_STRIDE, MAP_STATES, type MapFrame, type SessionInfo } from '../../workers/session.ts';

export interface MapPanel {
  title: string;
  info: SessionInfo;
  map?: MapFrame;
}

export type Tint = 'backlog' | 'trust';

const DOT_OPEN = '#3d3d3d';
const DOT_LATE = '#c01c28';
const DOT_CLOSED = '#1a7f37';
const FOLLOW = '#1a5fb4';
const CELL_EDGE = '#8a8a8a';
/** How long a closed or lost case stays on the map, in milliseconds of wall clock. */
const FLASH_MS = 1500;

const ST_UNNOTICED = MAP_STATES.indexOf('unnoticed');
const ST_WAITING = MAP_STATES.indexOf('waiting');
const ST_TRAVEL = MAP_STATES.indexOf('travel');
const ST_TRANSFER = MAP_STATES.indexOf('transfer');
const ST_RETURNED = MAP_STATES.indexOf('returned');

interface Drawn {
  problem: number;
  x: number;
  y: number;
}

interface Flash {
  problem: number;
  outcome: number;
  x: number;
  y: number;
  at: number;
}

function hash(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

addMessages({ en: mapEn, zh: mapZh });

export class FgMap extends LitElement {
  static properties = {
    lang: {},
    panels: { attribute: false },
    followed: { type: Number },
    tint: { state: true },
    embedMessage: { state: true },
    context: { attribute: false },
    highlight: { type: String },
  };

  declare lang: string;
  declare panels: MapPanel[];
  /** The problem number followed (0: none). */
  declare followed: number;
  declare tint: Tint;
  declare embedMessage: string;
  /** Structures, seed and days, and the source line: what a downloaded map says about itself. */
  declare context: ChartContext | undefined;
  /** What the guided story points at (one of ui/chart-ids.ts MAP_TARGETS), outlined; '' for nothing. */
  declare highlight: string;

  private layouts: (MapLayout | undefined)[] = [];
  private widths: number[] = [];
  private drawn: Drawn[][] = [];
  private flashes: Flash[][] = [];
  private lastMaps: (MapFrame | undefined)[] = [];
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
    const ramp = this.tint === 'backlog' ? d3.interpolateOranges : d3.interpolateBlues;
    const stops = d3
      .range(0, 1.01, 0.25)
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
        <button id="map-embed" aria-label=${t('map.embedLabel')} @click=${() => this.copyEmbed()}>${t('export.embed')}</button>
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
      const width = Math.max(200, Math.floor(canvas.parentElement!.clientWidth - 10));
      if (!this.layouts[i] || this.widths[i] !== width || this.layouts[i]!.officeX.length !== p.info.officeCount) {
        this.layouts[i] = mapLayout(p.info, width);
        this.widths[i] = width;
      }
      this.draw(canvas, i, p, this.layouts[i]!, max);
    });
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

  private draw(canvas: HTMLCanvasElement, i: number, p: MapPanel, L: MapLayout, max: number) {
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(L.width * dpr) || canvas.height !== Math.round(L.height * dpr)) {
      canvas.width = Math.round(L.width * dpr);
      canvas.height = Math.round(L.height * dpr);
      canvas.style.height = `${L.height}px`;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, L.width, L.height);
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    const m = p.map;
    const per = p.info.residents / L.cells.length / 1000;
    // Parent boxes, then cells tinted.
    ctx.strokeStyle = '#6b6b6b';
    ctx.lineWidth = 1;
    ctx.fillStyle = '#1a1a1a';
    for (const b of L.parents) {
      ctx.strokeRect(b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1);
      if (L.parents.length <= 30 && b.w > 40) ctx.fillText(b.label, b.x + 13, b.y + 2, b.w - 15);
    }
    L.cells.forEach((c, k) => {
      let u = 0;
      if (m) u = this.tint === 'backlog' ? m.backlog[k] / per / max : m.trust[k];
      ctx.fillStyle =
        this.tint === 'backlog'
          ? d3.interpolateOranges(0.05 + 0.8 * Math.min(1, u))
          : d3.interpolateBlues(0.05 + 0.8 * Math.min(1, Math.max(0, u)));
      ctx.fillRect(c.x + 0.5, c.y + 0.5, c.w - 1, c.h - 1);
      if (c.w >= 6) {
        ctx.strokeStyle = CELL_EDGE;
        ctx.strokeRect(c.x + 0.5, c.y + 0.5, c.w - 1, c.h - 1);
      }
    });
    // Grid workers.
    ctx.fillStyle = '#5e5c64';
    const gr = Math.max(0.8, Math.min(1.6, L.cellSize / 10));
    for (const g of L.grids) ctx.fillRect(g.x - gr, g.y - gr, 2 * gr, 2 * gr);
    // Labels over the city band, each where it does not run into the one before.
    ctx.fillStyle = '#1a1a1a';
    let labelEnd = -Infinity;
    let deptLabelled = false;
    for (const b of L.buildings) {
      const kind = p.info.groups[b.group].kind;
      if (kind === 'level' || (kind === 'department' && deptLabelled)) continue;
      const text =
        kind === 'department'
          ? t('map.departments', { n: fmt(p.info.groups.filter((g) => g.kind === 'department').length) })
          : kind === 'centre'
            ? t('map.centre')
            : b.label;
      if (kind === 'department') deptLabelled = true;
      if (b.x < labelEnd + 4) continue;
      ctx.fillText(text, b.x, b.y - 12);
      labelEnd = b.x + ctx.measureText(text).width;
    }
    // Buildings: fill by staff busy; the number waiting beneath when any.
    for (const b of L.buildings) {
      const busy = m?.busy[b.office] ?? 0;
      const cap = Math.max(m?.capacity[b.office] ?? 0, busy);
      ctx.fillStyle = d3.interpolateGreys(0.15 + 0.55 * (cap > 0 ? busy / cap : 0));
      ctx.fillRect(b.x, b.y, b.w, b.h);
      ctx.strokeStyle = '#1a1a1a';
      ctx.strokeRect(b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1);
      const kind = p.info.groups[b.group].kind;
      const q = m?.queue[b.office] ?? 0;
      if (q > 0 && kind !== 'level') {
        ctx.fillStyle = '#1a1a1a';
        ctx.fillText(fmt(q), b.x + 2, b.y + b.h + 1, b.w);
      }
    }
    // Followed cases.
    const drawn: Drawn[] = [];
    const lines = new Map<number, number>();
    let followedAt: Drawn | undefined;
    if (m) {
      const n = m.live.length / LIVE_STRIDE;
      for (let k = 0; k < n; k++) {
        const r = k * LIVE_STRIDE;
        const problem = m.live[r];
        const st = m.live[r + 1];
        const office = m.live[r + 2];
        const from = m.live[r + 3];
        const progress = m.live[r + 4];
        const late = m.live[r + 5] === 1;
        const home = L.cells[m.live[r + 6]];
        let x: number;
        let y: number;
        if (st === ST_UNNOTICED || office < 0 || st === ST_TRAVEL) {
          // On site, or not yet reported: where the resident lives.
          x = home.x + home.w * (0.2 + 0.6 * hash(problem));
          y = home.y + home.h * (0.2 + 0.6 * hash(problem + 7));
        } else if ((st === ST_TRANSFER || st === ST_RETURNED) && from >= 0) {
          x = L.officeX[from] + (L.officeX[office] - L.officeX[from]) * progress;
          y = L.officeY[from] + (L.officeY[office] - L.officeY[from]) * progress;
        } else if (st === ST_WAITING) {
          const q = lines.get(office) ?? 0;
          lines.set(office, q + 1);
          x = L.officeX[office] + 4 + 3.5 * (q % 8);
          y = L.officeY[office] - 2 + 3.5 * Math.floor(q / 8);
        } else {
          const a = 2 * Math.PI * hash(problem);
          x = L.officeX[office] + 3 * Math.cos(a);
          y = L.officeY[office] + 3 * Math.sin(a);
        }
        ctx.beginPath();
        ctx.arc(x, y, 1.8, 0, 2 * Math.PI);
        if (st === ST_UNNOTICED) {
          ctx.strokeStyle = late ? DOT_LATE : DOT_OPEN;
          ctx.lineWidth = 1;
          ctx.stroke();
        } else {
          ctx.fillStyle = late ? DOT_LATE : DOT_OPEN;
          ctx.fill();
        }
        const d = { problem, x, y };
        drawn.push(d);
        if (problem === this.followed) followedAt = d;
      }
    }
    // Cases that ended: a flash of green (closed) or red (lost) that fades.
    const now = performance.now();
    if (m && m !== this.lastMaps[i]) {
      this.lastMaps[i] = m;
      const f = (this.flashes[i] ??= []);
      for (let k = 0; k < m.ended.length; k += ENDED_STRIDE) {
        const outcome = m.ended[k + 1];
        const office = m.ended[k + 2];
        if (outcome === 3) continue; // never reported: nothing to see
        const home = L.cells[m.ended[k + 3]];
        const x = office >= 0 ? L.officeX[office] : home.x + home.w / 2;
        const y = office >= 0 ? L.officeY[office] : home.y + home.h / 2;
        f.push({ problem: m.ended[k], outcome, x, y, at: now });
      }
      if (f.length > 400) f.splice(0, f.length - 400);
    }
    const f = (this.flashes[i] ?? []).filter((x) => now - x.at < FLASH_MS);
    this.flashes[i] = f;
    for (const x of f) {
      ctx.globalAlpha = 1 - (now - x.at) / FLASH_MS;
      ctx.fillStyle = x.outcome === 1 ? DOT_CLOSED : DOT_LATE;
      ctx.beginPath();
      ctx.arc(x.x + 4 * (hash(x.problem) - 0.5), x.y + 4 * (hash(x.problem + 3) - 0.5), 2.2, 0, 2 * Math.PI);
      ctx.fill();
      if (x.problem === this.followed) followedAt = { problem: x.problem, x: x.x, y: x.y };
    }
    ctx.globalAlpha = 1;
    if (followedAt) {
      ctx.strokeStyle = FOLLOW;
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.arc(followedAt.x, followedAt.y, 6, 0, 2 * Math.PI);
      ctx.stroke();
    }
    this.drawn[i] = drawn;
  }

  private onClick(i: number, e: MouseEvent) {
    const canvas = e.currentTarget as HTMLCanvasElement;
    const r = canvas.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    let best: Drawn | undefined;
    let bestD = 14 * 14;
    for (const d of this.drawn[i] ?? []) {
      const dd = (d.x - x) ** 2 + (d.y - y) ** 2;
      if (dd < bestD) {
        bestD = dd;
        best = d;
      }
    }
    if (best) this.emit(best.problem);
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
        ramp: [0, 0.5, 1].map((u) => (this.tint === 'backlog' ? d3.interpolateOranges : d3.interpolateBlues)(0.05 + 0.8 * u)),
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

  private async copyEmbed() {
    this.embedMessage = await copyEmbedCode(
      embedIframe('map', t('map.canvasLabel'), 900, 640),
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
