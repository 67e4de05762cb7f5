import { LitElement, css, html, type PropertyValues } from 'lit';
import { METRIC_BY_ID } from '../../sim/observe/catalog.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { browserExecutor, browserPool, browserWorkerCount } from '../../workers/browser-pool.ts';
import { estimateAppRun } from '../compute-budget.ts';
import { COMMIT } from '../build-info.ts';
import { parseExperiment } from '../../experiments/experiment.ts';
import { planExperiment } from '../../experiments/plan.ts';
import { toCsv, toJson } from '../../experiments/formats.ts';
import { runExperiment, type ExperimentOutput } from '../../experiments/runner.ts';
import { downloadText } from '../charts/export.ts';
import { fmt, getLang, t } from '../../render/i18n.ts';
import { BRIEF_SERIES } from '../../render/brief.ts';
import { MAX_BRIEF_SERIES_DAYS, METRICS, pm, repsSentence, validReplications } from '../replications.ts';

/**
 * Replications through the experiment runner and a pool of Web Workers: every metric as
 * mean with its 95% interval per structure, and the paired difference against the first.
 * Results stay until an input changes.
 *
 * @fires replications-change - detail: the number of replications asked for
 * @fires replications-result - detail: the results for the brief, or undefined when they no longer belong to the inputs
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
    _countError: { state: true },
    _uncertain: { state: true },
  };
  declare lang: string;
  /** The structures compared, by their titles; an invalid one has no scenario and is left out. */
  declare structures: { label: string; scenario?: Scenario }[];
  /** The base seed and days of every replication. */
  declare seed: number;
  declare days: number;
  /** Replications per structure. */
  declare replications: number;
  /** The last results, while they belong to the inputs. */
  declare _out: ExperimentOutput | undefined;
  declare _progress: { done: number; total: number } | undefined;
  declare _running: boolean;
  /** What went wrong (a worker that died, runs that failed, a cancelled run). */
  declare _error: string;
  /** A replication count refused, and why. */
  declare _countError: string;
  /** Whether each replication also draws the assumptions from their plausible ranges. */
  declare _uncertain: boolean;
  private ctl?: AbortController;
  /** The inputs the results belong to: when they change, the results go. */
  private inputsKey = '';
  private lastRefs: (Scenario | undefined)[] = [];
  private pool?: ReturnType<typeof browserPool>;

  static styles = css`
    :host {
      display: block;
    }
    h2 {
      font-size: 1.05rem;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
    }
    input {
      font: inherit;
      width: 5rem;
    }
    button {
      font: inherit;
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
    input:focus-visible {
      outline: 3px solid #e66100;
      outline-offset: 2px;
    }
    progress {
      width: 14rem;
    }
    table {
      border-collapse: collapse;
      margin: 0.75rem 0;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      border-bottom: 1px solid #ccc;
      padding: 0.3rem 0.6rem;
      text-align: right;
    }
    th:first-child,
    td:first-child {
      text-align: left;
    }
    .better {
      color: #0b6b2b;
      font-weight: 600;
    }
    .worse {
      color: #a00;
      font-weight: 600;
    }
    .note {
      color: #333;
      font-size: 0.85rem;
    }
    .error {
      color: #a00;
    }
    .scroll {
      overflow-x: auto;
      max-width: 100%;
    }
    .sentence {
      font-weight: 600;
    }
    .field-error {
      color: #a00;
      font-size: 0.85rem;
      font-weight: 600;
      flex-basis: 100%;
    }
    input[aria-invalid='true'] {
      border: 2px solid #a00;
    }
  `;

  constructor() {
    super();
    this.structures = [];
    this.seed = 1;
    this.days = 365;
    this.replications = 10;
    this._running = false;
    this._error = '';
    this._countError = '';
    this._uncertain = false;
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (!(changed.has('structures') || changed.has('seed') || changed.has('days') || changed.has('replications'))) return;
    const refs = this.structures.map((s) => s.scenario);
    if (
      refs.length === this.lastRefs.length &&
      refs.every((r, i) => r === this.lastRefs[i]) &&
      !changed.has('seed') &&
      !changed.has('days') &&
      !changed.has('replications')
    )
      return;
    this.lastRefs = refs;
    const key = JSON.stringify([refs.map((r) => r ?? null), this.seed, this.days, this.replications]);
    if (key === this.inputsKey) return;
    this.inputsKey = key;
    // Results of other inputs would mislead: drop them (and stop a run of the old inputs).
    if (this._running) this.ctl?.abort();
    this._out = undefined;
    this._progress = undefined;
    this._error = '';
    this.dispatchEvent(new CustomEvent('replications-result', { detail: undefined, bubbles: true, composed: true }));
  }

  private onCount(e: Event) {
    const input = e.target as HTMLInputElement;
    const n = input.valueAsNumber;
    if (!validReplications(n)) {
      this._countError = t('reps.countError', {
        got: input.value.trim() === '' || Number.isNaN(n) ? t('input.notNumber') : input.value,
        kept: fmt(this.replications),
      });
      input.value = String(this.replications);
      return;
    }
    this._countError = '';
    this.dispatchEvent(new CustomEvent('replications-change', { detail: n, bubbles: true, composed: true }));
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ctl?.abort();
    this.pool?.close();
  }

  private async run() {
    const valid = this.structures.filter((s) => s.scenario);
    if (valid.length === 0) return;
    const est = estimateAppRun(
      valid.map((s) => s.scenario),
      this.days,
      { runs: this.replications, parallel: this.pool?.size ?? browserWorkerCount() },
    );
    this._error = est.level === 'refuse' ? est.message : '';
    if (est.level === 'refuse' || (est.level === 'warn' && !confirm(est.message))) return;
    this._out = undefined;
    this._running = true;
    this.ctl = new AbortController();
    this.pool ??= browserPool();
    try {
      const e = parseExperiment({
        name: 'app',
        replications: this.replications,
        days: this.days,
        baseSeed: this.seed,
        metrics: METRICS,
        // Daily series for the brief's charts, while they stay small.
        ...(this.replications * valid.length * this.days <= MAX_BRIEF_SERIES_DAYS
          ? { series: { every: 'daily', metrics: [...BRIEF_SERIES] } }
          : {}),
        structures: valid.map((s) => ({ label: s.label, scenario: s.scenario })),
        ...(this._uncertain ? { uncertainty: { assumptions: 'all', seed: this.seed } } : {}),
      });
      const plan = planExperiment(e, (r) => r.scenario);
      this._progress = { done: 0, total: plan.structures.length * this.replications };
      this._out = await runExperiment(plan, browserExecutor(this.pool), {
        signal: this.ctl.signal,
        commit: COMMIT,
        onProgress: (p) => (this._progress = { done: p.done, total: p.total }),
      });
      const died = this._out.failures.filter((f) => f.message.startsWith('worker stopped'));
      const finished = new Set(this._out.rows.map((r) => `${r.structure}/${r.replication}`)).size;
      if (died.length) this._error = t('reps.workerDied', { n: died.length, message: died[0].message, done: finished });
      else if (this._out.failures.length)
        this._error = t('reps.failed', { n: this._out.failures.length, message: this._out.failures[0].message });
      else if (!this._out.manifest.complete) this._error = t('reps.cancelled', { done: this._progress?.done ?? 0 });
      const o = this._out;
      this.dispatchEvent(
        new CustomEvent('replications-result', {
          detail: { n: this.replications, days: this.days, summary: o.summary, differences: o.differences, series: o.series },
          bubbles: true,
          composed: true,
        }),
      );
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
        <label
          >${t('reps.count')}
          <input
            id="reps"
            type="number"
            min="2"
            max="1000"
            step="1"
            .value=${String(this.replications)}
            aria-invalid=${this._countError ? 'true' : 'false'}
            aria-describedby="reps-error"
            @change=${(e: Event) => this.onCount(e)}
        /></label>
        <span>${t('reps.days')}: ${fmt(this.days)}</span>
        <label
          ><input
            id="reps-uncertain"
            type="checkbox"
            .checked=${this._uncertain}
            ?disabled=${this._running}
            @change=${(e: Event) => {
              this._uncertain = (e.target as HTMLInputElement).checked;
              this._out = undefined;
            }}
          />
          ${t('reps.uncertain')}</label
        >
        ${
          this._running
            ? html`<button id="cancel-reps" @click=${() => this.ctl?.abort()}>${t('reps.cancel')}</button>`
            : html`<button id="run-reps" class="primary" @click=${() => this.run()}>${t('reps.run')}</button>`
        }
        <span class="field-error" id="reps-error" role=${this._countError ? 'alert' : 'none'}>${this._countError}</span>
        ${
          this._progress
            ? html`<progress
                  max=${this._progress.total}
                  .value=${this._progress.done}
                  aria-label=${t('reps.progress', this._progress)}
                ></progress>
                <span role="status">${t('reps.progress', this._progress)}</span>`
            : ''
        }
        ${
          out
            ? html`<button @click=${() => downloadText(toCsv(out), 'replications.csv', 'text/csv')}>${t('export.csv')}</button>
                <button @click=${() => downloadText(toJson(out), 'replications.json', 'application/json')}>${t('export.json')}</button>`
            : ''
        }
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : ''}
      ${out && out.resolved.length >= 2 ? html`<p class="sentence" id="reps-sentence">${repsSentence(out)}</p>` : ''}
      ${
        out
          ? html`<p class="note">${t('reps.kept')}</p>
              <div class="scroll" tabindex="0" role="region" aria-label=${t('reps.title')}>${this.table(out)}</div>`
          : ''
      }
      ${
        out
          ? html`<p class="note">${t('reps.legend')}</p>
              <p class="note">${t('reps.note')}</p>`
          : ''
      }
      ${out?.manifest.assumptionDraws ? html`<p class="note" id="reps-uncertain-note">${t('reps.uncertainNote', { n: out.manifest.assumptionDraws.ids.length })}</p>` : ''}
    `;
  }

  private table(out: ExperimentOutput) {
    const labels = out.resolved.map((r) => r.label);
    return html`<table id="reps-table">
      <thead>
        <tr>
          <th scope="col">${t('reps.metric')}</th>
          ${labels.map((l) => html`<th scope="col">${l}</th>`)}
          ${labels.slice(1).map((l) => html`<th scope="col">${t('reps.diff', { a: labels[0], b: l })}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${METRICS.map((m) => {
          const info = METRIC_BY_ID.get(m)!;
          const label = getLang() === 'zh' ? info.labelZh : info.label;
          return html`<tr>
            <th scope="row">${label}</th>
            ${labels.map((l) => {
              const r = out.summary.find((x) => x.structure === l && x.metric === m)!;
              return html`<td>${pm(r.mean, r.half, info.unit)}</td>`;
            })}
            ${labels.slice(1).map((l) => {
              const d = out.differences.find((x) => x.b === l && x.metric === m)!;
              const significant = d.low > 0 || d.high < 0;
              const good = significant && d.mean > 0 === info.higherIsBetter;
              return html`<td class=${significant ? (good ? 'better' : 'worse') : ''}>${pm(d.mean, d.half, info.unit, true)}</td>`;
            })}
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

customElements.define('fg-replications', FgReplications);

declare global {
  interface HTMLElementTagNameMap {
    'fg-replications': FgReplications;
  }
}
