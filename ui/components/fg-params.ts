import { LitElement, css, html } from 'lit';
import { live } from 'lit/directives/live.js';
import { getPath } from '../../scenarios/path.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import type { ScenarioProblem } from '../../scenarios/validate.ts';
import { SHOCK_KINDS, type ShockKind } from '../../scenarios/shocks.ts';
import { fmt, t, unitName } from '../../render/i18n.ts';
import { DEMAND_PATHS, indexPath, labelOf, paramSections, readableSources, shownValue, type ParamField } from '../params.ts';

/** Default start day of a named shock switched on from the panel. */
export const SHOCK_START_DAY = 60;

/**
 * The parameters of one structure, as controls generated from the schema: unit, range and
 * description come from it. Changed values are marked and can be reset one by one or all.
 *
 * @fires param-change - detail { path, value } (value undefined: reset to the structure's own)
 * @fires param-reset-all
 * @fires param-apply-all - detail { paths }: copy these values to every other structure
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
    columnCount: { type: Number },
    entryErrors: { state: true },
  };
  declare lang: string;
  /** The structure before the user's changes (its own values, to compare and reset to). */
  declare base: Scenario | undefined;
  /** The structure with the changes, if they are valid. */
  declare scenario: Scenario | undefined;
  /** Path → value changed by the user. */
  declare changes: Record<string, unknown>;
  /** What is wrong with the changes, each shown at its field. */
  declare problems: ScenarioProblem[];
  /** The panel's heading (which structure it is). */
  declare heading: string;
  /** Structures compared: with more than one, demand and shocks can be applied to all. */
  declare columnCount: number;
  /** Entries that are not numbers, by path: the field shows the state's value again and says so. */
  declare entryErrors: Record<string, string>;

  static styles = css`
    :host {
      display: block;
      font-size: 0.9rem;
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 0.5rem;
    }
    details {
      border-top: 1px solid #ccc;
      padding: 0.4rem 0;
    }
    summary {
      font-weight: 600;
      cursor: pointer;
      padding: 0.2rem 0;
    }
    summary:focus-visible,
    input:focus-visible,
    button:focus-visible {
      outline: 3px solid #1a5fb4;
      outline-offset: 1px;
    }
    .field {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.1rem 0.5rem;
      align-items: center;
      padding: 0.3rem 0;
    }
    .field.changed {
      background: #fff6d6;
      box-shadow: -4px 0 0 #c58a00;
    }
    label {
      line-height: 1.25;
    }
    .help {
      grid-column: 1 / -1;
      color: #444;
      font-size: 0.78rem;
    }
    .value {
      display: flex;
      gap: 0.3rem;
      align-items: center;
    }
    input[type='number'] {
      width: 6.5rem;
      font: inherit;
      padding: 0.15rem 0.25rem;
    }
    input[type='range'] {
      width: 9rem;
    }
    .unit {
      color: #333;
      font-size: 0.8rem;
      min-width: 2.5rem;
    }
    button {
      font: inherit;
      font-size: 0.78rem;
      padding: 0.1rem 0.4rem;
      border: 1px solid #767676;
      background: #fff;
      border-radius: 3px;
      cursor: pointer;
      color: #1a1a1a;
    }
    .mark {
      color: #7a5200;
      font-size: 0.75rem;
      font-weight: 600;
    }
    .problems {
      color: #a00;
      background: #fdecec;
      padding: 0.4rem;
      border-radius: 4px;
      margin: 0.4rem 0;
    }
    .resetall {
      margin: 0.3rem 0 0.6rem;
    }
    .applyall {
      margin: 0.2rem 0 0.4rem;
    }
    .field-error {
      grid-column: 1 / -1;
      color: #a00;
      font-size: 0.82rem;
      font-weight: 600;
    }
    .field.invalid {
      background: #fdecec;
      box-shadow: -4px 0 0 #a00;
    }
    input[aria-invalid='true'] {
      border: 2px solid #a00;
    }
  `;

  constructor() {
    super();
    this.changes = {};
    this.problems = [];
    this.heading = '';
    this.columnCount = 1;
    this.entryErrors = {};
  }

  /** Problems of the current values, by the path of the control they belong to. */
  private problemsByField(fields: ParamField[]): { byPath: Map<string, string[]>; rest: ScenarioProblem[] } {
    const byPath = new Map<string, string[]>();
    const rest: ScenarioProblem[] = [];
    const keys = new Map<string, string>();
    for (const f of fields) {
      keys.set(f.path, f.path);
      if (this.base) keys.set(indexPath(this.base, f.path), f.path);
    }
    for (const p of this.problems) {
      const path = keys.get(p.path);
      if (path) byPath.set(path, [...(byPath.get(path) ?? []), p.message]);
      else rest.push(p);
    }
    return { byPath, rest };
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
    const sections = paramSections(this.base ?? s);
    const { byPath, rest } = this.problemsByField(sections.flatMap((x) => x.fields));
    const applyAll = (paths: string[], id: string) =>
      this.columnCount > 1
        ? html`<button
            class="applyall"
            id=${id}
            @click=${() => this.dispatchEvent(new CustomEvent('param-apply-all', { detail: { paths }, bubbles: true, composed: true }))}
          >
            ${t('params.applyAll')}
          </button>`
        : '';
    return html`
      <h2>${this.heading}</h2>
      ${
        rest.length
          ? html`<div class="problems" role="alert">
              ${rest.map((p) => html`<div>${t('params.invalid', { path: p.path === 'shocks' || p.path.startsWith('shocks') ? t('params.shocks') : p.path, message: p.message })}</div>`)}
            </div>`
          : ''
      }
      ${
        changed.length
          ? html`<button
              class="resetall"
              @click=${() => this.dispatchEvent(new CustomEvent('param-reset-all', { bubbles: true, composed: true }))}
            >
              ${t('params.resetAll')} (${changed.length})
            </button>`
          : ''
      }
      ${sections.map(
        (sec) =>
          html` <details ?open=${sec.open}>
            <summary>${labelOf(sec.title)}</summary>
            ${sec.id === 'demand' ? applyAll(DEMAND_PATHS, 'apply-demand') : ''}
            ${sec.fields.map((f) => this.control(s, f, byPath.get(f.path) ?? []))}
          </details>`,
      )}
      <details open>
        <summary>${t('params.shocks')}</summary>
        ${applyAll(['shocks'], 'apply-shocks')}
        ${SHOCK_KINDS.map((k) => {
          const on = this.shockOn(k);
          const isChanged = 'shocks' in this.changes && on !== (this.base?.shocks ?? []).some((x) => x.kind === k);
          return html`<div class="field ${isChanged ? 'changed' : ''}">
            <label for="shock-${k}">${t(`shock.${k}`, { day: SHOCK_START_DAY })}</label>
            <div class="value">
              <input
                id="shock-${k}"
                type="checkbox"
                .checked=${live(on)}
                @change=${(e: Event) => this.toggleShock(k, (e.target as HTMLInputElement).checked)}
              />
            </div>
          </div>`;
        })}
      </details>
    `;
  }

  private control(s: Scenario, f: ParamField, problems: string[]) {
    const id = `p-${f.path.replace(/[^a-z0-9]/gi, '-')}`;
    const isChanged = f.path in this.changes;
    // The field shows what the state holds: a changed value even when it is not valid.
    const value = isChanged ? this.changes[f.path] : getPath(s, f.path);
    const base = this.baseValue(f.path);
    const label = labelOf(f.label);
    const shown = (v: unknown) => shownValue(f, v, unitName, fmt);
    const reset = isChanged
      ? html`<button @click=${() => this.resetField(f.path)} aria-label=${t('params.resetLabel', { name: label, value: shown(base) })}>
          ${t('params.reset')}
        </button>`
      : '';
    const helpId = `${id}-help`;
    const errId = `${id}-error`;
    const digits = f.step >= 1 ? 0 : 2;
    const range =
      f.kind !== 'switch'
        ? `(${t('params.range', { min: f.percent ? `${fmt(100 * f.min)}%` : fmt(f.min, Number.isInteger(f.min) ? 0 : digits), max: f.percent ? `${fmt(100 * f.max)}%` : fmt(f.max, Number.isInteger(f.max) ? 0 : digits) })})`
        : '';
    const help = f.help
      ? html`<div class="help" id=${helpId}>${readableSources(labelOf(f.help))} ${range}</div>`
      : html`<div class="help" id=${helpId}>${range}</div>`;
    const mark = isChanged ? html`<span class="mark">${t('params.changed')}</span>` : '';
    const errors = [
      ...problems.map((m) => t('params.fieldProblem', { label, message: m })),
      ...(this.entryErrors[f.path] ? [this.entryErrors[f.path]] : []),
    ];
    const err = errors.length ? html`<div class="field-error" id=${errId} role="alert">${errors.join(' ')}</div>` : '';
    const describedBy = errors.length ? `${errId} ${helpId}` : helpId;
    if (f.kind === 'switch')
      return html`<div class="field ${isChanged ? 'changed' : ''}">
        <label for=${id}>${label} ${mark}</label>
        <div class="value">
          <input
            id=${id}
            type="checkbox"
            .checked=${live(Boolean(value))}
            aria-describedby=${describedBy}
            @change=${(e: Event) => this.emit(f.path, (e.target as HTMLInputElement).checked)}
          />${reset}
        </div>
        ${err}${help}
      </div>`;
    const num = typeof value === 'number' ? value : Number(value);
    const display = Number.isFinite(num) ? String(f.percent && f.kind === 'number' ? 100 * num : num) : String(value);
    const onInput = (e: Event) => {
      const input = e.target as HTMLInputElement;
      const raw = input.value.trim();
      const v = f.percent && f.kind === 'number' ? Number(raw) / 100 : Number(raw);
      if (raw === '' || !Number.isFinite(v)) {
        // Not a number: the state keeps its value, the field shows it again, and says why.
        this.entryErrors = { ...this.entryErrors, [f.path]: t('params.notNumber', { label, kept: shown(value) }) };
        input.value = display;
        return;
      }
      if (this.entryErrors[f.path]) {
        const { [f.path]: _drop, ...others } = this.entryErrors;
        this.entryErrors = others;
      }
      this.emit(f.path, v);
    };
    return html`<div class="field ${isChanged ? 'changed' : ''} ${errors.length ? 'invalid' : ''}">
      <label for=${id}>${label} ${mark}</label>
      <div class="value">
        ${
          f.kind === 'slider'
            ? html`<input
                  id=${id}
                  type="range"
                  min=${f.min}
                  max=${f.max}
                  step=${f.step}
                  .value=${live(String(num))}
                  aria-describedby=${describedBy}
                  aria-valuetext=${`${fmt(100 * num, 0)}%`}
                  @change=${onInput}
                /><span class="unit">${fmt(100 * num, 0)}%</span>`
            : html`<input
                  id=${id}
                  type="number"
                  min=${f.min}
                  max=${f.max}
                  step=${f.step}
                  .value=${live(display)}
                  aria-describedby=${describedBy}
                  aria-invalid=${problems.length ? 'true' : 'false'}
                  @change=${onInput}
                /><span class="unit">${unitName(f.unit)}</span>`
        }
        ${reset}
      </div>
      ${err}${help}
    </div>`;
  }

  private resetField(path: string) {
    if (this.entryErrors[path]) {
      const { [path]: _drop, ...others } = this.entryErrors;
      this.entryErrors = others;
    }
    this.emit(path, undefined);
  }
}

customElements.define('fg-params', FgParams);

declare global {
  interface HTMLElementTagNameMap {
    'fg-params': FgParams;
  }
}
