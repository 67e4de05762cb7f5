/**
 * "Why do they differ?" as the app holds it, loaded with the view (the first screen does
 * without it): the element, the decomposition it hands back with the inputs it belongs to
 * (the first two structures' scenarios, the seed and the days), and the headline's wording of
 * it while it belongs to them.
 */
import { html, type ReactiveControllerHost } from 'lit';
import { headlineStructural, type HeadlineStructural, type StructuralResult } from '../render/structural.ts';
import type { ChartContext } from './charts/chart-types.ts';
import type { AppState, BuiltColumn, ColumnSpec } from './state.ts';
import { short } from './components/fg-why.ts';

/** What the view needs of the app. */
export interface WhyApp {
  host: ReactiveControllerHost;
  state(): AppState;
  patch(p: Partial<AppState>): void;
  structures: {
    built: BuiltColumn[];
    title(i: number): string;
    setTerms(i: number, terms: Pick<ColumnSpec, 'parts' | 'equalPosts'>): Promise<void>;
  };
  context(): ChartContext;
}

export class WhyState {
  private why: { result: StructuralResult; key: string; headline: HeadlineStructural } | undefined;
  private keyCache = { refs: [] as unknown[], key: '' };

  constructor(private app: WhyApp) {}

  /** The inputs a decomposition belongs to: the first two structures' scenarios, the seed and the days. */
  private key(): string {
    const st = this.app.state();
    const refs = [...this.app.structures.built.slice(0, 2).map((b) => b.scenario), st.seed, st.days];
    const c = this.keyCache;
    if (refs.length !== c.refs.length || refs.some((r, i) => r !== c.refs[i])) this.keyCache = { refs, key: JSON.stringify(refs) };
    return this.keyCache.key;
  }

  private set(result: StructuralResult | undefined): void {
    this.why = result && { result, key: this.key(), headline: headlineStructural(result) };
    this.app.host.requestUpdate();
  }

  /** The decomposition, while it belongs to the inputs (for the brief). */
  result(): StructuralResult | undefined {
    if (!this.why || this.why.key !== this.key()) return undefined;
    // The structures by their names in the page's language (the result keeps those it was computed in).
    const { structures } = this.app;
    return { ...this.why.result, a: short(structures.title(0)), b: short(structures.title(1)) };
  }

  /** The headline's wording of it, while it belongs to the inputs. */
  headline(): HeadlineStructural | undefined {
    return this.result() && this.why?.headline;
  }

  /**
   * Equal terms one click away: the first structure with the second's policy at the second's
   * city posts (the second must be a preset as it comes); or back to the first's own terms.
   */
  private equalTerms(): { preset: string; on: boolean } | undefined {
    const [a, b] = this.app.state().columns;
    if (!a || !b?.preset || b.custom || b.parts || b.equalPosts) return undefined;
    return { preset: b.preset, on: a.parts?.policy === b.preset && a.equalPosts?.preset === b.preset && a.equalPosts.posts === 'city' };
  }

  private toggleEqualTerms(): void {
    const e = this.equalTerms();
    if (!e) return;
    void this.app.structures.setTerms(
      0,
      e.on ? { parts: undefined, equalPosts: undefined } : { parts: { policy: e.preset }, equalPosts: { preset: e.preset, posts: 'city' } },
    );
  }

  /** The element: present once loaded (hidden when another view is shown), so that it computes on and keeps its result. */
  view(visible: boolean) {
    const st = this.app.state();
    const { structures } = this.app;
    return html`<fg-why
      ?hidden=${!visible}
      .lang=${st.lang}
      .structures=${st.columns.slice(0, 2).map((_, i) => ({ label: structures.title(i), scenario: structures.built[i]?.scenario }))}
      .seed=${st.seed}
      .days=${st.days}
      .replications=${st.whyReplications}
      .context=${this.app.context()}
      .equalTerms=${this.equalTerms()?.on}
      @why-equal-terms=${() => this.toggleEqualTerms()}
      @why-replications=${(e: CustomEvent<number>) => this.app.patch({ whyReplications: e.detail })}
      @why-result=${(e: CustomEvent<StructuralResult | undefined>) => this.set(e.detail)}
    ></fg-why>`;
  }
}
