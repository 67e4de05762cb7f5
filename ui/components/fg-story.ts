import { LitElement, html, type PropertyValues } from 'lit';
import { SEED_DOCUMENTS } from '../../scenarios/sources.ts';
import { definitionOf, formatFigure, formatInterval, formatPlusMinus, labelOf, unitOf } from '../../render/figures.ts';
import { addMessages, fmt, getLang, t } from '../../render/i18n.ts';
import { storyEn } from '../../render/messages/story-en.ts';
import { storyZh } from '../../render/messages/story-zh.ts';
import { storyStyles } from './fg-story.styles.ts';
import { STORY, STRESS_DAY, TOO_CLOSE, storyFigure, storyVerdict, targetName, type StoryRun } from '../story.ts';

/** Where the story's step stands: loading its structures, ready, running, finished with its run, or its structures changed since. */
export type StoryStatus = 'loading' | 'ready' | 'running' | 'done' | 'changed';

addMessages({ en: storyEn, zh: storyZh });

/**
 * One step of the guided story: what it shows, the seed fact it rests on, a question to
 * answer before the run, the figures of the step's replications with their 95% intervals,
 * the answer those intervals give (which may be "too close to call") against the prediction,
 * what to look at, and notes for the teacher. The app loads and runs the structures. Embedded
 * (`embedded`), it shows the step alone: no step buttons, embed, leave or next.
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
    /** The step's replications, once finished. */
    run: { attribute: false },
    /** Replications finished so far, while they run. */
    progress: { attribute: false },
    /** Short names of the structures, in column order. */
    names: { attribute: false },
    /** The choice predicted, if any. */
    answer: { type: String },
    /** Shown alone in another page: no navigation. */
    embedded: { type: Boolean },
  };
  declare lang: string;
  /** The step shown, 0-based. */
  declare index: number;
  /** Where the step stands (see StoryStatus). */
  declare status: StoryStatus;
  /** The simulated day of the step's run shown on the charts. */
  declare day: number;
  declare run: StoryRun | undefined;
  declare progress: { done: number; total: number } | undefined;
  declare names: string[];
  declare answer: string | undefined;
  declare embedded: boolean;

  static styles = storyStyles;

  constructor() {
    super();
    this.index = 0;
    this.status = 'ready';
    this.day = 0;
    this.names = [];
    this.embedded = false;
  }

  private fire(name: string, detail?: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Focus the step's heading (after moving to another step). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** After a run the user started, focus goes to what it produced. */
  protected updated(changed: PropertyValues<this>): void {
    // Not in an embed: it runs by itself, and focus stays where the host page has it.
    if (!this.embedded && changed.has('status') && this.status === 'done' && changed.get('status') === 'running')
      this.renderRoot.querySelector<HTMLElement>('#story-result h3')?.focus();
  }

  private seedTitle(id: string): string {
    const d = SEED_DOCUMENTS.find((x) => x.id === id);
    return d ? (getLang() === 'zh' ? d.title : d.titleEn) : id;
  }

  /** The step's figures: one row per metric, one column per structure, each the mean of the replications with its 95% interval. */
  private figures(run: StoryRun) {
    const step = STORY[this.index];
    const metrics = [...new Set(step.figures.map((f) => f.metric))];
    const cols = [...new Set(step.figures.map((f) => f.col))].sort((a, b) => a - b);
    const table = html`<table id="story-figures">
      <caption>
        ${t('story.figures', { n: run.n, days: fmt(run.days) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('story.figure')}</th>
          ${cols.map((c) => html`<th scope="col">${this.names[c] ?? ''}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${metrics.map((m) => {
          const unit = unitOf(m);
          const label = labelOf(m);
          return html`<tr>
            <th scope="row" title=${definitionOf(m)}>${label}</th>
            ${cols.map((c) => {
              const iv = storyFigure(run, m, c, unit);
              return step.figures.some((f) => f.metric === m && f.col === c)
                ? html`<td
                    class="fig"
                    data-metric=${m}
                    data-col=${c}
                    data-label=${`${label} (${t('story.meanOf', { n: run.n })})`}
                    data-value=${String(iv.mean)}
                    data-low=${String(iv.low)}
                    data-high=${String(iv.high)}
                  >
                    ${formatInterval(iv.mean, iv.low, iv.high, unit)}
                  </td>`
                : html`<td>–</td>`;
            })}
          </tr>`;
        })}
      </tbody>
    </table>`;
    // Embedded, nothing scrolls inside the step: the table is as wide as the frame allows.
    return this.embedded
      ? table
      : html`<div class="scroll" tabindex="0" role="region" aria-label=${t('story.figures', { n: run.n, days: fmt(run.days) })}>
          ${table}
        </div>`;
  }

  /** What the intervals answer, in words: the interval judged against the line, or the paired difference. */
  private verdictText(run: StoryRun): string {
    const step = STORY[this.index];
    const j = step.question.judge;
    const unit = unitOf(j.metric);
    const v = storyVerdict(step, run, unit);
    const label = labelOf(j.metric);
    if (j.kind === 'threshold') {
      const where =
        v.answer === TOO_CLOSE ? 'story.verdict.straddles' : v.answer === j.above ? 'story.verdict.above' : 'story.verdict.below';
      return t(where, {
        label,
        name: this.names[j.col] ?? '',
        value: formatInterval(v.interval.mean, v.interval.low, v.interval.high, unit),
        line: formatFigure(j.at, unit),
      });
    }
    const half = (v.interval.high - v.interval.low) / 2;
    return t(v.answer === TOO_CLOSE ? 'story.verdict.noDifference' : 'story.verdict.difference', {
      label,
      a: this.names[0] ?? '',
      b: this.names[1] ?? '',
      diff: formatPlusMinus(v.interval.mean, half, unit, true),
    });
  }

  render() {
    const step = STORY[this.index];
    const n = this.index + 1;
    const last = this.index === STORY.length - 1;
    const q = step.question;
    const done = this.status === 'done' && this.run;
    const verdict = done ? storyVerdict(step, this.run!, unitOf(q.judge.metric)).answer : undefined;
    const choice = (id: string | undefined) => t(q.choices.find((c) => c.id === id)?.label ?? 'story.choice.none');
    const chart = targetName(step.view, step.target);
    const judged =
      !this.answer || verdict === undefined ? '' : this.answer === verdict ? 'right' : verdict === TOO_CLOSE ? 'undecided' : 'wrong';
    return html`
      <section aria-labelledby="story-title">
        <div class="bar">
          <span class="label">${t('story.label')} · ${t('story.stepOf', { n, total: STORY.length })}</span>
          ${
            this.embedded
              ? ''
              : html`<ol aria-label=${t('story.steps')}>
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
                  <button class="leave" id="story-leave" @click=${() => this.fire('story-leave')}>${t('story.leave')}</button>`
          }
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
        ${
          // Embedded, the step runs by itself: the question, without choices to make.
          this.embedded
            ? html`<p id="story-question"><strong>${t('story.question', { question: t(q.prompt) })}</strong></p>`
            : html`<fieldset id="story-predict">
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
              </fieldset>`
        }
        ${
          this.status === 'changed'
            ? html`<p class="changed" id="story-changed">
                ${t('story.changed')}
                <button id="story-reload" @click=${() => this.fire('story-go', this.index)}>${t('story.reload')}</button>
              </p>`
            : html`<div class="actions">
                ${done ? '' : html`<button class="primary" id="story-run" ?disabled=${this.status === 'running' || this.status === 'loading'} @click=${() => this.fire('story-run')}>${t('story.run', { days: fmt(step.days) })}</button>`}
                <span class="status" role="status"
                  >${
                    this.status === 'running'
                      ? t('story.running', {
                          day: fmt(Math.floor(this.day)),
                          days: fmt(step.days),
                          done: fmt(this.progress?.done ?? 0),
                          total: fmt(this.progress?.total ?? 0),
                        })
                      : done
                        ? ''
                        : this.answer
                          ? ''
                          : t('story.predictFirst')
                  }</span
                >
              </div>`
        }
        <p class="sr" aria-live="polite" id="story-announce">${done ? t('story.announce', { n, chart }) : ''}</p>
        ${
          done
            ? html` <div class="result" id="story-result">
                <h3 tabindex="-1">${t('story.resultTitle', { days: fmt(step.days), n: this.run!.n })}</h3>
                ${this.figures(this.run!)}
                <p id="story-result-text">${t(step.result, { a: this.names[0] ?? '', b: this.names[1] ?? '', days: fmt(step.days) })}</p>
                <p id="story-verdict">${this.verdictText(this.run!)}</p>
                <p id="story-check" data-answer=${verdict ?? ''}>
                  ${this.embedded ? '' : this.answer ? t('story.yourAnswer', { choice: choice(this.answer) }) : t('story.noAnswer')}
                  ${t('story.modelAnswer', { choice: choice(verdict) })}
                  ${judged ? html`<span class=${judged === 'right' ? 'right' : 'wrong'}>${t(judged === 'right' ? 'story.right' : judged === 'wrong' ? 'story.wrong' : 'story.undecided')}</span>` : ''}
                </p>
                <p id="story-look">
                  ${t('story.lookAt', { chart })} ${t(step.look)} ${t('story.oneRun')}
                  ${this.embedded ? '' : html`<button id="story-show" @click=${() => this.fire('story-look')}>${t('story.show')}</button>`}
                </p>
                ${
                  // Embedded, the step's chart is under it and nothing leads elsewhere: no map to go to.
                  this.embedded
                    ? ''
                    : html`<p id="story-map">
                        ${t(step.map, { day: fmt(step.mapDay ?? step.days) })}
                        <button id="story-show-map" @click=${() => this.fire('story-look-map')}>${t('story.showMap')}</button>
                      </p>`
                }
              </div>`
            : ''
        }
        ${
          this.embedded
            ? ''
            : html`<details id="story-teacher">
                <summary>${t('story.teacher')}</summary>
                <p>${t(step.teacher)}</p>
              </details>`
        }
        ${
          this.embedded
            ? ''
            : html`<nav class="steps" aria-label=${t('story.move')}>
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
              </nav>`
        }
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
