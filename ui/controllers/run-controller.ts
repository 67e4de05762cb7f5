/**
 * The run as the user drives it: run or pause, step, reset and speed, with what is checked
 * first — a run's estimated cost before it starts (one past what a tab holds is refused, a
 * large one asked about), a confirmation before a run under way is reset by a key press, and
 * the seed and days as they are typed (a rejected value keeps the state's and says why). It
 * renders the run controls; the simulation itself is SimController's.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Scenario } from '../../scenarios/schema.ts';
import { estimateAppRun } from '../compute-budget.ts';
import { fmt, t } from '../../render/i18n.ts';
import type { AppState } from '../state.ts';
import type { SimController } from './sim-controller.ts';
import '../components/fg-run-controls.ts';

/** What the run controls need of the app. */
export interface RunApp {
  host: ReactiveControllerHost & { renderRoot: ParentNode; updateComplete: Promise<boolean> };
  state(): AppState;
  /** Set part of the state (the link follows). */
  patch(p: Partial<AppState>): void;
  sim: SimController;
  /** The scenario of each structure (undefined where it is invalid). */
  scenarios(): (Scenario | undefined)[];
}

/** The whole numbers a seed and a number of days may be. */
const RANGES = { seed: [0, 2 ** 31], days: [1, 3650] } as const;

export class RunController implements ReactiveController {
  /** A rejected seed or number of days, shown beside its field (which keeps the state's value). */
  seedError = '';
  daysError = '';
  /** R asked to reset a run under way: waiting for confirmation. */
  confirmReset = false;
  /** Why a run was refused (too large for a tab), or why an edit failed. */
  message = '';

  constructor(private app: RunApp) {
    app.host.addController(this);
  }

  hostConnected(): void {}

  /** Say why a run was refused or an edit failed ('' clears it). */
  say(message: string): void {
    this.message = message;
    this.app.host.requestUpdate();
  }

  /** Run or pause; a run the estimator calls huge starts only once the user agrees, and one past what a tab holds not at all. */
  toggle(): void {
    const { sim } = this.app;
    if (sim.status !== 'running' && sim.day === 0) {
      const est = estimateAppRun(this.app.scenarios(), this.app.state().days);
      this.say(est.level === 'refuse' ? est.message : '');
      if (est.level === 'refuse' || (est.level === 'warn' && !confirm(est.message))) return;
    }
    sim.toggle();
  }

  /** Step one day, unless one day alone is past what a tab holds. */
  step(): void {
    const est = estimateAppRun(this.app.scenarios(), 1);
    this.say(est.level === 'refuse' ? est.message : '');
    if (est.level !== 'refuse') void this.app.sim.step();
  }

  /** Load the structures at day 0. */
  async reset(): Promise<void> {
    const st = this.app.state();
    await this.app.sim.reset(this.app.scenarios(), st.seed, st.days);
  }

  /** Reset; a run under way is not thrown away by one key press: ask first. */
  askReset(): void {
    if (this.app.sim.day > 0 && !this.confirmReset) {
      this.app.sim.pause();
      this.setConfirm(true);
      void this.app.host.updateComplete.then(() => this.app.host.renderRoot.querySelector<HTMLElement>('#confirm-reset-no')?.focus());
    } else {
      this.setConfirm(false);
      void this.reset();
    }
  }

  /** Whether a reset waits for confirmation. */
  setConfirm(on: boolean): void {
    this.confirmReset = on;
    this.app.host.requestUpdate();
  }

  setSpeed(i: number): void {
    this.app.sim.setSpeed(i);
    this.app.patch({ speed: this.app.sim.speed });
  }

  /** A seed or a number of days from its field: a rejected value leaves the state as it was, and says why beside the field. */
  private input(key: 'seed' | 'days', v: number): boolean {
    const [min, max] = RANGES[key];
    const rejected = !Number.isInteger(v) || v < min || v > max;
    const error = rejected
      ? t('input.range', {
          label: t(key === 'seed' ? 'run.seed' : 'run.days'),
          what: t('input.wholeFrom', { min, max: fmt(max) }),
          got: Number.isNaN(v) ? t('input.notNumber') : fmt(v, Number.isInteger(v) ? 0 : 2),
          kept: fmt(this.app.state()[key]),
        })
      : '';
    if (key === 'seed') this.seedError = error;
    else this.daysError = error;
    this.app.host.requestUpdate();
    if (rejected) return false;
    this.app.patch(key === 'seed' ? { seed: v } : { days: v });
    void this.reset();
    return true;
  }

  /** A seed or number of days being typed: its error goes as soon as the value is one the field takes. */
  private typing(key: 'seed' | 'days', v: number): void {
    const [min, max] = RANGES[key];
    if (!(Number.isInteger(v) && v >= min && v <= max)) return;
    if (key === 'seed' && this.seedError) this.seedError = '';
    else if (key === 'days' && this.daysError) this.daysError = '';
    else return;
    this.app.host.requestUpdate();
  }

  /** The question a reset of a run under way asks, while it waits for an answer. */
  confirmation() {
    if (!this.confirmReset) return '';
    return html`<div class="banner" role="alertdialog" id="confirm-reset" aria-labelledby="confirm-reset-text">
      <span id="confirm-reset-text">${t('run.confirmReset', { day: fmt(Math.floor(this.app.sim.day)) })}</span>
      <button
        id="confirm-reset-yes"
        @click=${() => {
          this.setConfirm(false);
          void this.reset();
        }}
      >
        ${t('run.reset')}
      </button>
      <button id="confirm-reset-no" @click=${() => this.setConfirm(false)}>${t('run.keep')}</button>
    </div>`;
  }

  /** Run, step, reset, speed, seed and days; `invalid` problems (in `where`) block the run. */
  controls(invalid: number, where: string) {
    const st = this.app.state();
    const { sim } = this.app;
    return html`<fg-run-controls
      .lang=${st.lang}
      .status=${sim.status}
      .day=${sim.day}
      .days=${st.days}
      .speed=${sim.speed}
      .seed=${st.seed}
      .invalid=${invalid}
      .invalidWhere=${where}
      .seedError=${this.seedError}
      .daysError=${this.daysError}
      @run-action=${(e: CustomEvent<string>) => (e.detail === 'toggle' ? this.toggle() : e.detail === 'step' ? this.step() : void this.reset())}
      @speed-change=${(e: CustomEvent<number>) => this.setSpeed(e.detail)}
      @seed-change=${(e: CustomEvent<{ value: number; accepted: boolean }>) => (e.detail.accepted = this.input('seed', e.detail.value))}
      @days-change=${(e: CustomEvent<{ value: number; accepted: boolean }>) => (e.detail.accepted = this.input('days', e.detail.value))}
      @field-typing=${(e: CustomEvent<{ key: 'seed' | 'days'; value: number }>) => this.typing(e.detail.key, e.detail.value)}
    ></fg-run-controls>`;
  }
}
