import { LitElement, css, html, type PropertyValues } from 'lit';
import type { Scenario } from '../../scenarios/schema.ts';
import { browserExecutor, browserPool, browserWorkerCount } from '../../workers/browser-pool.ts';
import { parseExperiment } from '../../experiments/experiment.ts';
import { planExperiment } from '../../experiments/plan.ts';
import { runSensitivity, sensitivityRuns, type SensitivityProgress, type SensitivityResult } from '../../experiments/sensitivity-run.ts';
import { decidesChart, decidesTable, localNames, outputLabel } from '../charts/decides-chart.ts';
import { downloadText } from '../charts/export.ts';
import { fmt, getLang, t, type MessageKey } from '../../render/i18n.ts';

/** Outputs the app analyses when it computes for the structures compared. */
const METRICS = ['hoursToCloseAll.mean', 'localResolutionShare', 'sla.close24h', 'cost.annualYuan', 'trust.mean'];
/** A design the browser finishes in minutes: 4 Morris trajectories, Sobol of the top 6 with N = 16. */
const APP_DESIGN = { morris: { trajectories: 4, levels: 4 }, sobol: { top: 6, n: 16 }, bootstrap: 500, seed: 1 };

/**
 * "What decides the answer": which assumptions (parameters no source gives) move a result
 * most, by Sobol total index (its share of the result's variance, with interactions) and
 * Morris μ*. Shows the analysis that ships with the model (the reform's before and after)
 * and computes it, in the workers, for the structures the user compares.
 *
 * @fires decides-result - detail: the analysis computed for the structures compared, or undefined when it no longer belongs to them
 */
export class FgDecides extends LitElement {
  static properties = {
    lang: { type: String },
    structures: { attribute: false },
    seed: { type: Number },
    days: { type: Number },
    _result: { state: true },
    _own: { state: true },
    _output: { state: true },
    _table: { state: true },
    _progress: { state: true },
    _running: { state: true },
    _error: { state: true },
    _width: { state: true },
  };
  /** The language: a change re-renders the strings. */
  declare lang: string;
  /** The structures compared, by their titles; an invalid one has no scenario and is left out. */
  declare structures: { label: string; scenario?: Scenario }[];
  /** The seed and days of the analysis computed here. */
  declare seed: number;
  declare days: number;
  /** The analysis shown: the shipped one, or the one computed here. */
  declare _result: SensitivityResult | undefined;
  /** Whether the result shown was computed here for the structures compared. */
  declare _own: boolean;
  /** The output shown (an index into the result's outputs), and whether as a table. */
  declare _output: number;
  declare _table: boolean;
  declare _progress: SensitivityProgress | undefined;
  declare _running: boolean;
  declare _error: string;
  /** The host's width in CSS pixels: the chart is drawn at it, so its text keeps its size on a phone. */
  declare _width: number;
  private resize = new ResizeObserver((entries) => {
    const w = Math.round(entries[0].contentRect.width);
    if (w > 0 && Math.abs(w - this._width) > 8) this._width = w;
  });
  private ctl?: AbortController;
  private pool?: ReturnType<typeof browserPool>;
  private started = 0;
  /** The inputs the shown or running analysis belongs to. */
  private inputs: unknown[] = [];

  static styles = css`
    :host {
      display: block;
      max-width: 60rem;
    }
    h2 {
      font-size: 1.05rem;
    }
    .note {
      color: #333;
      font-size: 0.85rem;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin: 0.5rem 0;
    }
    select,
    button {
      font: inherit;
    }
    select {
      max-width: 100%;
    }
    label {
      max-width: 100%;
    }
    button {
      padding: 0.3rem 0.8rem;
      border: 1px solid #1a1a1a;
      background: #fff;
      border-radius: 4px;
      cursor: pointer;
      color: #1a1a1a;
    }
    button.primary {
      background: #1a5fb4;
      color: #fff;
      border-color: #1a5fb4;
    }
    button:focus-visible,
    select:focus-visible {
      outline: 3px solid #e66100;
      outline-offset: 2px;
    }
    svg {
      width: 100%;
      height: auto;
      display: block;
    }
    .error {
      color: #a00;
    }
    table {
      border-collapse: collapse;
      margin: 0.75rem 0;
      font-variant-numeric: tabular-nums;
      font-size: 0.9rem;
    }
    th,
    td {
      border-bottom: 1px solid #ccc;
      padding: 0.3rem 0.5rem;
      text-align: right;
      vertical-align: top;
    }
    th:first-child,
    td:first-child,
    td.text {
      text-align: left;
    }
    .scroll {
      overflow-x: auto;
      max-width: 100%;
    }
    code {
      font-size: 0.85em;
    }
    .legend {
      display: flex;
      gap: 1rem;
      flex-wrap: wrap;
      font-size: 0.85rem;
    }
    .swatch {
      display: inline-block;
      width: 0.9rem;
      height: 0.9rem;
      vertical-align: -0.15rem;
      margin-right: 0.3rem;
    }
  `;

  constructor() {
    super();
    this.structures = [];
    this.seed = 1;
    this.days = 365;
    this._own = false;
    this._output = 0;
    this._table = false;
    this._running = false;
    this._error = '';
    this._width = 720;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
    if (!this._result) void this.loadShipped();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.ctl?.abort();
    this.pool?.close();
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (!(changed.has('structures') || changed.has('seed') || changed.has('days'))) return;
    // The app passes a new array on every render: the inputs are its scenarios (kept while unchanged), seed and days.
    const refs = [...this.structures.map((s) => s.scenario), this.seed, this.days];
    const same = refs.length === this.inputs.length && refs.every((r, i) => r === this.inputs[i]);
    this.inputs = refs;
    // A result computed for other structures would mislead: go back to the shipped one.
    if (!same && (this._own || this._running)) {
      this.ctl?.abort();
      this._own = false;
      this.dispatchEvent(new CustomEvent('decides-result', { detail: undefined, bubbles: true, composed: true }));
      void this.loadShipped();
    }
  }

  private async loadShipped() {
    try {
      const mod = (await import('../../docs/sensitivity.json')) as unknown as { default: SensitivityResult };
      if (!this._own) {
        this._result = mod.default;
        this._output = 0;
      }
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  private async compute() {
    const valid = this.structures.filter((s) => s.scenario);
    if (valid.length === 0) return;
    this._error = '';
    try {
      const e = parseExperiment({
        name: 'app sensitivity',
        replications: 4,
        days: this.days,
        baseSeed: this.seed,
        metrics: METRICS,
        structures: valid.map((s) => ({ label: s.label, scenario: s.scenario })),
        sensitivity: APP_DESIGN,
      });
      const plan = planExperiment(e, (r) => r.scenario);
      const runs = sensitivityRuns(plan, e.sensitivity!);
      if (!confirm(t('decides.confirm', { runs: fmt(runs.total), workers: browserWorkerCount() }))) return;
      this._running = true;
      this.ctl = new AbortController();
      this.pool ??= browserPool();
      this.started = performance.now();
      const r = await runSensitivity(plan, e.sensitivity!, browserExecutor(this.pool), {
        signal: this.ctl.signal,
        onProgress: (p) => (this._progress = p),
      });
      this._result = r;
      this._own = true;
      this._output = 0;
      this.dispatchEvent(new CustomEvent('decides-result', { detail: r, bubbles: true, composed: true }));
    } catch (err) {
      this._error = (err as Error).name === 'AbortError' ? t('decides.cancelled') : (err as Error).message;
    } finally {
      this._running = false;
      this._progress = undefined;
    }
  }

  render() {
    const r = this._result;
    const shown = r ? r.outputs.map((o, i) => ({ o, i })).filter(({ o }) => o.difference || r.structures.length === 1) : [];
    return html`
      <h2>${t('decides.title')}</h2>
      <p class="note">${t('decides.intro')}</p>
      ${
        r
          ? html`<p class="note" id="decides-source">
                ${
                  this._own
                    ? t('decides.own', {
                        structures: localNames(r, r.structures.join(getLang() === 'zh' ? '、' : ', ')),
                        days: fmt(r.days),
                        runs: fmt(r.morris.runs + (r.sobol?.runs ?? 0)),
                      })
                    : t('decides.shipped', {
                        structures: localNames(r, r.structures.join(getLang() === 'zh' ? '、' : ', ')),
                        days: fmt(r.days),
                        runs: fmt(r.morris.runs + (r.sobol?.runs ?? 0)),
                        version: r.modelVersion,
                      })
                }
              </p>
              <div class="controls">
                <label
                  >${t('decides.output')}
                  <select id="decides-output" @change=${(e: Event) => (this._output = Number((e.target as HTMLSelectElement).value))}>
                    ${shown.map(({ i }) => html`<option value=${i} ?selected=${i === this._output}>${outputLabel(r, i)}</option>`)}
                  </select></label
                >
                <button id="decides-table" aria-pressed=${this._table ? 'true' : 'false'} @click=${() => (this._table = !this._table)}>
                  ${this._table ? t('decides.showChart') : t('decides.showTable')}
                </button>
                <button @click=${() => downloadText(`${JSON.stringify(r, null, 1)}\n`, 'sensitivity.json', 'application/json')}>
                  ${t('export.json')}
                </button>
              </div>
              ${this._table ? decidesTable(r, this._output) : decidesChart(r, this._output, this._width)}`
          : html`<p class="note">${t('decides.loading')}</p>`
      }
      <h3>${t('decides.computeTitle')}</h3>
      <p class="note">${t('decides.computeNote')}</p>
      <div class="controls">
        ${
          this._running
            ? html`<button id="decides-cancel" @click=${() => this.ctl?.abort()}>${t('reps.cancel')}</button>`
            : html`<button id="decides-run" class="primary" @click=${() => this.compute()}>${t('decides.run')}</button>`
        }
        ${
          this._progress
            ? html`<progress max=${this._progress.total} .value=${this._progress.done}></progress>
                <span role="status"
                  >${t('decides.progress', { phase: t(`decides.phase.${this._progress.phase}` as MessageKey), done: fmt(this._progress.done), total: fmt(this._progress.total), s: fmt((performance.now() - this.started) / 1000) })}</span
                >`
            : ''
        }
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : ''}
    `;
  }
}

customElements.define('fg-decides', FgDecides);

declare global {
  interface HTMLElementTagNameMap {
    'fg-decides': FgDecides;
  }
}
