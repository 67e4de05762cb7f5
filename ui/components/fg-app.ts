import { LitElement, css, html, type PropertyValues } from 'lit';
import { FLATGOV_VERSION, sha256 } from '../../experiments/identity.ts';
import { MODEL_VERSION } from '../../sim/version.ts';
import { COMMIT } from '../build-info.ts';
import { csvText, type Cell } from '../../experiments/csv.ts';
import { estimateAppRun } from '../compute-budget.ts';
import { downloadText } from '../charts/export.ts';
import { fmt, getLang, nameOf, setLang, t, unitName, type Lang, type MessageKey } from '../../render/i18n.ts';
import { fieldOf, labelOf, shownValue } from '../params.ts';
import { getPath } from '../../scenarios/path.ts';
import { SimController } from '../sim-controller.ts';
import {
  buildColumn,
  decodeState,
  defaultState,
  encodeState,
  loadValidator,
  MAX_COLUMNS,
  presetColumn,
  PRESET_IDS,
  SPEEDS,
  VIEWS,
  type AppState,
  type BuiltColumn,
  type View,
} from '../state.ts';
import type { StoryController } from '../story-controller.ts';
import { CHART_IDS } from './fg-compare.ts';

/** What a page can embed alone (`?embed=<id>`): any chart, the living map, or a step of the story (`&story=N`). */
const EMBED_IDS = [...CHART_IDS, 'map', 'story'] as const;
import './fg-headline.ts';
import type { BriefReplications } from '../../render/brief.ts';
import type { SensitivityResult } from '../../experiments/sensitivity-run.ts';
import { headlineOf } from '../headline.ts';
import './fg-params.ts';
import './fg-picker.ts';
import './fg-run-controls.ts';

const VIEW_KEYS: Record<View, MessageKey> = {
  charts: 'tabs.charts',
  map: 'tabs.map',
  structure: 'tabs.structure',
  replications: 'tabs.replications',
  decides: 'tabs.decides',
  info: 'tabs.info',
};
/** Views loaded when first shown, so the first screen loads less. */
const LAZY_VIEWS: Partial<Record<View, () => Promise<unknown>>> = {
  map: () => Promise.all([import('./fg-map.ts'), import('./fg-journey.ts')]),
  structure: () => import('../charts/fg-structure.ts'),
  replications: () => import('./fg-replications.ts'),
  decides: () => import('./fg-decides.ts'),
  info: () => import('./fg-info.ts'),
};

const VIEW_SHORTCUTS: Record<string, View> = { c: 'charts', m: 'map', o: 'structure', e: 'replications', w: 'decides', i: 'info' };

/**
 * The app: structures side by side on the same seed, their parameters, the run, the
 * charts and the structure views, replications and the model's documentation. Its state
 * lives in the link.
 */
export class FgApp extends LitElement {
  static properties = {
    state: { state: true },
    built: { state: true },
    linkMessage: { state: true },
    fileErrors: { state: true },
    shareMessage: { state: true },
    seedError: { state: true },
    daysError: { state: true },
    paramsOpen: { state: true },
    confirmReset: { state: true },
    runMessage: { state: true },
    loadedViews: { state: true },
    repsResult: { state: true },
  };
  /** A sensitivity analysis computed for the structures compared (for the brief; else the shipped one). */
  private decidesResult: SensitivityResult | undefined;
  /** The guided story, once a student opens it (its code is loaded then). */
  private story: StoryController | undefined;
  /** The last replications' results, while they belong to the current inputs (for the brief). */
  declare repsResult: BriefReplications | undefined;
  declare state: AppState;
  declare built: BuiltColumn[];
  private buildGeneration = 0;
  private edits: Promise<void> = Promise.resolve();
  declare linkMessage: string;
  declare fileErrors: (string | undefined)[];
  declare shareMessage: string;
  /** A rejected seed or number of days, shown beside its field (which keeps the state's value). */
  declare seedError: string;
  declare daysError: string;
  /** The parameters drawer (narrow screens). */
  declare paramsOpen: boolean;
  /** R asked to reset a run under way: waiting for confirmation. */
  declare confirmReset: boolean;
  /** Why a run was refused (too large for a tab). */
  declare runMessage: string;
  /** Views whose code has been loaded. */
  declare loadedViews: ReadonlySet<View>;
  private sim = new SimController(this);
  private loading = new Set<View>();
  private urlTimer?: ReturnType<typeof setTimeout>;

  static styles = css`
    :host {
      display: block;
      max-width: 1500px;
      margin: 0 auto;
      padding: 0.5rem 1rem 2rem;
      color: #1a1a1a;
    }
    header.top {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      border-bottom: 2px solid #1a5fb4;
      padding-bottom: 0.4rem;
    }
    h1 {
      font-size: 1.4rem;
      margin: 0;
    }
    .subtitle {
      margin: 0;
      color: #333;
      flex: 1;
      min-width: 16rem;
    }
    button {
      font: inherit;
      padding: 0.3rem 0.7rem;
      border: 1px solid #1a1a1a;
      background: #fff;
      color: #1a1a1a;
      border-radius: 4px;
      cursor: pointer;
    }
    .embed-view {
      padding: 0.25rem 0.5rem;
    }
    .embed-source {
      font-size: 0.8rem;
      color: #333;
      margin: 0.25rem 0;
    }
    button:focus-visible,
    [role='tab']:focus-visible {
      outline: 3px solid #e66100;
      outline-offset: 2px;
    }
    .banner {
      background: #fff4ce;
      border: 1px solid #c58a00;
      padding: 0.5rem;
      border-radius: 4px;
      margin: 0.5rem 0;
      display: flex;
      gap: 1rem;
      align-items: center;
    }
    .error {
      background: #fdecec;
      border-color: #a00;
      color: #700;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 22rem;
      grid-template-areas: 'main params';
      gap: 1.25rem;
      margin-top: 0.5rem;
    }
    main {
      grid-area: main;
      min-width: 0;
    }
    /* First in the page's order (a few Tab presses away), shown on the right. */
    aside {
      grid-area: params;
    }
    @media (max-width: 1000px) {
      .layout {
        grid-template-columns: 1fr;
        grid-template-areas: 'main' 'params';
      }
    }
    aside {
      border-left: 1px solid #ccc;
      padding-left: 1rem;
    }
    @media (max-width: 1000px) {
      aside {
        border-left: none;
        padding-left: 0;
        border-top: 1px solid #ccc;
      }
    }
    [role='tablist'] {
      display: flex;
      gap: 0.25rem;
      border-bottom: 1px solid #999;
      margin: 0.5rem 0 0.75rem;
      flex-wrap: wrap;
    }
    [role='tab'] {
      font: inherit;
      padding: 0.4rem 0.9rem;
      border: 1px solid #999;
      border-bottom: none;
      border-radius: 5px 5px 0 0;
      background: #f2f2f2;
      cursor: pointer;
      color: #1a1a1a;
    }
    [role='tab'][aria-selected='true'] {
      background: #fff;
      font-weight: 600;
      border-color: #1a5fb4;
      box-shadow: inset 0 3px 0 #1a5fb4;
    }
    .exports {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      justify-content: flex-end;
      margin-bottom: 0.5rem;
    }
    dialog {
      border: 2px solid #1a5fb4;
      border-radius: 8px;
      max-width: 32rem;
    }
    dialog table {
      border-collapse: collapse;
    }
    dialog td,
    dialog th {
      padding: 0.25rem 0.6rem;
      text-align: left;
    }
    kbd {
      border: 1px solid #999;
      border-radius: 3px;
      padding: 0 0.3rem;
      background: #f4f4f4;
      font-family: inherit;
    }
    .skip {
      position: absolute;
      left: -9999px;
    }
    .skip:focus {
      left: 1rem;
      top: 0.5rem;
      background: #fff;
      padding: 0.3rem;
      z-index: 10;
    }
    .sharebox {
      width: 100%;
      font: inherit;
    }
    nav.tools {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .story-start {
      background: #1a5fb4;
      color: #fff;
      border-color: #1a5fb4;
      font-weight: 600;
    }
    [hidden] {
      display: none !important;
    }
    .exports {
      justify-content: flex-start;
      margin-top: 0.5rem;
    }
    .params-toggle,
    .drawer-close {
      display: none;
    }
    @media (max-width: 700px) {
      :host {
        padding: 0.4rem 0.6rem 2rem;
      }
      h1 {
        font-size: 1.15rem;
      }
      .subtitle {
        font-size: 0.85rem;
        min-width: 0;
        flex-basis: 100%;
        order: 3;
      }
      .layout {
        display: block;
      }
      .params-toggle {
        display: block;
        width: 100%;
        margin: 0.25rem 0;
        background: #1a5fb4;
        color: #fff;
        border-color: #1a5fb4;
        text-align: left;
      }
      aside {
        position: fixed;
        inset: 0;
        z-index: 20;
        background: #fff;
        overflow-y: auto;
        padding: 0.75rem;
        border: none;
        visibility: hidden;
        transform: translateX(100%);
      }
      aside.open {
        visibility: visible;
        transform: none;
      }
      .drawer-close {
        display: block;
        margin-left: auto;
        position: sticky;
        top: 0;
        z-index: 1;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      * {
        transition: none !important;
        animation: none !important;
      }
    }
  `;

  constructor() {
    super();
    this.state = defaultState();
    // The default structures are presets, which need no checking: the first screen is drawn at once.
    this.built = this.state.columns.map((c) => presetColumn(c) ?? { problems: [] });
    this.linkMessage = '';
    if (this.embedProblem) this.linkMessage = this.embedProblem;
    this.fileErrors = [];
    this.shareMessage = '';
    this.seedError = '';
    this.daysError = '';
    this.paramsOpen = false;
    this.confirmReset = false;
    this.runMessage = '';
    this.loadedViews = new Set(['charts']);
  }

  async connectedCallback(): Promise<void> {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('keyup', this.onKeyUp);
    window.addEventListener('pointerdown', this.onPointer, true);
    window.addEventListener('hashchange', this.onHash);
    // Read now: the link follows the state shortly after the first render, before the story's code may have loaded.
    const hash = location.hash;
    const param =
      this.embed && this.embed !== 'story'
        ? null
        : (new URLSearchParams(location.search).get('story') ?? (this.embed === 'story' ? '1' : null));
    const asked = param === null ? undefined : (await this.loadStory()).fromLink(param);
    await this.restoreFromLink(asked && 'index' in asked ? asked.index : undefined, hash);
    if (asked && 'error' in asked) {
      const msg = this.story!.invalidMessage(asked.error);
      this.linkMessage = this.linkMessage ? `${this.linkMessage} ${msg}` : msg;
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('keyup', this.onKeyUp);
    window.removeEventListener('pointerdown', this.onPointer, true);
    window.removeEventListener('hashchange', this.onHash);
  }

  private onHash = () => {
    void (async () => {
      if (location.hash === (await encodeState(this.state))) return;
      await this.restoreFromLink();
    })();
  };

  /** Restore the state from the link; with a story step, that step's structures over it. */
  private async restoreFromLink(storyIndex?: number, hash = location.hash) {
    const decoded = await decodeState(hash);
    if (decoded) {
      if (decoded.problems.length)
        this.linkMessage = t('link.invalid', {
          reason: decoded.problems.join('; '),
          kept: decoded.kept.length ? decoded.kept.join(', ') : t('link.nothingKept'),
        });
      this.state = decoded.state;
    }
    if (storyIndex !== undefined) this.story?.open(storyIndex);
    setLang(this.state.lang);
    this.sim.setSpeed(this.state.speed);
    await this.rebuildAndReset();
    if (storyIndex !== undefined) this.story?.loadedStep(storyIndex);
  }

  /** Build the columns of the current state; false if a later state was built meanwhile. */
  private async rebuild(): Promise<boolean> {
    const gen = ++this.buildGeneration;
    const built = await Promise.all(this.state.columns.map(buildColumn));
    if (gen !== this.buildGeneration) return false;
    this.built = built;
    return true;
  }

  private async rebuildAndReset(): Promise<void> {
    if (await this.rebuild()) await this.resetRun();
  }

  private columnTitle(i: number): string {
    const b = this.built[i];
    const s = b?.scenario ?? b?.base;
    // The short name: the part before the colon ("Longgang 2021: …"), marked if changed.
    const name = s ? `${i + 1}. ${nameOf(s).split(/[:：]/)[0]}` : t('picker.structure', { n: i + 1 });
    return Object.keys(this.state.columns[i]?.changes ?? {}).length ? `${name} ${t('app.changedMark')}` : name;
  }

  /** What the user changed in a structure, one readable line per parameter. */
  private changeLines(i: number): string[] {
    const base = this.built[i]?.base;
    const changes = this.state.columns[i]?.changes ?? {};
    return Object.entries(changes).map(([path, value]) => {
      if (path === 'shocks') {
        const kinds = Array.isArray(value) ? value.map((x) => (x as { kind?: string }).kind ?? '?') : [];
        return `${t('params.shocks')}: ${kinds.length ? kinds.map((k) => t(`shock.${k}` as MessageKey, { day: (value as { kind: string; startDay?: number }[]).find((x) => x.kind === k)?.startDay ?? '' })).join(', ') : t('params.noShocks')}`;
      }
      const f = base ? fieldOf(base, path) : undefined;
      let was: unknown;
      try {
        was = base ? getPath(base, path) : undefined;
      } catch {
        was = undefined;
      }
      const show = (v: unknown) => shownValue(f, v, unitName, fmt);
      return `${f ? labelOf(f.label) : path}: ${show(was)} → ${show(value)}`;
    });
  }

  /** Copy the selected structure's values at these paths to every other structure. */
  private async applyToAll(paths: string[]) {
    const sel = this.state.selected;
    const from = this.built[sel]?.scenario;
    if (!from) return;
    const columns = this.state.columns.map((col, j) => {
      if (j === sel) return col;
      const changes = { ...col.changes };
      const base = this.built[j].base;
      for (const path of paths) {
        const value = path === 'shocks' ? from.shocks : getPath(from, path);
        let own: unknown;
        try {
          own = base ? getPath(base, path) : undefined;
        } catch {
          own = undefined;
        }
        if (JSON.stringify(own) === JSON.stringify(value)) delete changes[path];
        else changes[path] = value;
      }
      return { ...col, changes };
    });
    this.patchState({ columns });
    await this.rebuildAndReset();
  }

  /** Run or pause; a run the estimator calls huge starts only once the user agrees, and one past what a tab holds not at all. */
  private toggleRun() {
    if (this.sim.status !== 'running' && this.sim.day === 0) {
      const est = estimateAppRun(
        this.built.map((b) => b.scenario),
        this.state.days,
      );
      this.runMessage = est.level === 'refuse' ? est.message : '';
      if (est.level === 'refuse' || (est.level === 'warn' && !confirm(est.message))) return;
    }
    this.sim.toggle();
  }

  /** Step one day, unless one day alone is past what a tab holds. */
  private stepRun() {
    const est = estimateAppRun(
      this.built.map((b) => b.scenario),
      1,
    );
    this.runMessage = est.level === 'refuse' ? est.message : '';
    if (est.level !== 'refuse') void this.sim.step();
  }

  private async resetRun() {
    await this.sim.reset(
      this.built.map((b) => b.scenario),
      this.state.seed,
      this.state.days,
    );
  }

  /** Set state (the link follows, see willUpdate). */
  private patchState(patch: Partial<AppState>) {
    this.state = { ...this.state, ...patch };
  }

  /** Keep the link current with the state; load the code of a view when it is first shown. */
  protected willUpdate(changed: PropertyValues<this>): void {
    const view = this.embed === 'map' ? 'map' : this.state.view;
    this.sim.setMapWanted(this.embed && this.embed !== 'story' ? this.embed === 'map' : view === 'map');
    const load = LAZY_VIEWS[view];
    if (load && !this.loadedViews.has(view) && !this.loading.has(view)) {
      this.loading.add(view);
      void load().then(() => (this.loadedViews = new Set([...this.loadedViews, view])));
    }
    if (changed.has('state')) {
      clearTimeout(this.urlTimer);
      this.urlTimer = setTimeout(async () => history.replaceState(null, '', await encodeState(this.state)), 150);
    }
  }

  /** Whether focus last moved by Tab (not by a click): then Space presses the focused control. */
  private focusByKeyboard = false;
  private onPointer = () => {
    this.focusByKeyboard = false;
  };

  /** Space went to run or pause: its key-up must not press the button that has focus. */
  private spaceTaken = false;
  private onKeyUp = (e: KeyboardEvent) => {
    if (e.key === ' ' && this.spaceTaken) {
      e.preventDefault();
      this.spaceTaken = false;
    }
  };

  private onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const path = e.composedPath();
    const el = path[0] as HTMLElement | undefined;
    const tag = el?.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open && e.key !== '?') return;
    const k = e.key.toLowerCase();
    if (e.key === 'Tab') this.focusByKeyboard = true;
    // Space runs or pauses, unless a control was reached by keyboard (then it presses that control).
    if (e.key === ' ' && !((tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A') && this.focusByKeyboard)) {
      e.preventDefault();
      this.spaceTaken = true;
      this.toggleRun();
    } else if (k === 's') this.stepRun();
    else if (k === 'r') {
      // A run under way is not thrown away by one key press: ask first.
      if (this.sim.day > 0 && !this.confirmReset) {
        this.sim.pause();
        this.confirmReset = true;
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#confirm-reset-no')?.focus());
      } else {
        this.confirmReset = false;
        void this.resetRun();
      }
    } else if (e.key === 'Escape' && this.paramsOpen) this.closeParams();
    else if (['1', '2', '3', '4'].includes(k)) this.setSpeed(Number(k) - 1);
    else if (e.key === '?') this.toggleHelp();
    else if (k === 'l') this.setLanguage(getLang() === 'en' ? 'zh' : 'en');
    else if (k === 'g') void this.loadStory().then((s) => s.openOrShow());
    else if (k in VIEW_SHORTCUTS) this.patchState({ view: VIEW_SHORTCUTS[k] });
  };

  private setSpeed(i: number) {
    this.sim.setSpeed(i);
    this.patchState({ speed: this.sim.speed });
  }

  private setLanguage(lang: Lang) {
    setLang(lang);
    this.patchState({ lang });
  }

  protected updated(): void {
    const title = t('app.pageTitle');
    if (document.title !== title) document.title = title;
  }

  private toggleHelp() {
    const d = this.renderRoot.querySelector('dialog')!;
    if (d.open) d.close();
    else d.showModal();
  }

  // -------------------------------------------------------------- the guided story

  /** The story's controller, its code loaded on first use. */
  private async loadStory(): Promise<StoryController> {
    if (this.story) return this.story;
    const { StoryController } = await import('../story-controller.ts');
    this.story ??= new StoryController({
      host: this,
      sim: this.sim,
      state: () => this.state,
      built: () => this.built,
      patch: (p) => this.patchState(p),
      clear: () => {
        this.fileErrors = [];
        this.confirmReset = false;
        this.runMessage = '';
      },
      reset: () => this.rebuildAndReset(),
      run: () => {
        this.setSpeed(SPEEDS.length - 1);
        if (this.sim.status === 'paused') this.toggleRun();
      },
      say: (m) => (this.shareMessage = m),
    });
    return this.story;
  }

  // -------------------------------------------------------------- structures and parameters

  private setColumn(i: number, spec: AppState['columns'][number]) {
    const columns = [...this.state.columns];
    columns[i] = spec;
    this.patchState({ columns });
    const errs = [...this.fileErrors];
    errs[i] = undefined;
    this.fileErrors = errs;
    void this.rebuildAndReset();
  }

  /** Changes are applied one after another, each to the state the one before left. */
  private onParamChange(e: CustomEvent<{ path: string; value: unknown }>) {
    this.edits = this.edits
      .then(() => this.applyParamChange(e.detail))
      .catch((err: Error) => {
        this.runMessage = err.message;
      });
  }

  private async applyParamChange({ path, value }: { path: string; value: unknown }) {
    // Loaded first, so that what follows reads and writes the state with no user event between.
    await loadValidator();
    const i = this.state.selected;
    const col = this.state.columns[i];
    const changes = { ...col.changes };
    const base = this.built[i].base;
    if (value === undefined) delete changes[path];
    else changes[path] = value;
    // A value equal to the structure's own is no change.
    if (base && value !== undefined) {
      const same = JSON.stringify((await buildColumn({ ...col, changes: { [path]: value } })).scenario) === JSON.stringify(base);
      if (same) delete changes[path];
    }
    const columns = [...this.state.columns];
    columns[i] = { ...col, changes };
    this.patchState({ columns });
    const before = this.built[i].scenario;
    if (!(await this.rebuild())) return;
    // An invalid value is shown with its problem and runs nothing: the last run stays.
    if (this.built[i].scenario && JSON.stringify(this.built[i].scenario) !== JSON.stringify(before)) void this.resetRun();
  }

  private async onFile(e: CustomEvent<{ index: number; file: File }>) {
    const { index, file } = e.detail;
    const errs = [...this.fileErrors];
    try {
      const [{ parseJsonText }, { ScenarioError, validateScenario }] = await Promise.all([
        import('../../scenarios/json.ts'),
        loadValidator(),
      ]);
      const json = parseJsonText(await file.text(), file.name);
      const r = validateScenario(json);
      if (!r.ok) throw new ScenarioError(r.problems, file.name);
      this.setColumn(index, { custom: { name: file.name, json }, changes: {} });
    } catch (err) {
      errs[index] = `${t('picker.error', { file: file.name })}\n${(err as Error).message}`;
      this.fileErrors = errs;
    }
  }

  private addColumn() {
    if (this.state.columns.length >= MAX_COLUMNS) return;
    const used = new Set(this.state.columns.map((c) => c.preset));
    const preset = PRESET_IDS.find((p) => !used.has(p)) ?? PRESET_IDS[0];
    const columns = [...this.state.columns, { preset, changes: {} }];
    this.patchState({ columns, selected: columns.length - 1 });
    void this.rebuildAndReset();
  }

  private removeColumn(i: number) {
    if (this.state.columns.length <= 1) return;
    const columns = this.state.columns.filter((_, k) => k !== i);
    this.patchState({ columns, selected: Math.min(this.state.selected, columns.length - 1) });
    this.fileErrors = this.fileErrors.filter((_, k) => k !== i);
    void this.rebuildAndReset();
  }

  /** A seed from its field: a rejected value leaves the state as it was, and says why beside the field. */
  private onSeed(v: number): boolean {
    if (!Number.isInteger(v) || v < 0 || v > 2 ** 31) {
      this.seedError = t('input.range', {
        label: t('run.seed'),
        what: t('input.wholeFrom', { min: 0, max: fmt(2 ** 31) }),
        got: Number.isNaN(v) ? t('input.notNumber') : fmt(v, Number.isInteger(v) ? 0 : 2),
        kept: fmt(this.state.seed),
      });
      this.requestUpdate();
      return false;
    }
    this.seedError = '';
    this.patchState({ seed: v });
    void this.resetRun();
    return true;
  }

  private onDays(v: number): boolean {
    if (!Number.isInteger(v) || v < 1 || v > 3650) {
      this.daysError = t('input.range', {
        label: t('run.days'),
        what: t('input.wholeFrom', { min: 1, max: fmt(3650) }),
        got: Number.isNaN(v) ? t('input.notNumber') : fmt(v, Number.isInteger(v) ? 0 : 2),
        kept: fmt(this.state.days),
      });
      this.requestUpdate();
      return false;
    }
    this.daysError = '';
    this.patchState({ days: v });
    void this.resetRun();
    return true;
  }

  // -------------------------------------------------------------- sharing and exports

  private async share() {
    const url = `${location.origin}${location.pathname}${this.story?.query() ?? ''}${await encodeState(this.state)}`;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      this.shareMessage = t('app.shareCopied');
    } catch {
      this.shareMessage = `${t('app.shareFallback')} ${url}`;
    }
  }

  private async exportData(kind: 'csv' | 'json') {
    const manifest = {
      flatgov: FLATGOV_VERSION,
      modelVersion: MODEL_VERSION,
      commit: COMMIT,
      date: new Date().toISOString(),
      seed: this.state.seed,
      days: this.state.days,
      day: this.sim.day,
      structures: await Promise.all(
        this.built.map(async (b, i) => ({
          label: this.columnTitle(i),
          id: b.scenario?.id,
          changes: this.state.columns[i].changes,
          sha256: b.scenario ? await sha256(b.scenario) : undefined,
        })),
      ),
    };
    const cols = [
      'day',
      'created',
      'closed',
      'lost',
      'open',
      'closedInInterval',
      'localResolutionShare',
      'costYuan',
      'trustMean',
      'bypassShareInInterval',
    ] as const;
    if (kind === 'json') {
      const data = this.sim.data.map((d, i) => ({
        structure: this.columnTitle(i),
        summary: this.sim.summaries[i],
        series: d
          ? Object.fromEntries([
              ...cols.map((c) => [c, d[c]]),
              ['sla', d.sla],
              ['utilisationByTier', d.utilisationByTier],
              ['tiers', d.info.tiers.map((x) => x.id)],
            ])
          : null,
      }));
      downloadText(
        JSON.stringify({ manifest, data }, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2),
        'flatgov-run.json',
        'application/json',
      );
    } else {
      const rows: Cell[][] = [];
      this.sim.data.forEach((d, i) => {
        if (!d) return;
        d.day.forEach((_, k) => rows.push([this.columnTitle(i), ...cols.map((c) => d[c][k]), ...d.sla[k]]));
      });
      downloadText(
        csvText(['structure', ...cols, 'accept30m', 'onsite1h', 'close24h', 'difficult5wd'], rows),
        'flatgov-run.csv',
        'text/csv',
      );
      // The manifest in its own file, so the CSV parses as is.
      downloadText(`${JSON.stringify(manifest, null, 2)}\n`, 'flatgov-run.manifest.json', 'application/json');
    }
  }

  /** The brief of this comparison, a page of its own to print or save as PDF. */
  async openBrief() {
    const html = await this.briefHtml();
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /** The brief's document: the run so far, or the replications when they were run for these inputs. */
  async briefHtml(): Promise<string> {
    // Loaded when asked for: the first screen does not need it.
    const { briefHtml, shortName } = await import('../../render/brief.ts');
    const st = this.state;
    const structures = this.built.flatMap((b, i) => {
      const d = this.sim.data[i];
      if (!b.scenario) return [];
      return [
        {
          name: shortName(this.columnTitle(i)),
          scenario: b.scenario,
          headline: headlineOf(d, this.sim.summaries[i]),
          series: d ? { day: d.day, open: d.open, localShare: d.localResolutionShare } : undefined,
        },
      ];
    });
    const labels = this.state.columns.map((_, i) => this.columnTitle(i));
    // Replication results are labelled by the app's titles: rename them to the brief's names.
    const reps = this.repsResult && {
      ...this.repsResult,
      summary: this.repsResult.summary.map((r) => ({ ...r, structure: shortName(r.structure) })),
      differences: this.repsResult.differences.map((r) => ({ ...r, a: shortName(r.a), b: shortName(r.b) })),
      series: this.repsResult.series?.map((r) => ({ ...r, structure: shortName(r.structure) })),
    };
    const replications = reps && labels.every((l) => this.repsResult!.summary.some((r) => r.structure === l)) ? reps : undefined;
    return briefHtml({
      structures,
      seed: st.seed,
      days: st.days,
      day: this.sim.day,
      // The link opens the view the figures come from.
      link: `${location.origin}${location.pathname}${await encodeState({ ...st, view: replications ? 'replications' : 'charts' })}`,
      source: this.exportContext().source,
      replications,
      sensitivity:
        this.decidesResult ?? ((await import('../../docs/sensitivity.json')) as unknown as { default: SensitivityResult }).default,
    });
  }

  // -------------------------------------------------------------- rendering

  private onTabKey(e: KeyboardEvent) {
    const i = VIEWS.indexOf(this.state.view);
    const next = e.key === 'ArrowRight' ? (i + 1) % VIEWS.length : e.key === 'ArrowLeft' ? (i + VIEWS.length - 1) % VIEWS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    this.patchState({ view: VIEWS[next] });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${VIEWS[next]}`)?.focus());
  }

  /** Why `?embed=` was not honoured (not a chart id), shown as a link message. */
  private embedProblem = '';
  /** The chart this page embeds (`?embed=<chart id>`), or '' for the whole app. */
  private readonly embed = (() => {
    const asked = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('embed');
    if (asked === null) return '';
    if ((EMBED_IDS as readonly string[]).includes(asked)) return asked;
    this.embedProblem = t('embed.invalid', { got: asked.slice(0, 40), ids: EMBED_IDS.join(', ') });
    return '';
  })();

  /** Run, step, reset, speed, seed and days; `invalid` problems (in `where`) block the run. */
  private runControls(invalid: number, where: string) {
    const st = this.state;
    return html`<fg-run-controls
      .lang=${st.lang}
      .status=${this.sim.status}
      .day=${this.sim.day}
      .days=${st.days}
      .speed=${this.sim.speed}
      .seed=${st.seed}
      .invalid=${invalid}
      .invalidWhere=${where}
      .seedError=${this.seedError}
      .daysError=${this.daysError}
      @run-action=${(e: CustomEvent<string>) => (e.detail === 'toggle' ? this.toggleRun() : e.detail === 'step' ? this.stepRun() : void this.resetRun())}
      @speed-change=${(e: CustomEvent<number>) => this.setSpeed(e.detail)}
      @seed-change=${(e: CustomEvent<{ value: number; accepted: boolean }>) => (e.detail.accepted = this.onSeed(e.detail.value))}
      @days-change=${(e: CustomEvent<{ value: number; accepted: boolean }>) => (e.detail.accepted = this.onDays(e.detail.value))}
    ></fg-run-controls>`;
  }

  /** The living map of the structures compared, and the journey of the case followed. */
  private mapView() {
    const st = this.state;
    const titles = st.columns.map((_, i) => this.columnTitle(i));
    const panels = titles.flatMap((title, i) => (this.sim.data[i] ? [{ title, info: this.sim.data[i]!.info, map: this.sim.maps[i] }] : []));
    return html`<fg-map
        .lang=${st.lang}
        .panels=${panels}
        .followed=${this.sim.followed}
        .context=${this.exportContext()}
        .highlight=${this.story?.target('map') ?? ''}
        @follow-case=${(e: CustomEvent<number>) => void this.sim.follow(e.detail)}
      ></fg-map>
      ${
        this.sim.followed
          ? html`<fg-journey
              .lang=${st.lang}
              .problem=${this.sim.followed}
              .items=${titles.flatMap((title, i) => (this.sim.data[i] ? [{ title, info: this.sim.data[i]!.info, journey: this.sim.journeysNow[i], now: (this.sim.maps[i]?.day ?? this.sim.day) * 1440 }] : []))}
            ></fg-journey>`
          : ''
      }`;
  }

  /** One chart with its run controls and where it comes from: what a page embeds. */
  private embedView() {
    const st = this.state;
    const titles = st.columns.map((_, i) => this.columnTitle(i));
    const ctx = this.exportContext();
    return html`<main id="main" class="embed-view" tabindex="-1">
      ${this.runControls(0, '')} ${this.embed === 'story' ? this.story?.panel() : ''}
      ${
        this.embed === 'map' || (this.embed === 'story' && st.view === 'map')
          ? this.mapView()
          : html`<fg-compare
              .highlight=${this.story?.target('charts') ?? ''}
              .lang=${st.lang}
              .days=${st.days}
              .only=${this.embed === 'story' ? '' : this.embed}
              .live=${this.sim.status === 'running'}
              .context=${ctx}
              .columns=${titles.map((title, i) => ({ title, data: this.sim.data[i] }))}
            ></fg-compare>`
      }
      <p class="embed-source">
        ${ctx.source}
        <a id="embed-open" href=${`${location.origin}${location.pathname}${location.hash}`} target="_blank" rel="noopener"
          >${t('embed.open')}</a
        >
      </p>
    </main>`;
  }

  render() {
    if (this.embed) return this.embedView();
    const st = this.state;
    const sel = st.selected;
    const b = this.built[sel];
    const invalidCols = this.built.map((x, i) => (x.scenario ? '' : this.columnTitle(i))).filter(Boolean);
    const invalid = this.built.reduce((a, x) => a + (x.scenario ? 0 : x.problems.length), 0);
    const paramsHeading = t('params.title', { name: this.columnTitle(sel) });
    return html`
      <nav class="skips" aria-label=${t('app.skipLinks')}>
        <button class="skip" @click=${() => this.renderRoot.querySelector<HTMLElement>('#main')?.focus()}>${t('app.skip')}</button>
        <button class="skip" @click=${() => this.openParams()}>${t('app.skipParams')}</button>
      </nav>
      <header class="top">
        <h1>${t('app.title')}</h1>
        <p class="subtitle">${t('app.subtitle')}</p>
        <nav class="tools" aria-label=${t('app.tools')}>
          <button
            id="lang"
            lang=${getLang() === 'en' ? 'zh-CN' : 'en'}
            aria-label=${`${t('app.language')} — ${t('app.languageLabel')}`}
            aria-keyshortcuts="L"
            @click=${() => this.setLanguage(getLang() === 'en' ? 'zh' : 'en')}
          >
            ${t('app.language')}
          </button>
          <button
            id="story-start"
            class="story-start"
            aria-keyshortcuts="G"
            aria-label=${t('app.storyLabel')}
            title=${t('app.storyLabel')}
            @click=${() => void this.loadStory().then((s) => s.openOrShow())}
          >
            ${t('app.story')}
          </button>
          <button id="share" @click=${() => this.share()}>${t('app.share')}</button>
          <button id="brief" aria-label=${t('brief.buttonLabel')} title=${t('brief.buttonLabel')} @click=${() => this.openBrief()}>
            ${t('brief.button')}
          </button>
          <button id="help" aria-keyshortcuts="?" @click=${() => this.toggleHelp()} aria-label=${t('app.help')}>?</button>
        </nav>
      </header>
      <div class="messages" role="region" aria-label=${t('app.messages')}>
        ${this.shareMessage ? html`<div class="banner" role="status"><span>${this.shareMessage}</span><button @click=${() => (this.shareMessage = '')}>${t('link.dismiss')}</button></div>` : ''}
        ${this.linkMessage ? html`<div class="banner" role="alert" id="link-message"><span>${this.linkMessage}</span><button @click=${() => (this.linkMessage = '')}>${t('link.dismiss')}</button></div>` : ''}
        ${this.sim.status === 'error' ? html`<div class="banner error" role="alert">${this.sim.error}</div>` : ''}
        ${this.runMessage ? html`<div class="banner error" role="alert" id="run-message"><span>${this.runMessage}</span><button @click=${() => (this.runMessage = '')}>${t('link.dismiss')}</button></div>` : ''}
        ${
          this.confirmReset
            ? html`<div class="banner" role="alertdialog" id="confirm-reset" aria-labelledby="confirm-reset-text">
                <span id="confirm-reset-text">${t('run.confirmReset', { day: fmt(Math.floor(this.sim.day)) })}</span>
                <button
                  id="confirm-reset-yes"
                  @click=${() => {
                    this.confirmReset = false;
                    void this.resetRun();
                  }}
                >
                  ${t('run.reset')}
                </button>
                <button id="confirm-reset-no" @click=${() => (this.confirmReset = false)}>${t('run.keep')}</button>
              </div>`
            : ''
        }
      </div>
      <section class="setup" aria-label=${t('picker.title')}>
        <fg-picker
          .lang=${st.lang}
          .columns=${st.columns}
          .selected=${sel}
          .errors=${this.fileErrors}
          .titles=${this.pickerInfo().titles}
          .changes=${this.pickerInfo().changes}
          @column-preset=${(e: CustomEvent<{ index: number; preset: string }>) => e.detail.preset && this.setColumn(e.detail.index, { preset: e.detail.preset, changes: {} })}
          @column-file=${(e: CustomEvent<{ index: number; file: File }>) => this.onFile(e)}
          @column-add=${() => this.addColumn()}
          @column-remove=${(e: CustomEvent<number>) => this.removeColumn(e.detail)}
          @column-select=${(e: CustomEvent<number>) => {
            this.patchState({ selected: e.detail });
            this.openParams();
          }}
        ></fg-picker>
        ${this.runControls(invalid, invalidCols.join(', '))}
        <button
          class="params-toggle"
          id="params-toggle"
          aria-expanded=${this.paramsOpen}
          aria-controls="params"
          @click=${() => (this.paramsOpen ? this.closeParams() : this.openParams())}
        >
          ${paramsHeading}
        </button>
      </section>
      <div class="layout">
        <aside
          id="params"
          class=${this.paramsOpen ? 'open' : ''}
          aria-label=${paramsHeading}
          tabindex="-1"
          @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeParams()}
        >
          <button class="drawer-close" @click=${() => this.closeParams()}>${t('params.close')}</button>
          <fg-params
            .lang=${st.lang}
            .base=${b?.base}
            .scenario=${b?.scenario}
            .changes=${st.columns[sel]?.changes ?? {}}
            .problems=${b?.problems ?? []}
            .heading=${paramsHeading}
            .columnCount=${st.columns.length}
            @param-change=${(e: CustomEvent<{ path: string; value: unknown }>) => this.onParamChange(e)}
            @param-apply-all=${(e: CustomEvent<{ paths: string[] }>) => this.applyToAll(e.detail.paths)}
            @param-reset-all=${() => {
              const columns = [...st.columns];
              columns[sel] = { ...columns[sel], changes: {} };
              this.patchState({ columns });
              void this.rebuildAndReset();
            }}
          ></fg-params>
        </aside>
        <main id="main" tabindex="-1">
          ${this.story?.panel() ?? ''}
          <div role="tablist" aria-label=${t('tabs.label')} @keydown=${(e: KeyboardEvent) => this.onTabKey(e)}>
            ${VIEWS.map(
              (v) =>
                html`<button
                  role="tab"
                  id="tab-${v}"
                  aria-selected=${st.view === v}
                  aria-controls="panel"
                  tabindex=${st.view === v ? 0 : -1}
                  @click=${() => this.patchState({ view: v })}
                >
                  ${t(VIEW_KEYS[v])}
                </button>`,
            )}
          </div>
          <section id="panel" role="tabpanel" aria-labelledby="tab-${st.view}">
            ${this.view()} ${this.replicationsView(st.view === 'replications')}
            ${
              st.view === 'charts' || st.view === 'structure'
                ? html`<div class="exports">
                    <span>${t('export.dataTitle')}:</span>
                    <button id="export-csv" @click=${() => this.exportData('csv')}>${t('export.csv')}</button>
                    <button id="export-json" @click=${() => this.exportData('json')}>${t('export.json')}</button>
                  </div>`
                : ''
            }
          </section>
        </main>
      </div>
      ${this.helpDialog()}
    `;
  }

  /** Titles and changes for the picker, the same arrays while they are the same (no re-render on every frame). */
  private pickerCache = { key: '', titles: [] as string[], changes: [] as string[][] };
  private pickerInfo() {
    const titles = this.state.columns.map((_, i) => this.columnTitle(i));
    const changes = this.state.columns.map((_, i) => this.changeLines(i));
    const key = JSON.stringify([titles, changes]);
    if (key !== this.pickerCache.key) this.pickerCache = { key, titles, changes };
    return this.pickerCache;
  }

  private openParams() {
    this.paramsOpen = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#params')?.focus());
  }

  private closeParams() {
    if (!this.paramsOpen) return;
    this.paramsOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#params-toggle')?.focus());
  }

  /** Structures, seed and days, and where the figure comes from: what an exported chart says. */
  private exportContext() {
    const st = this.state;
    const lines = st.columns.map((_, i) => {
      const ch = this.changeLines(i);
      return ch.length ? `${this.columnTitle(i)}: ${ch.join('; ')}` : this.columnTitle(i);
    });
    lines.push(t('export.run', { seed: st.seed, day: fmt(Math.floor(this.sim.day)), days: fmt(st.days) }));
    return {
      lines,
      source: t('export.source', {
        version: FLATGOV_VERSION,
        model: MODEL_VERSION,
        commit: COMMIT.slice(0, 12),
        url: `${location.origin}${location.pathname}`,
      }),
    };
  }

  private replicationsView(visible: boolean) {
    const st = this.state;
    // Present once loaded (hidden when another view is shown), so its results stay until the inputs change.
    if (!this.loadedViews.has('replications')) return '';
    return html`<fg-replications
      ?hidden=${!visible}
      .lang=${st.lang}
      .structures=${st.columns.map((_, i) => ({ label: this.columnTitle(i), scenario: this.built[i].scenario }))}
      .seed=${st.seed}
      .days=${st.days}
      .replications=${st.replications}
      @replications-change=${(e: CustomEvent<number>) => this.patchState({ replications: e.detail })}
      @replications-result=${(e: CustomEvent<BriefReplications | undefined>) => (this.repsResult = e.detail)}
    ></fg-replications>`;
  }

  private view() {
    const st = this.state;
    const titles = st.columns.map((_, i) => this.columnTitle(i));
    switch (st.view) {
      case 'charts':
        return html`<fg-headline
            .lang=${st.lang}
            .summaries=${this.sim.summaries}
            .columns=${titles.map((title, i) => ({ title, data: this.sim.data[i] }))}
          ></fg-headline>
          <fg-compare
            .lang=${st.lang}
            .days=${st.days}
            .live=${this.sim.status === 'running'}
            .context=${this.exportContext()}
            .highlight=${this.story?.target('charts') ?? ''}
            .columns=${titles.map((title, i) => ({ title, data: this.sim.data[i] }))}
          ></fg-compare>`;
      case 'map':
        return this.mapView();
      case 'structure':
        return html`<fg-structure
          .lang=${st.lang}
          .context=${this.exportContext()}
          .panels=${titles.flatMap((title, i) => (this.sim.data[i] ? [{ title, info: this.sim.data[i]!.info, frame: this.sim.data[i]!.last }] : []))}
        ></fg-structure>`;
      case 'replications':
        return '';
      case 'decides':
        return html`<fg-decides
          @decides-result=${(e: CustomEvent<SensitivityResult | undefined>) => (this.decidesResult = e.detail)}
          .lang=${st.lang}
          .seed=${st.seed}
          .days=${st.days}
          .structures=${st.columns.map((_, i) => ({ label: this.columnTitle(i), scenario: this.built[i].scenario }))}
        ></fg-decides>`;
      case 'info':
        return html`<fg-info
          .lang=${st.lang}
          .scenarios=${this.built.map((b) => b.scenario ?? b.base).filter((s) => s !== undefined)}
        ></fg-info>`;
    }
  }

  private helpDialog() {
    const rows: [string, MessageKey][] = [
      ['Space', 'help.space'],
      ['S', 'help.step'],
      ['R', 'help.reset'],
      ['1 2 3 4', 'help.speed'],
      ['C M O E W I', 'help.views'],
      ['G', 'help.story'],
      ['L', 'help.lang'],
      ['?', 'help.help'],
    ];
    return html`<dialog aria-labelledby="help-title">
      <h2 id="help-title">${t('help.title')}</h2>
      <table>
        ${rows.map(
          ([k, m]) =>
            html`<tr>
              <td><kbd>${k}</kbd></td>
              <td>${t(m)}</td>
            </tr>`,
        )}
      </table>
      <form method="dialog"><button id="help-close" autofocus>${t('help.close')}</button></form>
    </dialog>`;
  }
}

customElements.define('fg-app', FgApp);

declare global {
  interface HTMLElementTagNameMap {
    'fg-app': FgApp;
  }
}
