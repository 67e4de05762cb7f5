import { LitElement, css, html } from 'lit';
import '../charts/fg-chart.ts';
import type { FgChart } from '../charts/fg-chart.ts';
import type { ChartContext, Line, Panel, PanelFigure } from '../charts/chart-types.ts';
import { PALETTE, ROLE_COLOUR } from '../../render/palette.ts';
import { fmt, nameOf, t } from '../../render/i18n.ts';
import { formatFigure, labelOf } from '../../render/figures.ts';
import type { RunData } from '../run-data.ts';
import { CLOSE_HOUR_EDGES } from '../../sim/observe/histogram.ts';
import { SLA_KEYS } from '../../sim/observe/targets.ts';
import { trailingMean } from '../smoothing.ts';

export interface CompareColumn {
  title: string;
  data?: RunData;
}

const C = PALETTE;
const LEVEL_COLOUR: Record<string, number> = { grid: 0, community: 1, intermediate: 2 };
/** Palette entries for levels: those not taken by a role. */
const LEVEL_SEQ = [0, 1, 2, 3, 4, 8];

/** A colour per tier by its role, the same in every panel; its name from that structure. */
export function tierLines(d: RunData): { i: number; label: string; color: string }[] {
  const used = new Set<string>();
  return d.info.tiers
    .map((tier, i) => ({ tier, i }))
    .filter(({ i }) => d.tierSeries('utilisationWeek', i).some((v) => Number.isFinite(v)))
    .map(({ tier, i }) => {
      const kind = tier.kind as keyof typeof ROLE_COLOUR;
      let color: string = ROLE_COLOUR[kind] ?? C[LEVEL_COLOUR[tier.kind] ?? 3];
      for (const k of LEVEL_SEQ) if (used.has(color)) color = C[k];
      used.add(color);
      const label =
        tier.kind === 'departments'
          ? t('tier.departments')
          : tier.kind === 'centre'
            ? t('tier.centre')
            : tier.kind === 'hotline'
              ? t('tier.hotline')
              : nameOf(tier);
      return { i, label, color };
    });
}

/**
 * The live charts: every chart has one panel per structure on the same scales. Metrics are
 * computed by the simulation; this only picks columns out of the runs. The guided story
 * points at a chart through `highlight` and `targetElement`.
 */
/** Times to close of the cases closed so far, as the time-to-close chart states them under its bars. */
const CLOSE_FIGURES = ['hoursToClose.p50', 'hoursToClose.p90'] as const;

/** The figures stated under a structure's histogram: its latest frame's times to close of closed cases, labelled by the catalogue. */
export function closeFigures(d: RunData | undefined): PanelFigure[] {
  const h = d?.last?.hoursToClose;
  if (!h || !(h.mean >= 0)) return [];
  return CLOSE_FIGURES.map((id) => {
    const value = id === 'hoursToClose.p50' ? h.p50 : h.p90;
    return { id, label: labelOf(id), value, text: formatFigure(value, 'h') };
  });
}

/**
 * The live charts: every chart has one panel per structure on the same scales. Every line is
 * a series of the catalogue (sim/observe/series.ts), labelled by it; this only picks series
 * out of the runs. With `smooth`, lines over days are their trailing 7-day average (and say
 * so). The guided story points at a chart through `highlight` and `targetElement`.
 *
 * @fires smooth-change - detail: whether lines over days show their 7-day average
 */
export class FgCompare extends LitElement {
  static properties = {
    /** The language: a change re-renders the strings. */
    lang: { type: String },
    columns: { attribute: false },
    days: { type: Number },
    context: { attribute: false },
    /** A run is under way: the charts draw in animation frames (see FgChart). */
    live: { type: Boolean },
    /** Show only the chart with this id (an embed). */
    only: { type: String },
    /** Outline the chart with this id (what the guided story points at). */
    highlight: { type: String },
    /** Lines over days as their trailing 7-day average. */
    smooth: { type: Boolean },
  };
  declare lang: string;
  /** Each structure's title and run, in column order (no run: an empty panel). */
  declare columns: CompareColumn[];
  /** Structures, seed, days and source for exported charts. */
  declare context: ChartContext | undefined;
  /** Days of the run: the x axes span them from the start. */
  declare days: number;
  declare live: boolean;
  declare only: string;
  declare highlight: string;
  declare smooth: boolean;

  static styles = css`
    :host {
      display: block;
    }
    fg-chart.story-target {
      outline: 4px solid #e66100;
      outline-offset: 3px;
      border-radius: 4px;
      scroll-margin-top: 1rem;
    }
    .options {
      font-size: 0.9rem;
      margin: 0 0 0.4rem;
    }
    .options input {
      margin-right: 0.3rem;
    }
  `;

  constructor() {
    super();
    this.columns = [];
    this.days = 365;
    this.live = false;
    this.only = '';
    this.highlight = '';
    this.smooth = false;
  }

  protected updated(): void {
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('fg-chart')) {
      el.style.display = this.only && el.getAttribute('chart-id') !== this.only ? 'none' : '';
      el.classList.toggle('story-target', !!this.highlight && el.getAttribute('chart-id') === this.highlight);
      // Shown alone (an embed), the chart fits the frame.
      (el as FgChart).fit = !!this.only;
    }
  }

  /** The chart with this id, for pointing at it. */
  targetElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`fg-chart[chart-id="${CSS.escape(id)}"]`);
  }

  private panels(f: (d: RunData) => Line[]): Panel[] {
    return this.columns.map((c) => ({ title: c.title, lines: c.data ? f(c.data) : [] }));
  }

  /** A catalogue series of a run as a line over days, labelled by the catalogue (and smoothed when asked). */
  private line(d: RunData, id: string, color: string, opts: { dashed?: boolean; scale?: number } = {}): Line {
    const raw = d.series(id);
    const scaled = opts.scale ? raw.map((v) => v * opts.scale!) : raw;
    return {
      label: this.smooth ? t('chart.smoothed', { label: labelOf(id) }) : labelOf(id),
      color,
      x: d.day,
      y: this.smooth ? trailingMean(scaled, 7) : scaled,
      dashed: opts.dashed,
      key: d,
    };
  }

  render() {
    const empty = t('chart.empty');
    const day = t('chart.day');
    const histLabels = [
      ...CLOSE_HOUR_EDGES.map((e) => `≤${fmt(e, e < 1 ? 1 : 0)}`),
      `>${fmt(CLOSE_HOUR_EDGES[CLOSE_HOUR_EDGES.length - 1])}`,
    ];
    const i24 = CLOSE_HOUR_EDGES.indexOf(24);
    const i5wd = CLOSE_HOUR_EDGES.indexOf(168);
    const ctx = this.context;
    const dayAt = (v: number) => t('chart.hover.day', { n: fmt(v) });
    const anyRun = this.columns.some((c) => c.data);
    // The 7-day average, under the chart whose weekly zig-zag it smooths (not in an embed).
    const options = this.only
      ? ''
      : html`<p class="options">
          <label
            ><input
              type="checkbox"
              id="smooth"
              .checked=${this.smooth}
              ?disabled=${!anyRun}
              @change=${(e: Event) =>
                this.dispatchEvent(
                  new CustomEvent('smooth-change', { detail: (e.target as HTMLInputElement).checked, bubbles: true, composed: true }),
                )}
            />${t('chart.smooth')}</label
          >
        </p>`;
    return html`
      <fg-chart
        .live=${this.live}
        .context=${ctx}
        chart-id="throughput"
        .heading=${t('chart.throughput')}
        .xLabel=${day}
        .hoverX=${dayAt}
        .xMax=${this.days}
        .yLabel=${t('unit.cases')}
        .empty=${empty}
        .panels=${this.panels((d) => [this.line(d, 'closedInInterval', C[0]), this.line(d, 'open', C[1], { dashed: true })])}
      ></fg-chart>
      ${options}
      <fg-chart
        .live=${this.live}
        .context=${ctx}
        chart-id="time-to-close"
        .figuresAhead=${CLOSE_FIGURES.map((id) => `${labelOf(id)} ${formatFigure(88.8, 'h')}`)}
        .heading=${t('chart.closeTime')}
        .xLabel=${t('chart.hours')}
        .yLabel=${t('unit.cases')}
        .empty=${empty}
        .refX=${[
          { value: i24, label: t('chart.ref24hFull'), short: t('chart.ref24h') },
          { value: i5wd, label: t('chart.ref5wd'), short: t('chart.ref1w') },
        ]}
        .panels=${this.columns.map((c) => {
          const figures = closeFigures(c.data);
          return {
            title: c.title,
            bars: {
              labels: histLabels,
              values: Array.from(c.data?.last?.closeHistogram ?? new Float64Array(histLabels.length)),
              color: C[0],
              label: t('chart.closeTime.bars'),
            },
            // Under the bars in words ("median 4.2 h, 90th percentile 18.0 h"), the same digits as the figures.
            note:
              figures.length === 2
                ? t('chart.closeTime.note', { p50: fmt(figures[0].value, 1), p90: fmt(figures[1].value, 1) })
                : undefined,
            figures,
          };
        })}
      ></fg-chart>
      <fg-chart
        .live=${this.live}
        .context=${ctx}
        chart-id="service-targets"
        .heading=${t('chart.sla')}
        .xLabel=${day}
        .hoverX=${dayAt}
        .xMax=${this.days}
        .yLabel=${t('chart.share')}
        percent
        .yMin=${0}
        .yMax=${1}
        .empty=${empty}
        .panels=${this.panels((d) => SLA_KEYS.map((k, i) => this.line(d, `sla.${k}`, C[i])))}
      ></fg-chart>
      <fg-chart
        .live=${this.live}
        .context=${ctx}
        chart-id="local-resolution"
        .heading=${t('chart.local')}
        .xLabel=${day}
        .hoverX=${dayAt}
        .xMax=${this.days}
        .yLabel=${t('chart.share')}
        percent
        .yMin=${0.5}
        .yMax=${1}
        .empty=${empty}
        .refY=${[{ value: 0.9, label: t('chart.local.target') }]}
        .panels=${this.panels((d) => [this.line(d, 'localResolutionShare', C[0])])}
      ></fg-chart>
      <fg-chart
        .live=${this.live}
        .context=${ctx}
        chart-id="utilisation"
        .heading=${t('chart.util')}
        .xLabel=${day}
        .hoverX=${dayAt}
        .xMax=${this.days}
        .yLabel=${t('chart.share')}
        percent
        .yMin=${0}
        .empty=${empty}
        .panels=${this.panels((d) =>
          tierLines(d).map(({ i, label, color }) => {
            const y = d.tierSeries('utilisationWeek', i);
            return {
              label: this.smooth ? t('chart.smoothed', { label }) : label,
              color,
              x: d.day,
              y: this.smooth ? trailingMean(y, 7) : y,
              key: d,
            };
          }),
        )}
      ></fg-chart>
      <fg-chart
        .live=${this.live}
        .context=${ctx}
        chart-id="cost"
        .heading=${t('chart.cost.heading')}
        .xLabel=${day}
        .hoverX=${dayAt}
        .xMax=${this.days}
        .yLabel=${t('unit.myuan')}
        .empty=${empty}
        .panels=${this.panels((d) => [this.line(d, 'costYuan', C[2], { scale: 1e-6 })])}
      ></fg-chart>
      <fg-chart
        .live=${this.live}
        .context=${ctx}
        chart-id="cost-per-case"
        .heading=${t('chart.costPerCase.heading')}
        .xLabel=${day}
        .hoverX=${dayAt}
        .xMax=${this.days}
        .yLabel=${t('unit.yuan')}
        .empty=${empty}
        .panels=${this.panels((d) => [this.line(d, 'cost.perCaseYuan', C[3])])}
      ></fg-chart>
      <fg-chart
        .live=${this.live}
        .context=${ctx}
        chart-id="trust"
        .heading=${t('chart.trust')}
        .xLabel=${day}
        .hoverX=${dayAt}
        .xMax=${this.days}
        .yLabel=${t('chart.share')}
        percent
        .yMin=${0}
        .yMax=${1}
        .empty=${empty}
        .panels=${this.panels((d) => [this.line(d, 'trust.mean', C[4]), this.line(d, 'bypassShare', C[5], { dashed: true })])}
      ></fg-chart>
    `;
  }
}

customElements.define('fg-compare', FgCompare);

declare global {
  interface HTMLElementTagNameMap {
    'fg-compare': FgCompare;
  }
}
