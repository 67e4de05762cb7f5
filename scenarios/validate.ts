/**
 * Validation of scenarios with messages a person can act on: every problem names its
 * JSON path, what was expected (with the unit from the schema) and what was found.
 */
import { z } from 'zod';
import { SCHEMA_VERSION, scenarioSchema, type FieldMeta, type Scenario } from './schema.ts';
import { expandShockTemplates } from './shocks.ts';
import { plainJsonProblems } from './plain.ts';
import { migrateScenario } from './migrate.ts';

export interface ScenarioProblem {
  /** JSON path, e.g. `levels[1].units`. */
  path: string;
  message: string;
}

export class ScenarioError extends Error {
  readonly problems: ScenarioProblem[];
  constructor(problems: ScenarioProblem[], source = 'scenario') {
    super(`${source} is not valid:\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (typeof k === 'string' && !/^[A-Za-z_$][\w$]*$/.test(k)) out += `[${JSON.stringify(k)}]`;
    else out += out ? `.${String(k)}` : String(k);
  }
  return out;
}

/** The schema node at a path, unwrapping defaults, optionals and nullables. */
export function schemaAt(path: readonly PropertyKey[], root: z.ZodType = scenarioSchema): z.ZodType | undefined {
  let s: any = root;
  const unwrap = () => {
    for (;;) {
      const t = s?.def?.type;
      if (t === 'default' || t === 'prefault' || t === 'optional' || t === 'nullable' || t === 'pipe')
        s = t === 'pipe' ? s.def.in : s.def.innerType;
      else return;
    }
  };
  unwrap();
  for (const k of path) {
    const t = s?.def?.type;
    if (t === 'object') s = s.def.shape[k as string];
    else if (t === 'array') s = s.def.element;
    else if (t === 'record') s = s.def.valueType;
    else return undefined;
    unwrap();
  }
  return s;
}

export function metaAt(path: readonly PropertyKey[]): FieldMeta | undefined {
  // Metadata sits on the outermost wrapper (`.default(...).meta(...)`), so look before unwrapping too.
  const parentPath = path.slice(0, -1);
  const parent: any = schemaAt(parentPath);
  const key = path[path.length - 1];
  const direct = parent?.def?.type === 'object' ? parent.def.shape[key as string] : undefined;
  const m = (direct?.meta?.() ?? schemaAt(path)?.meta?.()) as FieldMeta | undefined;
  return m;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function problemOf(issue: z.core.$ZodIssue): ScenarioProblem {
  const path = formatPath(issue.path);
  const meta = metaAt(issue.path);
  const unit = meta?.unit ? ` ${meta.unit}` : '';
  const input = (issue as { input?: unknown }).input;
  const got = `, got ${describe(input)}`;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return { path, message: `required: expected ${issue.expected}${unit ? ` (${unit.trim()})` : ''}` };
      return { path, message: `expected ${issue.expected}${got}` };
    case 'too_small': {
      const what = issue.origin === 'array' ? 'at least' : issue.inclusive ? '≥' : '>';
      const u = issue.origin === 'array' ? (issue.minimum === 1 ? ' item' : ' items') : unit;
      return { path, message: `expected ${what} ${issue.minimum}${u}${issue.origin === 'array' ? '' : got}` };
    }
    case 'too_big': {
      const what = issue.origin === 'array' ? 'at most' : issue.inclusive ? '≤' : '<';
      const u = issue.origin === 'array' ? ' items' : unit;
      return { path, message: `expected ${what} ${issue.maximum}${u}${issue.origin === 'array' ? '' : got}` };
    }
    case 'not_multiple_of':
      return { path, message: `expected a multiple of ${issue.divisor}${got}` };
    case 'invalid_value':
      return { path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${got}` };
    case 'unrecognized_keys':
      return { path, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
    default:
      return { path, message: issue.message };
  }
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Validate a parsed JSON value as a scenario, filling defaults. Never throws. */
export function validateScenario(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, problems: [{ path: '', message: `expected a scenario object, got ${describe(input)}` }] };
  const unsafe = plainJsonProblems(input);
  if (unsafe.length > 0) return { ok: false, problems: unsafe };
  input = migrateScenario(input as Record<string, unknown>).scenario;
  const version = (input as { schemaVersion?: unknown }).schemaVersion;
  if (version !== SCHEMA_VERSION) {
    const message =
      version === undefined
        ? `required: expected ${SCHEMA_VERSION} (the scenario schema version)`
        : typeof version === 'number' && version < SCHEMA_VERSION
          ? `this scenario was written for schema version ${version}; flatgov reads version ${SCHEMA_VERSION}. Update it (see scenarios/README.md) and set schemaVersion to ${SCHEMA_VERSION}`
          : `expected ${SCHEMA_VERSION} (the scenario schema version this flatgov reads), got ${describe(version)}`;
    return { ok: false, problems: [{ path: 'schemaVersion', message }] };
  }
  // `$schema` tells editors where the JSON Schema is; it is not part of the scenario.
  const { $schema, ...rest } = input as Record<string, unknown>;
  if ($schema !== undefined && typeof $schema !== 'string')
    return {
      ok: false,
      problems: [{ path: '$schema', message: `expected a string (the path or address of the JSON Schema), got ${describe($schema)}` }],
    };
  const r = scenarioSchema.safeParse(expandShockTemplates(rest), { reportInput: true });
  if (r.success) return { ok: true, scenario: r.data };
  return { ok: false, problems: r.error.issues.map(problemOf) };
}

/** Scenarios this module validated, with their JSON at the time, so that one unchanged is not parsed again. */
const validated = new WeakMap<object, string>();

/** Validate or throw a ScenarioError listing every problem. */
export function parseScenario(input: unknown, source?: string): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new ScenarioError(r.problems, source);
  validated.set(r.scenario, JSON.stringify(r.scenario));
  return r.scenario;
}

/**
 * A validated scenario: `input` itself if parseScenario returned it and it has not been
 * changed since (parsing happens once, at the edge), else `input` parsed now.
 */
export function ensureScenario(input: unknown, source?: string): Scenario {
  if (typeof input === 'object' && input !== null) {
    const json = validated.get(input);
    if (json !== undefined && json === JSON.stringify(input)) return input as Scenario;
  }
  return parseScenario(input, source);
}
