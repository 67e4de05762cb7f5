import { LitElement, css, html } from 'lit';
import { getPath } from '../../scenarios/path.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import type { ScenarioProblem } from '../../scenarios/validate.ts';
import { SHOCK_KINDS, type ShockKind } from '../../scenarios/shocks.ts';
import { fmt, t, unitName } from '../i18n.ts';
import { labelOf, paramSections, type ParamField } from '../params.ts';

/** Default start day of a named shock switched on from the panel. */
export const SHOCK_START_DAY = 60;

/**
 * The parameters of one structure, as controls generated from the schema: unit, range and
 * description come from it. Changed values are marked and can be reset one by one or all.
 *
 * @fires param-change - detail { path, value } (value undefined: reset to the structure's own)
 * @fires param-reset-all
 */
export class FgParams extends LitElement {
  static properties = {
    /** The language: a change re-renders the strings. */
    lang: { type: String },
    base: { attribute: false },
    scenario: { attribute: false },
    changes: { attribute: false },
    problems: { attribute: false },
    heading: { type: String },
  };
  declare base: Scenario | undefined;
  declare scenario: Scenario | undefined;
  declare changes: Record<string, unknown>;
  declare problems: ScenarioProblem[];
  declare heading: string;

  static styles = css`
    :host { display: block; font-size: 0.9rem; }
    h2 { font-size: 1rem; margin: 0 0 0.5rem; }
    details { border-top: 1px solid #ccc; padding: 0.4rem 0; }
    summary { font-weight: 600; cursor: pointer; padding: 0.2rem 0; }
    summary:focus-visible, input:focus-visible, button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 1px; }
    .field { display: grid; grid-template-columns: 1fr auto; gap: 0.1rem 0.5rem; align-items: center; padding: 0.3rem 0; }
    .field.changed { background: #fff6d6; box-shadow: -4px 0 0 #c58a00; }
    label { line-height: 1.25; }
    .help { grid-column: 1 / -1; color: #444; font-size: 0.78rem; }
    .value { display: flex; gap: 0.3rem; align-items: center; }
    input[type='number'] { width: 6.5rem; font: inherit; padding: 0.15rem 0.25rem; }
    input[type='range'] { width: 9rem; }
    .unit { color: #333; font-size: 0.8rem; min-width: 2.5rem; }
    button { font: inherit; font-size: 0.78rem; padding: 0.1rem 0.4rem; border: 1px solid #767676; background: #fff; border-radius: 3px; cursor: pointer; color: #1a1a1a; }
    .mark { color: #7a5200; font-size: 0.75rem; font-weight: 600; }
    .problems { color: #a00; background: #fdecec; padding: 0.4rem; border-radius: 4px; margin: 0.4rem 0; }
    .resetall { margin: 0.3rem 0 0.6rem; }
  `;

  constructor() {
    super();
    this.changes = {};
    this.problems = [];
    this.heading = '';
  }

  private emit(path: string, value: unknown) {
    this.dispatchEvent(new CustomEvent('param-change', { detail: { path, value }, bubbles: true, composed: true }));
  }

  private baseValue(path: string): unknown {
    try {
      return this.base ? getPath(this.base, path) : undefined;
    } catch {
      return undefined;
    }
  }

  private shockOn(kind: ShockKind): boolean {
    return (this.scenario?.shocks ?? []).some((s) => s.kind === kind);
  }

  private toggleShock(kind: ShockKind, on: boolean) {
    const current = (this.changes.shocks as { kind?: string }[] | undefined) ?? this.base?.shocks ?? [];
    const rest = current.filter((s) => s.kind !== kind);
    this.emit('shocks', on ? [...rest, { kind, startDay: SHOCK_START_DAY }] : rest);
  }

  render() {
    const s = this.scenario ?? this.base;
    if (!s) return html`<p class="problems">${this.problems.map((p) => t('params.invalid', { path: p.path, message: p.message }))}</p>`;
    const changed = Object.keys(this.changes);
    return html`
      <h2>${this.heading}</h2>
      ${this.problems.length
        ? html`<div class="problems" role="alert">${this.problems.map((p) => html`<div>${t('params.invalid', { path: p.path, message: p.message })}</div>`)}</div>`
        : ''}
      ${changed.length
        ? html`<button class="resetall" @click=${() => this.dispatchEvent(new CustomEvent('param-reset-all', { bubbles: true, composed: true }))}>${t('params.resetAll')} (${changed.length})</button>`
        : ''}
      ${paramSections(s).map((sec) => html`
        <details ?open=${sec.open}>
          <summary>${labelOf(sec.title)}</summary>
          ${sec.fields.map((f) => this.control(s, f))}
        </details>`)}
      <details open>
        <summary>${t('params.shocks')}</summary>
        ${SHOCK_KINDS.map((k) => {
          const on = this.shockOn(k);
          const isChanged = 'shocks' in this.changes && on !== (this.base?.shocks ?? []).some((x) => x.kind === k);
          return html`<div class="field ${isChanged ? 'changed' : ''}">
            <label for="shock-${k}">${t(`shock.${k}`, { day: SHOCK_START_DAY })}</label>
            <div class="value"><input id="shock-${k}" type="checkbox" .checked=${on} @change=${(e: Event) => this.toggleShock(k, (e.target as HTMLInputElement).checked)} /></div>
          </div>`;
        })}
      </details>
    `;
  }

  private control(s: Scenario, f: ParamField) {
    const id = `p-${f.path.replace(/[^a-z0-9]/gi, '-')}`;
    const value = getPath(s, f.path);
    const isChanged = f.path in this.changes;
    const base = this.baseValue(f.path);
    const label = labelOf(f.label);
    const shown = (v: unknown) => (typeof v === 'boolean' ? (v ? '✓' : '✗') : typeof v === 'number' ? (f.percent ? `${fmt(100 * v, 0)}%` : fmt(v, Number.isInteger(v) ? 0 : 2)) : String(v));
    const reset = isChanged
      ? html`<button @click=${() => this.emit(f.path, undefined)} aria-label=${t('params.resetLabel', { name: label, value: shown(base) })}>${t('params.reset')}</button>`
      : '';
    const helpId = `${id}-help`;
    const help = f.help ? html`<div class="help" id=${helpId}>${labelOf(f.help)} ${f.kind !== 'switch' ? `(${t('params.range', { min: f.percent ? `${fmt(100 * f.min)}%` : fmt(f.min, 2), max: f.percent ? `${fmt(100 * f.max)}%` : fmt(f.max, 2) })})` : ''}</div>` : '';
    const mark = isChanged ? html`<span class="mark">${t('params.changed')}</span>` : '';
    if (f.kind === 'switch')
      return html`<div class="field ${isChanged ? 'changed' : ''}">
        <label for=${id}>${label} ${mark}</label>
        <div class="value"><input id=${id} type="checkbox" .checked=${Boolean(value)} aria-describedby=${helpId}
          @change=${(e: Event) => this.emit(f.path, (e.target as HTMLInputElement).checked)} />${reset}</div>
        ${help}
      </div>`;
    const num = Number(value);
    const onInput = (e: Event) => {
      const raw = (e.target as HTMLInputElement).value;
      const v = f.percent && f.kind === 'number' ? Number(raw) / 100 : Number(raw);
      if (raw !== '' && Number.isFinite(v)) this.emit(f.path, v);
    };
    return html`<div class="field ${isChanged ? 'changed' : ''}">
      <label for=${id}>${label} ${mark}</label>
      <div class="value">
        ${f.kind === 'slider'
          ? html`<input id=${id} type="range" min=${f.min} max=${f.max} step=${f.step} .value=${String(num)} aria-describedby=${helpId}
              aria-valuetext=${`${fmt(100 * num, 0)}%`} @change=${onInput} /><span class="unit">${fmt(100 * num, 0)}%</span>`
          : html`<input id=${id} type="number" min=${f.min} max=${f.max} step=${f.step} .value=${String(num)} aria-describedby=${helpId}
              @change=${onInput} /><span class="unit">${unitName(f.unit)}</span>`}
        ${reset}
      </div>
      ${help}
    </div>`;
  }
}

customElements.define('fg-params', FgParams);

declare global {
  interface HTMLElementTagNameMap {
    'fg-params': FgParams;
  }
}

