/**
 * The living map of one structure, drawn on a canvas: its layout (ui/map-layout.ts) with
 * cells tinted by open cases or trust, offices filled by staff busy, and the followed cases
 * as dots where they are (hollow while nobody has reported them, grey while open, red once
 * past their deadline; waiting in lines beside the office that has them, moving between
 * offices), with a flash of green or red for those that ended. A painter per structure keeps
 * its flashes and the dots it drew, to find the one a click is on.
 */
import * as d3 from 'd3';
import { fmt, t } from '../../render/i18n.ts';
import type { MapLayout } from '../map-layout.ts';
import { ENDED_STRIDE, LIVE_STRIDE, MAP_STATES, type MapFrame, type SessionInfo } from '../../workers/session.ts';

export type Tint = 'backlog' | 'trust';

export const DOT_OPEN = '#3d3d3d';
export const DOT_LATE = '#c01c28';
export const DOT_CLOSED = '#1a7f37';
export const FOLLOW = '#1a5fb4';
const CELL_EDGE = '#8a8a8a';
/** How long a closed or lost case stays on the map, in milliseconds of wall clock. */
const FLASH_MS = 1500;

export const ST_UNNOTICED = MAP_STATES.indexOf('unnoticed');
export const ST_WAITING = MAP_STATES.indexOf('waiting');
const ST_TRAVEL = MAP_STATES.indexOf('travel');
export const ST_TRANSFER = MAP_STATES.indexOf('transfer');
export const ST_RETURNED = MAP_STATES.indexOf('returned');

/** The colour ramp of a tint. */
export function tintRamp(tint: Tint): (u: number) => string {
  return tint === 'backlog' ? d3.interpolateOranges : d3.interpolateBlues;
}

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

/** How a map is drawn: its tint, the largest backlog on screen (one scale for all), the problem followed. */
export interface MapStyle {
  tint: Tint;
  /** The largest backlog per 1,000 residents on screen. */
  max: number;
  /** The problem followed (0: none). */
  followed: number;
}

export class MapPainter {
  private drawn: Drawn[] = [];
  private flashes: Flash[] = [];
  private lastMap?: MapFrame;

  /** The followed problem whose dot is nearest (x, y), within 14 px. */
  problemAt(x: number, y: number): number | undefined {
    let best: Drawn | undefined;
    let bestD = 14 * 14;
    for (const d of this.drawn) {
      const dd = (d.x - x) ** 2 + (d.y - y) ** 2;
      if (dd < bestD) {
        bestD = dd;
        best = d;
      }
    }
    return best?.problem;
  }

  paint(canvas: HTMLCanvasElement, info: SessionInfo, m: MapFrame | undefined, L: MapLayout, style: MapStyle): void {
    const { tint, max, followed } = style;
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
    const per = info.residents / L.cells.length / 1000;
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
      if (m) u = tint === 'backlog' ? m.backlog[k] / per / max : m.trust[k];
      ctx.fillStyle =
        tint === 'backlog'
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
      const kind = info.groups[b.group].kind;
      if (kind === 'level' || (kind === 'department' && deptLabelled)) continue;
      const text =
        kind === 'department'
          ? t('map.departments', { n: fmt(info.groups.filter((g) => g.kind === 'department').length) })
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
      const kind = info.groups[b.group].kind;
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
        if (problem === followed) followedAt = d;
      }
    }
    // Cases that ended: a flash of green (closed) or red (lost) that fades.
    const now = performance.now();
    if (m && m !== this.lastMap) {
      this.lastMap = m;
      const f = this.flashes;
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
    const f = this.flashes.filter((x) => now - x.at < FLASH_MS);
    this.flashes = f;
    for (const x of f) {
      ctx.globalAlpha = 1 - (now - x.at) / FLASH_MS;
      ctx.fillStyle = x.outcome === 1 ? DOT_CLOSED : DOT_LATE;
      ctx.beginPath();
      ctx.arc(x.x + 4 * (hash(x.problem) - 0.5), x.y + 4 * (hash(x.problem + 3) - 0.5), 2.2, 0, 2 * Math.PI);
      ctx.fill();
      if (x.problem === followed) followedAt = { problem: x.problem, x: x.x, y: x.y };
    }
    ctx.globalAlpha = 1;
    if (followedAt) {
      ctx.strokeStyle = FOLLOW;
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.arc(followedAt.x, followedAt.y, 6, 0, 2 * Math.PI);
      ctx.stroke();
    }
    this.drawn = drawn;
  }
}
