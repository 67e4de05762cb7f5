/**
 * The structures compared, as the app holds them: each column of the state built into its
 * scenario (or its problems), their titles and what the user changed in them, and the
 * edits — a preset or a file chosen, a parameter changed, values copied to every structure,
 * a column added or removed. Every edit that changes a structure resets the run; an invalid
 * value runs nothing, and the last run stays.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getPath } from '../../scenarios/path.ts';
import { fmt, nameOf, t, unitName, type MessageKey } from '../../render/i18n.ts';
import { fieldOf, labelOf, shownValue } from '../params.ts';
import {
  buildColumn,
  loadValidator,
  MAX_COLUMNS,
  presetColumn,
  PRESET_IDS,
  type AppState,
  type BuiltColumn,
  type ColumnSpec,
} from '../state.ts';

/** What the structures need of the app. */
export interface StructuresApp {
  host: ReactiveControllerHost;
  state(): AppState;
  /** Set part of the state (the link follows). */
  patch(p: Partial<AppState>): void;
  /** Reset the run to day 0 with the structures built. */
  resetRun(): Promise<void>;
  /** Say why an edit failed. */
  fail(message: string): void;
}

/** A value at a path of a scenario, or undefined where the scenario has no such path. */
function valueAt(base: BuiltColumn['base'], path: string): unknown {
  try {
    return base ? getPath(base, path) : undefined;
  } catch {
    return undefined;
  }
}

export class StructuresController implements ReactiveController {
  /** Each column of the state, built. */
  built: BuiltColumn[];
  /** A file that could not be opened, per column, and why. */
  fileErrors: (string | undefined)[] = [];
  private buildGeneration = 0;
  private edits: Promise<void> = Promise.resolve();
  /** Titles and changes for the picker, the same arrays while they are the same (no re-render on every frame). */
  private pickerCache = { key: '', titles: [] as string[], changes: [] as string[][] };

  constructor(private app: StructuresApp) {
    app.host.addController(this);
    // The default structures are presets, which need no checking: the first screen is drawn at once.
    this.built = app.state().columns.map((c) => presetColumn(c) ?? { problems: [] });
  }

  hostConnected(): void {}

  /** The scenario of each column (undefined where it is invalid). */
  scenarios() {
    return this.built.map((b) => b.scenario);
  }

  /** Build the columns of the current state; false if a later state was built meanwhile. */
  async rebuild(): Promise<boolean> {
    const gen = ++this.buildGeneration;
    const built = await Promise.all(this.app.state().columns.map(buildColumn));
    if (gen !== this.buildGeneration) return false;
    this.built = built;
    this.app.host.requestUpdate();
    return true;
  }

  async rebuildAndReset(): Promise<void> {
    if (await this.rebuild()) await this.app.resetRun();
  }

  /** Column i's title: its number and short name (the part before the colon), marked if changed. */
  title(i: number): string {
    const b = this.built[i];
    const s = b?.scenario ?? b?.base;
    const name = s ? `${i + 1}. ${nameOf(s).split(/[:：]/)[0]}` : t('picker.structure', { n: i + 1 });
    return Object.keys(this.app.state().columns[i]?.changes ?? {}).length ? `${name} ${t('app.changedMark')}` : name;
  }

  /** Every column's title. */
  titles(): string[] {
    return this.app.state().columns.map((_, i) => this.title(i));
  }

  /** What the user changed in a structure, one readable line per parameter. */
  changeLines(i: number): string[] {
    const base = this.built[i]?.base;
    const changes = this.app.state().columns[i]?.changes ?? {};
    return Object.entries(changes).map(([path, value]) => {
      if (path === 'shocks') {
        const kinds = Array.isArray(value) ? value.map((x) => (x as { kind?: string }).kind ?? '?') : [];
        return `${t('params.shocks')}: ${kinds.length ? kinds.map((k) => t(`shock.${k}` as MessageKey, { day: (value as { kind: string; startDay?: number }[]).find((x) => x.kind === k)?.startDay ?? '' })).join(', ') : t('params.noShocks')}`;
      }
      const f = base ? fieldOf(base, path) : undefined;
      const was = valueAt(base, path);
      const show = (v: unknown) => shownValue(f, v, unitName, fmt);
      return `${f ? labelOf(f.label) : path}: ${show(was)} → ${show(value)}`;
    });
  }

  /** Titles and change lines for the picker. */
  pickerInfo() {
    const titles = this.titles();
    const changes = this.app.state().columns.map((_, i) => this.changeLines(i));
    const key = JSON.stringify([titles, changes]);
    if (key !== this.pickerCache.key) this.pickerCache = { key, titles, changes };
    return this.pickerCache;
  }

  /** Column i becomes this structure (its file error, if any, goes). */
  setColumn(i: number, spec: AppState['columns'][number]): void {
    const columns = [...this.app.state().columns];
    columns[i] = spec;
    this.app.patch({ columns });
    const errs = [...this.fileErrors];
    errs[i] = undefined;
    this.setFileErrors(errs);
    void this.rebuildAndReset();
  }

  /**
   * Column i's equal terms (parts from presets, equal posts): applied when they give a valid
   * structure, else refused with the reason and the structure kept as it was.
   */
  async setTerms(i: number, terms: Pick<AppState['columns'][number], 'parts' | 'equalPosts'>): Promise<void> {
    const spec: ColumnSpec = { ...this.app.state().columns[i], parts: terms.parts, equalPosts: terms.equalPosts };
    if (!spec.parts) delete spec.parts;
    if (!spec.equalPosts) delete spec.equalPosts;
    const trial = await buildColumn({ ...spec, changes: {} });
    if (!trial.base) {
      const p = trial.problems[0];
      const errs = [...this.fileErrors];
      const hint = spec.equalPosts?.posts === 'all' ? ` ${t('terms.postsHint')}` : '';
      errs[i] = t('terms.error', { problem: `${p ? `${p.path}: ${p.message}` : ''}${hint}` });
      this.setFileErrors(errs);
      return;
    }
    this.setColumn(i, spec);
  }

  /** Copy the selected structure's values at these paths to every other structure. */
  async applyToAll(paths: string[]): Promise<void> {
    const st = this.app.state();
    const sel = st.selected;
    const from = this.built[sel]?.scenario;
    if (!from) return;
    const columns = st.columns.map((col, j) => {
      if (j === sel) return col;
      const changes = { ...col.changes };
      const base = this.built[j].base;
      for (const path of paths) {
        const value = path === 'shocks' ? from.shocks : getPath(from, path);
        const own = valueAt(base, path);
        if (JSON.stringify(own) === JSON.stringify(value)) delete changes[path];
        else changes[path] = value;
      }
      return { ...col, changes };
    });
    this.app.patch({ columns });
    await this.rebuildAndReset();
  }

  /** Drop every change of the selected structure. */
  resetAll(): void {
    const st = this.app.state();
    const columns = [...st.columns];
    columns[st.selected] = { ...columns[st.selected], changes: {} };
    this.app.patch({ columns });
    void this.rebuildAndReset();
  }

  /** A parameter of the selected structure changed: changes are applied one after another, each to the state the one before left. */
  changeParam(change: { path: string; value: unknown }): void {
    this.edits = this.edits.then(() => this.applyParamChange(change)).catch((err: Error) => this.app.fail(err.message));
  }

  private async applyParamChange({ path, value }: { path: string; value: unknown }) {
    // Loaded first, so that what follows reads and writes the state with no user event between.
    await loadValidator();
    const st = this.app.state();
    const i = st.selected;
    const col = st.columns[i];
    const changes = { ...col.changes };
    const base = this.built[i].base;
    if (value === undefined) delete changes[path];
    else changes[path] = value;
    // A value equal to the structure's own is no change.
    if (base && value !== undefined) {
      const same = JSON.stringify((await buildColumn({ ...col, changes: { [path]: value } })).scenario) === JSON.stringify(base);
      if (same) delete changes[path];
    }
    const columns = [...this.app.state().columns];
    columns[i] = { ...col, changes };
    this.app.patch({ columns });
    const before = this.built[i].scenario;
    if (!(await this.rebuild())) return;
    // An invalid value is shown with its problem and runs nothing: the last run stays.
    if (this.built[i].scenario && JSON.stringify(this.built[i].scenario) !== JSON.stringify(before)) void this.app.resetRun();
  }

  /** Open the user's own scenario in column `index`; a file that is not one is named with its problems. */
  async openFile(index: number, file: File): Promise<void> {
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
      this.setFileErrors(errs);
    }
  }

  /** Add a column with the first preset not shown yet, and show its parameters. */
  add(): void {
    const st = this.app.state();
    if (st.columns.length >= MAX_COLUMNS) return;
    const used = new Set(st.columns.map((c) => c.preset));
    const preset = PRESET_IDS.find((p) => !used.has(p)) ?? PRESET_IDS[0];
    const columns = [...st.columns, { preset, changes: {} }];
    this.app.patch({ columns, selected: columns.length - 1 });
    void this.rebuildAndReset();
  }

  remove(i: number): void {
    const st = this.app.state();
    if (st.columns.length <= 1) return;
    const columns = st.columns.filter((_, k) => k !== i);
    this.app.patch({ columns, selected: Math.min(st.selected, columns.length - 1) });
    this.setFileErrors(this.fileErrors.filter((_, k) => k !== i));
    void this.rebuildAndReset();
  }

  setFileErrors(errors: (string | undefined)[]): void {
    this.fileErrors = errors;
    this.app.host.requestUpdate();
  }
}
