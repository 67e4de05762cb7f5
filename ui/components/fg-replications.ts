import { LitElement, css, html } from 'lit';
import { METRIC_BY_ID } from '../../sim/catalog.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { browserExecutor, browserPool, browserWorkerCount } from '../../workers/browser-pool.ts';
import { estimateAppRun } from '../budget.ts';
import { parseExperiment, planExperiment, toCsv, toJson } from '../../workers/experiment.ts';
import { runExperiment, type ExperimentOutput } from '../../workers/runner.ts';
import { downloadText } from '../charts/export.ts';
import { fmt, getLang, t, unitName } from '../i18n.ts';

const METRICS = ['localResolutionShare', 'hoursToClose.mean', 'hoursToClose.p90', 'sla.accept30m', 'sla.onsite1h', 'sla.close24h',
  'sla.difficult5wd', 'hopsPerCase', 'cost.annualYuan', 'cost.perCaseYuan', 'trust.mean', 'bypassShare'];

/** Decimals that show the half-width to two significant digits. */
function decimals(half: number): number {
  return Number.isFinite(half) && half > 0 ? Math.min(4, Math.max(0, 1 - Math.floor(Math.log10(half)))) : 1;
}

/** "mean ± half" with the unit, in the current locale. */
function pm(mean: number, half: number, unit: string): string {
  if (!Number.isFinite(mean)) return '–';
  let scale = 1;
  let u = unit === 'h' ? t('unit.hours') : unit === 'yuan' ? t('unit.yuan') : unitName(unit);
  if (unit === 'share') (scale = 100), (u = '%');
  else if (unit === 'yuan/year') (scale = 1e-6), (u = t('unit.myuan'));
  const d = decimals(half * scale);
  return Number.isFinite(half) ? `${fmt(mean * scale, d)} ± ${fmt(half * scale, d)} ${u}` : `${fmt(mean * scale, d)} ${u}`;
}

/**
 * Replications through the experiment runner and a pool of Web Workers: every metric as
 * mean with its 95% interval per structure, and the paired difference against the first.
 */
export class FgReplications extends LitElement {
  static properties = {
    /** The language: a change re-renders the strings. */
    lang: { type: String },
    structures: { attribute: false },
    seed: { type: Number },
    days: { type: Number },
    replications: { type: Number },
    _out: { state: true },
    _progress: { state: true },
    _running: { state: true },
    _error: { state: true },
  };
  declare structures: { label: string; scenario?: Scenario }[];
  declare seed: number;
  declare days: number;
  declare replications: number;
  declare _out: ExperimentOutput | undefined;
  declare _progress: { done: number; total: number } | undefined;
  declare _running: boolean;
  declare _error: string;
  private ctl?: AbortController;
  private pool?: ReturnType<typeof browserPool>;

  static styles = css`
    :host { display: block; }
    h2 { font-size: 1.05rem; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    input { font: inherit; width: 5rem; }
    button { font: inherit; padding: 0.3rem 0.8rem; border: 1px solid #1a1a1a; background: #fff; border-radius: 4px; cursor: pointer; color: #1a1a1a; }
    button.primary { background: #1a5fb4; color: #fff; border-color: #1a5fb4; }
    button:focus-visible, input:focus-visible { outline: 3px solid #e66100; outline-offset: 2px; }
    progress { width: 14rem; }
    table { border-collapse: collapse; margin: 0.75rem 0; font-variant-numeric: tabular-nums; }
    th, td { border-bottom: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    .better { color: #0b6b2b; font-weight: 600; }
    .worse { color: #a00; font-weight: 600; }
    .note { color: #333; font-size: 0.85rem; }
    .error { color: #a00; }
  `;

  constructor() {
    super();
    this.structures = [];
    this.seed = 1;
    this.days = 365;
    this.replications = 10;
    this._running = false;
    this._error = '';
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ctl?.abort();
    this.pool?.close();
  }

  private async run() {
    const valid = this.structures.filter((s) => s.scenario);
    if (valid.length === 0) return;
    const est = estimateAppRun(valid.map((s) => s.scenario), this.days, { runs: this.replications, parallel: this.pool?.size ?? browserWorkerCount() });
    this._error = est.level === 'refuse' ? est.message : '';
    if (est.level === 'refuse' || (est.level === 'warn' && !confirm(est.message))) return;
    this._out = undefined;
    this._running = true;
    this.ctl = new AbortController();
    this.pool ??= browserPool();
    try {
      const e = parseExperiment({
        name: 'app', replications: this.replications, days: this.days, baseSeed: this.seed, metrics: METRICS,
        structures: valid.map((s) => ({ label: s.label, scenario: s.scenario })),
      });
      const plan = planExperiment(e, (r) => r.scenario);
      this._progress = { done: 0, total: plan.structures.length * this.replications };
      this._out = await runExperiment(plan, browserExecutor(this.pool), {
        signal: this.ctl.signal,
        onProgress: (p) => (this._progress = { done: p.done, total: p.total }),
      });
      if (this._out.failures.length) this._error = t('reps.failed', { n: this._out.failures.length, message: this._out.failures[0].message });
      else if (!this._out.manifest.complete) this._error = t('reps.cancelled', { done: this._progress?.done ?? 0 });
    } catch (err) {
      this._error = (err as Error).message;
    } finally {
      this._running = false;
    }
  }

  render() {
    const out = this._out;
    return html`
      <h2>${t('reps.title')}</h2>
      <p class="note">${t('reps.empty')}</p>
      <div class="controls">
        <label>${t('reps.count')} <input id="reps" type="number" min="2" max="1000" .value=${String(this.replications)}
          @change=${(e: Event) => this.dispatchEvent(new CustomEvent('replications-change', { detail: (e.target as HTMLInputElement).valueAsNumber, bubbles: true, composed: true }))} /></label>
        <span>${t('reps.days')}: ${fmt(this.days)}</span>
        ${this._running
          ? html`<button id="cancel-reps" @click=${() => this.ctl?.abort()}>${t('reps.cancel')}</button>`
          : html`<button id="run-reps" class="primary" @click=${() => this.run()}>${t('reps.run')}</button>`}
        ${this._progress
          ? html`<progress max=${this._progress.total} .value=${this._progress.done} aria-label=${t('reps.progress', this._progress)}></progress>
              <span role="status">${t('reps.progress', this._progress)}</span>`
          : ''}
        ${out ? html`<button @click=${() => downloadText(toCsv(out), 'replications.csv', 'text/csv')}>${t('export.csv')}</button>
                     <button @click=${() => downloadText(toJson(out), 'replications.json', 'application/json')}>${t('export.json')}</button>` : ''}
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : ''}
      ${out ? this.table(out) : ''}
      ${out ? html`<p class="note">${t('reps.note')}</p>` : ''}
    `;
  }

  private table(out: ExperimentOutput) {
    const labels = out.resolved.map((r) => r.label);
    return html`<table id="reps-table">
      <thead><tr><th scope="col">${t('reps.metric')}</th>${labels.map((l) => html`<th scope="col">${l}</th>`)}
        ${labels.slice(1).map((l) => html`<th scope="col">${t('reps.diff', { a: labels[0], b: l })}</th>`)}</tr></thead>
      <tbody>${METRICS.map((m) => {
        const info = METRIC_BY_ID.get(m)!;
        const label = getLang() === 'zh' ? info.labelZh : info.label;
        return html`<tr><th scope="row">${label}</th>
          ${labels.map((l) => {
            const r = out.summary.find((x) => x.structure === l && x.metric === m)!;
            return html`<td>${pm(r.mean, r.half, info.unit)}</td>`;
          })}
          ${labels.slice(1).map((l) => {
            const d = out.differences.find((x) => x.b === l && x.metric === m)!;
            const significant = d.low > 0 || d.high < 0;
            const good = significant && (d.mean > 0) === info.higherIsBetter;
            return html`<td class=${significant ? (good ? 'better' : 'worse') : ''}>${pm(d.mean, d.half, info.unit)}</td>`;
          })}</tr>`;
      })}</tbody>
    </table>`;
  }
}

customElements.define('fg-replications', FgReplications);

declare global {
  interface HTMLElementTagNameMap {
    'fg-replications': FgReplications;
  }
}
