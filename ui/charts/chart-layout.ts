/**
 * The layout maths of a chart, apart from drawing: its value text, x and y ranges, the rows
 * of each panel's legend and where the panels go.
 */
import { scaleLinear } from 'd3';
import { fmt } from '../../render/i18n.ts';
import { FONT, REF_COLOUR, ROW, type Geometry, type Panel, type RefLine } from './chart-types.ts';
import { fitText, textWidth } from './text.ts';

/** Below this width panels are stacked rather than side by side. */
const STACK_BELOW = 620;

/** A value as the chart's table, summary and hover label write it. */
export function valueText(v: number, percent: boolean): string {
  if (!Number.isFinite(v)) return '–';
  if (percent) return `${fmt(100 * v, 1)}%`;
  // Counts (cases closed, open) are whole numbers: no decimals to suggest otherwise.
  return Number.isInteger(v) ? fmt(v) : fmt(v, Math.abs(v) < 10 ? 2 : Math.abs(v) < 1000 ? 1 : 0);
}

/** The x range of the lines (from 0 at most), up to `xMax` when given. */
export function xDomain(panels: readonly Panel[], xMax: number | undefined): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of panels)
    for (const l of p.lines ?? []) if (l.x.length) ((lo = Math.min(lo, l.x[0])), (hi = Math.max(hi, l.x[l.x.length - 1])));
  return [Number.isFinite(lo) ? Math.min(lo, 0) : 0, xMax ?? Math.max(Number.isFinite(hi) ? hi : 1, 1)];
}

/** What the y range is computed from besides the panels. */
export interface YOptions {
  refY: readonly RefLine[];
  yMin: number | undefined;
  yMax: number | undefined;
  percent: boolean;
}

/** The y range drawn so far, with headroom: it grows in steps, not with every new point. */
export class GrowingYRange {
  private hi = -Infinity;
  private lo = Infinity;
  private drawnSize = 0;

  domain(panels: readonly Panel[], o: YOptions): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    let size = 0;
    for (const p of panels) {
      for (const l of p.lines ?? []) size += l.x.length;
      if (p.bars) for (const v of p.bars.values) size += v;
    }
    // Fewer points than before: another run; start the range anew.
    if (size < this.drawnSize) ((this.hi = -Infinity), (this.lo = Infinity));
    this.drawnSize = size;
    for (const p of panels) {
      for (const l of p.lines ?? [])
        for (let k = 0; k < l.y.length; k++) {
          const v = l.y[k];
          if (Number.isFinite(v)) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
        }
      if (p.bars) for (const v of p.bars.values) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
    }
    for (const r of o.refY) ((lo = Math.min(lo, r.value)), (hi = Math.max(hi, r.value)));
    if (Number.isFinite(hi)) {
      if (hi > this.hi) this.hi = hi + 0.25 * Math.abs(hi);
      hi = this.hi;
    }
    if (Number.isFinite(lo)) {
      if (lo < this.lo) this.lo = lo < 0 ? lo - 0.25 * Math.abs(lo) : lo;
      lo = this.lo;
    }
    const y0 = o.yMin ?? Math.min(0, Number.isFinite(lo) ? lo : 0);
    const y1 = o.yMax ?? Math.max(Number.isFinite(hi) ? hi : 1, y0 + (o.percent ? 0.01 : 1));
    return scaleLinear().domain([y0, y1]).nice().domain() as [number, number];
  }
}

/** One entry of a legend, at `x` in its row. */
export interface LegendItem {
  label: string;
  color: string;
  dashed?: boolean;
  /** A reference line's entry. */
  ref?: boolean;
  x: number;
}

/** The legend of one panel in rows that fit its width; `refs` are the chart's reference lines. */
export function legendRows(p: Panel, pw: number, refs: readonly RefLine[]): LegendItem[][] {
  const refItems = refs.filter((r) => r.short).map((r) => ({ label: r.label, color: REF_COLOUR, dashed: true, ref: true }));
  const items = [
    ...(p.bars
      ? [{ label: p.bars.label, color: p.bars.color }]
      : (p.lines ?? []).map((l) => ({ label: l.label, color: l.color, dashed: l.dashed }))),
    ...refItems,
  ];
  const rows: LegendItem[][] = [];
  let row: LegendItem[] = [];
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

/** Where the panels go at this width: side by side, or stacked on a narrow screen. */
export function geometry(panels: readonly Panel[], width: number, refs: readonly RefLine[]): Geometry {
  const n = Math.max(1, panels.length);
  const W = Math.max(280, width);
  const cols = W < STACK_BELOW ? 1 : n;
  const left = 52;
  const gapX = 20;
  const pw = (W - left - 10 - gapX * (cols - 1)) / cols;
  const legendRowCount = Math.max(1, ...panels.map((p) => legendRows(p, pw, refs).length));
  const hasNotes = panels.some((p) => p.note !== undefined) || panels.some((p) => p.bars);
  const head = ROW + (hasNotes ? ROW : 0) + legendRowCount * ROW + ROW + 10;
  const ph = cols === 1 && n > 1 ? 150 : 170;
  const rows = Math.ceil(n / cols);
  const gapY = 44;
  const H = rows * (head + ph) + (rows - 1) * gapY + 48;
  return { W, H, cols, pw, ph, head, left, gapX, gapY };
}
