import { LitElement, html } from 'lit';
import { SEED_DOCUMENTS } from '../../scenarios/sources.ts';
import { formatValue } from '../../render/headline.ts';
import { addMessages, fmt, getLang, t } from '../../render/i18n.ts';
import { storyEn } from '../../render/messages/story-en.ts';
import { storyZh } from '../../render/messages/story-zh.ts';
import { storyStyles } from './fg-story.styles.ts';
import { STORY, STRESS_DAY, storyFigures, targetName, templateParts, type FigureUnit, type StoryRun } from '../story.ts';

/** Where the story's step stands: loading its structures, ready, running, finished with its run, or its structures changed since. */
export type StoryStatus = 'loading' | 'ready' | 'running' | 'done' | 'changed';

addMessages({ en: storyEn, zh: storyZh });

/** A figure with its unit. */
function figureText(value: number, unit: FigureUnit): string {
  return unit === 'cases' ? `${fmt(value)} ${t('unit.cases')}` : formatValue(value, unit);
}

/**
 * One step of the guided story: what it shows, the seed fact it rests on, a question to
 * answer before the run, the run's figures in words and whether they bear the prediction
 * out, what to look at, and notes for the teacher. The app loads and runs the structures.
 *
 * @fires story-go - detail: the index of the step to go to
 * @fires story-run - run this step
 * @fires story-answer - detail: the id of the choice predicted
 * @fires story-look - show the part of the view the step points at
 * @fires story-look-map - show the living map of the step's structures
 * @fires story-leave - close the story, keeping the state
 * @fires story-embed - copy the code of a page that shows this step alone
 */
export class FgStory extends LitElement {
  static properties = {
    /** The language: a change re-renders the strings. */
    lang: { type: String },
    index: { type: Number },
    status: { type: String },
    day: { type: Number },
    /** The step's run, once finished (figures counted as the headline strip counts them). */
    run: { attribute: false },
    /** Short names of the structures, in column order. */
    names: { attribute: false },
    /** The choice predicted, if any. */
    answer: { type: String },
  };
  declare lang: string;
  /** The step shown, 0-based. */
  declare index: number;
  /** Where the step stands (see StoryStatus). */
  declare status: StoryStatus;
  /** The simulated day of the step's run. */
  declare day: number;
  declare run: StoryRun | undefined;
  declare names: string[];
  declare answer: string | undefined;

  static styles = storyStyles;

  constructor() {
    super();
    this.index = 0;
    this.status = 'ready';
    this.day = 0;
    this.names = [];
  }

  private fire(name: string, detail?: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Focus the step's heading (after moving to another step). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private seedTitle(id: string): string {
    const d = SEED_DOCUMENTS.find((x) => x.id === id);
    return d ? (getLang() === 'zh' ? d.title : d.titleEn) : id;
  }

  /** The result template with the run's figures, each in an element of its own carrying its value. */
  private result(run: StoryRun) {
    const step = STORY[this.index];
    const figures = storyFigures(step, run);
    const words: Record<string, string> = { a: this.names[0] ?? '', b: this.names[1] ?? '', days: fmt(step.days) };
    return templateParts(t(step.result)).map((p) => {
      if ('text' in p) return p.text;
      const f = figures[p.name];
      if (f) return html`<strong class="fig" data-fig=${p.name} data-value=${String(f.value)}>${figureText(f.value, f.unit)}</strong>`;
      return words[p.name] ?? `{${p.name}}`;
    });
  }

  render() {
    const step = STORY[this.index];
    const n = this.index + 1;
    const last = this.index === STORY.length - 1;
    const q = step.question;
    const done = this.status === 'done' && this.run;
    const model = done ? q.answer(this.run!) : undefined;
    const choice = (id: string | undefined) => t(q.choices.find((c) => c.id === id)?.label ?? 'story.choice.none');
    const chart = targetName(step.view, step.target);
    return html`
      <section aria-labelledby="story-title">
        <div class="bar">
          <span class="label">${t('story.label')} · ${t('story.stepOf', { n, total: STORY.length })}</span>
          <ol aria-label=${t('story.steps')}>
            ${STORY.map(
              (s, i) =>
                html`<li>
                  <button
                    id="story-step-${i + 1}"
                    aria-current=${i === this.index ? 'step' : 'false'}
                    aria-label=${t('story.stepButton', { n: i + 1, title: t(s.title) })}
                    title=${t(s.title)}
                    @click=${() => this.fire('story-go', i)}
                  >
                    ${i + 1}
                  </button>
                </li>`,
            )}
          </ol>
          <button id="story-embed" aria-label=${t('story.embedLabel')} @click=${() => this.fire('story-embed')}>
            ${t('export.embed')}
          </button>
          <button class="leave" id="story-leave" @click=${() => this.fire('story-leave')}>${t('story.leave')}</button>
        </div>
        <h2 id="story-title" tabindex="-1">${t(step.title)}</h2>
        <p id="story-intro">${t(step.intro, { days: fmt(step.days), shockDay: STRESS_DAY })}</p>
        <blockquote id="story-facts" aria-label=${t('story.facts')}>
          ${step.facts.map(
            (f) =>
              html`<p>${t(f.text)}</p>
                <cite>${t('story.source', { id: f.seed, title: this.seedTitle(f.seed) })}</cite>`,
          )}
        </blockquote>
        <fieldset id="story-predict">
          <legend>${t('story.ask', { question: t(q.prompt) })}</legend>
          <div class="choices">
            ${q.choices.map(
              (c) =>
                html`<label
                  ><input
                    type="radio"
                    name="story-choice"
                    value=${c.id}
                    .checked=${this.answer === c.id}
                    ?disabled=${this.status === 'running' || !!done}
                    @change=${() => this.fire('story-answer', c.id)}
                  />${t(c.label)}</label
                >`,
            )}
          </div>
        </fieldset>
        ${
          this.status === 'changed'
            ? html`<p class="changed" id="story-changed">
                ${t('story.changed')}
                <button id="story-reload" @click=${() => this.fire('story-go', this.index)}>${t('story.reload')}</button>
              </p>`
            : html`<div class="actions">
                ${done ? '' : html`<button class="primary" id="story-run" ?disabled=${this.status === 'running' || this.status === 'loading'} @click=${() => this.fire('story-run')}>${t('story.run', { days: fmt(step.days) })}</button>`}
                <span class="status"
                  >${this.status === 'running' ? t('story.running', { day: fmt(Math.floor(this.day)), days: fmt(step.days) }) : done ? '' : this.answer ? '' : t('story.predictFirst')}</span
                >
              </div>`
        }
        <p class="sr" aria-live="polite" id="story-announce">${done ? t('story.announce', { n, chart }) : ''}</p>
        ${
          done
            ? html` <div class="result" id="story-result">
                <h3>${t('story.resultTitle', { days: fmt(step.days) })}</h3>
                <p id="story-result-text">${this.result(this.run!)}</p>
                <p id="story-check">
                  ${this.answer ? t('story.yourAnswer', { choice: choice(this.answer) }) : t('story.noAnswer')}
                  ${t('story.modelAnswer', { choice: choice(model) })}
                  ${this.answer ? html`<span class=${this.answer === model ? 'right' : 'wrong'}>${this.answer === model ? t('story.right') : t('story.wrong')}</span>` : ''}
                </p>
                <p id="story-look">
                  ${t('story.lookAt', { chart })} ${t(step.look)}
                  <button id="story-show" @click=${() => this.fire('story-look')}>${t('story.show')}</button>
                </p>
                <p id="story-map">
                  ${t(step.map)} <button id="story-show-map" @click=${() => this.fire('story-look-map')}>${t('story.showMap')}</button>
                </p>
              </div>`
            : ''
        }
        <details id="story-teacher">
          <summary>${t('story.teacher')}</summary>
          <p>${t(step.teacher)}</p>
        </details>
        <nav class="steps" aria-label=${t('story.move')}>
          <button id="story-prev" ?disabled=${this.index === 0} @click=${() => this.fire('story-go', this.index - 1)}>
            ${t('story.prev')}
          </button>
          ${
            last
              ? html`<button class="primary" id="story-finish" @click=${() => this.fire('story-leave')}>${t('story.finish')}</button>`
              : html`<button class="primary" id="story-next" @click=${() => this.fire('story-go', this.index + 1)}>
                  ${t('story.next', { title: t(STORY[this.index + 1].title) })}
                </button>`
          }
        </nav>
      </section>
    `;
  }
}

customElements.define('fg-story', FgStory);

declare global {
  interface HTMLElementTagNameMap {
    'fg-story': FgStory;
  }
}
