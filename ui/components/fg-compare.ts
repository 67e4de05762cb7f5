import { LitElement, css, html } from 'lit';
import * as d3 from 'd3';
import '../charts/fg-chart.ts';
import type { Line, Panel } from '../charts/fg-chart.ts';
import { fmt, nameOf, t } from '../i18n.ts';
import type { RunData } from '../run-data.ts';
import { CLOSE_HOUR_EDGES } from '../../sim/metrics.ts';

export interface CompareColumn {
  title: string;
  data?: RunData;
}

const C = d3.schemeTableau10;

/**
 * The live charts: every chart has one panel per structure on the same scales. Metrics are
 * computed by the simulation; this only picks columns out of the runs.
 */
export class FgCompare extends LitElement {
  static properties = {
    /** The language: a change re-renders the strings. */
    lang: { type: String }, columns: { attribute: false }, days: { type: Number } };
  declare columns: CompareColumn[];
  /** Days of the run: the x axes span them from the start. */
  declare days: number;

  static styles = css`
    :host { display: block; }
  `;

  constructor() {
    super();
    this.columns = [];
    this.days = 365;
  }

  private panels(f: (d: RunData) => Line[], note?: (d: RunData) => string | undefined): Panel[] {
    return this.columns.map((c) => ({ title: c.title, lines: c.data ? f(c.data) : [], note: c.data && note ? note(c.data) : undefined }));
  }

  render() {
    const empty = t('chart.empty');
    const day = t('chart.day');
    const histLabels = [...CLOSE_HOUR_EDGES.map((e) => `≤${fmt(e, e < 1 ? 1 : 0)}`), `>${fmt(CLOSE_HOUR_EDGES[CLOSE_HOUR_EDGES.length - 1])}`];
    const i24 = CLOSE_HOUR_EDGES.indexOf(24);
    const i5wd = CLOSE_HOUR_EDGES.indexOf(168);
    const tiersOf = (d: RunData) => d.info.tiers.map((tier, i) => ({ tier, i })).filter(({ i }) => d.utilisationWeekByTier.some((r) => Number.isFinite(r[i])));
    const tierLabel = (d: RunData, i: number) => {
      const tier = d.info.tiers[i];
      return tier.kind === 'departments' ? t('tier.departments') : tier.kind === 'centre' ? t('tier.centre') : tier.kind === 'hotline' ? t('tier.hotline') : nameOf(tier);
    };
    return html`
      <fg-chart chart-id="throughput" .heading=${t('chart.throughput')} .xLabel=${day} .xMax=${this.days} .yLabel=${`${t('chart.cases')}`} .empty=${empty}
        .panels=${this.panels((d) => [
          { label: t('chart.throughput.closed'), color: C[0], x: d.day, y: d.closedInInterval },
          { label: t('chart.throughput.open'), color: C[1], x: d.day, y: d.open, dashed: true },
        ])}></fg-chart>
      <fg-chart chart-id="time-to-close" .heading=${t('chart.closeTime')} .xLabel=${t('chart.hours')} .yLabel=${t('chart.cases')} .empty=${empty}
        .refX=${[{ value: i24, label: t('chart.ref24h') }, { value: i5wd, label: t('chart.ref5wd') }]}
        .panels=${this.columns.map((c) => ({
          title: c.title,
          bars: { labels: histLabels, values: Array.from(c.data?.last?.closeHistogram ?? new Float64Array(histLabels.length)), color: C[0] },
          note: c.data?.last && c.data.last.hoursToClose.mean >= 0
            ? t('chart.closeTime.note', { p50: fmt(c.data.last.hoursToClose.p50, 1), p90: fmt(c.data.last.hoursToClose.p90, 1) })
            : undefined,
        }))}></fg-chart>
      <fg-chart chart-id="service-targets" .heading=${t('chart.sla')} .xLabel=${day} .xMax=${this.days} .yLabel=${t('chart.share')} percent .yMin=${0} .yMax=${1} .empty=${empty}
        .panels=${this.panels((d) => (['accept30m', 'onsite1h', 'close24h', 'difficult5wd'] as const).map((k, i) => ({
          label: t(`chart.sla.${k}`), color: C[i], x: d.day, y: d.sla.map((r) => r[i]),
        })))}></fg-chart>
      <fg-chart chart-id="local-resolution" .heading=${t('chart.local')} .xLabel=${day} .xMax=${this.days} .yLabel=${t('chart.share')} percent .yMin=${0.5} .yMax=${1} .empty=${empty}
        .refY=${[{ value: 0.9, label: t('chart.local.target') }]}
        .panels=${this.panels((d) => [{ label: t('chart.local'), color: C[0], x: d.day, y: d.localResolutionShare }])}></fg-chart>
      <fg-chart chart-id="utilisation" .heading=${t('chart.util')} .xLabel=${day} .xMax=${this.days} .yLabel=${t('chart.share')} percent .yMin=${0} .empty=${empty}
        .panels=${this.panels((d) => tiersOf(d).map(({ i }, k) => ({ label: tierLabel(d, i), color: C[k % 10], x: d.day, y: d.utilisationWeekByTier.map((r) => r[i]) })))}></fg-chart>
      <fg-chart chart-id="cost" .heading=${t('chart.cost.heading')} .xLabel=${day} .xMax=${this.days} .yLabel=${t('unit.myuan')} .empty=${empty}
        .panels=${this.panels((d) => [{ label: t('chart.cost.total'), color: C[2], x: d.day, y: d.costYuan.map((v) => v / 1e6) }])}></fg-chart>
      <fg-chart chart-id="cost-per-case" .heading=${t('chart.costPerCase.heading')} .xLabel=${day} .xMax=${this.days} .yLabel=${t('unit.yuan')} .empty=${empty}
        .panels=${this.panels((d) => [{ label: t('chart.cost.perCase'), color: C[3], x: d.day, y: d.costYuan.map((v, i) => (d.closed[i] > 0 ? v / d.closed[i] : NaN)) }])}></fg-chart>
      <fg-chart chart-id="trust" .heading=${t('chart.trust')} .xLabel=${day} .xMax=${this.days} .yLabel=${t('chart.share')} percent .yMin=${0} .yMax=${1} .empty=${empty}
        .panels=${this.panels((d) => [
          { label: t('chart.trust.mean'), color: C[4], x: d.day, y: d.trustMean },
          { label: t('chart.trust.bypass'), color: C[5], x: d.day, y: d.bypassShareInInterval, dashed: true },
        ])}></fg-chart>
    `;
  }
}

customElements.define('fg-compare', FgCompare);

declare global {
  interface HTMLElementTagNameMap {
    'fg-compare': FgCompare;
  }
}
