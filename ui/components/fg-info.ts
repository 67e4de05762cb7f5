import { LitElement, css, html } from 'lit';
import type { Scenario } from '../../scenarios/schema.ts';
import { SEED_DOCUMENTS } from '../../scenarios/sources.ts';
import { getLang, nameOf, t } from '../../render/i18n.ts';

/** A text in the current language: the Chinese field when there is one, else English (marked as such). */
function local(en: string, zh: string | undefined) {
  if (getLang() !== 'zh') return html`${en}`;
  return zh ? html`${zh}` : html`<span lang="en">${en}</span>`;
}

/**
 * What the model is, how it works, what to try, and the sources and assumptions of the
 * structures loaded (in the spirit of NetLogo's Info tab).
 */
export class FgInfo extends LitElement {
  static properties = {
    /** The language: a change re-renders the strings. */
    lang: { type: String },
    scenarios: { attribute: false },
  };
  declare lang: string;
  /** The structures loaded (their scenarios as built, or as given where a change is invalid). */
  declare scenarios: Scenario[];

  static styles = css`
    :host {
      display: block;
      max-width: 60rem;
      line-height: 1.5;
    }
    h2 {
      font-size: 1.15rem;
    }
    h3 {
      font-size: 1rem;
      margin-top: 1.2rem;
    }
    li {
      margin: 0.2rem 0;
    }
    .param {
      font-family: ui-monospace, monospace;
      font-size: 0.85em;
      background: #f1f1f1;
      padding: 0 0.2em;
    }
    details {
      margin: 0.4rem 0;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
    summary:focus-visible {
      outline: 3px solid #e66100;
    }
  `;

  constructor() {
    super();
    this.scenarios = [];
  }

  render() {
    const seedTitle = (id: string) => {
      const d = SEED_DOCUMENTS.find((x) => x.id === id);
      return d ? (getLang() === 'zh' ? d.title : d.titleEn) : id;
    };
    return html`
      <h2>${t('info.title')}</h2>
      <h3>${t('info.what')}</h3>
      <p>${t('info.whatText')}</p>
      <h3>${t('info.how')}</h3>
      <p>${t('info.howText')}</p>
      <h3>${t('info.try')}</h3>
      <ul>
        <li>${t('info.try1')}</li>
        <li>${t('info.try2')}</li>
        <li>${t('info.try3')}</li>
        <li>${t('info.try4')}</li>
      </ul>
      <h3>${t('info.validation')}</h3>
      <p><a href="./validation.html" target="_blank" rel="noopener">${t('info.validationLink')}</a>: ${t('info.validationText')}</p>
      ${this.scenarios.map(
        (s) =>
          html` <h3>${nameOf(s)}</h3>
            <p>${local(s.description, s.descriptionZh)}</p>
            ${s.notes ? html`<p><strong>${t('info.notes')}:</strong> ${local(s.notes, s.notesZh)}</p>` : ''}
            <details>
              <summary>${t('info.sources', { name: nameOf(s) })} (${s.sources.length})</summary>
              <ul>
                ${s.sources.map((x) => html`<li><span class="param">${x.param}</span> — ${local(x.fact, x.factZh)} <em>(${t('info.seed', { id: x.seed, title: seedTitle(x.seed) })})</em></li>`)}
              </ul>
            </details>
            <details>
              <summary>${t('info.assumptions', { name: nameOf(s) })} (${s.assumptions.length})</summary>
              <ul>
                ${s.assumptions.map((x) => html`<li><span class="param">${x.param}</span> — ${local(x.reasoning, x.reasoningZh)}</li>`)}
              </ul>
            </details>`,
      )}
    `;
  }
}

customElements.define('fg-info', FgInfo);

declare global {
  interface HTMLElementTagNameMap {
    'fg-info': FgInfo;
  }
}
