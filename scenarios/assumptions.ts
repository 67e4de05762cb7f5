/**
 * The assumptions: every scenario parameter no source gives, with the plausible range its
 * schema entry states (`assumption` in the field's metadata, scenarios/schema.ts). This is
 * what uncertainty and sensitivity analysis vary.
 *
 * An assumption is one number, applied everywhere its field occurs (every level, every
 * organ, the centre and the hotline when they share it) and to every structure compared,
 * so that comparisons stay paired: with `scale`, the number multiplies each place's own
 * value (keeping the differences the presets document); without, it replaces it.
 */
import { scenarioJsonSchema } from './jsonSchema.ts';
import type { AssumptionRange, Scenario } from './schema.ts';

export interface Assumption {
  /** The factor's name, or the field's path with `[]` for every element of a list. */
  id: string;
  /** Where it applies: paths whose `[]` segments stand for every element. */
  paths: string[][];
  range: [number, number];
  scale: boolean;
  /** Unit of the range: the field's unit, or × for a multiplier. */
  unit: string;
  /** The field's own unit. */
  fieldUnit: string;
  description: string;
  descriptionZh?: string;
  reasoning: string;
  /** The field's bounds, to which applied values are clamped. */
  min: number;
  max: number;
  int: boolean;
}

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let cache: Assumption[] | undefined;

/** A path as text, `[]` standing for every element: `levels[].forward.infoKept`. */
export function pathText(path: readonly string[]): string {
  return path.join('.').replace(/\.\[\]/g, '[]');
}

/** Every assumption, in schema order. */
export function assumptions(): Assumption[] {
  if (cache) return cache;
  const byId = new Map<string, Assumption>();
  const walk = (n: Node, path: string[]) => {
    const a = n.assumption as AssumptionRange | undefined;
    if (a && (n.type === 'number' || n.type === 'integer')) {
      const id = a.factor ?? pathText(path);
      const known = byId.get(id);
      if (known) known.paths.push(path);
      else
        byId.set(id, {
          id,
          paths: [path],
          range: [a.range[0], a.range[1]],
          scale: a.scale === true,
          unit: a.scale ? '×' : (n.unit ?? ''),
          fieldUnit: n.unit ?? '',
          description: String(n.description ?? '').replace(/\s*ASSUMPTION.*$/s, ''),
          ...(n.descriptionZh ? { descriptionZh: String(n.descriptionZh) } : {}),
          reasoning: a.reasoning,
          min: n.minimum ?? -Infinity,
          max: n.maximum ?? Infinity,
          int: n.type === 'integer',
        });
      return;
    }
    const inner: Node[] = n.anyOf ?? [n];
    for (const m of inner) {
      if (m.properties) for (const [k, v] of Object.entries<Node>(m.properties)) walk(v, [...path, k]);
      if (m.type === 'array' && m.items) walk(m.items, [...path, '[]']);
    }
  };
  walk(scenarioJsonSchema(), []);
  cache = [...byId.values()];
  return cache;
}

export class AssumptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssumptionError';
  }
}

/** The assumptions named, in the order given; an unknown name is an error that lists the known ones. */
export function assumptionsByIds(ids: readonly string[]): Assumption[] {
  const all = new Map(assumptions().map((a) => [a.id, a]));
  return ids.map((id, i) => {
    const a = all.get(id);
    if (!a) throw new AssumptionError(`assumptions[${i}]: expected an assumption id (${[...all.keys()].join(', ')}), got "${id}"`);
    return a;
  });
}

/** The value at position u ∈ [0, 1] of an assumption's range (uniform). */
export function valueAt(a: Assumption, u: number): number {
  return a.range[0] + (a.range[1] - a.range[0]) * u;
}

/** The value that leaves a scenario as it is: 1 for a multiplier, undefined for a replacement. */
export function neutralValue(a: Assumption): number | undefined {
  return a.scale ? 1 : undefined;
}

/**
 * The scenario with the assumptions set to the values given (a multiplier for `scale`
 * assumptions, the value itself otherwise), clamped to each field's bounds and rounded
 * where the field takes whole numbers. Assumptions not named keep the scenario's values.
 * The result is not validated: the caller validates it.
 */
export function applyAssumptions(s: Scenario, values: Readonly<Record<string, number>>): Scenario {
  const out = structuredClone(s) as unknown as Record<string, unknown>;
  const list = assumptionsByIds(Object.keys(values));
  for (const a of list) {
    const v = values[a.id];
    if (!Number.isFinite(v)) throw new AssumptionError(`${a.id}: expected a finite number, got ${v}`);
    const set = (obj: Record<string, unknown>, key: string) => {
      const old = obj[key];
      if (typeof old !== 'number') return;
      let x = a.scale ? old * v : v;
      x = Math.min(a.max, Math.max(a.min, x));
      obj[key] = a.int ? Math.round(x) : x;
    };
    for (const p of a.paths) visit(out, p, 0, set);
  }
  return out as unknown as Scenario;
}

function visit(node: unknown, path: string[], i: number, set: (obj: Record<string, unknown>, key: string) => void): void {
  if (node === null || typeof node !== 'object') return;
  const seg = path[i];
  if (seg === '[]') {
    if (Array.isArray(node)) for (const el of node) visit(el, path, i + 1, set);
    return;
  }
  const obj = node as Record<string, unknown>;
  if (!Object.hasOwn(obj, seg)) return;
  if (i === path.length - 1) set(obj, seg);
  else visit(obj[seg], path, i + 1, set);
}
