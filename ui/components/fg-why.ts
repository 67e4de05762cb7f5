import { LitElement, css, html, type PropertyValues } from 'lit';
import type { Scenario } from '../../scenarios/schema.ts';
import { COMPARED_PARTS } from '../../scenarios/parts.ts';
import { decompose, decompositionExperiment, unstableCombinations, type Decomposition } from '../../studies/decompose.ts';
import { parseExperiment, warmupOf } from '../../experiments/experiment.ts';
import { planExperiment } from '../../experiments/plan.ts';
import { toCsv } from '../../experiments/formats.ts';
import { csvText } from '../../experiments/csv.ts';
import { runExperiment, type ExperimentOutput } from '../../experiments/runner.ts';
import { browserExecutor, browserPool, browserWorkerCount } from '../../workers/browser-pool.ts';
import { addMessages, fmt, t } from '../../render/i18n.ts';
import { whyEn } from '../../render/messages/why-en.ts';
import { whyZh } from '../../render/messages/why-zh.ts';
import { figure, metricLabel, WHY_METRICS, withHalf, type StructuralResult } from '../../render/structural.ts';
import { COMMIT } from '../build-info.ts';
import { estimateAppRun } from '../compute-budget.ts';
import type { ChartContext } from '../charts/chart-types.ts';
import { copyEmbedCode, downloadPng, downloadSvg, downloadText, embedIframe, type ExportMeta } from '../charts/export.ts';
import { PART_COLOUR, whyChart } from '../charts/why-chart.ts';
import { validReplications } from '../replications.ts';

addMessages({ en: whyEn, zh: whyZh });

/** A title without its number ("1. Traditional county" → "Traditional county"). */
/** A structure's title without its number ("2. Longgang 2021" → "Longgang 2021"). */
export const short = (title: string) => title.replace(/^\d+\.\s*/, '');

/** Interactions worth naming: beyond their 95% interval and a tenth of the difference. */
export function interactionsThatMatter(rows: Decomposition[]) {
  return rows.flatMap((d) =>
    d.pairs
      .filter(
        (p) =>
          Math.abs(p.interaction.mean) > p.interaction.half &&
          Math.abs(p.interaction.mean) >= 0.1 * Math.abs(d.total.mean) &&
          d.total.n > 1,
      )
      .map((p) => ({ d, p })),
  );
}

/** An interaction in words: the two parts and what they do together, with its half-width. */
function interactionText(d: Decomposition, p: Decomposition['pairs'][number]): string {
  const f = figure(p.interaction.mean, p.interaction.half, d.unit);
  return t('why.interaction', {
    metric: metricLabel(d.metric),
    p: t(`part.${p.parts[0]}`).toLowerCase(),
    q: t(`part.${p.parts[1]}`).toLowerCase(),
    x: `${f.value} ${f.unit}`,
    half: `${f.half} ${f.unit}`,
  });
}

/** The decomposition as tidy CSV: per metric, the two structures, the difference, each part's Shapley value, effect alone and interaction, and each pair's interaction, with 95% intervals. */
export function decompositionCsv(r: StructuralResult): string {
  const rows: (string | number)[][] = [];
  const push = (
    d: Decomposition,
    quantity: string,
    part: string,
    i: { mean: number; low: number; high: number; half: number; n: number },
  ) => rows.push([r.a, r.b, r.days, r.warmupDays, d.metric, d.unit, quantity, part, i.mean, i.low, i.high, i.half, i.n]);
  for (const d of r.rows) {
    push(d, 'A', '', d.a);
    push(d, 'B', '', d.b);
    push(d, 'difference', '', d.total);
    push(d, 'interactions', '', d.interactions);
    for (const p of d.parts) {
      push(d, 'shapley', p.part, p.shapley);
      push(d, 'alone', p.part, p.alone);
      push(d, 'interaction', p.part, p.interaction);
    }
    for (const q of d.pairs) push(d, 'pair interaction', q.parts.join('+'), q.interaction);
  }
  const head = [
    'structureA',
    'structureB',
    'days',
    'warmupDays',
    'metric',
    'unit',
    'quantity',
    'part',
    'mean',
    'low',
    'high',
    'half',
    'replications',
  ];
  return csvText(head, rows);
}

/**
 * "Why do they differ?": how much of each headline difference between the first two
 * structures is structure, resources, policy and working hours. The 16 combinations of their
 * parts run in the workers, the replications the user chooses of the days the app runs, and
 * the differences are split by Shapley values with paired 95% intervals: a chart of bars
 * either side of zero, a table, the interactions that matter, downloads and an embed. The
 * result stays until the first two structures, the seed or the days change.
 *
 * @fires why-result - detail: the decomposition, or undefined when it no longer belongs to the inputs
 * @fires why-replications - detail: the number of replications asked for
 * @fires why-equal-terms - the user asks to put the first structure on the second's terms, or back on its own
 */
export class FgWhy extends LitElement {
  static properties = {
    lang: { type: String },
    structures: { attribute: false },
    seed: { type: Number },
    days: { type: Number },
    replications: { type: Number },
    context: { attribute: false },
    equalTerms: { attribute: false },
    _result: { state: true },
    _progress: { state: true },
    _running: { state: true },
    _error: { state: true },
    _countError: { state: true },
    _width: { state: true },
    _message: { state: true },
  };
  /** The language: a change re-renders the strings. */
  declare lang: string;
  /** The first two structures compared, by their titles; an invalid one has no scenario. */
  declare structures: { label: string; scenario?: Scenario }[];
  declare seed: number;
  declare days: number;
  /** Replications of each combination. */
  declare replications: number;
  /** What an export says besides the chart (structures, seed, days, source). */
  declare context: ChartContext | undefined;
  /** Whether the first structure is on the second's terms (its policy, its city posts); undefined when the second is not a preset. */
  declare equalTerms: boolean | undefined;
  declare _result: StructuralResult | undefined;
  declare _progress: { done: number; total: number } | undefined;
  declare _running: boolean;
  declare _error: string;
  declare _countError: string;
  declare _width: number;
  /** What copying the embed code did. */
  declare _message: string;
  private out?: ExperimentOutput;
  private ctl?: AbortController;
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
    input {
      font: inherit;
      width: 5rem;
    }
    button,
    summary {
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
    summary:focus-visible,
    .scroll:focus-visible {
      outline: 3px solid #e66100;
      outline-offset: 2px;
    }
    details.dl {
      position: relative;
    }
    details.dl summary {
      list-style: none;
    }
    details.dl .menu {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      margin-top: 0.3rem;
    }
    progress {
      width: 12rem;
      max-width: 100%;
    }
    svg {
      width: 100%;
      height: auto;
      display: block;
    }
    .legend {
      display: flex;
      gap: 0.3rem 1rem;
      flex-wrap: wrap;
      font-size: 0.85rem;
      margin: 0.4rem 0;
    }
    .swatch {
      display: inline-block;
      width: 0.9rem;
      height: 0.9rem;
      vertical-align: -0.15rem;
      margin-right: 0.3rem;
    }
    .scroll {
      overflow-x: auto;
      max-width: 100%;
    }
    table {
      border-collapse: collapse;
      margin: 0.5rem 0;
      font-variant-numeric: tabular-nums;
      font-size: 0.88rem;
    }
    th,
    td {
      border-bottom: 1px solid #ccc;
      padding: 0.3rem 0.5rem;
      text-align: right;
      white-space: nowrap;
    }
    th:first-child {
      text-align: left;
      white-space: normal;
      min-width: 10rem;
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
    input[aria-invalid='true'] {
      border: 2px solid #a00;
    }
    ul {
      padding-left: 1.2rem;
      font-size: 0.9rem;
    }
  `;

  constructor() {
    super();
    this.structures = [];
    this.seed = 1;
    this.days = 365;
    this.replications = 5;
    this._running = false;
    this._error = '';
    this._countError = '';
    this._width = 900;
    this._message = '';
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.ctl?.abort();
    this.pool?.close();
    this.pool = undefined;
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (!(changed.has('structures') || changed.has('seed') || changed.has('days'))) return;
    // The app passes a new array on every render: its scenarios are kept while unchanged, and compared by content when not.
    const refs = [...this.structures.slice(0, 2).map((s) => s.scenario), this.seed, this.days];
    if (refs.length === this.lastRefs.length && refs.every((r, i) => r === this.lastRefs[i])) return;
    this.lastRefs = refs;
    const key = JSON.stringify(refs);
    if (key === this.inputsKey) return;
    const first = this.inputsKey === '';
    this.inputsKey = key;
    if (first) return;
    // A decomposition of other structures would mislead: it goes (and a run of the old ones stops).
    if (this._running) this.ctl?.abort();
    if (this._result) {
      this._result = undefined;
      this.out = undefined;
      this.dispatchEvent(new CustomEvent('why-result', { detail: undefined, bubbles: true, composed: true }));
    }
    this._error = '';
  }

  private onCount(e: Event) {
    const input = e.target as HTMLInputElement;
    const n = input.valueAsNumber;
    if (!validReplications(n)) {
      this._countError = t('why.countError', {
        got: input.value.trim() === '' || Number.isNaN(n) ? t('input.notNumber') : input.value,
        kept: fmt(this.replications),
      });
      input.value = String(this.replications);
      return;
    }
    this._countError = '';
    this.dispatchEvent(new CustomEvent('why-replications', { detail: n, bubbles: true, composed: true }));
  }

  private pair(): [{ label: string; scenario: Scenario }, { label: string; scenario: Scenario }] | undefined {
    const [a, b] = this.structures;
    return a?.scenario && b?.scenario
      ? [a as { label: string; scenario: Scenario }, b as { label: string; scenario: Scenario }]
      : undefined;
  }

  private async compute() {
    const pair = this.pair();
    if (!pair || this._running) return;
    const [a, b] = pair;
    const parallel = this.pool?.size ?? browserWorkerCount();
    // 16 combinations, each about the size of A or B: 8 runs of each per replication.
    const est = estimateAppRun([a.scenario, b.scenario], this.days, { runs: 8 * this.replications, parallel });
    this._error = est.level === 'refuse' ? est.message : '';
    if (est.level === 'refuse' || (est.level === 'warn' && !confirm(est.message))) return;
    this._result = undefined;
    this.out = undefined;
    this.dispatchEvent(new CustomEvent('why-result', { detail: undefined, bubbles: true, composed: true }));
    this._running = true;
    this.ctl = new AbortController();
    this.pool ??= browserPool();
    this.started = performance.now();
    try {
      const input = {
        ...decompositionExperiment(a.scenario, b.scenario, {
          replications: this.replications,
          days: this.days,
          metrics: [...WHY_METRICS, 'stability.stable'],
        }),
        baseSeed: this.seed,
      };
      const e = parseExperiment(input);
      const plan = planExperiment(e, (r) => r.scenario);
      this._progress = { done: 0, total: plan.structures.length * this.replications };
      const out = await runExperiment(plan, browserExecutor(this.pool), {
        signal: this.ctl.signal,
        commit: COMMIT,
        onProgress: (p) => (this._progress = { done: p.done, total: p.total }),
      });
      if (out.failures.length) this._error = t('why.failed', { n: out.failures.length, message: out.failures[0].message });
      else if (!out.manifest.complete) this._error = t('why.cancelled');
      else {
        this.out = out;
        this._result = {
          a: short(a.label),
          b: short(b.label),
          n: this.replications,
          days: this.days,
          warmupDays: warmupOf(e),
          rows: decompose(out, [...WHY_METRICS]),
          unstable: unstableCombinations(out),
        };
        this.dispatchEvent(new CustomEvent('why-result', { detail: this._result, bubbles: true, composed: true }));
      }
    } catch (err) {
      this._error = (err as Error).name === 'AbortError' ? t('why.cancelled') : (err as Error).message;
    } finally {
      this._running = false;
      this._progress = undefined;
    }
  }

  private get svgEl(): SVGSVGElement | null {
    return this.renderRoot.querySelector('#why-chart');
  }

  private exportMeta(r: StructuralResult): ExportMeta {
    return {
      title: t('why.chartTitle', this.pairNames(r)),
      lines: [
        ...(this.context?.lines.slice(0, -1) ?? []),
        `${t('why.runs', { runs: fmt(16 * r.n), n: fmt(r.n) })} ${t('why.days')}: ${fmt(r.days)}; seed ${this.seed}. ${t('why.legend', this.pairNames(r))}`,
      ],
      source: this.context?.source ?? 'flatgov',
    };
  }

  /** The two structures' names in the page's language (the result keeps those of the language it was computed in). */
  private pairNames(r: StructuralResult): { a: string; b: string } {
    const [a, b] = this.structures;
    return { a: a ? short(a.label) : r.a, b: b ? short(b.label) : r.b };
  }

  private async copyEmbed() {
    this._message = await copyEmbedCode(embedIframe('why', t('tabs.why'), 760, 900), t('export.embedCopied'), t('export.embedFallback'));
  }

  render() {
    const pair = this.pair();
    const r = this._result;
    const heading = r ? t('why.chartTitle', this.pairNames(r)) : t('tabs.why');
    return html`
      <h2>${t('why.title')}</h2>
      <p class="note">${t('why.intro')}</p>
      ${
        pair
          ? html`<p id="why-pair"><strong>${t('why.pair', { a: short(pair[0].label), b: short(pair[1].label) })}</strong></p>`
          : html`<p class="error" role="alert">${t('why.needTwo')}</p>`
      }
      ${
        pair && this.equalTerms !== undefined
          ? html`<p class="controls">
              <button
                id="why-equal-terms"
                aria-pressed=${this.equalTerms ? 'true' : 'false'}
                ?disabled=${this._running}
                @click=${() => this.dispatchEvent(new CustomEvent('why-equal-terms', { bubbles: true, composed: true }))}
              >
                ${this.equalTerms ? t('why.ownTerms') : t('why.equalTerms')}
              </button>
              <span class="note">${t('why.equalTermsNote')}</span>
            </p>`
          : ''
      }
      <div class="controls">
        <label
          >${t('why.count')}
          <input
            id="why-reps"
            type="number"
            min="2"
            max="1000"
            step="1"
            .value=${String(this.replications)}
            ?disabled=${this._running}
            aria-invalid=${this._countError ? 'true' : 'false'}
            aria-describedby="why-reps-error"
            @change=${(e: Event) => this.onCount(e)}
        /></label>
        <span>${t('why.days')}: ${fmt(this.days)}</span>
        <span class="note">${t('why.runs', { runs: fmt(16 * this.replications), n: fmt(this.replications) })}</span>
        ${
          this._running
            ? html`<button id="why-cancel" @click=${() => this.ctl?.abort()}>${t('reps.cancel')}</button>`
            : html`<button id="why-run" class="primary" ?disabled=${!pair} @click=${() => this.compute()}>${t('why.run')}</button>`
        }
        <span class="field-error" id="why-reps-error" role=${this._countError ? 'alert' : 'none'}>${this._countError}</span>
        ${
          this._progress
            ? html`<progress
                  max=${this._progress.total}
                  .value=${this._progress.done}
                  aria-label=${t('why.progress', { done: this._progress.done, total: this._progress.total, s: 0 })}
                ></progress>
                <span role="status" id="why-progress"
                  >${t('why.progress', {
                    done: fmt(this._progress.done),
                    total: fmt(this._progress.total),
                    s: fmt((performance.now() - this.started) / 1000),
                  })}</span
                >`
            : ''
        }
      </div>
      ${this._error ? html`<p class="error" role="alert" id="why-error">${this._error}</p>` : ''} ${r ? this.renderResult(r, heading) : ''}
    `;
  }

  private renderResult(r: StructuralResult, heading: string) {
    const inter = interactionsThatMatter(r.rows);
    const out = this.out;
    return html`
      <div class="controls">
        <h3 id="why-heading">${heading}</h3>
        <details class="dl">
          <summary aria-label=${t('export.menuLabel', { chart: heading })}>${t('export.title')}</summary>
          <div class="menu">
            <button
              id="why-png"
              aria-label=${t('export.pngLabel', { chart: heading })}
              @click=${() => this.svgEl && downloadPng(this.svgEl, 'why-they-differ', this.exportMeta(r))}
            >
              ${t('export.png')}
            </button>
            <button
              id="why-svg"
              aria-label=${t('export.svgLabel', { chart: heading })}
              @click=${() => this.svgEl && downloadSvg(this.svgEl, 'why-they-differ', this.exportMeta(r))}
            >
              ${t('export.svg')}
            </button>
            <button id="why-csv" @click=${() => downloadText(decompositionCsv(r), 'why-they-differ.csv', 'text/csv')}>
              ${t('why.csv')}
            </button>
            ${out ? html`<button id="why-runs-csv" @click=${() => downloadText(toCsv(out), 'why-they-differ-runs.csv', 'text/csv')}>${t('why.runsCsv')}</button>` : ''}
            <button id="why-embed" aria-label=${t('export.embedLabel', { chart: heading })} @click=${() => void this.copyEmbed()}>
              ${t('export.embed')}
            </button>
          </div>
          ${this._message ? html`<p class="note" role="status">${this._message}</p>` : ''}
        </details>
      </div>
      <div class="legend" aria-hidden="true">
        ${(['total', ...COMPARED_PARTS, 'interactions'] as const).map(
          (k) =>
            html`<span
              ><span class="swatch" style="background:${PART_COLOUR[k]};opacity:${k === 'interactions' ? 0.55 : 1}"></span
              >${k === 'total' ? t('why.difference') : k === 'interactions' ? t('why.interactionsRow') : t(`part.${k}`)}</span
            >`,
        )}
      </div>
      <p class="note">${t('why.legend', this.pairNames(r))}</p>
      ${whyChart(r, this._width)}
      <h3>${t('why.interactions')}</h3>
      ${
        inter.length
          ? html`<ul id="why-interactions">
              ${inter.map(({ d, p }) => html`<li>${interactionText(d, p)}</li>`)}
            </ul>`
          : html`<p class="note" id="why-interactions">${t('why.noInteraction')}</p>`
      }
      ${r.unstable.length ? html`<p class="error" id="why-unstable">${t('why.unstable', { list: r.unstable.join(', ') })}</p>` : ''}
      <div class="scroll" tabindex="0" role="region" aria-label=${heading}>${this.table(r)}</div>
      <p class="note">
        ${r.warmupDays > 0 ? t('why.warmup', { w: fmt(r.warmupDays) }) : ''} ${t('why.combinations', this.pairNames(r))}
        ${t('why.shareNote')} ${t('why.kept')}
      </p>
    `;
  }

  private table(r: StructuralResult) {
    return html`<table id="why-table">
      <thead>
        <tr>
          <th scope="col">${t('why.metric')}</th>
          <th scope="col">${this.pairNames(r).a}</th>
          <th scope="col">${this.pairNames(r).b}</th>
          <th scope="col">${t('why.difference')}</th>
          ${COMPARED_PARTS.map((p) => html`<th scope="col">${t(`part.${p}`)}</th>`)}
          <th scope="col">${t('why.interactionsRow')}</th>
          <th scope="col">${t('why.share')}</th>
        </tr>
      </thead>
      <tbody>
        ${WHY_METRICS.flatMap((m) => r.rows.filter((d) => d.metric === m)).map(
          (d) =>
            html`<tr data-metric=${d.metric}>
              <th scope="row">${metricLabel(d.metric)}</th>
              <td>${withHalf(d.a.mean, d.a.half, d.unit, false)}</td>
              <td>${withHalf(d.b.mean, d.b.half, d.unit, false)}</td>
              <td data-part="total">${withHalf(d.total.mean, d.total.half, d.unit)}</td>
              ${d.parts.map((p) => html`<td data-part=${p.part}>${withHalf(p.shapley.mean, p.shapley.half, d.unit)}</td>`)}
              <td data-part="interactions">${withHalf(d.interactions.mean, d.interactions.half, d.unit)}</td>
              <td>
                ${Number.isFinite(d.structuralShare) && Math.abs(d.total.mean) > d.total.half ? `${fmt(100 * d.structuralShare, 0)}%` : '–'}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

customElements.define('fg-why', FgWhy);

declare global {
  interface HTMLElementTagNameMap {
    'fg-why': FgWhy;
  }
}
