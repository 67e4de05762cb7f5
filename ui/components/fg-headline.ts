import { LitElement, css, html } from 'lit';
import type { Summary } from '../../sim/observe/metrics.ts';
import { PALETTE } from '../../render/palette.ts';
import { fmt, t } from '../../render/i18n.ts';
import { fasterSentence, formatValue, headlineRows, headlineValue, SENTENCE_METRIC } from '../../render/headline.ts';
import type { HeadlineStructural } from '../../render/structural.ts';
import { headlineOf } from '../headline.ts';
import type { CompareColumn } from './fg-compare.ts';

/**
 * The headline strip above the charts: per structure the figures a briefing asks for, with
 * units, as of the latest day received, and the difference in time to close between the
 * first two structures in words — with how much of it is structure once "Why do they
 * differ?" has decomposed it, or how to compute that.
 *
 * @fires why-open - the user asks to compute how much of the difference is structure
 */
export class FgHeadline extends LitElement {
  static properties = {
    /** The language: a change re-renders the strings. */
    lang: { type: String },
    columns: { attribute: false },
    summaries: { attribute: false },
    structural: { attribute: false },
    expanded: { state: true },
  };
  /** The figures shown (a phone starts with the sentence only, so a chart stays on the first screen). */
  declare expanded: boolean;
  declare lang: string;
  /** Each structure's title and run, in column order. */
  declare columns: CompareColumn[];
  /** The runs' summaries, if fetched (pause, step, end): their times to close count open cases. */
  declare summaries: (Summary | undefined)[];
  /** The decomposition of the first two structures' differences, while it belongs to them. */
  declare structural: HeadlineStructural | undefined;

  static styles = css`
    :host {
      display: block;
      margin-bottom: 0.75rem;
    }
    [hidden] {
      display: none !important;
    }
    h2 {
      font-size: 1rem;
      margin: 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: baseline;
      margin-bottom: 0.3rem;
    }
    .toggle {
      font: inherit;
      font-size: 0.85rem;
      padding: 0.1rem 0.5rem;
      border: 1px solid #1a1a1a;
      background: #fff;
      color: #1a1a1a;
      border-radius: 4px;
      cursor: pointer;
    }
    .toggle:focus-visible {
      outline: 3px solid #e66100;
      outline-offset: 2px;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
      gap: 0.5rem;
    }
    section {
      border: 1px solid #bbb;
      border-top: 4px solid var(--c);
      border-radius: 4px;
      padding: 0.35rem 0.6rem;
      min-width: 0;
    }
    h3 {
      font-size: 0.95rem;
      margin: 0 0 0.25rem;
      overflow-wrap: anywhere;
    }
    dl {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.1rem 0.6rem;
      margin: 0;
      font-size: 0.85rem;
    }
    dt {
      color: #333;
      overflow-wrap: anywhere;
    }
    dd {
      margin: 0;
      text-align: right;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      white-space: nowrap;
    }
    .sentence {
      font-weight: 600;
      margin: 0 0 0.4rem;
      font-size: 1rem;
    }
    .note {
      color: #333;
      font-size: 0.8rem;
      margin: 0.2rem 0 0;
    }
    button.link {
      font: inherit;
      padding: 0;
      border: none;
      background: none;
      color: #1a5fb4;
      text-decoration: underline;
      cursor: pointer;
    }
    button.link:focus-visible {
      outline: 3px solid #e66100;
      outline-offset: 2px;
    }
  `;

  constructor() {
    super();
    this.columns = [];
    this.summaries = [];
    this.expanded = typeof matchMedia === 'undefined' || !matchMedia('(max-width: 700px)').matches;
  }

  render() {
    let heads = this.columns.map((c, i) => headlineOf(c.data, this.summaries[i]));
    // One set of figures for every structure: the summaries' only when each has its own.
    if (!heads.every((h) => !h || h.km)) heads = this.columns.map((c) => headlineOf(c.data));
    const any = heads.find((h) => h);
    const km = heads.every((h) => !h || h.km);
    const rows = headlineRows(km);
    const short = (title: string) => title.replace(/^\d+\.\s*/, '');
    const plain =
      heads.length >= 2 && heads[0] && heads[1]
        ? fasterSentence(
            { name: short(this.columns[0].title), meanHours: headlineValue(heads[0], SENTENCE_METRIC) },
            { name: short(this.columns[1].title), meanHours: headlineValue(heads[1], SENTENCE_METRIC) },
          )
        : '';
    // How much of the difference is structure: the decomposition's figure, once computed.
    const s = this.structural;
    const clause =
      s && plain && heads[0] && heads[1]
        ? s.clause(headlineValue(heads[1], SENTENCE_METRIC) - headlineValue(heads[0], SENTENCE_METRIC))
        : undefined;
    const sentence = clause && s ? s.withClause(plain, clause.text) : plain;
    return html`
      <div class="head">
        <h2>
          ${t('head.title')}${any ? html` · <span id="head-day">${t('head.asOf', { day: fmt(Math.floor(any.day + 1e-9)) })}</span>` : ''}
        </h2>
        ${
          any
            ? html`<button
                class="toggle"
                id="head-toggle"
                aria-expanded=${this.expanded}
                aria-controls="head-figures"
                @click=${() => (this.expanded = !this.expanded)}
              >
                ${this.expanded ? t('head.hide') : t('head.show')}
              </button>`
            : ''
        }
      </div>
      ${
        any
          ? html`${
                sentence
                  ? html`<p class="sentence">
                      <span id="head-sentence" data-structure-hours=${clause ? String(clause.hours) : ''}>${sentence}</span>
                      ${
                        clause && s
                          ? html`<span class="note" id="head-structure">${s.note()}</span>`
                          : !s && this.columns.length >= 2
                            ? html`<span class="note" id="head-structure"
                                >${t('why.notYet')}
                                <button
                                  class="link"
                                  id="head-why"
                                  @click=${() => this.dispatchEvent(new CustomEvent('why-open', { bubbles: true, composed: true }))}
                                >
                                  ${t('why.openView')}
                                </button></span
                              >`
                            : ''
                      }
                    </p>`
                  : ''
              }
              <div id="head-figures" ?hidden=${!this.expanded}>
                <div class="cards">
                  ${this.columns.map((c, i) => {
                    const h = heads[i];
                    return html`<section class="structure" style="--c: ${PALETTE[i % PALETTE.length]}" aria-label=${c.title}>
                      <h3>${c.title}</h3>
                      ${
                        h
                          ? html`<dl>
                              ${rows.map((r) => {
                                const v = headlineValue(h, r.id);
                                return html`<dt title=${r.definition}>${r.label}</dt>
                                  <dd data-id=${r.id} data-label=${r.label} data-value=${String(v)}>${formatValue(v, r.unit)}</dd>`;
                              })}
                            </dl>`
                          : html`<p class="note">–</p>`
                      }
                    </section>`;
                  })}
                </div>
                <p class="note" id="head-note">${km ? t('head.kmNote') : t('head.liveNote')}</p>
              </div>`
          : html`<p class="note">${t('head.empty')}</p>`
      }
    `;
  }
}

customElements.define('fg-headline', FgHeadline);

declare global {
  interface HTMLElementTagNameMap {
    'fg-headline': FgHeadline;
  }
}
