/**
 * The SVG drawing of a chart, kept between updates: `rebuild` draws everything but the data
 * marks (axes, titles, legends, reference lines), `rescaleY` moves what depends on the y range,
 * and `updateMarks` appends new points to the paths and sets bar heights and notes. The
 * chart element decides which of them a change needs.
 */
import * as d3 from 'd3';
import { fmt } from '../../render/i18n.ts';
import { legendRows } from './chart-layout.ts';
import { FONT, REF_COLOUR, ROW, type DrawnLayout, type Geometry, type Panel, type RefLine } from './chart-types.ts';
import { CHART_FONT, fitText } from './text.ts';

interface LineState {
  /** What the points drawn belong to (Line.key, or the x array): another means another run, drawn anew. */
  src?: unknown;
  path: SVGPathElement;
  dot: SVGCircleElement;
  n: number;
  d: string;
  prevFinite: boolean;
}

/** What a drawing shows besides its data marks. */
export interface DrawingSpec {
  panels: readonly Panel[];
  xLabel: string;
  yLabel: string;
  refX: readonly RefLine[];
  refY: readonly RefLine[];
  /** What an empty panel says ('' for nothing). */
  empty: string;
}

export class ChartDrawing implements DrawnLayout {
  x = d3.scaleLinear();
  y = d3.scaleLinear();
  geo?: Geometry;
  plotOrigins: { x: number; y: number }[] = [];
  band?: d3.ScaleBand<string>;
  private textRoom = 0;
  private yAxes: SVGGElement[] = [];
  private refYEls: { value: number; line: SVGLineElement; text: SVGTextElement }[][] = [];
  private lineStates: LineState[][] = [];
  private barRects: SVGRectElement[][] = [];
  private noteEls: SVGTextElement[] = [];
  /** The "press Run" text of each panel. */
  private emptyEls: SVGTextElement[] = [];

  /** Show or hide the text of empty panels. */
  showEmpty(show: boolean): void {
    for (const el of this.emptyEls) el.setAttribute('display', show ? 'inline' : 'none');
  }

  /** Everything but the data marks' positions: axes, titles, legends, reference lines. */
  rebuild(svgEl: SVGSVGElement, geo: Geometry, xd: [number, number], spec: DrawingSpec): void {
    const { W, H, cols, pw, ph, head, left, gapX, gapY } = geo;
    this.geo = geo;
    const { panels, refX, refY } = spec;
    const refs = [...refX, ...refY];
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
      for (const row of legendRows(p, pw, refs)) {
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
        .text(spec.yLabel);
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
        for (const [k, r] of refX.entries()) {
          const idx = Math.round(r.value);
          const xv = (bx(labels[idx]) ?? 0) + bx.bandwidth() + (bx.step() - bx.bandwidth()) / 2;
          plot
            .append('line')
            .attr('x1', xv)
            .attr('x2', xv)
            .attr('y1', 0)
            .attr('y2', ph)
            .attr('stroke', REF_COLOUR)
            .attr('stroke-dasharray', '4 3');
          const right = xv > pw * 0.6;
          const room = right ? xv - 4 : pw - xv - 4;
          plot
            .append('text')
            .attr('x', right ? xv - 3 : xv + 3)
            .attr('y', 10 + 13 * k)
            .attr('text-anchor', right ? 'end' : 'start')
            .attr('fill', REF_COLOUR)
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
      this.refYEls[i] = refY.map((r) => ({
        value: r.value,
        line: plot.append('line').attr('x1', 0).attr('x2', pw).attr('stroke', REF_COLOUR).attr('stroke-dasharray', '4 3').node()!,
        text: plot
          .append('text')
          .attr('x', pw - 2)
          .attr('text-anchor', 'end')
          .attr('fill', REF_COLOUR)
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
        .text(spec.xLabel);
      if (spec.empty)
        this.emptyEls.push(
          plot
            .append('text')
            .attr('class', 'empty')
            .attr('x', pw / 2)
            .attr('y', ph / 2)
            .attr('text-anchor', 'middle')
            .attr('fill', '#444')
            .text(fitText(spec.empty, pw))
            .node()!,
        );
    });
  }

  /** Set the y range: axes, reference lines, and every mark drawn anew. */
  rescaleY(yd: [number, number], percent: boolean): void {
    const { y, geo } = this;
    if (!geo) return;
    y.domain(yd);
    const yFmt = (v: d3.NumberValue) =>
      percent ? `${fmt(100 * Number(v), 0)}%` : fmt(Number(v), Math.abs(Number(v)) < 10 && yd[1] < 10 ? 1 : 0);
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
  updateMarks(panels: readonly Panel[]): void {
    const { x, y } = this;
    const r1 = (v: number) => Math.round(v * 10) / 10;
    panels.forEach((p, i) => {
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
        const src = l.key ?? l.x;
        if (l.x.length < st.n || src !== st.src) Object.assign(st, { src, n: 0, d: '', prevFinite: false });
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
