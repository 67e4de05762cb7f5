import { LitElement, css, html, type PropertyValues } from 'lit';
import { PRESET_IDS } from '../../scenarios/presets.ts';
import { parseJsonText } from '../../scenarios/json.ts';
import { ScenarioError, validateScenario } from '../../scenarios/validate.ts';
import { csvCell, FLATGOV_VERSION, sha256 } from '../../workers/experiment.ts';
import { estimateAppRun } from '../budget.ts';
import { downloadText } from '../charts/export.ts';
import '../charts/fg-structure.ts';
import { getLang, nameOf, setLang, t, type Lang, type MessageKey } from '../i18n.ts';
import { SimController } from '../sim-controller.ts';
import { buildColumn, decodeState, defaultState, encodeState, MAX_COLUMNS, VIEWS, type AppState, type BuiltColumn, type View } from '../state.ts';
import './fg-compare.ts';
import './fg-info.ts';
import './fg-params.ts';
import './fg-picker.ts';
import './fg-replications.ts';
import './fg-run-controls.ts';

const VIEW_KEYS: Record<View, MessageKey> = {
  charts: 'tabs.charts', structure: 'tabs.structure', replications: 'tabs.replications', info: 'tabs.info',
};
const VIEW_SHORTCUTS: Record<string, View> = { c: 'charts', o: 'structure', e: 'replications', i: 'info' };

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
    inputError: { state: true },
  };
  declare state: AppState;
  declare built: BuiltColumn[];
  declare linkMessage: string;
  declare fileErrors: (string | undefined)[];
  declare shareMessage: string;
  declare inputError: string;
  private sim = new SimController(this);
  private urlTimer?: ReturnType<typeof setTimeout>;

  static styles = css`
    :host { display: block; max-width: 1500px; margin: 0 auto; padding: 0.5rem 1rem 2rem; color: #1a1a1a; }
    header.top { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; border-bottom: 2px solid #1a5fb4; padding-bottom: 0.4rem; }
    h1 { font-size: 1.4rem; margin: 0; }
    .subtitle { margin: 0; color: #333; flex: 1; min-width: 16rem; }
    button { font: inherit; padding: 0.3rem 0.7rem; border: 1px solid #1a1a1a; background: #fff; color: #1a1a1a; border-radius: 4px; cursor: pointer; }
    button:focus-visible, [role='tab']:focus-visible { outline: 3px solid #e66100; outline-offset: 2px; }
    .banner { background: #fff4ce; border: 1px solid #c58a00; padding: 0.5rem; border-radius: 4px; margin: 0.5rem 0; display: flex; gap: 1rem; align-items: center; }
    .error { background: #fdecec; border-color: #a00; color: #700; }
    .layout { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 1.25rem; margin-top: 0.5rem; }
    @media (max-width: 1000px) { .layout { grid-template-columns: 1fr; } }
    aside { border-left: 1px solid #ccc; padding-left: 1rem; }
    @media (max-width: 1000px) { aside { border-left: none; padding-left: 0; border-top: 1px solid #ccc; } }
    [role='tablist'] { display: flex; gap: 0.25rem; border-bottom: 1px solid #999; margin: 0.5rem 0 0.75rem; flex-wrap: wrap; }
    [role='tab'] { font: inherit; padding: 0.4rem 0.9rem; border: 1px solid #999; border-bottom: none; border-radius: 5px 5px 0 0; background: #f2f2f2; cursor: pointer; color: #1a1a1a; }
    [role='tab'][aria-selected='true'] { background: #fff; font-weight: 600; border-color: #1a5fb4; box-shadow: inset 0 3px 0 #1a5fb4; }
    .exports { display: flex; gap: 0.5rem; align-items: center; justify-content: flex-end; margin-bottom: 0.5rem; }
    dialog { border: 2px solid #1a5fb4; border-radius: 8px; max-width: 32rem; }
    dialog table { border-collapse: collapse; }
    dialog td, dialog th { padding: 0.25rem 0.6rem; text-align: left; }
    kbd { border: 1px solid #999; border-radius: 3px; padding: 0 0.3rem; background: #f4f4f4; font-family: inherit; }
    .skip { position: absolute; left: -9999px; }
    .skip:focus { left: 1rem; top: 0.5rem; background: #fff; padding: 0.3rem; z-index: 10; }
    .sharebox { width: 100%; font: inherit; }
    @media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
  `;

  constructor() {
    super();
    this.state = defaultState();
    this.built = this.state.columns.map(buildColumn);
    this.linkMessage = '';
    this.fileErrors = [];
    this.shareMessage = '';
    this.inputError = '';
  }

  async connectedCallback(): Promise<void> {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('hashchange', this.onHash);
    await this.restoreFromLink();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('hashchange', this.onHash);
  }

  private onHash = () => {
    void (async () => {
      if (location.hash === (await encodeState(this.state))) return;
      await this.restoreFromLink();
    })();
  };

  private async restoreFromLink() {
    const decoded = await decodeState(location.hash);
    if (decoded) {
      if (decoded.problems.length)
        this.linkMessage = t('link.invalid', {
          reason: decoded.problems.join('; '),
          kept: decoded.kept.length ? decoded.kept.join(', ') : t('link.nothingKept'),
        });
      this.state = decoded.state;
    }
    setLang(this.state.lang);
    this.rebuild();
    this.sim.setSpeed(this.state.speed);
    await this.resetRun();
  }

  private rebuild() {
    this.built = this.state.columns.map(buildColumn);
  }

  private columnTitle(i: number): string {
    const b = this.built[i];
    const s = b?.scenario ?? b?.base;
    // The short name: the part before the colon ("Longgang 2021: …").
    return s ? `${i + 1}. ${nameOf(s).split(/[:：]/)[0]}` : t('picker.structure', { n: i + 1 });
  }

  /** Run or pause; a run the estimator calls huge starts only once the user agrees, and one past what a tab holds not at all. */
  private toggleRun() {
    if (this.sim.status !== 'running' && this.sim.day === 0) {
      const est = estimateAppRun(this.built.map((b) => b.scenario), this.state.days);
      this.inputError = est.level === 'refuse' ? est.message : '';
      if (est.level === 'refuse' || (est.level === 'warn' && !confirm(est.message))) return;
    }
    this.sim.toggle();
  }

  private async resetRun() {
    await this.sim.reset(this.built.map((b) => b.scenario), this.state.seed, this.state.days);
  }

  /** Set state (the link follows, see willUpdate). */
  private patchState(patch: Partial<AppState>) {
    this.state = { ...this.state, ...patch };
  }

  /** Keep the link current with the state. */
  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('state')) {
      clearTimeout(this.urlTimer);
      this.urlTimer = setTimeout(async () => history.replaceState(null, '', await encodeState(this.state)), 150);
    }
  }

  private onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const path = e.composedPath();
    const el = path[0] as HTMLElement | undefined;
    const tag = el?.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open && e.key !== '?') return;
    const k = e.key.toLowerCase();
    if (e.key === ' ' && tag !== 'BUTTON' && tag !== 'SUMMARY') {
      e.preventDefault();
      this.toggleRun();
    } else if (k === 's') void this.sim.step();
    else if (k === 'r') void this.resetRun();
    else if (['1', '2', '3', '4'].includes(k)) this.setSpeed(Number(k) - 1);
    else if (e.key === '?') this.toggleHelp();
    else if (k === 'l') this.setLanguage(getLang() === 'en' ? 'zh' : 'en');
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

  private toggleHelp() {
    const d = this.renderRoot.querySelector('dialog')!;
    if (d.open) d.close();
    else d.showModal();
  }

  // -------------------------------------------------------------- structures and parameters

  private setColumn(i: number, spec: AppState['columns'][number]) {
    const columns = [...this.state.columns];
    columns[i] = spec;
    this.patchState({ columns });
    this.built = columns.map(buildColumn);
    const errs = [...this.fileErrors];
    errs[i] = undefined;
    this.fileErrors = errs;
    void this.resetRun();
  }

  private onParamChange(e: CustomEvent<{ path: string; value: unknown }>) {
    const i = this.state.selected;
    const col = this.state.columns[i];
    const changes = { ...col.changes };
    const base = this.built[i].base;
    if (e.detail.value === undefined) delete changes[e.detail.path];
    else changes[e.detail.path] = e.detail.value;
    // A value equal to the structure's own is no change.
    if (base && e.detail.value !== undefined) {
      const same = JSON.stringify(buildColumn({ ...col, changes: { [e.detail.path]: e.detail.value } }).scenario) === JSON.stringify(base);
      if (same) delete changes[e.detail.path];
    }
    const columns = [...this.state.columns];
    columns[i] = { ...col, changes };
    this.patchState({ columns });
    const before = this.built[i].scenario;
    this.rebuild();
    // An invalid value is shown with its problem and runs nothing: the last run stays.
    if (this.built[i].scenario && JSON.stringify(this.built[i].scenario) !== JSON.stringify(before)) void this.resetRun();
  }

  private async onFile(e: CustomEvent<{ index: number; file: File }>) {
    const { index, file } = e.detail;
    const errs = [...this.fileErrors];
    try {
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
    this.rebuild();
    void this.resetRun();
  }

  private removeColumn(i: number) {
    if (this.state.columns.length <= 1) return;
    const columns = this.state.columns.filter((_, k) => k !== i);
    this.patchState({ columns, selected: Math.min(this.state.selected, columns.length - 1) });
    this.fileErrors = this.fileErrors.filter((_, k) => k !== i);
    this.rebuild();
    void this.resetRun();
  }

  private onSeed(v: number) {
    if (!Number.isInteger(v) || v < 0 || v > 2 ** 31) {
      this.inputError = `${t('run.seed')}: 0 – 2147483648`;
      return;
    }
    this.inputError = '';
    this.patchState({ seed: v });
    void this.resetRun();
  }

  private onDays(v: number) {
    if (!(v >= 1 && v <= 3650)) {
      this.inputError = `${t('run.days')}: 1 – 3650`;
      return;
    }
    this.inputError = '';
    this.patchState({ days: Math.round(v) });
    void this.resetRun();
  }

  // -------------------------------------------------------------- sharing and exports

  private async share() {
    const url = `${location.origin}${location.pathname}${await encodeState(this.state)}`;
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
      date: new Date().toISOString(),
      seed: this.state.seed,
      days: this.state.days,
      day: this.sim.day,
      structures: await Promise.all(this.built.map(async (b, i) => ({
        label: this.columnTitle(i), id: b.scenario?.id, changes: this.state.columns[i].changes,
        sha256: b.scenario ? await sha256(b.scenario) : undefined,
      }))),
    };
    const cols = ['day', 'created', 'closed', 'lost', 'open', 'closedInInterval', 'localResolutionShare', 'costYuan', 'trustMean', 'bypassShareInInterval'] as const;
    if (kind === 'json') {
      const data = this.sim.data.map((d, i) => ({
        structure: this.columnTitle(i), summary: this.sim.summaries[i],
        series: d ? Object.fromEntries([...cols.map((c) => [c, d[c]]), ['sla', d.sla], ['utilisationByTier', d.utilisationByTier], ['tiers', d.info.tiers.map((x) => x.id)]]) : null,
      }));
      downloadText(JSON.stringify({ manifest, data }, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2), 'flatgov-run.json', 'application/json');
    } else {
      const lines = [`# flatgov manifest: ${JSON.stringify(manifest)}`, ['structure', ...cols, 'accept30m', 'onsite1h', 'close24h', 'difficult5wd'].join(',')];
      this.sim.data.forEach((d, i) => {
        if (!d) return;
        d.day.forEach((_, k) => lines.push([csvCell(this.columnTitle(i)), ...cols.map((c) => d[c][k]), ...d.sla[k]].map((v) => (typeof v === 'number' && !Number.isFinite(v) ? '' : v)).join(',')));
      });
      downloadText(`${lines.join('\n')}\n`, 'flatgov-run.csv', 'text/csv');
    }
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

  render() {
    const st = this.state;
    const sel = st.selected;
    const b = this.built[sel];
    const invalid = this.built.reduce((a, x) => a + (x.scenario ? 0 : x.problems.length), 0);
    return html`
      <a class="skip" href="#main" @click=${(e: Event) => { e.preventDefault(); this.renderRoot.querySelector<HTMLElement>('#main')?.focus(); }}>${t('app.skip')}</a>
      <header class="top">
        <h1>${t('app.title')}</h1>
        <p class="subtitle">${t('app.subtitle')}</p>
        <button id="lang" lang=${getLang() === 'en' ? 'zh-CN' : 'en'} aria-label=${t('app.languageLabel')} aria-keyshortcuts="L"
          @click=${() => this.setLanguage(getLang() === 'en' ? 'zh' : 'en')}>${t('app.language')}</button>
        <button id="share" @click=${() => this.share()}>${t('app.share')}</button>
        <button id="help" aria-keyshortcuts="?" @click=${() => this.toggleHelp()} aria-label=${t('app.help')}>?</button>
      </header>
      ${this.shareMessage ? html`<div class="banner" role="status"><span>${this.shareMessage}</span><button @click=${() => (this.shareMessage = '')}>${t('link.dismiss')}</button></div>` : ''}
      ${this.linkMessage ? html`<div class="banner" role="alert" id="link-message"><span>${this.linkMessage}</span><button @click=${() => (this.linkMessage = '')}>${t('link.dismiss')}</button></div>` : ''}
      ${this.sim.status === 'error' ? html`<div class="banner error" role="alert">${this.sim.error}</div>` : ''}
      <fg-picker .lang=${st.lang} .columns=${st.columns} .selected=${sel} .errors=${this.fileErrors}
        @column-preset=${(e: CustomEvent<{ index: number; preset: string }>) => e.detail.preset && this.setColumn(e.detail.index, { preset: e.detail.preset, changes: {} })}
        @column-file=${(e: CustomEvent<{ index: number; file: File }>) => this.onFile(e)}
        @column-add=${() => this.addColumn()}
        @column-remove=${(e: CustomEvent<number>) => this.removeColumn(e.detail)}
        @column-select=${(e: CustomEvent<number>) => this.patchState({ selected: e.detail })}></fg-picker>
      <fg-run-controls .lang=${st.lang} .status=${this.sim.status} .day=${this.sim.day} .days=${st.days} .speed=${this.sim.speed} .seed=${st.seed} .invalid=${invalid}
        @run-action=${(e: CustomEvent<string>) => (e.detail === 'toggle' ? this.toggleRun() : e.detail === 'step' ? void this.sim.step() : void this.resetRun())}
        @speed-change=${(e: CustomEvent<number>) => this.setSpeed(e.detail)}
        @seed-change=${(e: CustomEvent<number>) => this.onSeed(e.detail)}
        @days-change=${(e: CustomEvent<number>) => this.onDays(e.detail)}></fg-run-controls>
      ${this.inputError ? html`<div class="banner error" role="alert">${this.inputError}</div>` : ''}
      <div class="layout">
        <main id="main" tabindex="-1">
          <div role="tablist" aria-label=${t('tabs.label')} @keydown=${(e: KeyboardEvent) => this.onTabKey(e)}>
            ${VIEWS.map((v) => html`<button role="tab" id="tab-${v}" aria-selected=${st.view === v} aria-controls="panel" tabindex=${st.view === v ? 0 : -1}
              @click=${() => this.patchState({ view: v })}>${t(VIEW_KEYS[v])}</button>`)}
          </div>
          <section id="panel" role="tabpanel" aria-labelledby="tab-${st.view}">
            ${st.view === 'charts' || st.view === 'structure'
              ? html`<div class="exports"><span>${t('export.title')}:</span>
                  <button id="export-csv" @click=${() => this.exportData('csv')}>${t('export.csv')}</button>
                  <button id="export-json" @click=${() => this.exportData('json')}>${t('export.json')}</button></div>`
              : ''}
            ${this.view()}
          </section>
        </main>
        <aside>
          <fg-params .lang=${st.lang} .base=${b?.base} .scenario=${b?.scenario} .changes=${st.columns[sel]?.changes ?? {}} .problems=${b?.problems ?? []}
            .heading=${t('params.title', { name: this.columnTitle(sel) })}
            @param-change=${(e: CustomEvent<{ path: string; value: unknown }>) => this.onParamChange(e)}
            @param-reset-all=${() => {
              const columns = [...st.columns];
              columns[sel] = { ...columns[sel], changes: {} };
              this.patchState({ columns });
              this.rebuild();
              void this.resetRun();
            }}></fg-params>
        </aside>
      </div>
      ${this.helpDialog()}
    `;
  }

  private view() {
    const st = this.state;
    const titles = st.columns.map((_, i) => this.columnTitle(i));
    switch (st.view) {
      case 'charts':
        return html`<fg-compare .lang=${st.lang} .days=${st.days} .columns=${titles.map((title, i) => ({ title, data: this.sim.data[i] }))}></fg-compare>`;
      case 'structure':
        return html`<fg-structure .lang=${st.lang} .panels=${titles.flatMap((title, i) => (this.sim.data[i] ? [{ title, info: this.sim.data[i]!.info, frame: this.sim.data[i]!.last }] : []))}></fg-structure>`;
      case 'replications':
        return html`<fg-replications .lang=${st.lang} .structures=${titles.map((label, i) => ({ label, scenario: this.built[i].scenario }))}
          .seed=${st.seed} .days=${st.days} .replications=${st.replications}
          @replications-change=${(e: CustomEvent<number>) => Number.isInteger(e.detail) && e.detail >= 2 && e.detail <= 1000 && this.patchState({ replications: e.detail })}></fg-replications>`;
      case 'info':
        return html`<fg-info .lang=${st.lang} .scenarios=${this.built.map((b) => b.scenario ?? b.base).filter((s) => s !== undefined)}></fg-info>`;
    }
  }

  private helpDialog() {
    const rows: [string, MessageKey][] = [
      ['Space', 'help.space'], ['S', 'help.step'], ['R', 'help.reset'], ['1 2 3 4', 'help.speed'], ['C O E I', 'help.views'], ['L', 'help.lang'], ['?', 'help.help'],
    ];
    return html`<dialog aria-labelledby="help-title">
      <h2 id="help-title">${t('help.title')}</h2>
      <table>${rows.map(([k, m]) => html`<tr><td><kbd>${k}</kbd></td><td>${t(m)}</td></tr>`)}</table>
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
