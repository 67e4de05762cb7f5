/**
 * flatgov/scenarios: tools for scenario files — validation with JSON paths, JSON text with
 * line and column in errors, parameter paths (`levels[community].staffPerUnit`), differences
 * with units, the JSON Schema editors use, and a scenario's parts: which part (structure,
 * resources, policy, calendars, setting) every field belongs to, a scenario composed of
 * others' parts, and a structure held at another's posts.
 *
 * @example
 * ```ts
 * import { composeScenario, withPostsOf } from 'flatgov/scenarios';
 * import { loadPreset } from 'flatgov';
 * const county = loadPreset('traditional-county');
 * const lg = loadPreset('longgang-2021');
 * // The county's structure with Longgang 2021's policy, at Longgang 2021's city posts.
 * const s = withPostsOf(composeScenario({ structure: county, policy: lg }), lg, 'city');
 * ```
 * @module
 */
export {
  parseScenario,
  validateScenario,
  ScenarioError,
  formatPath,
  type ScenarioProblem,
  type ValidationResult,
} from '../scenarios/validate.ts';
export { parseJsonText } from '../scenarios/json.ts';
export { getPath, setPath, parsePath, PathError, type PathSegment } from '../scenarios/path.ts';
export { diffScenarios, type ParamDiff } from '../scenarios/diff.ts';
export { scenarioJsonSchema, scenarioJsonSchemaText } from '../scenarios/jsonSchema.ts';
export { SHOCK_KINDS, SHOCK_TEMPLATES, type ShockKind } from '../scenarios/shocks.ts';
export { SCHEMA_VERSION, type Scenario, type ScenarioInput } from '../scenarios/schema.ts';
export {
  PARTS,
  COMPARED_PARTS,
  POST_BASES,
  partOf,
  composeScenario,
  scalePosts,
  withPostsOf,
  totalPosts,
  postsByPlace,
  type Part,
  type Parts,
  type PostBasis,
} from '../scenarios/parts.ts';
