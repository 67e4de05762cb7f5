/**
 * flatgov/scenarios: tools for scenario files — validation with JSON paths, JSON text with
 * line and column in errors, parameter paths (`levels[community].staffPerUnit`), differences
 * with units, and the JSON Schema editors use.
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
export { checkParamPath } from '../scenarios/param-path.ts';
export { diffScenarios, type ParamDiff } from '../scenarios/diff.ts';
export { scenarioJsonSchema, scenarioJsonSchemaText } from '../scenarios/jsonSchema.ts';
export { SHOCK_KINDS, SHOCK_TEMPLATES, type ShockKind } from '../scenarios/shocks.ts';
export { SCHEMA_VERSION, type Scenario, type ScenarioInput } from '../scenarios/schema.ts';
