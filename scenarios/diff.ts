/**
 * Differences between two scenarios, parameter by parameter, with units. Arrays of things
 * with ids (levels, departments, domains) are matched by id, so inserting a level does not
 * make every later one differ.
 */
import type { Scenario } from './schema.ts';
import { metaAt } from './validate.ts';

export interface ParamDiff {
  /** Readable path, e.g. `levels[community].units`. */
  path: string;
  a: unknown;
  b: unknown;
  unit?: string;
}

const SKIP = new Set(['sources', 'assumptions', 'description', 'notes', 'name', 'nameZh']);

function flatten(v: unknown, path: (string | number)[], out: Map<string, { value: unknown; path: (string | number)[] }>) {
  if (Array.isArray(v) && v.every((x) => x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string')) {
    for (const x of v) flatten(x, [...path, (x as { id: string }).id], out);
    return;
  }
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) if (!(path.length === 0 && SKIP.has(k))) flatten(x, [...path, k], out);
    return;
  }
  out.set(readable(path), { value: v, path });
}

function readable(path: (string | number)[]): string {
  return path.reduce<string>((s, k, i) => {
    const isId = i > 0 && ['levels', 'departments', 'domains', 'shocks'].includes(String(path[i - 1]));
    return isId ? `${s}[${k}]` : s ? `${s}.${k}` : String(k);
  }, '');
}

export function diffScenarios(a: Scenario, b: Scenario): ParamDiff[] {
  const fa = new Map<string, { value: unknown; path: (string | number)[] }>();
  const fb = new Map<string, { value: unknown; path: (string | number)[] }>();
  flatten(a, [], fa);
  flatten(b, [], fb);
  const keys = [...new Set([...fa.keys(), ...fb.keys()])];
  const out: ParamDiff[] = [];
  // A level, department, domain or shock on one side only is one difference, not one per field.
  const whole = new Set<string>();
  for (const list of ['levels', 'departments', 'domains', 'shocks'] as const) {
    const ia = new Set(a[list].map((x) => ('id' in x ? x.id : x.name)));
    const ib = new Set(b[list].map((x) => ('id' in x ? x.id : x.name)));
    for (const id of new Set([...ia, ...ib]))
      if (ia.has(id) !== ib.has(id)) {
        whole.add(`${list}[${id}]`);
        out.push({ path: `${list}[${id}]`, a: ia.has(id) ? 'present' : undefined, b: ib.has(id) ? 'present' : undefined });
      }
  }
  for (const k of keys) {
    if (whole.has(k.slice(0, k.indexOf(']') + 1))) continue;
    const x = fa.get(k);
    const y = fb.get(k);
    if (JSON.stringify(x?.value) === JSON.stringify(y?.value)) continue;
    const path = (x ?? y)!.path;
    out.push({ path: k, a: x?.value, b: y?.value, unit: metaAt(path)?.unit || undefined });
  }
  return out;
}
