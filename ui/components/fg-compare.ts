import { LitElement, css, html } from 'lit';
import '../charts/fg-chart.ts';
import type { ChartContext, Line, Panel } from '../charts/chart-types.ts';
import { PALETTE, ROLE_COLOUR } from '../../render/palette.ts';
import { fmt, nameOf, t } from '../../render/i18n.ts';
import type { RunData } from '../run-data.ts';
import { CLOSE_HOUR_EDGES } from '../../sim/observe/histogram.ts';

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
    .filter(({ i }) => d.utilisationWeekByTier.some((r) => Number.isFinite(r[i])))
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
  `;

  constructor() {
    super();
    this.columns = [];
    this.days = 365;
    this.live = false;
    this.only = '';
    this.highlight = '';
  }

  protected updated(): void {
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('fg-chart')) {
      el.style.display = this.only && el.getAttribute('chart-id') !== this.only ? 'none' : '';
      el.classList.toggle('story-target', !!this.highlight && el.getAttribute('chart-id') === this.highlight);
    }
  }

  /** The chart with this id, for pointing at it. */
  targetElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`fg-chart[chart-id="${CSS.escape(id)}"]`);
  }

  private panels(f: (d: RunData) => Line[], note?: (d: RunData) => string | undefined): Panel[] {
    return this.columns.map((c) => ({ title: c.title, lines: c.data ? f(c.data) : [], note: c.data && note ? note(c.data) : undefined }));
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
    return html`
      <fg-chart
        .live=${this.live}
        .context=${ctx}
        chart-id="throughput"
        .heading=${t('chart.throughput')}
        .xLabel=${day}
        .hoverX=${dayAt}
        .xMax=${this.days}
        .yLabel=${`${t('chart.cases')}`}
        .empty=${empty}
        .panels=${this.panels((d) => [
          { label: t('chart.throughput.closed'), color: C[0], x: d.day, y: d.closedInInterval },
          { label: t('chart.throughput.open'), color: C[1], x: d.day, y: d.open, dashed: true },
        ])}
      ></fg-chart>
      <fg-chart
        .live=${this.live}
        .context=${ctx}
        chart-id="time-to-close"
        .heading=${t('chart.closeTime')}
        .xLabel=${t('chart.hours')}
        .yLabel=${t('chart.cases')}
        .empty=${empty}
        .refX=${[
          { value: i24, label: t('chart.ref24hFull'), short: t('chart.ref24h') },
          { value: i5wd, label: t('chart.ref5wd'), short: t('chart.ref1w') },
        ]}
        .panels=${this.columns.map((c) => ({
          title: c.title,
          bars: {
            labels: histLabels,
            values: Array.from(c.data?.last?.closeHistogram ?? new Float64Array(histLabels.length)),
            color: C[0],
            label: t('chart.closeTime.bars'),
          },
          note:
            c.data?.last && c.data.last.hoursToClose.mean >= 0
              ? t('chart.closeTime.note', { p50: fmt(c.data.last.hoursToClose.p50, 1), p90: fmt(c.data.last.hoursToClose.p90, 1) })
              : undefined,
        }))}
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
        .panels=${this.panels((d) =>
          (['accept30m', 'onsite1h', 'close24h', 'difficult5wd'] as const).map((k, i) => ({
            label: t(`chart.sla.${k}`),
            color: C[i],
            x: d.day,
            y: d.sla.map((r) => r[i]),
          })),
        )}
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
        .panels=${this.panels((d) => [{ label: t('chart.local'), color: C[0], x: d.day, y: d.localResolutionShare }])}
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
        .panels=${this.panels((d) => tierLines(d).map(({ i, label, color }) => ({ label, color, x: d.day, y: d.utilisationWeekByTier.map((r) => r[i]) })))}
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
        .panels=${this.panels((d) => [{ label: t('chart.cost.total'), color: C[2], x: d.day, y: d.costYuan.map((v) => v / 1e6) }])}
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
        .panels=${this.panels((d) => [{ label: t('chart.cost.perCase'), color: C[3], x: d.day, y: d.costYuan.map((v, i) => (d.closed[i] > 0 ? v / d.closed[i] : NaN)) }])}
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
        .panels=${this.panels((d) => [
          { label: t('chart.trust.mean'), color: C[4], x: d.day, y: d.trustMean },
          { label: t('chart.trust.bypass'), color: C[5], x: d.day, y: d.bypassShareInInterval, dashed: true },
        ])}
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
