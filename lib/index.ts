/**
 * flatgov: the simulation core. `simulate` runs a scenario for a number of days as a pure
 * function of (scenario, seed, days); `createSimulation` gives the same run step by step.
 * Scenarios are plain JSON validated by `parseScenario`; the presets load by id.
 *
 * @example
 * ```ts
 * import { loadPreset, simulate } from 'flatgov';
 * const { summary } = simulate(loadPreset('longgang-2021'), { seed: 1, days: 30 });
 * console.log(summary.hoursToClose.mean);
 * ```
 *
 * Errors (each with a message that names the option, field or file and what was expected):
 * `ScenarioError` (an invalid scenario, with every problem's path), `OptionError` (an option
 * out of range: a missing or NaN seed, days or times that are not finite or past 36,500
 * days, a snapshot interval under a minute; a RangeError), `BudgetError` (a run past the
 * compute budget of 4 GB or two billion events; pass `allowLarge: true`), `PathError` (a
 * parameter path that names no field of the schema), `ConservationError` (a bug: cases not
 * conserved).
 * @module
 */
import { loadPreset, PRESET_IDS } from '../scenarios/presets.ts';

export { simulate, createSimulation } from '../sim/simulate.ts';
export type { RunOptions, SimulateOptions, RunResult, Simulation } from '../sim/simulate.ts';
export type { Snapshot, Summary, Sla, Percentiles } from '../sim/observe/metrics.ts';
export { ConservationError } from '../sim/observe/metrics.ts';
export { OptionError, BudgetError, LIMITS, printable } from '../scenarios/guard.ts';
export { replicationSeed } from '../sim/random/rng.ts';
export {
  Tracer,
  hoursByKind,
  hoursToClose,
  type Journey,
  type Segment,
  type SegmentKind,
  type Outcome,
  type TracerOptions,
} from '../sim/observe/trace.ts';
export { METRICS, METRIC_IDS, METRIC_BY_ID, DEFAULT_METRICS, type MetricInfo } from '../sim/observe/catalog.ts';
export { parseScenario, validateScenario, ScenarioError, type ScenarioProblem, type ValidationResult } from '../scenarios/validate.ts';
export {
  SCHEMA_VERSION,
  type Scenario,
  type ScenarioInput,
  type Level,
  type Department,
  type Levers,
  type Shock,
} from '../scenarios/schema.ts';
export { loadPreset, presetJson, PRESET_IDS, DEFAULT_PRESET } from '../scenarios/presets.ts';

/** A preset's id and name. */
export interface PresetInfo {
  id: string;
  name: string;
}

/** The preset scenarios: id and name of each, in a fixed order. */
export function listPresets(): PresetInfo[] {
  return PRESET_IDS.map((id) => ({ id, name: loadPreset(id).name }));
}
