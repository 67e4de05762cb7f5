import { LitElement, css, html } from 'lit';
import { fmt, t } from '../../render/i18n.ts';
import type { RunStatus } from '../controllers/sim-controller.ts';
import { SPEEDS } from '../state.ts';

const SPEED_KEYS = ['run.speed.slow', 'run.speed.medium', 'run.speed.fast', 'run.speed.max'] as const;

/**
 * Run, pause, step, reset, speed, seed and days.
 *
 * @fires run-action - detail 'toggle' | 'step' | 'reset'
 * @fires speed-change - detail: speed index
 * @fires seed-change - detail { value, accepted }: the listener sets accepted when it takes the value
 * @fires days-change - detail { value, accepted }
 * @fires field-typing - detail { key: 'seed' | 'days', value }: a value being typed (its error can go once it is valid)
 */
export class FgRunControls extends LitElement {
  static properties = {
    /** The language: a change re-renders the strings. */
    lang: { type: String },
    status: { type: String },
    day: { type: Number },
    days: { type: Number },
    speed: { type: Number },
    seed: { type: Number },
    invalid: { type: Number },
    invalidWhere: { type: String },
    seedError: { type: String },
    daysError: { type: String },
  };
  declare lang: string;
  /** Where the run stands (see SimController). */
  declare status: RunStatus;
  /** The day reached, and the days to simulate. */
  declare day: number;
  declare days: number;
  /** The speed, an index into SPEEDS. */
  declare speed: number;
  declare seed: number;
  /** Problems with the parameters: nothing runs until they are fixed. */
  declare invalid: number;
  /** The structures with problems. */
  declare invalidWhere: string;
  /** A seed or number of days refused, and why (shown beside the field). */
  declare seedError: string;
  declare daysError: string;

  static styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      padding: 0.5rem 0;
    }
    button {
      font: inherit;
      padding: 0.35rem 0.8rem;
      border: 1px solid #1a1a1a;
      background: #fff;
      color: #1a1a1a;
      border-radius: 4px;
      cursor: pointer;
    }
    button.primary {
      background: #1a5fb4;
      color: #fff;
      border-color: #1a5fb4;
      min-width: 6rem;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    button:focus-visible,
    input:focus-visible,
    select:focus-visible {
      outline: 3px solid #e66100;
      outline-offset: 2px;
    }
    label {
      display: inline-flex;
      gap: 0.35rem;
      align-items: center;
    }
    input {
      font: inherit;
      width: 6rem;
      padding: 0.2rem;
    }
    select {
      font: inherit;
      padding: 0.2rem;
    }
    .status {
      font-variant-numeric: tabular-nums;
      color: #1a1a1a;
      min-width: 10rem;
    }
    .progress {
      width: 10rem;
      height: 0.5rem;
      background: #ddd;
      border-radius: 4px;
      overflow: hidden;
    }
    .progress > div {
      height: 100%;
      background: #1a5fb4;
    }
    .warn {
      color: #a00;
    }
    .field {
      display: inline-flex;
      flex-direction: column;
      gap: 0.15rem;
    }
    .err {
      color: #a00;
      font-size: 0.8rem;
      max-width: 20rem;
    }
    input[aria-invalid='true'] {
      border: 2px solid #a00;
    }
    @media (max-width: 700px) {
      :host {
        gap: 0.4rem 0.6rem;
        padding: 0.3rem 0;
      }
      button {
        padding: 0.3rem 0.6rem;
      }
      button.primary {
        min-width: 5rem;
      }
      input {
        width: 5rem;
      }
      .status {
        min-width: 0;
      }
      .progress {
        width: 6rem;
      }
    }
  `;

  constructor() {
    super();
    this.status = 'idle';
    this.day = 0;
    this.days = 365;
    this.speed = 1;
    this.seed = 1;
    this.invalid = 0;
    this.invalidWhere = '';
    this.seedError = '';
    this.daysError = '';
  }

  /**
   * Offer a field's value to the app. The app answers at once (it marks the event accepted);
   * a refused value leaves the field showing what the state holds. The field is not
   * rewritten on every render, so typing while a run redraws the page is not undone.
   */
  private submit(e: Event, name: string, held: number) {
    const input = e.target as HTMLInputElement;
    const detail = { value: input.valueAsNumber, accepted: false };
    this.fire(name, detail);
    if (!detail.accepted) input.value = String(held);
  }

  private fire(name: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  render() {
    const running = this.status === 'running';
    const ready = (this.status === 'paused' || this.status === 'running') && (this.invalid === 0 || running);
    const statusText =
      this.status === 'loading'
        ? t('run.loading')
        : this.status === 'done'
          ? t('run.done', { days: fmt(this.days) })
          : this.status === 'error'
            ? ''
            : t('run.day', { day: fmt(Math.floor(this.day)), days: fmt(this.days) });
    return html`
      <button class="primary" id="run" ?disabled=${!ready} aria-keyshortcuts="Space" @click=${() => this.fire('run-action', 'toggle')}>
        ${running ? t('run.pause') : t('run.run')}
      </button>
      <button
        id="step"
        ?disabled=${(this.status !== 'paused' && this.status !== 'running') || this.invalid > 0}
        aria-keyshortcuts="S"
        @click=${() => this.fire('run-action', 'step')}
      >
        ${t('run.step')}
      </button>
      <button id="reset" aria-keyshortcuts="R" @click=${() => this.fire('run-action', 'reset')}>${t('run.reset')}</button>
      <label
        >${t('run.speed')}
        <select id="speed" @change=${(e: Event) => this.fire('speed-change', Number((e.target as HTMLSelectElement).value))}>
          ${SPEEDS.map((_, i) => html`<option value=${i} ?selected=${i === this.speed}>${t(SPEED_KEYS[i])}</option>`)}
        </select>
      </label>
      <span class="field">
        <label title=${t('run.seedHelp')}
          >${t('run.seed')}
          <input
            id="seed"
            type="number"
            min="0"
            max="2147483648"
            step="1"
            .value=${String(this.seed)}
            aria-invalid=${this.seedError ? 'true' : 'false'}
            aria-describedby="seed-error"
            @change=${(e: Event) => this.submit(e, 'seed-change', this.seed)}
            @input=${(e: Event) => this.fire('field-typing', { key: 'seed', value: (e.target as HTMLInputElement).valueAsNumber })}
          />
        </label>
        <span class="err" id="seed-error" role=${this.seedError ? 'alert' : 'none'}>${this.seedError}</span>
      </span>
      <span class="field">
        <label
          >${t('run.days')}
          <input
            id="days"
            type="number"
            min="1"
            max="3650"
            step="1"
            .value=${String(this.days)}
            aria-invalid=${this.daysError ? 'true' : 'false'}
            aria-describedby="days-error"
            @change=${(e: Event) => this.submit(e, 'days-change', this.days)}
            @input=${(e: Event) => this.fire('field-typing', { key: 'days', value: (e.target as HTMLInputElement).valueAsNumber })}
          />
        </label>
        <span class="err" id="days-error" role=${this.daysError ? 'alert' : 'none'}>${this.daysError}</span>
      </span>
      <span class="status" role="status" aria-live="polite">${statusText}</span>
      <div
        class="progress"
        role="progressbar"
        aria-valuemin="0"
        aria-valuemax=${this.days}
        aria-valuenow=${Math.floor(this.day)}
        aria-label=${t('run.days')}
      >
        <div style="width:${(100 * this.day) / Math.max(1, this.days)}%"></div>
      </div>
      ${this.invalid ? html`<span class="warn" id="run-blocked" role="alert">${t('run.invalid', { n: this.invalid, where: this.invalidWhere })}</span>` : ''}
    `;
  }
}

customElements.define('fg-run-controls', FgRunControls);

declare global {
  interface HTMLElementTagNameMap {
    'fg-run-controls': FgRunControls;
  }
}
