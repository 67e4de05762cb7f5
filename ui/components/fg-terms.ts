import { LitElement, css, html } from 'lit';
import { addMessages, t } from '../../render/i18n.ts';
import { whyEn } from '../../render/messages/why-en.ts';
import { whyZh } from '../../render/messages/why-zh.ts';
import { PRESET_IDS, type ColumnSpec } from '../state.ts';
import { PART_KEYS as COLUMN_PARTS, presetShortName as shortName } from '../terms.ts';

addMessages({ en: whyEn, zh: whyZh });

/**
 * One structure's equal terms, opened from the picker (which loads this code then): its
 * resources, policy or working hours taken from a preset ("the traditional county's
 * structure with Longgang 2021's policy"), and its posts held at a preset's total (all posts,
 * or city posts). The picker says the terms chosen in the structure's title.
 *
 * @fires column-terms - detail { index, parts, equalPosts }
 */
export class FgTerms extends LitElement {
  static properties = {
    lang: { type: String },
    index: { type: Number },
    column: { attribute: false },
  };
  declare lang: string;
  /** The structure's place in the picker. */
  declare index: number;
  declare column: ColumnSpec;

  static styles = css`
    :host {
      display: grid;
      gap: 0.3rem;
      font-size: 0.85rem;
      border: 1px solid #ccc;
      border-radius: 4px;
      padding: 0.4rem;
      margin-top: 0.3rem;
    }
    label {
      display: grid;
      gap: 0.1rem;
    }
    button,
    select {
      font: inherit;
      max-width: 100%;
    }
    button {
      padding: 0.2rem 0.5rem;
      border: 1px solid #767676;
      background: #fff;
      color: #1a1a1a;
      border-radius: 3px;
      cursor: pointer;
      justify-self: start;
    }
    select {
      padding: 0.2rem;
    }
    button:focus-visible,
    select:focus-visible {
      outline: 3px solid #e66100;
      outline-offset: 2px;
    }
    .help {
      margin: 0;
      color: #333;
    }
  `;

  constructor() {
    super();
    this.index = 0;
  }

  private fire(parts: ColumnSpec['parts'], equalPosts: ColumnSpec['equalPosts']) {
    const clean = parts && Object.keys(parts).length > 0 ? parts : undefined;
    this.dispatchEvent(
      new CustomEvent('column-terms', { detail: { index: this.index, parts: clean, equalPosts }, bubbles: true, composed: true }),
    );
  }

  private setPart(part: (typeof COLUMN_PARTS)[number], id: string) {
    const parts = { ...this.column.parts };
    if (id) parts[part] = id;
    else delete parts[part];
    this.fire(parts, this.column.equalPosts);
  }

  private setPosts(value: string) {
    const [posts, preset] = value.split(':');
    this.fire(this.column.parts, preset ? { preset, posts: posts === 'city' ? 'city' : 'all' } : undefined);
  }

  render() {
    const c = this.column;
    const own = c.preset && !c.custom ? c.preset : '';
    const postsValue = c.equalPosts ? `${c.equalPosts.posts}:${c.equalPosts.preset}` : '';
    return html`
      <p class="help">${t('terms.help')}</p>
      ${COLUMN_PARTS.map(
        (p) =>
          html`<label
            >${t(`terms.${p}`)}
            <select class="terms-part" data-part=${p} @change=${(e: Event) => this.setPart(p, (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!c.parts?.[p]}>${t('terms.own')}</option>
              ${PRESET_IDS.filter((id) => id !== own).map(
                (id) => html`<option value=${id} ?selected=${c.parts?.[p] === id}>${shortName(id)}</option>`,
              )}
            </select></label
          >`,
      )}
      <label
        >${t('terms.posts')}
        <select class="terms-posts" @change=${(e: Event) => this.setPosts((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!postsValue}>${t('terms.postsOwn')}</option>
          ${(['all', 'city'] as const).map(
            (basis) =>
              html`<optgroup label=${t(basis === 'all' ? 'terms.groupAll' : 'terms.groupCity')}>
                ${PRESET_IDS.filter((id) => id !== own).map(
                  (id) =>
                    html`<option value=${`${basis}:${id}`} ?selected=${postsValue === `${basis}:${id}`}>
                      ${t(basis === 'all' ? 'terms.postsAll' : 'terms.postsCity', { name: shortName(id) })}
                    </option>`,
                )}
              </optgroup>`,
          )}
        </select></label
      >
      ${c.parts || c.equalPosts ? html`<button class="terms-clear" @click=${() => this.fire(undefined, undefined)}>${t('terms.clear')}</button>` : ''}
    `;
  }
}

customElements.define('fg-terms', FgTerms);

declare global {
  interface HTMLElementTagNameMap {
    'fg-terms': FgTerms;
  }
}
