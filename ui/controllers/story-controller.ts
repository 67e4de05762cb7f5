/**
 * The guided story in the app: which step is shown, loading its structures, running it,
 * the predictions made, the run's figures once it has finished, what it points at, and
 * `?story=N` in the address. The app loads this module when a student opens the story or
 * a link names a step, so the first screen does not carry it.
 */
import { copyEmbedCode, embedIframe } from '../charts/export.ts';
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import '../components/fg-story.ts';
import type { StoryStatus } from '../components/fg-story.ts';
import { nameOf, t } from '../../render/i18n.ts';
import { seriesStat, seriesStatOf } from '../../sim/observe/series.ts';
import type { SimController } from './sim-controller.ts';
import type { AppState, BuiltColumn, ColumnSpec, View } from '../state.ts';
import { parseStoryParam, STORY, STORY_REPLICATIONS, stepMetrics, targetName, type StoryRun, type StoryStep } from '../story.ts';
import { replicate, valuesByStructure } from '../replicate.ts';
import { unitOf } from '../../render/figures.ts';
import type { FgChart } from '../charts/fg-chart.ts';

/** The width of the frame a step's embed code suggests. */
const EMBED_WIDTH = 900;
/** What a step's embed shows besides its panel and chart: the source line (two rows at that width), the chart's margin and the embed's padding. */
const EMBED_CHROME_PX = 80;
/** A chart's height when the view shown has none to measure (the map shown): the tallest of two panels side by side with notes. */
const STANDIN_CHART_PX = 420;

/** Replications of the step’s shape, for measuring its panel before it has run: every figure a spread like a run’s, so that it is written with as many digits. */
function standInRun(step: StoryStep): StoryRun {
  const values = [0, 1].map(() =>
    Object.fromEntries(
      stepMetrics(step).map((m) => [
        m,
        Array.from({ length: STORY_REPLICATIONS }, (_, k) => (unitOf(m) === 'share' ? 0.8 + k * 0.001 : 40 + k * 0.04)),
      ]),
    ),
  );
  return { n: STORY_REPLICATIONS, days: step.days, values };
}

/** The element of each view that the story can point into (it has `highlight` and `targetElement(id)`). */
const STORY_HOSTS: Partial<Record<View, string>> = { charts: 'fg-compare', map: 'fg-map' };

/** What the story needs of the app. */
export interface StoryApp {
  host: ReactiveControllerHost & { renderRoot: ParentNode; updateComplete: Promise<boolean> };
  sim: SimController;
  state(): AppState;
  built(): BuiltColumn[];
  /** Set part of the state (the link follows). */
  patch(p: Partial<AppState>): void;
  /** Drop messages and errors about the structures being replaced. */
  clear(): void;
  /** Build the state's structures and reset the run to day 0. */
  reset(): Promise<void>;
  /** Run at the fastest speed. */
  run(): void;
  /** Show a short message. */
  say(message: string): void;
}

export class StoryController implements ReactiveController {
  /** The step shown (0-based), or undefined outside the story. */
  index: number | undefined;
  /** The step the story button returns to. */
  private last = 0;
  /** The step whose structures the simulation has loaded (the run shown belongs to it). */
  private loaded: number | undefined;
  /** The choice predicted at each step. */
  private answers: Record<number, string> = {};
  /** The replications of the step shown: running (with progress) or finished. */
  private reps?: { index: number; run?: StoryRun; progress: { done: number; total: number }; error?: string; ctl: AbortController };
  /** Embedded: the step alone, run at once when loaded (see `autoRun`). */
  embedded = false;

  constructor(private app: StoryApp) {
    app.host.addController(this);
  }

  hostConnected(): void {}

  /**
   * The step a link asks for: its index, or what it asked for when that is no step (the
   * address then loses the bad `?story`); undefined when it asks for none.
   */
  fromLink(param: string | null): { index: number } | { error: string } | undefined {
    const asked = parseStoryParam(param);
    if (asked && 'error' in asked) this.setUrl(undefined);
    return asked;
  }

  /** What the app says of a link that asks for no step (in the link's language, once it is set). */
  invalidMessage(got: string): string {
    return t('story.invalid', { got, n: STORY.length });
  }

  /** Keep `?story=N` in the address (the hash keeps the rest of the state). */
  private setUrl(index: number | undefined) {
    const u = new URL(location.href);
    if (index === undefined) u.searchParams.delete('story');
    else u.searchParams.set('story', String(index + 1));
    history.replaceState(null, '', `${u.pathname}${u.search}${u.hash}`);
  }

  /** `?story=N` for a link to the step shown, or '' outside the story. */
  query(): string {
    return this.index === undefined ? '' : `?story=${this.index + 1}`;
  }

  /** Put a step's structures, days and view in the state; the app then builds them and calls `loadedStep`. */
  open(index: number): void {
    const step = STORY[index];
    this.index = this.last = index;
    this.loaded = undefined;
    this.reps?.ctl.abort();
    this.reps = undefined;
    this.app.patch({ columns: structuredClone(step.columns) as ColumnSpec[], selected: 0, days: step.days, view: step.view });
    this.app.clear();
    this.setUrl(index);
    this.app.host.requestUpdate();
  }

  /** The simulation has loaded the step's structures (embedded, the step then runs at once: an embed opens on its result). */
  loadedStep(index: number): void {
    if (this.index !== index) return;
    this.loaded = index;
    this.app.host.requestUpdate();
    if (this.embedded) this.runStep();
  }

  /** Run the step: its structures on the charts at the fastest speed, and its replications in the workers for the figures. */
  runStep(): void {
    this.app.run();
    void this.replicate();
  }

  /** The step's replications: every structure STORY_REPLICATIONS times on the same seeds, for its figures and verdict. */
  private async replicate(): Promise<void> {
    const step = this.step();
    const index = this.index;
    if (!step || index === undefined || (this.reps?.index === index && !this.reps.error)) return;
    const built = this.app.built();
    if (built.some((b) => !b.scenario)) return;
    const labels = built.map((_, i) => `s${i + 1}`);
    const ctl = new AbortController();
    const reps: NonNullable<StoryController['reps']> = { index, progress: { done: 0, total: labels.length * STORY_REPLICATIONS }, ctl };
    this.reps = reps;
    this.app.host.requestUpdate();
    const metrics = stepMetrics(step);
    const stats = metrics.flatMap((id) => {
      const info = seriesStat(id);
      return info ? [{ id, of: info.of, value: (v: number[]) => seriesStatOf(info, v) }] : [];
    });
    try {
      const out = await replicate({
        structures: built.map((b, i) => ({ label: labels[i], scenario: b.scenario! })),
        seed: this.app.state().seed,
        days: step.days,
        replications: STORY_REPLICATIONS,
        metrics: metrics.filter((m) => !seriesStat(m)),
        series: [...new Set(stats.map((x) => x.of))],
        signal: ctl.signal,
        onProgress: (done, total) => {
          reps.progress = { done, total };
          this.app.host.requestUpdate();
        },
      });
      if (this.reps !== reps) return;
      if (out.failures.length) {
        reps.error = out.failures[0].message;
        this.app.say(t('story.repsFailed', { message: reps.error }));
      } else
        reps.run = {
          n: STORY_REPLICATIONS,
          days: step.days,
          values: valuesByStructure(
            out,
            labels,
            metrics.filter((m) => !seriesStat(m)),
            stats,
          ),
        };
    } catch (e) {
      if (this.reps === reps && !ctl.signal.aborted) {
        reps.error = (e as Error).message;
        this.app.say(t('story.repsFailed', { message: reps.error }));
      }
    }
    this.app.host.requestUpdate();
  }

  /** Go to a step: its structures loaded and reset, ready to run, its heading focused. */
  async go(index: number): Promise<void> {
    if (!(index >= 0 && index < STORY.length)) return;
    this.open(index);
    await this.app.reset();
    this.loadedStep(index);
    await this.app.host.updateComplete;
    this.app.host.renderRoot.querySelector('fg-story')?.focusHeading();
  }

  /** Open the story at the step last seen; when it is open, bring its step into view. */
  openOrShow(): void {
    if (this.index === undefined) void this.go(this.last);
    else this.app.host.renderRoot.querySelector('fg-story')?.focusHeading();
  }

  /** Leave the story: everything it loaded stays, as in the free sandbox. */
  /** Copy the code of an iframe that shows this step alone, with its structures and run controls. */
  private async copyEmbed() {
    const step = this.step();
    if (!step || this.index === undefined) return;
    const code = embedIframe('story', t(step.title), EMBED_WIDTH, await this.embedHeight(step), { story: String(this.index + 1) });
    this.app.say(await copyEmbedCode(code, t('export.embedCopied'), t('export.embedFallback')));
    this.app.host.requestUpdate();
  }

  /**
   * How tall the embed of the step is at EMBED_WIDTH, measured: the step's panel as the embed
   * shows it (its result, or one of the same shape before a run), rendered out of sight at
   * that width; the step's chart as laid out there; the source line. Text that wraps otherwise
   * in the host's fonts is taken up by the chart, which fits the frame (ui/embed-fit.ts).
   */
  private async embedHeight(step: StoryStep): Promise<number> {
    const inner = EMBED_WIDTH - 16;
    const box = document.createElement('div');
    box.style.cssText = `position:absolute;left:-20000px;top:0;width:${inner}px;visibility:hidden`;
    const panel = document.createElement('fg-story');
    const index = this.index!;
    Object.assign(panel, {
      lang: this.app.state().lang,
      index,
      status: 'done',
      run: this.run() ?? standInRun(step),
      names: this.names(),
      answer: undefined,
      embedded: true,
    });
    box.append(panel);
    document.body.append(box);
    await panel.updateComplete;
    const style = getComputedStyle(panel);
    const panelHeight = panel.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    box.remove();
    const chart = this.app.host.renderRoot.querySelector('fg-compare')?.targetElement(step.target) as FgChart | null | undefined;
    const chartHeight = chart?.heightAt ? chart.heightAt(inner) : STANDIN_CHART_PX;
    return Math.ceil(panelHeight + chartHeight + EMBED_CHROME_PX);
  }

  leave(): void {
    this.index = undefined;
    this.setUrl(undefined);
    this.app.say(t('story.sandbox'));
    this.app.host.requestUpdate();
    void this.app.host.updateComplete.then(() => this.app.host.renderRoot.querySelector<HTMLElement>('#story-start')?.focus());
  }

  private step(): StoryStep | undefined {
    return this.index === undefined ? undefined : STORY[this.index];
  }

  /** Whether the structures and days on screen are still the step's own. */
  private intact(): boolean {
    const step = this.step();
    const st = this.app.state();
    return !!step && st.days === step.days && JSON.stringify(st.columns) === JSON.stringify(step.columns);
  }

  /** The step's replications, once finished (its figures and verdict). */
  private run(): StoryRun | undefined {
    const reps = this.reps;
    if (!this.intact() || this.loaded !== this.index || !reps || reps.index !== this.index) return undefined;
    return reps.run;
  }

  private status(run: StoryRun | undefined): StoryStatus {
    if (!this.intact()) return 'changed';
    if (run) return 'done';
    if (this.loaded !== this.index || this.app.sim.status === 'loading') return 'loading';
    const reps = this.reps;
    const repsRunning = !!reps && reps.index === this.index && !reps.run && !reps.error;
    return this.app.sim.status === 'running' || repsRunning ? 'running' : 'ready';
  }

  /** What the step points at in this view ('' when it shows another view, or outside the story). */
  target(view: View): string {
    const step = this.step();
    if (step && view === 'map' && step.view !== 'map') return 'cities';
    return step && step.view === view ? step.target : '';
  }

  /** Show the map where the step's point can be seen: the run brought to the step's map day first (the typhoon, not after it). */
  private async lookMap() {
    const step = this.step();
    if (!step) return;
    if (step.mapDay !== undefined && Math.abs(this.app.sim.day - step.mapDay) > 1e-9) {
      await this.app.reset();
      await this.app.sim.step(step.mapDay);
    }
    this.look({ view: 'map', target: 'cities' });
  }

  /** Scroll to what the step points at (or to the map of its structures) and move focus there. */
  private look(where?: { view: View; target: string }) {
    const step = this.step();
    const { view, target } = where ?? step ?? { view: undefined, target: '' };
    const tag = view && STORY_HOSTS[view];
    if (!step || !view || !tag) return;
    if (this.app.state().view !== view) this.app.patch({ view });
    void this.app.host.updateComplete.then(async () => {
      let host = this.app.host.renderRoot.querySelector(tag) as
        (Element & { targetElement?(id: string): HTMLElement | null; updateComplete?: Promise<unknown> }) | null;
      // A view loaded on first use (the map) is defined a moment later.
      if (!host?.targetElement) {
        await customElements.whenDefined(tag);
        await this.app.host.updateComplete;
        host = this.app.host.renderRoot.querySelector(tag);
      }
      await host?.updateComplete;
      const el = host?.targetElement?.(target);
      if (!el) return;
      el.setAttribute('tabindex', '-1');
      el.setAttribute('aria-label', targetName(view, target));
      el.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      el.focus({ preventScroll: true });
    });
  }

  /** Short names of the structures, without the changed mark (the stress week's shock is part of the step). */
  private names(): string[] {
    return this.app.built().map((b, i) => {
      const sc = b.scenario ?? b.base;
      return sc ? nameOf(sc).split(/[:：]/)[0] : t('picker.structure', { n: i + 1 });
    });
  }

  /** The step's panel, or nothing outside the story. */
  panel() {
    if (this.index === undefined) return '';
    const run = this.run();
    const names = this.names();
    const index = this.index;
    return html`<fg-story
      .lang=${this.app.state().lang}
      .index=${index}
      .status=${this.status(run)}
      .day=${this.app.sim.day}
      .run=${run}
      .progress=${this.reps?.index === index ? this.reps.progress : undefined}
      .embedded=${this.embedded}
      .names=${names}
      .answer=${this.answers[index]}
      @story-go=${(e: CustomEvent<number>) => void this.go(e.detail)}
      @story-run=${() => this.runStep()}
      @story-answer=${(e: CustomEvent<string>) => {
        this.answers = { ...this.answers, [index]: e.detail };
        this.app.host.requestUpdate();
      }}
      @story-look=${() => this.look()}
      @story-look-map=${() => void this.lookMap()}
      @story-embed=${() => void this.copyEmbed()}
      @story-leave=${() => this.leave()}
    ></fg-story>`;
  }
}
