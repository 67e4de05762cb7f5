/**
 * The preset scenarios, embedded so the CLI, the tests and the app can load them by id.
 */
import longgang2021 from './presets/longgang-2021.json' with { type: 'json' };
import type { Scenario } from './schema.ts';
import { parseScenario } from './validate.ts';

const raw: Record<string, unknown> = {
  'longgang-2021': longgang2021,
};

export const PRESET_IDS = Object.keys(raw);
export const DEFAULT_PRESET = 'longgang-2021';

export function presetJson(id: string): unknown {
  const r = raw[id];
  if (!r) throw new Error(`unknown preset "${id}": expected one of ${PRESET_IDS.join(', ')}`);
  return structuredClone(r);
}

/** A validated preset with its defaults filled. */
export function loadPreset(id: string): Scenario {
  return parseScenario(presetJson(id), `preset ${id}`);
}
