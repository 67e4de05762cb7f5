/**
 * What leaves the app: the context every exported chart states (structures with their
 * changes, seed, day, days and the source line), the run as CSV or JSON with its manifest,
 * and the one-page brief of the comparison. The code of the files and of the brief is loaded
 * when first asked for.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { SensitivityResult } from '../../experiments/sensitivity-run.ts';
import { FLATGOV_VERSION } from '../../experiments/identity.ts';
import { MODEL_VERSION } from '../../sim/version.ts';
import type { BriefReplications } from '../../render/brief.ts';
import type { StructuralResult } from '../../render/structural.ts';
import { COMMIT } from '../build-info.ts';
import type { ChartContext } from '../charts/chart-types.ts';
import { headlineOf } from '../headline.ts';
import { fmt, t } from '../../render/i18n.ts';
import { DEFAULT_PRESET, type AppState } from '../state.ts';
import type { SimController } from './sim-controller.ts';
import type { StructuresController } from './structures-controller.ts';

/** What exports need of the app. */
export interface ExportApp {
  host: ReactiveControllerHost;
  state(): AppState;
  sim: SimController;
  structures: StructuresController;
  /** The app's address with a state (see LinkController.linkTo). */
  linkTo(state: AppState): Promise<string>;
  /** The last replications' results, while they belong to the inputs. */
  replications(): BriefReplications | undefined;
  /** A sensitivity analysis computed for the structures compared, if any. */
  sensitivity(): SensitivityResult | undefined;
  /** The decomposition of the first two structures' differences, if computed for them. */
  structural(): StructuralResult | undefined;
}

export class ExportController implements ReactiveController {
  constructor(private app: ExportApp) {
    app.host.addController(this);
  }

  hostConnected(): void {}

  /** Structures, seed and days, and where the figure comes from: what an exported chart says. */
  context(): ChartContext {
    const st = this.app.state();
    const s = this.app.structures;
    const lines = st.columns.map((_, i) => {
      const ch = s.changeLines(i);
      return ch.length ? `${s.title(i)}: ${ch.join('; ')}` : s.title(i);
    });
    lines.push(t('export.run', { seed: st.seed, day: fmt(Math.floor(this.app.sim.day)), days: fmt(st.days) }));
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

  /** The buttons that download the run's data. */
  buttons() {
    return html`<div class="exports">
      <span>${t('export.dataTitle')}:</span>
      <button id="export-csv" @click=${() => this.download('csv')}>${t('export.csv')}</button>
      <button id="export-json" @click=${() => this.download('json')}>${t('export.json')}</button>
    </div>`;
  }

  /** Download the run so far as CSV (and its manifest) or JSON. */
  async download(kind: 'csv' | 'json'): Promise<void> {
    const st = this.app.state();
    const { sim, structures } = this.app;
    const { downloadRun } = await import('../run-files.ts');
    await downloadRun(kind, {
      seed: st.seed,
      days: st.days,
      day: sim.day,
      structures: structures.built.map((b, i) => ({ label: structures.title(i), scenario: b.scenario, changes: st.columns[i].changes })),
      data: sim.data,
      summaries: sim.summaries,
    });
  }

  /** The brief of this comparison, a page of its own to print or save as PDF. */
  async openBrief(): Promise<void> {
    const html = await this.briefHtml();
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /** The brief's document: the run so far, or the replications when they were run for these inputs. */
  async briefHtml(): Promise<string> {
    // Loaded when asked for: the first screen does not need it.
    const { briefHtml, sensitivityOfPair, shortName } = await import('../../render/brief.ts');
    const st = this.app.state();
    const { sim, structures: s } = this.app;
    const structures = s.built.flatMap((b, i) => {
      const d = sim.data[i];
      if (!b.scenario) return [];
      return [
        {
          name: shortName(s.title(i)),
          scenario: b.scenario,
          headline: headlineOf(d, sim.summaries[i]),
          series: d ? { day: d.day, open: d.series('open'), localShare: d.series('localResolutionShare') } : undefined,
        },
      ];
    });
    const labels = s.titles();
    // Replication results are labelled by the app's titles: rename them to the brief's names.
    const result = this.app.replications();
    const reps = result && {
      ...result,
      summary: result.summary.map((r) => ({ ...r, structure: shortName(r.structure) })),
      differences: result.differences.map((r) => ({ ...r, a: shortName(r.a), b: shortName(r.b) })),
      series: result.series?.map((r) => ({ ...r, structure: shortName(r.structure) })),
    };
    const replications = reps && labels.every((l) => result!.summary.some((r) => r.structure === l)) ? reps : undefined;
    return briefHtml({
      structures,
      seed: st.seed,
      days: st.days,
      day: sim.day,
      // The link opens the view the figures come from.
      link: await this.app.linkTo({ ...st, view: replications ? 'replications' : 'charts' }),
      source: this.context().source,
      replications,
      // What decides the answer: computed here for these structures, or the shipped analysis when it is of the same pair.
      sensitivity:
        this.app.sensitivity() ??
        sensitivityOfPair(
          ((await import('../../docs/sensitivity.json')) as unknown as { default: SensitivityResult }).default,
          st.columns.map((c) => (c.custom || Object.keys(c.changes).length > 0 ? undefined : (c.preset ?? DEFAULT_PRESET))),
        ),
      structural: this.app.structural(),
      structuralHow: t('brief.whyNotYetApp'),
    });
  }
}
