import { LitElement, html } from 'lit';
import { CHART_IDS } from '../chart-ids.ts';
import { ExportController } from '../controllers/export-controller.ts';
import { KeyboardController } from '../controllers/keyboard-controller.ts';
import { LinkController } from '../controllers/link-controller.ts';
import { RunController } from '../controllers/run-controller.ts';
import { SimController } from '../controllers/sim-controller.ts';
import type { StoryController } from '../controllers/story-controller.ts';
import { StructuresController } from '../controllers/structures-controller.ts';
import { ViewsController } from '../controllers/views-controller.ts';
import { fmt, getLang, loadLang, setLang, t, type Lang } from '../../render/i18n.ts';
import { defaultState, SPEEDS, type AppState } from '../state.ts';
import { helpDialog } from './app-help.ts';
import { appStyles } from './fg-app.styles.ts';
import './fg-params.ts';
import './fg-picker.ts';

/** Chinese when the browser prefers it (zh, zh-CN, zh-TW…), else English. */
export function browserLang(languages: readonly string[] = globalThis.navigator?.languages ?? []): Lang {
  const first = languages.find((l) => /^(zh|en)\b/i.test(l));
  return first && /^zh\b/i.test(first) ? 'zh' : 'en';
}

/** What a page can embed alone (`?embed=<id>`): any chart, the living map, or a step of the story (`&story=N`). */
const EMBED_IDS = [...CHART_IDS, 'map', 'why', 'story'] as const;

/**
 * The app: structures side by side on the same seed, their parameters, the run, the
 * charts and the structure views, replications and the model's documentation. Its state
 * lives in the link (controllers/link-controller.ts). Each feature is a controller: the
 * simulation in its workers, the structures and their edits, the views, the keyboard, the
 * exports, and the guided story (loaded when first opened). With `?embed=<id>` the page
 * shows one chart, the map or a step of the story alone, with its run controls.
 */
export class FgApp extends LitElement {
  static properties = {
    state: { state: true },
    linkMessage: { state: true },
    shareMessage: { state: true },
    paramsOpen: { state: true },
  };
  /** What is compared and how: structures, seed, days, view, language, speed (see ui/state.ts). */
  declare state: AppState;
  /** What of the link could not be read (or of `?embed`, `?story`). */
  declare linkMessage: string;
  /** What sharing the link did, or what the story says. */
  declare shareMessage: string;
  /** The parameters drawer (narrow screens). */
  declare paramsOpen: boolean;
  /** The simulation: one worker per structure. */
  readonly sim = new SimController(this);
  private run: RunController;
  private structures: StructuresController;
  private views: ViewsController;
  private link: LinkController;
  private exports: ExportController;
  /** The guided story, once a student opens it (its code is loaded then). */
  private story: StoryController | undefined;
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

  static styles = appStyles;

  constructor() {
    super();
    // On a first visit (a link without a language), the browser's language.
    this.state = { ...defaultState(), lang: browserLang() };
    this.linkMessage = '';
    if (this.embedProblem) this.linkMessage = this.embedProblem;
    this.shareMessage = '';
    this.paramsOpen = false;
    // The structures are built from the state, so the controllers come after it.
    this.run = new RunController({
      host: this,
      state: () => this.state,
      patch: (p) => this.patchState(p),
      sim: this.sim,
      scenarios: () => this.structures.scenarios(),
    });
    this.structures = new StructuresController({
      host: this,
      state: () => this.state,
      patch: (p) => this.patchState(p),
      resetRun: () => this.run.reset(),
      fail: (m) => this.run.say(m),
    });
    this.views = new ViewsController({
      host: this,
      state: () => this.state,
      patch: (p) => this.patchState(p),
      sim: this.sim,
      structures: this.structures,
      context: () => this.exports.context(),
      storyTarget: (v) => this.story?.target(v) ?? '',
    });
    this.link = new LinkController({
      host: this,
      state: () => this.state,
      setState: (s) => (this.state = s),
      linkProblem: (m) => (this.linkMessage = m),
      apply: (storyIndex) => this.applyState(storyIndex),
      storyQuery: () => this.story?.query() ?? '',
    });
    this.exports = new ExportController({
      host: this,
      state: () => this.state,
      sim: this.sim,
      structures: this.structures,
      linkTo: (s) => this.link.linkTo(s),
      replications: () => this.views.replications,
      sensitivity: () => this.views.sensitivity,
      structural: () => this.views.structural(),
    });
    // Registered with the app, which it serves for as long as the page lives.
    new KeyboardController({
      host: this,
      helpOpen: () => this.renderRoot.querySelector('dialog')?.open ?? false,
      toggleRun: () => this.run.toggle(),
      stepRun: () => this.run.step(),
      askReset: () => this.run.askReset(),
      drawerOpen: () => this.paramsOpen,
      closeDrawer: () => this.closeParams(),
      setSpeed: (i) => this.run.setSpeed(i),
      toggleHelp: () => this.toggleHelp(),
      toggleLanguage: () => void this.setLanguage(getLang() === 'en' ? 'zh' : 'en'),
      openStory: () => void this.loadStory().then((s) => s.openOrShow()),
      showView: (view) => this.patchState({ view }),
    });
  }

  async connectedCallback(): Promise<void> {
    super.connectedCallback();
    // An embed fits its frame: the page's margins go (fg-app.styles.ts, :host([embedded])).
    this.toggleAttribute('embedded', !!this.embed);
    // Read now: the link follows the state shortly after the first render, before the story's code may have loaded.
    const hash = location.hash;
    const param =
      this.embed && this.embed !== 'story'
        ? null
        : (new URLSearchParams(location.search).get('story') ?? (this.embed === 'story' ? '1' : null));
    const asked = param === null ? undefined : (await this.loadStory()).fromLink(param);
    await this.link.restore(asked && 'index' in asked ? asked.index : undefined, hash);
    if (asked && 'error' in asked) {
      const msg = this.story!.invalidMessage(asked.error);
      this.linkMessage = this.linkMessage ? `${this.linkMessage} ${msg}` : msg;
    }
  }

  /** Take the state in: with a story step, that step's structures over it; language, speed, and the run reset. */
  private async applyState(storyIndex?: number) {
    if (storyIndex !== undefined) this.story?.open(storyIndex);
    await loadLang(this.state.lang);
    setLang(this.state.lang);
    this.sim.setSpeed(this.state.speed);
    await this.structures.rebuildAndReset();
    if (storyIndex !== undefined) this.story?.loadedStep(storyIndex);
    // An embedded chart or map opens on its result: it runs at once, as fast as it goes (a year in seconds).
    if (this.embed && this.embed !== 'story' && this.sim.status === 'paused') {
      this.run.setSpeed(SPEEDS.length - 1);
      this.run.toggle();
    }
  }

  /** Set state (the link follows, see LinkController). */
  private patchState(patch: Partial<AppState>) {
    this.state = { ...this.state, ...patch };
  }

  /** Load the code of the view shown when it is first shown; ask for map frames while the map is. */
  protected willUpdate(): void {
    const view = this.embed === 'map' || this.embed === 'why' ? this.embed : this.state.view;
    this.sim.setMapWanted(this.embed && this.embed !== 'story' ? this.embed === 'map' : view === 'map');
    this.views.load(view);
  }

  private async setLanguage(lang: Lang) {
    await loadLang(lang);
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

  /** The story's controller, its code loaded on first use. */
  private async loadStory(): Promise<StoryController> {
    if (this.story) return this.story;
    const { StoryController } = await import('../controllers/story-controller.ts');
    this.story ??= this.storyController(StoryController);
    return this.story;
  }

  private storyController(StoryController: typeof import('../controllers/story-controller.ts').StoryController): StoryController {
    const story = new StoryController({
      host: this,
      sim: this.sim,
      state: () => this.state,
      built: () => this.structures.built,
      patch: (p) => this.patchState(p),
      clear: () => {
        this.structures.setFileErrors([]);
        this.run.setConfirm(false);
        this.run.say('');
      },
      reset: () => this.structures.rebuildAndReset(),
      run: () => {
        this.run.setSpeed(SPEEDS.length - 1);
        if (this.sim.status === 'paused') this.run.toggle();
      },
      say: (m) => (this.shareMessage = m),
    });
    // Embedded, the step is shown alone and opens on its result (it runs as soon as it is loaded).
    story.embedded = this.embed === 'story';
    return story;
  }

  /** The brief of this comparison, a page of its own to print or save as PDF. */
  openBrief(): Promise<void> {
    return this.exports.openBrief();
  }

  /** The brief's document: the run so far, or the replications when they were run for these inputs. */
  briefHtml(): Promise<string> {
    return this.exports.briefHtml();
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

  /** Messages about the link, sharing, the run (a structure whose worker failed, among them) and a reset asked for. */
  private messages() {
    return html`<div class="messages" role="region" aria-label=${t('app.messages')}>
      ${this.shareMessage ? html`<div class="banner" role="status"><span>${this.shareMessage}</span><button @click=${() => (this.shareMessage = '')}>${t('link.dismiss')}</button></div>` : ''}
      ${this.linkMessage ? html`<div class="banner" role="alert" id="link-message"><span>${this.linkMessage}</span><button @click=${() => (this.linkMessage = '')}>${t('link.dismiss')}</button></div>` : ''}
      ${this.sim.status === 'error' && this.sim.error ? html`<div class="banner error" role="alert">${this.sim.error}</div>` : ''}
      ${this.sim.failures.map(
        (f) =>
          html`<div class="banner error worker-failed" role="alert" id=${`worker-failed-${f.index + 1}`}>
            ${t('run.workerFailed', {
              structure: this.structures.title(f.index),
              day: fmt(Math.floor(f.day)),
              reason: f.cause === 'unreadable' ? t('run.workerUnreadable') : f.detail || t('run.workerCrashed'),
            })}
          </div>`,
      )}
      ${this.run.message ? html`<div class="banner error" role="alert" id="run-message"><span>${this.run.message}</span><button @click=${() => this.run.say('')}>${t('link.dismiss')}</button></div>` : ''}
      ${this.run.confirmation()}
    </div>`;
  }

  render() {
    // A story step runs by itself and has its own status: no run controls.
    if (this.embed === 'story') return this.views.embedded(this.embed, html``, this.story?.panel(), this.story?.target('charts') ?? '');
    if (this.embed) return this.views.embedded(this.embed, this.run.controls(0, ''), '');
    const st = this.state;
    const sel = st.selected;
    const built = this.structures.built;
    const b = built[sel];
    const invalidCols = built.map((x, i) => (x.scenario ? '' : this.structures.title(i))).filter(Boolean);
    const invalid = built.reduce((a, x) => a + (x.scenario ? 0 : x.problems.length), 0);
    const paramsHeading = t('params.title', { name: this.structures.title(sel) });
    const picker = this.structures.pickerInfo();
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
            @click=${() => void this.setLanguage(getLang() === 'en' ? 'zh' : 'en')}
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
          <button id="share" @click=${async () => (this.shareMessage = await this.link.share())}>${t('app.share')}</button>
          <button id="brief" aria-label=${t('brief.buttonLabel')} title=${t('brief.buttonLabel')} @click=${() => this.openBrief()}>
            ${t('brief.button')}
          </button>
          <button id="help" aria-keyshortcuts="?" @click=${() => this.toggleHelp()} aria-label=${t('app.help')}>?</button>
        </nav>
      </header>
      ${this.messages()}
      <section class="setup" aria-label=${t('picker.title')}>
        <fg-picker
          .lang=${st.lang}
          .columns=${st.columns}
          .selected=${sel}
          .errors=${this.structures.fileErrors}
          .titles=${picker.titles}
          .changes=${picker.changes}
          @column-preset=${(e: CustomEvent<{ index: number; preset: string }>) => e.detail.preset && this.structures.setColumn(e.detail.index, { preset: e.detail.preset, changes: {} })}
          @column-file=${(e: CustomEvent<{ index: number; file: File }>) => this.structures.openFile(e.detail.index, e.detail.file)}
          @column-terms=${(
            e: CustomEvent<{
              index: number;
              parts: AppState['columns'][number]['parts'];
              equalPosts: AppState['columns'][number]['equalPosts'];
            }>,
          ) => this.structures.setTerms(e.detail.index, e.detail)}
          @column-add=${() => this.structures.add()}
          @column-remove=${(e: CustomEvent<number>) => this.structures.remove(e.detail)}
          @column-select=${(e: CustomEvent<number>) => {
            this.patchState({ selected: e.detail });
            this.openParams();
          }}
        ></fg-picker>
        ${this.run.controls(invalid, invalidCols.join(', '))}
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
            @param-change=${(e: CustomEvent<{ path: string; value: unknown }>) => this.structures.changeParam(e.detail)}
            @param-apply-all=${(e: CustomEvent<{ paths: string[] }>) => this.structures.applyToAll(e.detail.paths)}
            @param-reset-all=${() => this.structures.resetAll()}
          ></fg-params>
        </aside>
        <main id="main" tabindex="-1">
          ${this.story?.panel() ?? ''} ${this.views.tabs()}
          <section id="panel" role="tabpanel" aria-labelledby="tab-${st.view}">
            ${this.views.view(st.view)} ${this.views.replicationsView(st.view === 'replications')} ${this.views.whyView(st.view === 'why')}
            ${this.views.discoverView(st.view === 'discover')}
            ${st.view === 'charts' || st.view === 'structure' ? this.exports.buttons() : ''}
          </section>
        </main>
      </div>
      ${helpDialog()}
    `;
  }
}

customElements.define('fg-app', FgApp);

declare global {
  interface HTMLElementTagNameMap {
    'fg-app': FgApp;
  }
}
