/**
 * The preset scenarios, embedded so the CLI, the tests and the app can load them by id.
 */
import longgangTown2018 from './presets/longgang-town-2018.json' with { type: 'json' };
import longgang2019 from './presets/longgang-2019.json' with { type: 'json' };
import longgang2020 from './presets/longgang-2020.json' with { type: 'json' };
import longgang2021 from './presets/longgang-2021.json' with { type: 'json' };
import proposal3 from './presets/proposal-3.json' with { type: 'json' };
import traditionalCounty from './presets/traditional-county.json' with { type: 'json' };
import type { Scenario } from './schema.ts';
import { parseScenario } from './validate.ts';

const raw: Record<string, unknown> = {
  'longgang-town-2018': longgangTown2018,
  'traditional-county': traditionalCounty,
  'longgang-2019': longgang2019,
  'longgang-2020': longgang2020,
  'longgang-2021': longgang2021,
  'proposal-3': proposal3,
};

export const PRESET_IDS = Object.keys(raw);
export const DEFAULT_PRESET = 'longgang-2021';

export function presetJson(id: string): unknown {
  const r = Object.hasOwn(raw, id) ? raw[id] : undefined;
  if (!r) throw new Error(`unknown preset "${id}": expected one of ${PRESET_IDS.join(', ')}`);
  return structuredClone(r);
}

/** A validated preset with its defaults filled. */
export function loadPreset(id: string): Scenario {
  return parseScenario(presetJson(id), `preset ${id}`);
}
