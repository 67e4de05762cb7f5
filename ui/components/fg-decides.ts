import { LitElement, css, html, svg, type PropertyValues } from 'lit';
import { scaleLinear } from 'd3';
import type { Scenario } from '../../scenarios/schema.ts';
import { assumptions } from '../../scenarios/assumptions.ts';
import { browserExecutor, browserPool, browserWorkerCount } from '../../workers/browser-pool.ts';
import { parseExperiment } from '../../experiments/experiment.ts';
import { planExperiment } from '../../experiments/plan.ts';
import { runSensitivity, sensitivityRuns, type SensitivityProgress, type SensitivityResult } from '../../experiments/sensitivity-run.ts';
import { displayUnit, rangeText, rankedFactors, type RankedFactor } from '../../experiments/sensitivity-report.ts';
import { METRIC_BY_ID } from '../../sim/observe/catalog.ts';
import { downloadText } from '../charts/export.ts';
import { fmt, getLang, t, type MessageKey } from '../../render/i18n.ts';

/** Outputs the app analyses when it computes for the structures compared. */
const METRICS = ['hoursToCloseAll.mean', 'localResolutionShare', 'sla.close24h', 'cost.annualYuan', 'trust.mean'];
/** A design the browser finishes in minutes: 4 Morris trajectories, Sobol of the top 6 with N = 16. */
const APP_DESIGN = { morris: { trajectories: 4, levels: 4 }, sobol: { top: 6, n: 16 }, bootstrap: 500, seed: 1 };
const ROWS = 10;

/**
 * "What decides the answer": which assumptions (parameters no source gives) move a result
 * most, by Sobol total index (its share of the result's variance, with interactions) and
 * Morris μ*. Shows the analysis that ships with the model (the reform's before and after)
 * and computes it, in the workers, for the structures the user compares.
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
  declare lang: string;
  declare structures: { label: string; scenario?: Scenario }[];
  declare seed: number;
  declare days: number;
  declare _result: SensitivityResult | undefined;
  /** Whether the result shown was computed here for the structures compared. */
  declare _own: boolean;
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

  private outputLabel(r: SensitivityResult, o: number): string {
    const out = r.outputs[o];
    const info = METRIC_BY_ID.get(out.metric);
    const label = info ? (getLang() === 'zh' ? info.labelZh : info.label) : out.label;
    return `${label}: ${out.of}`;
  }

  private factorText(f: RankedFactor): string {
    if (getLang() !== 'zh') return f.description;
    return (
      assumptions()
        .find((a) => a.id === f.id)
        ?.descriptionZh?.replace(/。?假设。?$/, '') ?? f.description
    );
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
                        structures: r.structures.join(', '),
                        days: fmt(r.days),
                        runs: fmt(r.morris.runs + (r.sobol?.runs ?? 0)),
                      })
                    : t('decides.shipped', {
                        structures: r.structures.join(', '),
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
                    ${shown.map(({ i }) => html`<option value=${i} ?selected=${i === this._output}>${this.outputLabel(r, i)}</option>`)}
                  </select></label
                >
                <button id="decides-table" aria-pressed=${this._table ? 'true' : 'false'} @click=${() => (this._table = !this._table)}>
                  ${this._table ? t('decides.showChart') : t('decides.showTable')}
                </button>
                <button @click=${() => downloadText(`${JSON.stringify(r, null, 1)}\n`, 'sensitivity.json', 'application/json')}>
                  ${t('export.json')}
                </button>
              </div>
              ${this._table ? this.table(r, this._output) : this.chart(r, this._output)}`
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

  /** Bars: Sobol total index with its interval, the first-order index inside it; μ* where Sobol was not computed. */
  private chart(r: SensitivityResult, o: number) {
    // With Sobol indices, the bars are the assumptions that have them (the rest were screened out; the table lists all).
    const all = rankedFactors(r, o, r.sobol ? 'total' : 'muStar');
    const sobol = all.some((f) => f.total);
    const rows = (sobol ? all.filter((f) => f.total) : all).slice(0, ROWS);
    const W = Math.max(300, Math.min(900, this._width));
    // On a narrow screen each assumption's name goes above its bar.
    const narrow = W < 560;
    const rowH = narrow ? 50 : 34;
    const left = narrow ? 14 : 250;
    const barY = narrow ? 26 : 0;
    const H = rows.length * rowH + 40;
    const x = scaleLinear()
      .domain([0, sobol ? 1 : Math.max(...rows.map((f) => f.muStar.hi), 1e-12)])
      .range([left, W - 20])
      .nice();
    const du = displayUnit(r.outputs[o].unit, r.baseline[o].mean);
    const summary = t('decides.chartSummary', {
      output: this.outputLabel(r, o),
      top: rows
        .slice(0, 3)
        .map((f) => f.id)
        .join(', '),
    });
    return html` <div class="legend" aria-hidden="true">
        ${
          sobol
            ? html`<span><span class="swatch" style="background:#1a5fb4"></span>${t('decides.total')}</span>
                <span><span class="swatch" style="background:#99c1f1"></span>${t('decides.first')}</span>
                <span>${t('decides.whisker')}</span>`
            : html`<span><span class="swatch" style="background:#1a5fb4"></span>${t('decides.muStar', { unit: du.unit })}</span>`
        }
      </div>
      <svg id="decides-chart" viewBox="0 0 ${W} ${H}" style="max-width:${W}px" role="img" aria-label=${summary}>
        <title>${summary}</title>
        ${x.ticks(5).map(
          (v) => svg`<line x1=${x(v)} x2=${x(v)} y1="10" y2=${H - 24} stroke="#ddd"></line>
          <text x=${x(v)} y=${H - 8} font-size="12" text-anchor="middle" fill="#333">${sobol ? fmt(v, 1) : fmt(v * du.factor, 1)}</text>`,
        )}
        ${rows.map((f, i) => {
          const y = 14 + i * rowH;
          const val = sobol ? (f.total?.estimate ?? 0) : f.muStar.estimate;
          const lo = sobol ? (f.total?.lo ?? 0) : f.muStar.lo;
          const hi = sobol ? (f.total?.hi ?? 0) : f.muStar.hi;
          const clamp = (v: number) => x(Math.max(x.domain()[0], Math.min(x.domain()[1], v)));
          return svg`<g>
            <text x=${narrow ? left : left - 8} y=${y + 12} font-size="12" text-anchor=${narrow ? 'start' : 'end'} fill="#1a1a1a">${f.id.length > 34 ? `${f.id.slice(0, 33)}…` : f.id}</text>
            <text x=${narrow ? left : left - 8} y=${y + (narrow ? 24 : 25)} font-size="10" text-anchor=${narrow ? 'start' : 'end'} fill="#555">${rangeText(f)}</text>
            <g transform="translate(0 ${barY})"><rect x=${left} y=${y} width=${Math.max(0, clamp(val) - left)} height="20" fill="#1a5fb4"><title>${f.id}: ${this.factorText(f)}</title></rect>
            ${sobol && f.first ? svg`<rect x=${left} y=${y + 6} width=${Math.max(0, clamp(f.first.estimate) - left)} height="8" fill="#99c1f1"></rect>` : ''}
            <line x1=${clamp(lo)} x2=${clamp(hi)} y1=${y + 10} y2=${y + 10} stroke="#1a1a1a" stroke-width="1.5"></line>
            <line x1=${clamp(lo)} x2=${clamp(lo)} y1=${y + 5} y2=${y + 15} stroke="#1a1a1a"></line>
            <line x1=${clamp(hi)} x2=${clamp(hi)} y1=${y + 5} y2=${y + 15} stroke="#1a1a1a"></line></g>
          </g>`;
        })}
      </svg>
      ${sobol ? html`<p class="note">${t('decides.screened', { n: fmt(all.length - rows.length) })}</p>` : ''}
      <p class="note">
        ${t('decides.baseline', { value: fmt(r.baseline[o].mean * du.factor, 2), sd: fmt(r.baseline[o].sd * du.factor, 2), unit: du.unit, seeds: r.baseline[o].seeds })}
      </p>`;
  }

  private table(r: SensitivityResult, o: number) {
    const rows = rankedFactors(r, o, r.sobol ? 'total' : 'muStar');
    const du = displayUnit(r.outputs[o].unit, r.baseline[o].mean);
    const e = (v?: { estimate: number; lo: number; hi: number }, k = 1) =>
      v ? `${fmt(v.estimate * k, 2)} [${fmt(v.lo * k, 2)}, ${fmt(v.hi * k, 2)}]` : '–';
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${t('decides.title')}>
      <table id="decides-data">
        <thead>
          <tr>
            <th scope="col">${t('decides.assumption')}</th>
            <th scope="col">${t('decides.range')}</th>
            <th scope="col">${t('decides.muStar', { unit: du.unit })}</th>
            <th scope="col">S1</th>
            <th scope="col">ST</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (f) =>
              html`<tr>
                <td class="text"><code>${f.id}</code><br /><span class="note">${this.factorText(f)}</span></td>
                <td class="text">${rangeText(f)}</td>
                <td>${e(f.muStar, du.factor)}</td>
                <td>${e(f.first)}</td>
                <td>${e(f.total)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

customElements.define('fg-decides', FgDecides);

declare global {
  interface HTMLElementTagNameMap {
    'fg-decides': FgDecides;
  }
}
