import { LitElement, css, html, nothing } from 'lit';
import { presets } from 'virtual:scenario-data';
import { nameOf, t } from '../../render/i18n.ts';
import { MAX_COLUMNS, PRESET_IDS, type ColumnSpec } from '../state.ts';

/** The name of a preset, in both languages. */
const presetName = (id: string): { name: string; nameZh?: string } => presets[id] ?? { name: id };

/**
 * The structures compared: a preset or the user's own JSON per column; add or remove
 * columns; choose whose parameters are shown.
 *
 * @fires column-preset - detail { index, preset }
 * @fires column-file - detail { index, file }
 * @fires column-add
 * @fires column-remove - detail: index
 * @fires column-select - detail: index
 * @fires column-terms - detail { index, parts, equalPosts } (from fg-terms, loaded when first opened)
 */
export class FgPicker extends LitElement {
  static properties = {
    /** The language: a change re-renders the strings. */
    lang: { type: String },
    columns: { attribute: false },
    selected: { type: Number },
    errors: { attribute: false },
    titles: { attribute: false },
    changes: { attribute: false },
    termsOpen: { state: true },
    terms: { state: true },
  };
  /** The code that words a structure's equal terms (ui/terms.ts), loaded once a structure has them. */
  declare terms: typeof import('../terms.ts') | undefined;
  /** Whose equal terms (fg-terms) are open. */
  declare termsOpen: boolean[];
  declare lang: string;
  /** The structures compared, as the state holds them. */
  declare columns: ColumnSpec[];
  /** The structure whose parameters are shown. */
  declare selected: number;
  /** A load error per column (kept until the next load). */
  declare errors: (string | undefined)[];
  /** Each structure's title as charts show it (marked when changed). */
  declare titles: string[];
  /** Each structure's changes, one line per parameter. */
  declare changes: string[][];

  static styles = css`
    :host {
      display: block;
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 0.4rem;
    }
    .cols {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
    .col {
      border: 1px solid #999;
      border-radius: 6px;
      padding: 0.5rem;
      min-width: 15rem;
      flex: 1;
      background: #fff;
    }
    .col.selected {
      border: 2px solid #1a5fb4;
    }
    .row {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      flex-wrap: wrap;
      margin-top: 0.3rem;
    }
    select,
    button {
      font: inherit;
      font-size: 0.9rem;
    }
    select {
      max-width: 100%;
      padding: 0.2rem;
    }
    button {
      padding: 0.2rem 0.5rem;
      border: 1px solid #767676;
      background: #fff;
      color: #1a1a1a;
      border-radius: 3px;
      cursor: pointer;
    }
    button:focus-visible,
    select:focus-visible,
    input:focus-visible {
      outline: 3px solid #e66100;
      outline-offset: 2px;
    }
    .file {
      position: relative;
      overflow: hidden;
      display: inline-block;
    }
    .file input {
      position: absolute;
      inset: 0;
      opacity: 0;
      cursor: pointer;
    }
    .file:focus-within {
      outline: 3px solid #e66100;
    }
    .error {
      color: #a00;
      background: #fdecec;
      padding: 0.3rem;
      border-radius: 4px;
      margin-top: 0.3rem;
      white-space: pre-wrap;
      font-size: 0.85rem;
    }
    .custom {
      font-size: 0.85rem;
      color: #333;
    }
    .changes {
      font-size: 0.82rem;
      background: #fff6d6;
      border-left: 4px solid #c58a00;
      padding: 0.2rem 0.4rem;
      margin-top: 0.3rem;
    }
    .changes ul {
      margin: 0;
      padding-left: 1.1rem;
    }
    .badge {
      font-size: 0.75rem;
      font-weight: 600;
      color: #7a5200;
      margin-left: 0.4rem;
    }
    .short {
      display: none;
    }
    @media (max-width: 700px) {
      .long {
        display: none;
      }
      .short {
        display: inline;
      }
      h2 {
        font-size: 0.95rem;
        margin-bottom: 0.25rem;
      }
      .cols {
        gap: 0.4rem;
      }
      .col {
        min-width: 0;
        padding: 0.35rem;
        flex-basis: 100%;
      }
      select,
      button {
        font-size: 0.82rem;
      }
      .row {
        margin-top: 0.2rem;
        gap: 0.3rem;
      }
    }
  `;

  constructor() {
    super();
    this.columns = [];
    this.selected = 0;
    this.errors = [];
    this.titles = [];
    this.changes = [];
    this.termsOpen = [];
  }

  /** A structure's equal terms in words, once their code is loaded (it is, for the structure to be built with them). */
  private termsLine(c: ColumnSpec): string {
    if (!this.terms) void import('../terms.ts').then((m) => (this.terms = m));
    return this.terms?.termsLine(c) ?? '';
  }

  private toggleTerms(i: number) {
    const open = [...this.termsOpen];
    open[i] = !open[i];
    // The choices' code is loaded when first asked for.
    if (open[i]) void import('./fg-terms.ts').then(() => (this.termsOpen = open));
    else this.termsOpen = open;
  }

  private fire(name: string, detail?: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  render() {
    return html`
      <h2>${t('picker.title')}</h2>
      <div class="cols">
        ${this.columns.map(
          (c, i) =>
            html` <div class="col ${i === this.selected ? 'selected' : ''}">
              <label for="preset-${i}"><strong>${t('picker.structure', { n: i + 1 })}</strong></label
              >${this.changes[i]?.length ? html`<span class="badge">${t('params.changed')}</span>` : ''}
              <div class="row">
                <select
                  id="preset-${i}"
                  class="preset"
                  @change=${(e: Event) => this.fire('column-preset', { index: i, preset: (e.target as HTMLSelectElement).value })}
                >
                  ${c.custom ? html`<option selected value="">${t('picker.custom', { name: c.custom.name })}</option>` : ''}
                  ${PRESET_IDS.map((id) => html`<option value=${id} ?selected=${!c.custom && c.preset === id}>${nameOf(presetName(id))}</option>`)}
                </select>
              </div>
              <div class="row">
                <span class="file"
                  ><button tabindex="-1" aria-hidden="true">
                    <span class="long">${t('picker.open')}</span><span class="short">${t('picker.openShort')}</span>
                  </button>
                  <input
                    type="file"
                    accept="application/json,.json"
                    aria-label=${t('picker.openLabel', { n: i + 1 })}
                    @change=${(e: Event) => {
                      const input = e.target as HTMLInputElement;
                      const file = input.files?.[0];
                      if (file) this.fire('column-file', { index: i, file });
                      input.value = '';
                    }}
                /></span>
                <button
                  @click=${() => this.fire('column-select', i)}
                  aria-pressed=${i === this.selected}
                  aria-label=${t('picker.edit', { n: i + 1 })}
                >
                  <span class="long">${t('picker.edit', { n: i + 1 })}</span><span class="short">${t('picker.editShort')}</span>
                </button>
                ${this.columns.length > 1 ? html`<button @click=${() => this.fire('column-remove', i)} aria-label=${t('picker.remove', { n: i + 1 })}><span class="long">${t('picker.remove', { n: i + 1 })}</span><span class="short">${t('picker.removeShort')}</span></button>` : ''}
                <button
                  id="terms-toggle-${i}"
                  aria-expanded=${this.termsOpen[i] ? 'true' : 'false'}
                  aria-controls=${this.termsOpen[i] ? `terms-${i}` : nothing}
                  aria-label=${t('terms.buttonLabel', { n: i + 1 })}
                  @click=${() => this.toggleTerms(i)}
                >
                  <span class="long">${t('terms.button')}</span><span class="short">${t('terms.buttonShort')}</span>
                </button>
              </div>
              ${c.parts || c.equalPosts ? html`<div class="custom" id="terms-line-${i}">${this.termsLine(c)}</div>` : ''}
              ${this.termsOpen[i] ? html`<fg-terms id="terms-${i}" .lang=${this.lang} .index=${i} .column=${c}></fg-terms>` : ''}
              ${
                this.changes[i]?.length
                  ? html`<div class="changes" id="changes-${i}">
                      <ul>
                        ${this.changes[i].map((c) => html`<li>${c}</li>`)}
                      </ul>
                    </div>`
                  : ''
              }
              ${this.errors[i] ? html`<div class="error" role="alert">${this.errors[i]}</div>` : ''}
            </div>`,
        )}
      </div>
      ${this.columns.length < MAX_COLUMNS ? html`<div class="row"><button id="add" @click=${() => this.fire('column-add')}>${t('picker.add')}</button></div>` : ''}
    `;
  }
}

customElements.define('fg-picker', FgPicker);

declare global {
  interface HTMLElementTagNameMap {
    'fg-picker': FgPicker;
  }
}
