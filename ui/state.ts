/**
 * The app's state, what builds scenarios from it, and its round trip through a shareable
 * link. A link someone edited is read as far as it can be: every part that is valid is
 * kept, and the message says what was not.
 */
import { defaultPreset, presetIds, presets } from 'virtual:scenario-data';
import { setPath } from '../scenarios/path.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { ScenarioProblem } from '../scenarios/validate.ts';
import { LANGS, t, type Lang } from '../render/i18n.ts';
import { formatBytes, formatSeconds } from '../sim/compute-budget.ts';
import { estimateAppRun } from './compute-budget.ts';
import { LINK_VERSION, stateHash } from '../render/link.ts';

export const PRESET_IDS: readonly string[] = presetIds;
export const DEFAULT_PRESET = defaultPreset;

/** A preset as validation gives it (defaults filled), a copy of its own. */
export function presetScenario(id: string): Scenario {
  if (!Object.hasOwn(presets, id)) throw new Error(`unknown preset "${id}": expected one of ${PRESET_IDS.join(', ')}`);
  return structuredClone(presets[id]);
}

/** The validator, loaded when a scenario has to be checked: a change, a link, a file. */
export const loadValidator = (): Promise<typeof import('../scenarios/validate.ts')> => import('../scenarios/validate.ts');

export const VIEWS = ['charts', 'map', 'structure', 'replications', 'decides', 'why', 'discover', 'info'] as const;
export type View = (typeof VIEWS)[number];

/** Days per second for each speed; the last is "as fast as it goes". */
export const SPEEDS = [1, 7, 30, Infinity] as const;

export interface ColumnSpec {
  /** A preset id, or a scenario the user opened. */
  preset?: string;
  custom?: { name: string; json: unknown };
  /** Parts taken from presets ("X's structure with Y's policy"), and posts scaled to a preset's total (ui/terms.ts). */
  parts?: Partial<Record<'resources' | 'policy' | 'calendars', string>>;
  equalPosts?: { preset: string; posts: 'all' | 'city' };
  /** Parameter path → value changed by the user. */
  changes: Record<string, unknown>;
}

export interface AppState {
  columns: ColumnSpec[];
  seed: number;
  days: number;
  view: View;
  lang: Lang;
  speed: number;
  /** The structure whose parameters are shown. */
  selected: number;
  replications: number;
  /** Replications of each of the 16 compositions in "Why do they differ?". */
  whyReplications: number;
}

export const MAX_COLUMNS = 4;

export function defaultState(): AppState {
  return {
    columns: [
      { preset: 'traditional-county', changes: {} },
      { preset: DEFAULT_PRESET, changes: {} },
    ],
    seed: 1,
    days: 365,
    view: 'charts',
    lang: 'en',
    speed: 1,
    selected: 1,
    replications: 10,
    whyReplications: 5,
  };
}

export interface BuiltColumn {
  /** The scenario before the user's changes (defaults filled). */
  base?: Scenario;
  /** The scenario with the changes, if valid. */
  scenario?: Scenario;
  problems: ScenarioProblem[];
}

/**
 * A column whose scenario needs no checking (a preset, unchanged), at once; undefined for one
 * that does (see buildColumn).
 */
export function presetColumn(c: ColumnSpec): BuiltColumn | undefined {
  if (c.custom || c.parts || c.equalPosts || Object.keys(c.changes).length > 0) return undefined;
  const base = presetScenario(c.preset ?? DEFAULT_PRESET);
  return { base, scenario: structuredClone(base), problems: [] };
}

/** The validated scenario of a column, with the user's changes applied. */
export async function buildColumn(c: ColumnSpec): Promise<BuiltColumn> {
  const ready = presetColumn(c);
  if (ready) return ready;
  const { validateScenario } = await loadValidator();
  const own = c.custom ? validateScenario(c.custom.json) : { ok: true as const, scenario: presetScenario(c.preset ?? DEFAULT_PRESET) };
  if (!own.ok) return { problems: own.problems };
  // Parts from presets and equal posts make the structure the user's changes apply to.
  const base = c.parts || c.equalPosts ? (await import('./terms.ts')).termsBase(own.scenario, c, validateScenario) : own;
  if (!base.ok) return { problems: base.problems };
  let s: Scenario = base.scenario;
  const problems: ScenarioProblem[] = [];
  for (const [path, value] of Object.entries(c.changes)) {
    try {
      s = setPath(s, path, value);
    } catch (e) {
      problems.push({ path, message: (e as Error).message });
    }
  }
  if (problems.length) return { base: base.scenario, problems };
  const v = validateScenario(s);
  return v.ok ? { base: base.scenario, scenario: v.scenario, problems: [] } : { base: base.scenario, problems: v.problems };
}

// ------------------------------------------------------------------ links

/** The most a link's state may inflate to: far more than four custom scenarios need. */
export const MAX_LINK_STATE_BYTES = 2 * 2 ** 20;

export class LinkTooLargeError extends Error {}

/** Inflate, stopping as soon as the text passes `max` bytes (a small link can inflate to gigabytes). */
async function inflate(bytes: Uint8Array, max = MAX_LINK_STATE_BYTES): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new LinkTooLargeError();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

function fromBase64Url(s: string): Uint8Array {
  const b = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
}

/** The hash part of a link that restores this state. */
export async function encodeState(s: AppState): Promise<string> {
  return stateHash(s);
}

export interface DecodedState {
  state: AppState;
  /** Names of the parts kept from the link. */
  kept: string[];
  /** What could not be read, if anything. */
  problems: string[];
}

/** The most changes a link may carry for one structure (the parameters panel has about two hundred fields). */
export const MAX_LINK_CHANGES = 300;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * One structure of a link: its preset or custom scenario, and each change that names a
 * parameter of the schema, gives a valid scenario and keeps the run within what a browser
 * tab can hold; the others are listed in `problems`. Changes are applied one at a time to
 * the scenario the earlier ones gave, so a link's cost grows with its changes, not their square.
 */
async function decodeColumn(c: unknown, i: number, days: number, problems: string[]): Promise<ColumnSpec | undefined> {
  const col = c as ColumnSpec;
  const name = `structure ${i + 1}`;
  if (!col || typeof col !== 'object' || (!col.custom && !PRESET_IDS.includes(col.preset ?? ''))) {
    problems.push(`${name}: unknown preset "${String(col?.preset)}"`);
    return undefined;
  }
  const spec: ColumnSpec = { ...(col.custom ? { custom: col.custom } : { preset: col.preset }), changes: {} };
  const base = await buildColumn({ ...spec, changes: {} });
  if (!base.base) {
    problems.push(`${name}: its scenario is not valid`);
    return undefined;
  }
  // Parts and equal posts, kept when they name presets and give a valid structure.
  if (col.parts !== undefined || col.equalPosts !== undefined)
    problems.push(...(await (await import('./terms.ts')).termsOfLink(col, spec, buildColumn)).map((p) => `${name}${p}`));
  const changes = col.changes ?? {};
  if (!isPlainObject(changes)) {
    problems.push(`${name}: changes: expected an object of parameter path → value`);
    return spec;
  }
  const entries = Object.entries(changes);
  if (entries.length > MAX_LINK_CHANGES)
    problems.push(
      `${name}: ${entries.length} changes, more than the ${MAX_LINK_CHANGES} a link may carry; the first ${MAX_LINK_CHANGES} were read`,
    );
  const [{ validateScenario }, { checkParamPath }] = await Promise.all([loadValidator(), import('../scenarios/param-path.ts')]);
  let current: Scenario = base.base;
  for (const [path, value] of entries.slice(0, MAX_LINK_CHANGES)) {
    try {
      checkParamPath(path);
      const v = validateScenario(setPath(current, path, value));
      if (!v.ok) throw new Error(v.problems[0]?.message ?? 'invalid');
      const budget = budgetOfChange(v.scenario, days);
      if (budget.refuse) throw new Error(budget.refuse);
      if (budget.note) problems.push(`${name}, ${path}: ${budget.note}`);
      current = v.scenario;
      spec.changes[path] = value;
    } catch (e) {
      problems.push(`${name}, ${path}: ${(e as Error).message}`);
    }
  }
  // What the app will build from the kept changes (all at once, from the base) must be valid too.
  if (Object.keys(spec.changes).length > 0 && !(await buildColumn(spec)).scenario) {
    problems.push(`${name}: its changes together do not give a valid scenario; none was kept`);
    spec.changes = {};
  }
  return spec;
}

/**
 * What the app's compute budget (ui/compute-budget.ts) says of a run of this scenario: past
 * what a tab holds, the change is refused (the message says why); large, it is kept and
 * `note` says so (the run asks before it starts).
 */
function budgetOfChange(s: Scenario, days: number): { refuse?: string; note?: string } {
  const est = estimateAppRun([s], days);
  const figures = { days, memory: formatBytes(est.bytes), time: formatSeconds(est.seconds) };
  if (est.level === 'refuse') return { refuse: t('link.budgetRefused', figures) };
  if (est.level === 'warn') return { note: t('link.budgetLarge', figures) };
  return {};
}

/** Read a link's hash; what is invalid falls back to the defaults and is listed. */
export async function decodeState(hash: string): Promise<DecodedState | undefined> {
  const m = /^#s=([A-Za-z0-9_-]*)$/.exec(hash);
  const def = defaultState();
  if (!hash || hash === '#') return undefined;
  if (!m) return { state: def, kept: [], problems: ['the part after # is not a flatgov state'] };
  let raw: unknown;
  try {
    raw = JSON.parse(await inflate(fromBase64Url(m[1])));
  } catch (e) {
    if (e instanceof LinkTooLargeError)
      return {
        state: def,
        kept: [],
        problems: [
          `the state in the link is larger than ${MAX_LINK_STATE_BYTES / 2 ** 20} MB unpacked, more than any flatgov state; it was not read`,
        ],
      };
    return { state: def, kept: [], problems: ['the state in the link is damaged (it may have been cut short)'] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { state: def, kept: [], problems: ['the state in the link is not an object'] };
  const r = raw as Record<string, unknown>;
  const kept: string[] = [];
  const problems: string[] = [];
  const state = def;
  if (r.v !== LINK_VERSION)
    problems.push(
      r.v === undefined
        ? `no link version (this app reads ${LINK_VERSION})`
        : `link version ${JSON.stringify(r.v)} (this app reads ${LINK_VERSION})`,
    );
  const take = <K extends keyof AppState>(key: K, ok: (v: unknown) => boolean, what: string) => {
    if (!(key in r)) return;
    if (ok(r[key])) {
      state[key] = r[key] as AppState[K];
      kept.push(key);
    } else problems.push(`${key}: expected ${what}`);
  };
  take('seed', (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 2 ** 31, 'a whole number from 0 to 2147483648');
  take('days', (v) => typeof v === 'number' && v >= 1 && v <= 3650, 'a number of days from 1 to 3650');
  take('view', (v) => VIEWS.includes(v as View), VIEWS.join(', '));
  take('lang', (v) => LANGS.includes(v as Lang), LANGS.join(', '));
  take('speed', (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < SPEEDS.length, `0 to ${SPEEDS.length - 1}`);
  take('replications', (v) => Number.isInteger(v) && (v as number) >= 2 && (v as number) <= 1000, 'a whole number from 2 to 1000');
  take('whyReplications', (v) => Number.isInteger(v) && (v as number) >= 2 && (v as number) <= 1000, 'a whole number from 2 to 1000');
  if ('columns' in r) {
    const cols = Array.isArray(r.columns) ? r.columns : [];
    const good: ColumnSpec[] = [];
    for (const [i, c] of cols.slice(0, MAX_COLUMNS).entries()) {
      const spec = await decodeColumn(c, i, state.days, problems);
      if (spec) good.push(spec);
    }
    if (good.length > 0) {
      state.columns = good;
      kept.push('columns');
    } else problems.push('no valid structure');
  }
  if ('selected' in r && Number.isInteger(r.selected) && (r.selected as number) >= 0 && (r.selected as number) < state.columns.length) {
    state.selected = r.selected as number;
    kept.push('selected');
  } else state.selected = Math.min(state.selected, state.columns.length - 1);
  return { state, kept, problems };
}
