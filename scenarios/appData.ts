/**
 * What the app's first screen needs from the scenario schema, as plain data: each number's
 * and switch's range, unit and description, and the presets with their defaults filled.
 * Derived from the schema when the app is built (tools/scenario-data-plugin.ts), so the page
 * shows its controls without loading the validator, which it loads when a scenario has to
 * be checked (a change, a link, a file).
 */
import type { z } from 'zod';
import { loadPreset, REFORM_PRESET_IDS, DEFAULT_PRESET } from './presets.ts';
import type { Scenario } from './schema.ts';
import { metaAt, schemaAt } from './validate.ts';

/** A number or a switch of the schema. */
export interface FieldInfo {
  type: 'number' | 'boolean';
  min?: number;
  max?: number;
  int?: boolean;
  unit?: string;
  description?: string;
  descriptionZh?: string;
}

export interface AppScenarioData {
  /** By path, list items written `[]` (`levels[].units`), record entries `.*`. */
  fields: Record<string, FieldInfo>;
  presetIds: string[];
  defaultPreset: string;
  /** Each preset as validation returns it (defaults filled). */
  presets: Record<string, Scenario>;
}

type Node = z.ZodType & {
  def: { type: string; shape?: Record<string, Node>; element?: Node; valueType?: Node };
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
};

function collect(keys: PropertyKey[], items: boolean[], out: Record<string, FieldInfo>): void {
  const node = schemaAt(keys) as Node | undefined;
  const type = node?.def.type;
  const key = () => keys.reduce<string>((out, k, i) => out + (items[i] ? '[]' : out ? `.${String(k)}` : String(k)), '');
  if (type === 'number' || type === 'boolean') {
    const meta = metaAt(keys);
    const info: FieldInfo = { type };
    if (type === 'number') {
      if (Number.isFinite(node!.minValue)) info.min = node!.minValue!;
      if (Number.isFinite(node!.maxValue)) info.max = node!.maxValue!;
      if (node!.isInt) info.int = true;
    }
    if (meta?.unit) info.unit = meta.unit;
    if (meta?.description) info.description = meta.description;
    if (meta?.descriptionZh) info.descriptionZh = meta.descriptionZh;
    out[key()] = info;
  } else if (type === 'object') {
    for (const k of Object.keys(node!.def.shape!)) collect([...keys, k], [...items, false], out);
  } else if (type === 'array') {
    collect([...keys, 0], [...items, true], out);
  } else if (type === 'record') {
    collect([...keys, '*'], [...items, false], out);
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  return (
    ka.length === Object.keys(b).length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

export function appScenarioData(): AppScenarioData {
  const fields: Record<string, FieldInfo> = {};
  collect([], [], fields);
  // The app offers the presets of Longgang's reform and its comparators. The other cities'
  // presets (the patterns of docs/validation.md) are for the command line and the library;
  // shipped here they would take the first screen past its budget (test/app-ui.test.ts).
  const ids = REFORM_PRESET_IDS;
  const presets = Object.fromEntries(ids.map((id) => [id, loadPreset(id)]));
  // Shipped as JSON: a value JSON cannot hold (undefined, Infinity) would differ in the app.
  for (const id of ids)
    if (!sameJson(presets[id], JSON.parse(JSON.stringify(presets[id])))) throw new Error(`preset ${id} does not survive JSON`);
  return { fields, presetIds: [...ids], defaultPreset: DEFAULT_PRESET, presets };
}
