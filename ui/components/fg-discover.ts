import { LitElement, css, html, type PropertyValues } from 'lit';
import type { Scenario } from '../../scenarios/schema.ts';
import { parseExperiment } from '../../experiments/experiment.ts';
import { planExperiment } from '../../experiments/plan.ts';
import { runExperiment, type ExperimentOutput } from '../../experiments/runner.ts';
import { discoverExperiment, NAMED_OUTCOMES, type DiscoverResult } from '../../studies/discover.ts';
import { browserExecutor, browserPool, browserWorkerCount } from '../../workers/browser-pool.ts';
import { analyseInWorker } from '../../workers/discover-analysis.ts';
import {
  boxSentence,
  drawDifferences,
  likelyNoise,
  losePhrase,
  orderedRestrictions,
  pct,
  plausibleRange,
  punctuation,
  qpText,
  reappears,
  restrictionRange,
  shareSentence,
  spreadSentence,
  stabilitySentence,
  type DiscoverOutcomeName,
} from '../../render/discover.ts';
import { paramLabel } from '../../render/assumption-labels.ts';
import { fmt, t } from '../../render/i18n.ts';
import { COMMIT } from '../build-info.ts';
import { estimateAppRun } from '../compute-budget.ts';
import { downloadText } from '../charts/export.ts';
import { discoverChart } from '../charts/discover-chart.ts';

/** A title without its number ("1. Traditional county" → "Traditional county"). */
const short = (title: string) => title.replace(/^\d+\.\s*/, '');

/** Draws and days a browser on two cores finishes in one to two minutes. */
export const DISCOVER_DEFAULTS = { draws: 60, days: 60 };
const DRAWS = { min: 20, max: 1000 };
const DAYS = { min: 7, max: 365 };

/** Seconds as the estimate and the time left say them. */
function duration(s: number): string {
  return s < 90 ? t('lose.timeS', { s: fmt(Math.max(1, Math.round(s))) }) : t('lose.timeMin', { m: fmt(Math.round(s / 60)) });
}

/**
 * "Where does it lose?": scenario discovery for the first two structures. The assumptions
 * (load included) are drawn by a Latin hypercube, both structures run under each draw in the
 * workers (studies/discover.ts: discoverExperiment), and PRIM finds the boxes of assumptions
 * where the chosen structure is slower (mean time to close, open cases counted) or costlier
 * than the other (discoverAnalysis): each box's ranges in words, its coverage, density and
 * mass, its stability under resampling and a chart of its peeling trajectory. The draws run
 * both outcomes' metrics, so switching the outcome analyses them again without running. The
 * result stays until the first two structures or the seed change.
 */
export class FgDiscover extends LitElement {
  static properties = {
    lang: { type: String },
    structures: { attribute: false },
    seed: { type: Number },
    _loser: { state: true },
    _outcome: { state: true },
    _draws: { state: true },
    _days: { state: true },
    _result: { state: true },
    _progress: { state: true },
    _running: { state: true },
    _analysing: { state: true },
    _error: { state: true },
    _fieldError: { state: true },
    _width: { state: true },
  };
  /** The language: a change re-renders the strings. */
  declare lang: string;
  /** The first two structures compared, by their titles; an invalid one has no scenario. */
  declare structures: { label: string; scenario?: Scenario }[];
  declare seed: number;
  /** Which of the first two structures may lose (0 or 1; the other is the one it is compared with). */
  declare _loser: 0 | 1;
  declare _outcome: DiscoverOutcomeName;
  declare _draws: number;
  declare _days: number;
  declare _result: DiscoverResult | undefined;
  declare _progress: { done: number; total: number } | undefined;
  declare _running: boolean;
  /** Whether PRIM is at work on the draws (in a worker of its own). */
  declare _analysing: boolean;
  declare _error: string;
  /** What was wrong with a field the user typed in (which field, and what was kept). */
  declare _fieldError: { field: 'draws' | 'days'; text: string } | undefined;
  declare _width: number;
  /** The draws' output, kept so that another outcome is analysed without running again. */
  private out?: ExperimentOutput;
  /** The analyses of the draws' output, by outcome. */
  private results = new Map<DiscoverOutcomeName, DiscoverResult>();
  private ctl?: AbortController;
  /** Stops the analysis under way. */
  private actl?: AbortController;
  private pool?: ReturnType<typeof browserPool>;
  private started = 0;
  private lastRefs: unknown[] = [];
  private inputsKey = '';
  private resize = new ResizeObserver((entries) => {
    const w = Math.round(entries[0].contentRect.width);
    if (w > 0 && Math.abs(w - this._width) > 8) this._width = w;
  });

  static styles = css`
    :host {
      display: block;
      max-width: 72rem;
    }
    [hidden] {
      display: none !important;
    }
    h2 {
      font-size: 1.05rem;
    }
    h3 {
      font-size: 1rem;
      margin: 1rem 0 0.3rem;
    }
    h4 {
      font-size: 0.95rem;
      margin: 1rem 0 0.3rem;
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
    label {
      max-width: 100%;
    }
    input,
    select {
      font: inherit;
      max-width: 100%;
    }
    input {
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
    input:focus-visible,
    select:focus-visible {
      outline: 3px solid #e66100;
      outline-offset: 2px;
    }
    progress {
      width: 12rem;
      max-width: 100%;
    }
    .error {
      color: #a00;
    }
    .field-error {
      color: #a00;
      font-size: 0.85rem;
      font-weight: 600;
      flex-basis: 100%;
    }
    .field-error:empty {
      display: none;
    }
    input[aria-invalid='true'] {
      border: 2px solid #a00;
    }
    .share {
      font-size: 1rem;
    }
    .box {
      border-top: 1px solid #ccc;
      margin-top: 0.75rem;
    }
    .box-body {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.5rem 1.5rem;
      align-items: start;
    }
    @media (max-width: 820px) {
      .box-body {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    ul.ranges {
      padding-left: 1.2rem;
      margin: 0.4rem 0;
    }
    ul.ranges li {
      margin: 0.35rem 0;
    }
    .range {
      font-variant-numeric: tabular-nums;
    }
    .detail {
      display: block;
    }
    .noise {
      color: #8a4b00;
      font-style: italic;
    }
    details.noisy summary {
      cursor: pointer;
      font-size: 0.9rem;
      margin: 0.3rem 0;
    }
    summary:focus-visible {
      outline: 3px solid #e66100;
      outline-offset: 2px;
    }
    .all-noise {
      border-left: 4px solid #c64600;
      padding-left: 0.6rem;
    }
    svg {
      width: 100%;
      height: auto;
      display: block;
    }
    figure {
      margin: 0;
    }
    figcaption {
      max-width: 35rem;
    }
  `;

  constructor() {
    super();
    this.structures = [];
    this.seed = 1;
    this._loser = 1;
    this._outcome = 'slower';
    this._draws = DISCOVER_DEFAULTS.draws;
    this._days = DISCOVER_DEFAULTS.days;
    this._running = false;
    this._analysing = false;
    this._error = '';
    this._width = 900;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.ctl?.abort();
    this.actl?.abort();
    this.pool?.close();
    this.pool = undefined;
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (!(changed.has('structures') || changed.has('seed'))) return;
    // The app passes a new array on every render: its scenarios are kept while unchanged, and compared by content when not.
    const refs = [...this.structures.slice(0, 2).map((s) => s.scenario), this.seed];
    if (refs.length === this.lastRefs.length && refs.every((r, i) => r === this.lastRefs[i])) return;
    this.lastRefs = refs;
    const key = JSON.stringify(refs);
    if (key === this.inputsKey) return;
    const first = this.inputsKey === '';
    this.inputsKey = key;
    if (first) return;
    // Boxes of other structures would mislead: they go (and a run of the old ones stops).
    this.forget();
    this._error = '';
  }

  /** Drop the result (and stop a run): it no longer belongs to what is chosen. */
  private forget() {
    if (this._running) this.ctl?.abort();
    this.actl?.abort();
    this._analysing = false;
    this._result = undefined;
    this.out = undefined;
    this.results.clear();
  }

  private pair(): [{ label: string; scenario: Scenario }, { label: string; scenario: Scenario }] | undefined {
    const [a, b] = this.structures;
    return a?.scenario && b?.scenario
      ? [a as { label: string; scenario: Scenario }, b as { label: string; scenario: Scenario }]
      : undefined;
  }

  /** The structure that may lose (B) and the one it is compared with (A), with their labels (told apart when alike). */
  private roles() {
    const pair = this.pair();
    if (!pair) return undefined;
    const a = pair[1 - this._loser];
    const b = pair[this._loser];
    const la = short(a.label);
    const lb0 = short(b.label);
    const lb = lb0 === la ? `${lb0} (${this._loser + 1})` : lb0;
    return { a: { label: la, scenario: a.scenario }, b: { label: lb, scenario: b.scenario } };
  }

  private onNumber(e: Event, field: 'draws' | 'days') {
    const input = e.target as HTMLInputElement;
    const n = input.valueAsNumber;
    const lim = field === 'draws' ? DRAWS : DAYS;
    const kept = field === 'draws' ? this._draws : this._days;
    if (!(Number.isInteger(n) && n >= lim.min && n <= lim.max)) {
      this._fieldError = {
        field,
        text: t(field === 'draws' ? 'lose.drawsError' : 'lose.daysError', {
          got: input.value.trim() === '' || Number.isNaN(n) ? t('input.notNumber') : input.value,
          kept: fmt(kept),
        }),
      };
      input.value = String(kept);
      return;
    }
    this._fieldError = undefined;
    if (field === 'draws') this._draws = n;
    else this._days = n;
  }

  private estimate() {
    const r = this.roles();
    if (!r) return undefined;
    const parallel = this.pool?.size ?? browserWorkerCount();
    return { ...estimateAppRun([r.a.scenario, r.b.scenario], this._days, { runs: this._draws, parallel }), parallel };
  }

  /**
   * The outcome's analysis of the draws run (PRIM and its stability), in a worker of its own:
   * from a second (60 draws) to a minute (1,000). Kept by outcome; another outcome stops it.
   */
  private async analyse() {
    const out = this.out;
    if (!out) return;
    const outcome = this._outcome;
    this.actl?.abort();
    const known = this.results.get(outcome);
    if (known) {
      this._result = known;
      this._analysing = false;
      return;
    }
    this._result = undefined;
    const ctl = (this.actl = new AbortController());
    this._analysing = true;
    try {
      const r = await analyseInWorker(out, NAMED_OUTCOMES[outcome], { seed: this.seed }, ctl.signal);
      if (out !== this.out) return;
      this.results.set(outcome, r);
      if (this._outcome === outcome) this._result = r;
    } catch (err) {
      if ((err as Error).name !== 'AbortError') this._error = (err as Error).message;
    } finally {
      if (this.actl === ctl) this._analysing = false;
    }
  }

  private async compute() {
    const roles = this.roles();
    const est = this.estimate();
    if (!roles || !est || this._running) return;
    this._error = est.level === 'refuse' ? est.message : '';
    if (est.level === 'refuse' || (est.level === 'warn' && !confirm(est.message))) return;
    this.forget();
    this._running = true;
    this.ctl = new AbortController();
    this.pool ??= browserPool();
    this.started = performance.now();
    try {
      const input = discoverExperiment({
        a: roles.a,
        b: roles.b,
        draws: this._draws,
        days: this._days,
        seed: this.seed,
      });
      const plan = planExperiment(parseExperiment(input), (r) => r.scenario);
      this._progress = { done: 0, total: 2 * this._draws };
      const out = await runExperiment(plan, browserExecutor(this.pool), {
        signal: this.ctl.signal,
        commit: COMMIT,
        onProgress: (p) => (this._progress = { done: p.done, total: p.total }),
      });
      if (out.failures.length) this._error = t('lose.failed', { n: out.failures.length, message: out.failures[0].message });
      else if (!out.manifest.complete) this._error = t('lose.cancelled');
      else {
        this.out = out;
        void this.analyse();
      }
    } catch (err) {
      this._error = (err as Error).name === 'AbortError' ? t('lose.cancelled') : (err as Error).message;
    } finally {
      this._running = false;
      this._progress = undefined;
    }
  }

  /** Stop the draws or the analysis: nothing is shown, and the view says why. */
  private cancel() {
    const analysing = this._analysing;
    this.ctl?.abort();
    this.forget();
    if (analysing) this._error = t('lose.cancelled');
  }

  private progressText(p: { done: number; total: number }) {
    const s = (performance.now() - this.started) / 1000;
    const left = p.done > 0 && p.done < p.total ? t('lose.left', { left: duration((s / p.done) * (p.total - p.done)) }) : '';
    return `${t('lose.progress', { done: fmt(p.done), total: fmt(p.total), s: fmt(s) })}${left}`;
  }

  render() {
    const pair = this.pair();
    const roles = this.roles();
    const est = this.estimate();
    const names = pair?.map((s) => short(s.label));
    const err = this._fieldError;
    return html`
      <h2>${t('lose.title')}</h2>
      <p class="note">${t('lose.intro')}</p>
      ${pair ? '' : html`<p class="error" role="alert">${t('lose.needTwo')}</p>`}
      <div class="controls">
        <label
          >${t('lose.which')}
          <select
            id="lose-which"
            ?disabled=${this._running || !names}
            @change=${(e: Event) => {
              this._loser = Number((e.target as HTMLSelectElement).value) as 0 | 1;
              this.forget();
            }}
          >
            ${([1, 0] as const).map(
              (k) =>
                html`<option value=${k} ?selected=${this._loser === k}>
                  ${names ? t('lose.against', { b: names[k], a: names[1 - k] }) : ''}
                </option>`,
            )}
          </select></label
        >
        <label
          >${t('lose.outcome')}
          <select
            id="lose-outcome"
            ?disabled=${this._running}
            @change=${(e: Event) => {
              this._outcome = (e.target as HTMLSelectElement).value as DiscoverOutcomeName;
              void this.analyse();
            }}
          >
            ${(['slower', 'costlier'] as const).map(
              (o) =>
                html`<option value=${o} ?selected=${this._outcome === o}>${t(o === 'slower' ? 'lose.slower' : 'lose.costlier')}</option>`,
            )}
          </select></label
        >
      </div>
      <div class="controls">
        <label
          >${t('lose.draws')}
          <input
            id="lose-draws"
            type="number"
            min=${DRAWS.min}
            max=${DRAWS.max}
            step="1"
            .value=${String(this._draws)}
            ?disabled=${this._running}
            aria-invalid=${err?.field === 'draws' ? 'true' : 'false'}
            aria-describedby="lose-field-error"
            @change=${(e: Event) => this.onNumber(e, 'draws')}
        /></label>
        <label
          >${t('lose.days')}
          <input
            id="lose-days"
            type="number"
            min=${DAYS.min}
            max=${DAYS.max}
            step="1"
            .value=${String(this._days)}
            ?disabled=${this._running}
            aria-invalid=${err?.field === 'days' ? 'true' : 'false'}
            aria-describedby="lose-field-error"
            @change=${(e: Event) => this.onNumber(e, 'days')}
        /></label>
        ${
          this._running || this._analysing
            ? html`<button id="lose-cancel" @click=${() => this.cancel()}>${t('reps.cancel')}</button>`
            : html`<button id="lose-run" class="primary" ?disabled=${!roles} @click=${() => void this.compute()}>${t('lose.run')}</button>`
        }
        <span class="field-error" id="lose-field-error" role=${err ? 'alert' : 'none'}>${err?.text ?? ''}</span>
      </div>
      ${
        est
          ? html`<p class="note" id="lose-estimate">
              ${t('lose.estimate', {
                runs: fmt(2 * this._draws),
                draws: fmt(this._draws),
                days: fmt(this._days),
                time: duration(est.seconds),
                workers: fmt(est.parallel),
              })}
            </p>`
          : ''
      }
      ${
        this._progress
          ? html`<div class="controls">
              <progress
                max=${this._progress.total}
                .value=${this._progress.done}
                aria-label=${t('lose.progress', { done: this._progress.done, total: this._progress.total, s: 0 })}
              ></progress>
              <span role="status" id="lose-progress">${this.progressText(this._progress)}</span>
            </div>`
          : ''
      }
      ${
        this._analysing
          ? html`<p class="note" role="status" id="lose-analysing">
              ${t('lose.analysing', { n: fmt(this.out?.manifest.replications ?? 0), r: fmt(50) })}
            </p>`
          : ''
      }
      ${this._error ? html`<p class="error" role="alert" id="lose-error">${this._error}</p>` : ''}
      ${this._result ? this.renderResult(this._result) : ''}
    `;
  }

  private renderResult(r: DiscoverResult) {
    const o = this._outcome;
    const n = r.draws - r.missing;
    const scaled = r.boxes.some((b) => b.restrictions.some((x) => x.scale || x.unit === '×'));
    return html`
      <section id="lose-result" aria-labelledby="lose-heading">
        <div class="controls">
          <h3 id="lose-heading">${t('lose.heading', { phrase: losePhrase(o, r.structures.a, r.structures.b) })}</h3>
          <button id="lose-json" @click=${() => downloadText(`${JSON.stringify(r, null, 1)}\n`, 'where-it-loses.json', 'application/json')}>
            ${t('lose.json')}
          </button>
        </div>
        <p class="share" id="lose-share">${shareSentence(r, o)}</p>
        ${this.out ? html`<p id="lose-spread">${spreadSentence(r, drawDifferences(this.out, r.outcome.metric))}</p>` : ''}
        ${r.missing > 0 ? html`<p class="note">${t('lose.missing', { m: fmt(r.missing) })}</p>` : ''}
        ${
          r.boxes.length === 0 && r.losing > 0 && r.losing < n
            ? html`<p id="lose-nobox">${t('lose.noBox', { t: pct(r.threshold) })}</p>`
            : ''
        }
        ${
          r.boxes.length
            ? html`<p class="note" id="lose-terms">${t('lose.terms')} ${scaled ? t('lose.times') : ''}</p>
                ${r.boxes.map((b, i) => this.renderBox(r, b, i + 1))}
                <p class="note">${t('lose.noiseNote')}</p>`
            : ''
        }
        <p class="note" id="lose-method">
          ${t('lose.method', {
            m: fmt(this.drawnCount()),
            days: fmt(r.days),
            seed: fmt(this.seed),
            t: pct(r.threshold),
            r: fmt(r.boxes[0]?.stability.resamples ?? 50),
          })}
          ${t('lose.kept')}
        </p>
      </section>
    `;
  }

  /** How many assumptions the draws varied. */
  private drawnCount(): number {
    return this.out?.manifest.assumptionDraws?.ids.length ?? 0;
  }

  private renderBox(r: DiscoverResult, b: DiscoverResult['boxes'][number], i: number) {
    const { colon, open, close, semi } = punctuation();
    const chartW = Math.min(560, this._width < 820 ? this._width : Math.max(320, Math.round(this._width * 0.42)));
    const all = orderedRestrictions(b);
    const steady = all.filter((x) => !likelyNoise(b, x));
    const noise = all.filter((x) => likelyNoise(b, x));
    const item = (x: (typeof all)[number]) =>
      html`<li data-assumption=${x.id}>
        <strong>${paramLabel(x.id)}</strong>${colon}<span class="range">${restrictionRange(x)}</span
        ><span class="note">${open}${plausibleRange(x)}${close}</span>
        <span class="detail note"
          >${t('lose.reappears', { r: pct(reappears(b, x.id)) })}${semi}${t('lose.qp', { qp: qpText(x.qp) })}${
            likelyNoise(b, x) ? html`${semi}<span class="noise">${t('lose.noise')}</span>` : ''
          }</span
        >
      </li>`;
    return html`<div class="box" data-box=${i}>
      <h4>${t('lose.box', { i: fmt(i) })}</h4>
      <div class="box-body">
        <div>
          <p class="box-summary">${boxSentence(r, b, this._outcome)}</p>
          ${steady.length === 0 ? html`<p class="all-noise">${t('lose.allNoise', { draws: fmt(r.draws), m: fmt(this.drawnCount()) })}</p>` : ''}
          <p class="note">${t('lose.boxIs')}</p>
          ${
            steady.length
              ? html`<ul class="ranges steady">
                  ${steady.map(item)}
                </ul>`
              : ''
          }
          ${
            noise.length
              ? html`<details class="noisy" ?open=${steady.length === 0 && noise.length <= 4}>
                  <summary>${t(steady.length ? 'lose.noiseMore' : 'lose.noiseOnly', { n: fmt(noise.length) })}</summary>
                  <ul class="ranges">
                    ${noise.map(item)}
                  </ul>
                </details>`
              : ''
          }
          <p class="stability">${stabilitySentence(b)}</p>
        </div>
        <figure>
          ${discoverChart(b, i, r.threshold, chartW)}
          <figcaption class="note">${t('lose.chartNote', { t: pct(r.threshold) })}</figcaption>
        </figure>
      </div>
    </div>`;
  }
}

customElements.define('fg-discover', FgDiscover);

declare global {
  interface HTMLElementTagNameMap {
    'fg-discover': FgDiscover;
  }
}
