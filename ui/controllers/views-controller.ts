/**
 * The app's views — charts, map, structure, replications, what decides the answer, why they
 * differ, where one loses, about the model — each with its code loaded when it is first shown (the first
 * screen loads the charts only), and what views hand back: the last replications' results, a
 * sensitivity analysis computed for the structures compared, and the decomposition of the
 * first two structures' differences (which the headline sentence and the brief use while it
 * belongs to them).
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SensitivityResult } from '../../experiments/sensitivity-run.ts';
import type { BriefReplications } from '../../render/brief.ts';
import type { StructuralResult } from '../../render/structural.ts';
import type { WhyState } from '../why-view.ts';
import type { ChartContext } from '../charts/chart-types.ts';
import { t, type MessageKey } from '../../render/i18n.ts';
import { VIEWS, type AppState, type View } from '../state.ts';
import type { SimController } from './sim-controller.ts';
import type { StructuresController } from './structures-controller.ts';
import '../components/fg-compare.ts';
import '../components/fg-headline.ts';

/** Views loaded when first shown, so the first screen loads less. */
const LAZY_VIEWS: Partial<Record<View, () => Promise<unknown>>> = {
  map: () => Promise.all([import('../components/fg-map.ts'), import('../components/fg-journey.ts')]),
  structure: () => import('../charts/fg-structure.ts'),
  replications: () => import('../components/fg-replications.ts'),
  decides: () => import('../components/fg-decides.ts'),
  why: () => import('../why-view.ts'),
  discover: () => import('../components/fg-discover.ts'),
  info: () => import('../components/fg-info.ts'),
};

const VIEW_KEYS: Record<View, MessageKey> = {
  charts: 'tabs.charts',
  map: 'tabs.map',
  structure: 'tabs.structure',
  replications: 'tabs.replications',
  decides: 'tabs.decides',
  why: 'tabs.why',
  discover: 'tabs.discover',
  info: 'tabs.info',
};

/** What the views need of the app. */
export interface ViewsApp {
  host: ReactiveControllerHost & { renderRoot: ParentNode; updateComplete: Promise<boolean> };
  state(): AppState;
  /** Set part of the state (the link follows). */
  patch(p: Partial<AppState>): void;
  sim: SimController;
  structures: StructuresController;
  /** What an exported chart says besides itself (see ExportController.context). */
  context(): ChartContext;
  /** What the guided story points at in a view ('' for nothing). */
  storyTarget(view: View): string;
}

export class ViewsController implements ReactiveController {
  /** Views whose code has been loaded. */
  loaded: ReadonlySet<View> = new Set(['charts']);
  private loading = new Set<View>();
  /** The last replications' results, while they belong to the current inputs (for the brief). */
  replications: BriefReplications | undefined;
  /** A sensitivity analysis computed for the structures compared (for the brief; else the shipped one). */
  sensitivity: SensitivityResult | undefined;
  /** The charts' lines over days as their 7-day average. */
  smooth = false;
  /** "Why do they differ?" and the decomposition it hands back, once its code is loaded. */
  private why: WhyState | undefined;

  constructor(private app: ViewsApp) {
    app.host.addController(this);
  }

  hostConnected(): void {}

  /** Load the code of a view when it is first shown. */
  load(view: View): void {
    const load = LAZY_VIEWS[view];
    if (!load || this.loaded.has(view) || this.loading.has(view)) return;
    this.loading.add(view);
    void load().then((mod) => {
      if (view === 'why') this.why = new (mod as typeof import('../why-view.ts')).WhyState(this.app);
      this.loaded = new Set([...this.loaded, view]);
      this.app.host.requestUpdate();
    });
  }

  /** The tabs of the views (the arrow keys move between them). */
  tabs() {
    const shown = this.app.state().view;
    return html`<div role="tablist" aria-label=${t('tabs.label')} @keydown=${(e: KeyboardEvent) => this.onTabKey(e)}>
      ${VIEWS.map(
        (v) =>
          html`<button
            role="tab"
            id="tab-${v}"
            aria-selected=${shown === v}
            aria-controls="panel"
            tabindex=${shown === v ? 0 : -1}
            @click=${() => this.app.patch({ view: v })}
          >
            ${t(VIEW_KEYS[v])}
          </button>`,
      )}
    </div>`;
  }

  private onTabKey(e: KeyboardEvent) {
    const i = VIEWS.indexOf(this.app.state().view);
    const next = e.key === 'ArrowRight' ? (i + 1) % VIEWS.length : e.key === 'ArrowLeft' ? (i + VIEWS.length - 1) % VIEWS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    this.app.patch({ view: VIEWS[next] });
    const { host } = this.app;
    void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>(`#tab-${VIEWS[next]}`)?.focus());
  }

  /**
   * What a page embeds (`?embed=<kind>`): one chart, the map or a step of the story (`story`,
   * its panel given, with the chart it points at) with the run controls, and where it comes from.
   */
  embedded(kind: string, controls: TemplateResult, storyPanel: unknown, storyChart = '') {
    const ctx = this.app.context();
    return html`<main id="main" class="embed-view" tabindex="-1">
      ${controls} ${storyPanel}
      ${
        kind === 'why'
          ? this.whyView(true)
          : kind === 'map' || (kind === 'story' && this.app.state().view === 'map')
            ? this.mapView(true)
            : this.charts(kind === 'story' ? storyChart : kind, ctx)
      }
      <p class="embed-source">
        ${ctx.source}
        <a id="embed-open" href=${`${location.origin}${location.pathname}${location.hash}`} target="_blank" rel="noopener"
          >${t('embed.open')}</a
        >
      </p>
    </main>`;
  }

  /** The structures as the views that run them take them: title and scenario. */
  private structures() {
    const { structures } = this.app;
    return this.app.state().columns.map((_, i) => ({ label: structures.title(i), scenario: structures.built[i].scenario }));
  }

  /** Each structure's title with its run, as charts and the headline strip take them. */
  private columns() {
    const { sim } = this.app;
    return this.app.structures.titles().map((title, i) => ({ title, data: sim.data[i] }));
  }

  /** The view shown; the replications are apart (see `replicationsView`). */
  view(view: View) {
    const st = this.app.state();
    const { sim } = this.app;
    const titles = this.app.structures.titles();
    switch (view) {
      case 'charts':
        return html`<fg-headline
            .lang=${st.lang}
            .summaries=${sim.summaries}
            .columns=${this.columns()}
            .structural=${this.why?.headline()}
            @why-open=${() => this.app.patch({ view: 'why' })}
          ></fg-headline>
          ${this.charts()}`;
      case 'map':
        return this.mapView();
      case 'structure':
        return html`<fg-structure
          .lang=${st.lang}
          .context=${this.app.context()}
          .panels=${titles.flatMap((title, i) => (sim.data[i] ? [{ title, info: sim.data[i]!.info, frame: sim.data[i]!.last }] : []))}
        ></fg-structure>`;
      case 'replications':
      case 'why':
      case 'discover':
        return '';
      case 'decides':
        return html`<fg-decides
          @decides-result=${(e: CustomEvent<SensitivityResult | undefined>) => (this.sensitivity = e.detail)}
          .lang=${st.lang}
          .seed=${st.seed}
          .days=${st.days}
          .structures=${this.structures()}
        ></fg-decides>`;
      case 'info':
        return html`<fg-info
          .lang=${st.lang}
          .scenarios=${this.app.structures.built.map((b) => b.scenario ?? b.base).filter((s) => s !== undefined)}
        ></fg-info>`;
    }
  }

  /** The live charts; `only` shows one of them alone (an embed). */
  charts(only = '', context = this.app.context()) {
    const st = this.app.state();
    return html`<fg-compare
      .lang=${st.lang}
      .days=${st.days}
      .only=${only}
      .live=${this.app.sim.status === 'running'}
      .context=${context}
      .highlight=${this.app.storyTarget('charts')}
      .columns=${this.columns()}
      .smooth=${this.smooth}
      @smooth-change=${(e: CustomEvent<boolean>) => {
        this.smooth = e.detail;
        this.app.host.requestUpdate();
      }}
    ></fg-compare>`;
  }

  /** The replications: present once loaded (hidden when another view is shown), so its results stay until the inputs change. */
  replicationsView(visible: boolean) {
    const st = this.app.state();
    if (!this.loaded.has('replications')) return '';
    return html`<fg-replications
      ?hidden=${!visible}
      .lang=${st.lang}
      .structures=${this.structures()}
      .seed=${st.seed}
      .days=${st.days}
      .replications=${st.replications}
      @replications-change=${(e: CustomEvent<number>) => this.app.patch({ replications: e.detail })}
      @replications-result=${(e: CustomEvent<BriefReplications | undefined>) => {
        this.replications = e.detail;
        this.app.host.requestUpdate();
      }}
    ></fg-replications>`;
  }

  /** The decomposition of the first two structures, while it belongs to them, the seed and the days (for the brief). */
  structural(): StructuralResult | undefined {
    return this.why?.result();
  }

  /** "Why do they differ?", once its code is loaded. */
  whyView(visible: boolean) {
    return this.why?.view(visible) ?? '';
  }

  /** "Where does it lose?", once its code is loaded: present (hidden when another view is shown), so that it runs on and keeps its boxes. */
  discoverView(visible: boolean) {
    if (!this.loaded.has('discover')) return '';
    const st = this.app.state();
    const { structures } = this.app;
    return html`<fg-discover
      ?hidden=${!visible}
      .lang=${st.lang}
      .structures=${st.columns.slice(0, 2).map((_, i) => ({ label: structures.title(i), scenario: structures.built[i]?.scenario }))}
      .seed=${st.seed}
    ></fg-discover>`;
  }

  /** The living map of the structures compared, and the journey of the case followed. */
  mapView(embedded = false) {
    const st = this.app.state();
    const { sim } = this.app;
    const titles = this.app.structures.titles();
    const panels = titles.flatMap((title, i) => (sim.data[i] ? [{ title, info: sim.data[i]!.info, map: sim.maps[i] }] : []));
    return html`<fg-map
        .lang=${st.lang}
        .panels=${panels}
        .followed=${sim.followed}
        .context=${this.app.context()}
        .highlight=${this.app.storyTarget('map')}
        .embedded=${embedded}
        @follow-case=${(e: CustomEvent<number>) => void sim.follow(e.detail)}
      ></fg-map>
      ${
        sim.followed
          ? html`<fg-journey
              .lang=${st.lang}
              .problem=${sim.followed}
              .items=${titles.flatMap((title, i) => (sim.data[i] ? [{ title, info: sim.data[i]!.info, journey: sim.journeysNow[i], now: (sim.maps[i]?.day ?? sim.day) * 1440 }] : []))}
            ></fg-journey>`
          : ''
      }`;
  }
}
