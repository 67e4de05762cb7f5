/**
 * Hover values of a chart (loaded when a chart is first pointed at or focused): the pointer,
 * a finger or the arrow keys point at a day (or a bar); a rule marks it in every panel with
 * each series' value there in a small label, and a focused chart announces the values. Only
 * the hover marks change: the chart is not redrawn. They carry `data-no-export`, so
 * downloads leave them out.
 */
import * as d3 from 'd3';
import { fmt, getLang, t } from '../../render/i18n.ts';
import { FONT, ROW, type HoverHost, type Line } from './chart-types.ts';
import { fitText, textWidth } from './text.ts';

/** What the pointer, a finger or the arrow keys point at: a day (lines) or a bar. */
type Hover = { kind: 'x'; x: number } | { kind: 'bar'; k: number };

/** The hover marks of one panel: kept hidden, moved and filled in on every pointer move (the chart itself is not redrawn). */
interface HoverEls {
  g: SVGGElement;
  rule: SVGLineElement;
  band: SVGRectElement;
  dots: SVGCircleElement[];
  box: SVGRectElement;
  head: SVGTextElement;
  rows: { text: SVGTextElement; name: SVGTSpanElement; value: SVGTSpanElement }[];
}

const HOVER_PAD = 6;

export class ChartHover {
  private hoverEls: HoverEls[] = [];
  private hover?: Hover;

  constructor(private c: HoverHost) {}

  /** The chart was drawn anew (its marks with it): make them again when next shown. */
  reset(): void {
    this.hoverEls = [];
  }

  get active(): boolean {
    return this.hover !== undefined;
  }

  /** The hover marks, above everything else, made once per drawing. */
  private els(): HoverEls[] {
    const geo = this.c.geo;
    if (this.hoverEls.length || !geo) return this.hoverEls;
    const layer = d3.select(this.c.svg).append('g').attr('class', 'hover-layer').attr('data-no-export', '').attr('pointer-events', 'none');
    this.hoverEls = this.c.panels.map((p, i) => {
      const o = this.c.plotOrigins[i];
      const g = layer.append('g').attr('class', 'hover').attr('transform', `translate(${o.x},${o.y})`).attr('display', 'none');
      const band = g.append('rect').attr('y', 0).attr('height', geo.ph).attr('fill', '#1a1a1a').attr('fill-opacity', 0.1);
      const rule = g.append('line').attr('y1', 0).attr('y2', geo.ph).attr('stroke', '#1a1a1a').attr('stroke-width', 1);
      const dots = (p.bars ? [] : (p.lines ?? [])).map((l) =>
        g.append('circle').attr('r', 3.5).attr('fill', l.color).attr('stroke', '#fff').attr('stroke-width', 1.5).node()!,
      );
      const box = g.append('rect').attr('rx', 3).attr('fill', '#fff').attr('fill-opacity', 0.96).attr('stroke', '#767676');
      const head = g.append('text').attr('font-weight', 600).attr('fill', '#1a1a1a');
      const series = p.bars ? [{ color: p.bars.color }] : (p.lines ?? []);
      const rows = series.map((l) => {
        const text = g.append('text');
        return {
          text: text.node()!,
          name: text.append('tspan').attr('fill', l.color).attr('font-weight', 600).node()!,
          value: text.append('tspan').attr('fill', '#1a1a1a').node()!,
        };
      });
      return { g: g.node()!, rule: rule.node()!, band: band.node()!, dots, box: box.node()!, head: head.node()!, rows };
    });
    return this.hoverEls;
  }

  /** The x values of the longest line: the days a pointer or the arrow keys can point at. */
  private hoverXs(): ArrayLike<number> {
    let ref: ArrayLike<number> = [];
    for (const p of this.c.panels) for (const l of p.lines ?? []) if (l.x.length > ref.length) ref = l.x;
    return ref;
  }

  private svgPoint(e: PointerEvent): { x: number; y: number } | undefined {
    const r = this.c.svg.getBoundingClientRect();
    if (!this.c.geo || !(r.width > 0)) return undefined;
    const s = this.c.geo.W / r.width;
    return { x: (e.clientX - r.left) * s, y: (e.clientY - r.top) * s };
  }

  /** What a point of the drawing points at: the panel under it and its nearest day or bar. */
  private hoverAtPoint(pt: { x: number; y: number }): Hover | undefined {
    const geo = this.c.geo;
    if (!geo) return undefined;
    const i = this.c.plotOrigins.findIndex(
      (o) => pt.x >= o.x - 8 && pt.x <= o.x + geo.pw + 8 && pt.y >= o.y - 6 && pt.y <= o.y + geo.ph + 22,
    );
    if (i < 0) return undefined;
    const px = Math.max(0, Math.min(geo.pw, pt.x - this.c.plotOrigins[i].x));
    if (this.c.panels[i].bars) {
      const bx = this.c.band;
      const n = this.c.panels[i].bars!.labels.length;
      if (!bx || !n) return undefined;
      const k = Math.floor((px - (bx(bx.domain()[0]) ?? 0) + (bx.step() - bx.bandwidth()) / 2) / bx.step());
      return { kind: 'bar', k: Math.max(0, Math.min(n - 1, k)) };
    }
    const xs = this.hoverXs();
    if (!xs.length) return undefined;
    return { kind: 'x', x: xs[d3.bisectCenter(xs, this.c.x.invert(px))] };
  }

  onPointer = (e: PointerEvent): void => {
    const touch = e.pointerType === 'touch';
    // A finger lifted leaves the value shown; a mouse that leaves takes it away.
    if (e.type === 'pointerleave') {
      if (!touch) this.setHover(undefined);
      return;
    }
    const pt = this.svgPoint(e);
    const h = pt && this.hoverAtPoint(pt);
    if (h || !touch || e.type === 'pointerdown') this.setHover(h, touch && e.type === 'pointerdown');
  };

  onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.hover) {
      this.setHover(undefined);
      return;
    }
    const bars = this.c.panels.find((p) => p.bars)?.bars;
    const xs = this.hoverXs();
    const n = bars ? bars.labels.length : xs.length;
    const h = this.hover;
    const cur = !h ? undefined : h.kind === 'bar' ? h.k : d3.bisectCenter(xs, h.x);
    const step = e.shiftKey ? 7 : 1;
    let k: number;
    if (e.key === 'ArrowRight') k = cur === undefined ? 0 : cur + step;
    else if (e.key === 'ArrowLeft') k = cur === undefined ? n - 1 : cur - step;
    else if (e.key === 'Home') k = 0;
    else if (e.key === 'End') k = n - 1;
    else return;
    e.preventDefault();
    if (!n) return;
    k = Math.max(0, Math.min(n - 1, k));
    this.setHover(bars ? { kind: 'bar', k } : { kind: 'x', x: xs[k] }, true);
  };

  setHover(h: Hover | undefined, announce = false): void {
    const same =
      h &&
      this.hover &&
      h.kind === this.hover.kind &&
      (h.kind === 'bar' ? h.k === (this.hover as { k: number }).k : h.x === (this.hover as { x: number }).x);
    this.hover = h;
    if (!same) this.render();
    const live = this.c.renderRoot.querySelector('.live');
    if (live && (announce || !h)) live.textContent = h ? this.hoverText() : '';
  }

  /** One line's value at day `x` (NaN where it has none). */
  private static valueAt(l: Line, x: number): number {
    const k = d3.bisectLeft(l.x, x);
    return k < l.x.length && l.x[k] === x ? l.y[k] : NaN;
  }

  /** A value with its unit, as the hover label and the announcement say it. */
  private valueUnit(v: number, bar = false): string {
    if (!Number.isFinite(v)) return '–';
    const s = bar && Number.isInteger(v) ? fmt(v) : this.c.valueText(v);
    return this.c.percent ? s : `${s} ${this.c.yLabel}`;
  }

  /** What the hover label says, per panel: its heading and a name and value per series. */
  private hoverContent(i: number): { head: string; rows: { name: string; value: string; v: number }[] } | undefined {
    const h = this.hover;
    const p = this.c.panels[i];
    if (!h || !p) return undefined;
    if (h.kind === 'bar') {
      if (!p.bars || h.k >= p.bars.labels.length) return undefined;
      const v = p.bars.values[h.k];
      return {
        head: t('chart.hover.bar', { x: this.c.xLabel, label: p.bars.labels[h.k] }),
        rows: [{ name: p.bars.label, value: this.valueUnit(v, true), v }],
      };
    }
    const lines = p.lines ?? [];
    if (!lines.some((l) => l.x.length)) return undefined;
    return {
      head: this.c.hoverX ? this.c.hoverX(h.x) : `${this.c.xLabel} ${fmt(h.x)}`,
      rows: lines.map((l) => {
        const v = ChartHover.valueAt(l, h.x);
        return { name: l.label, value: this.valueUnit(v), v };
      }),
    };
  }

  /** The hover as a sentence for screen readers: the day, then each panel's values. */
  hoverText(): string {
    const parts: string[] = [];
    let head = '';
    this.c.panels.forEach((p, i) => {
      const c = this.hoverContent(i);
      if (!c) return;
      head = c.head;
      parts.push(
        t('chart.hover.panel', { title: p.title, values: c.rows.map((r) => `${r.name} ${r.value}`).join(t('chart.hover.comma')) }),
      );
    });
    return parts.length ? t('chart.hover.sentence', { x: head, panels: parts.join(getLang() === 'zh' ? '' : ' ') }) : '';
  }

  /** Move the rule (or the bar's band), the dots and the label of every panel to the hover; nothing else is touched. */
  render(): void {
    const geo = this.c.geo;
    const h = this.hover;
    const set = (el: Element, a: Record<string, string | number>) => {
      for (const [k, v] of Object.entries(a)) el.setAttribute(k, String(v));
    };
    this.els().forEach((els, i) => {
      const c = geo && h ? this.hoverContent(i) : undefined;
      if (!geo || !h || !c) {
        els.g.setAttribute('display', 'none');
        return;
      }
      const { pw, ph, left } = geo;
      let rx: number;
      if (h.kind === 'bar') {
        const bx = this.c.band!;
        const label = this.c.panels[i].bars!.labels[h.k];
        rx = (bx(label) ?? 0) + bx.bandwidth() / 2;
        set(els.band, { x: (bx(label) ?? 0) - (bx.step() - bx.bandwidth()) / 2, width: bx.step(), display: 'inline' });
        els.rule.setAttribute('display', 'none');
      } else {
        rx = this.c.x(h.x);
        set(els.rule, { x1: rx, x2: rx, display: 'inline' });
        els.band.setAttribute('display', 'none');
        els.dots.forEach((d, j) => {
          const v = c.rows[j]?.v;
          if (v !== undefined && Number.isFinite(v)) set(d, { cx: rx, cy: this.c.y(v), display: 'inline' });
          else d.setAttribute('display', 'none');
        });
      }
      // The label: beside the rule where there is room, else on its other side; never past the panel.
      const maxW = pw + left - 8;
      const headText = fitText(c.head, maxW - 2 * HOVER_PAD, FONT, 600);
      let w = textWidth(headText, FONT, 600);
      const rows = c.rows.map((r) => {
        const value = `${t('chart.hover.colon')}${r.value}`;
        const vw = textWidth(value, FONT);
        const name = fitText(r.name, Math.max(20, maxW - 2 * HOVER_PAD - vw), FONT, 600);
        w = Math.max(w, textWidth(name, FONT, 600) + vw);
        return { name, value };
      });
      w += 2 * HOVER_PAD;
      const hgt = (rows.length + 1) * ROW + 2 * HOVER_PAD - 2;
      const lo = -left + 4;
      const hi = Math.max(lo, pw + 4 - w);
      let lx = rx + 10;
      if (lx > hi) lx = rx - 10 - w;
      lx = Math.max(lo, Math.min(hi, lx));
      const ly = Math.max(0, Math.min(4, ph - hgt));
      set(els.box, { x: lx, y: ly, width: w, height: hgt });
      set(els.head, { x: lx + HOVER_PAD, y: ly + HOVER_PAD + ROW - 4 });
      if (els.head.textContent !== headText) els.head.textContent = headText;
      els.rows.forEach((r, j) => {
        set(r.text, { x: lx + HOVER_PAD, y: ly + HOVER_PAD + (j + 2) * ROW - 4 });
        const row = rows[j] ?? { name: '', value: '' };
        if (r.name.textContent !== row.name) r.name.textContent = row.name;
        if (r.value.textContent !== row.value) r.value.textContent = row.value;
      });
      els.g.setAttribute('display', 'inline');
    });
  }
}
