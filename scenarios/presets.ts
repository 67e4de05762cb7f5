/**
 * The preset scenarios, embedded so the CLI, the tests and the app can load them by id.
 */
import longgangTown2018 from './presets/longgang-town-2018.json' with { type: 'json' };
import longgang2019 from './presets/longgang-2019.json' with { type: 'json' };
import longgang2020 from './presets/longgang-2020.json' with { type: 'json' };
import longgang2021 from './presets/longgang-2021.json' with { type: 'json' };
import proposal3 from './presets/proposal-3.json' with { type: 'json' };
import traditionalCounty from './presets/traditional-county.json' with { type: 'json' };
import dongcheng2003 from './presets/dongcheng-2003.json' with { type: 'json' };
import dongcheng2005 from './presets/dongcheng-2005.json' with { type: 'json' };
import beijing12345_2018 from './presets/beijing-12345-2018.json' with { type: 'json' };
import beijing12345_2019 from './presets/beijing-12345-2019.json' with { type: 'json' };
import tongling2009 from './presets/tongling-2009.json' with { type: 'json' };
import tongling2010 from './presets/tongling-2010.json' with { type: 'json' };
import type { Scenario } from './schema.ts';
import { parseScenario } from './validate.ts';

const raw: Record<string, unknown> = {
  'longgang-town-2018': longgangTown2018,
  'traditional-county': traditionalCounty,
  'longgang-2019': longgang2019,
  'longgang-2020': longgang2020,
  'longgang-2021': longgang2021,
  'proposal-3': proposal3,
  'dongcheng-2003': dongcheng2003,
  'dongcheng-2005': dongcheng2005,
  'beijing-12345-2018': beijing12345_2018,
  'beijing-12345-2019': beijing12345_2019,
  'tongling-2009': tongling2009,
  'tongling-2010': tongling2010,
};

export const PRESET_IDS = Object.keys(raw);
/**
 * The presets of Longgang's reform and its comparator, which face the same demand, residents and
 * mechanisms (the comparison the app opens with).
 */
export const REFORM_PRESET_IDS = [
  'longgang-town-2018',
  'traditional-county',
  'longgang-2019',
  'longgang-2020',
  'longgang-2021',
  'proposal-3',
];
/**
 * Independent cases (studies/patterns.ts): other cities before and after a reform, each pair
 * with its own population, demand and structure as far as its sources go, and the same
 * assumptions about residents and mechanisms as every preset.
 */
export const CASE_PRESET_IDS = PRESET_IDS.filter((id) => !REFORM_PRESET_IDS.includes(id));
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
