/**
 * An experiment planned: every structure resolved (preset, file or inline scenario, with its
 * overrides) and validated at every design point, so that runs start only when all is well,
 * and the scenario each replication runs under its assumption draw.
 */
import type { z } from 'zod';
import { setPath, PathError } from '../scenarios/path.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { ScenarioError, validateScenario, type ScenarioProblem } from '../scenarios/validate.ts';
import { applyAssumptions } from '../scenarios/assumptions.ts';
import { designPoints, uncertaintyDraws, type SweepPoint } from './design.ts';
import { composeScenario, totalPosts, withPostsOf, type Parts } from '../scenarios/parts.ts';
import {
  ExperimentError,
  experimentSchema,
  parseExperiment,
  scenarioRefOf,
  structureSchema,
  type Experiment,
  type ScenarioRef,
} from './experiment.ts';

/** A structure resolved to a validated scenario. */
export interface ResolvedStructure {
  label: string;
  scenario: Scenario;
}

export interface Plan {
  experiment: Experiment;
  structures: ResolvedStructure[];
  points: SweepPoint[];
  /** Scenario of structure s at sweep point p, validated. */
  scenarios: Scenario[][];
}

/**
 * Resolve and validate every structure at every sweep point. `load` turns a structure's
 * preset or file — and those its parts and equal posts name — into scenario JSON (the CLI
 * reads files; the app passes objects).
 */
export function planExperiment(experiment: Experiment, load: (ref: ScenarioRef) => unknown): Plan {
  const problems: ScenarioProblem[] = [];
  const structures: ResolvedStructure[] = [];
  const points = designPoints(experiment);
  const scenarios: Scenario[][] = [];
  experiment.structures.forEach((st, si) => {
    const scenario = resolveStructure(st, si, load, problems);
    if (!scenario) return;
    const label = st.label ?? scenario.id;
    structures.push({ label, scenario });
    const row: Scenario[] = [];
    points.forEach((pt, pi) => {
      let s: Scenario = scenario;
      try {
        for (const [path, value] of Object.entries(pt.values)) s = setPath(s, path, value);
      } catch (e) {
        if (e instanceof PathError) problems.push({ path: `sweep`, message: e.message });
        else throw e;
        return;
      }
      const v = validateScenario(s);
      if (!v.ok)
        for (const p of v.problems) problems.push({ path: `structures[${si}] at sweep point ${pi}: ${p.path}`, message: p.message });
      else row.push(v.scenario);
    });
    scenarios.push(row);
  });
  const labels = structures.map((s) => s.label);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup) problems.push({ path: 'structures', message: `expected distinct labels, "${dup}" appears twice (give each a label)` });
  if (problems.length === 0) problems.push(...unknownUnits(experiment, structures));
  if (problems.length > 0) throw new ExperimentError(problems);
  return { experiment, structures, points, scenarios };
}

const PER_UNIT = /^(levels|departments)\[([^\]]+)\]\./;

/**
 * Metrics naming a level or department that no structure has (a misspelt id would give
 * empty values): each an error naming the ids there are. A level one structure has and
 * another lacks is fine (empty where it is absent).
 */
function unknownUnits(e: Experiment, structures: ResolvedStructure[]): ScenarioProblem[] {
  const levels = new Set(structures.flatMap((s) => s.scenario.levels.map((l) => l.id)));
  const departments = new Set(structures.flatMap((s) => s.scenario.departments.map((d) => d.id)));
  // A series follows tiers: the levels, then all departments, the centre and the hotline.
  const tiers = new Set([...levels, 'departments', 'centre', 'hotline']);
  const list = (ids: Set<string>) => [...ids].join(', ') || 'none';
  const problems: ScenarioProblem[] = [];
  const check = (id: string, path: string, series: boolean) => {
    const m = PER_UNIT.exec(id);
    if (!m) return;
    const [, group, unit] = m;
    if (series) {
      if (!tiers.has(unit))
        problems.push({ path, message: `no structure has a tier "${unit}" (a series' levels[<id>] is one of: ${list(tiers)})` });
    } else if (group === 'levels' && !levels.has(unit))
      problems.push({ path, message: `no structure has a level "${unit}" (levels: ${list(levels)})` });
    else if (group === 'departments' && !departments.has(unit))
      problems.push({ path, message: `no structure has a department "${unit}" (departments: ${list(departments)})` });
  };
  e.metrics.forEach((id, i) => check(id, `metrics[${i}]`, false));
  e.series?.metrics.forEach((id, i) => check(id, `series.metrics[${i}]`, true));
  return problems;
}

/** A scenario loaded and validated, or undefined with its problems pushed under `where`. */
function loadScenario(
  ref: ScenarioRef,
  where: string,
  load: (ref: ScenarioRef) => unknown,
  problems: ScenarioProblem[],
): Scenario | undefined {
  let json: unknown;
  try {
    json = load(ref);
  } catch (e) {
    const m = (e as Error).message;
    problems.push(
      ...(e instanceof ScenarioError
        ? e.problems.map((p) => ({ path: `${where}${p.path ? `.${p.path}` : ''}`, message: p.message }))
        : [{ path: where, message: m }]),
    );
    return undefined;
  }
  const v = validateScenario(json);
  if (!v.ok) {
    for (const p of v.problems) problems.push({ path: `${where}.${p.path}`, message: p.message });
    return undefined;
  }
  return v.scenario;
}

/**
 * A structure's scenario: its parts taken from other scenarios (scenarios/parts.ts), then its
 * overrides, then scaled to equal posts; or undefined with its problems pushed.
 */
function resolveStructure(
  st: z.output<typeof structureSchema>,
  si: number,
  load: (ref: ScenarioRef) => unknown,
  problems: ScenarioProblem[],
): Scenario | undefined {
  const at = `structures[${si}]`;
  let scenario = loadScenario(st, at, load, problems);
  if (!scenario) return undefined;
  let bad = false;
  if (st.parts) {
    const parts: Partial<Parts> = {};
    for (const [part, raw] of Object.entries(st.parts) as [keyof typeof st.parts, NonNullable<(typeof st.parts)['policy']>][]) {
      if (raw === undefined) continue;
      const s = loadScenario(scenarioRefOf(raw).ref, `${at}.parts.${part}`, load, problems);
      if (s) parts[part] = s;
      else bad = true;
    }
    if (bad) return undefined;
    try {
      scenario = composeScenario({ ...parts, structure: scenario });
    } catch (e) {
      problems.push({ path: `${at}.parts`, message: (e as Error).message });
      return undefined;
    }
  }
  for (const [path, value] of Object.entries(st.overrides)) {
    try {
      scenario = setPath(scenario, path, value);
    } catch (e) {
      problems.push({ path: `${at}.overrides[${JSON.stringify(path)}]`, message: (e as Error).message });
      bad = true;
    }
  }
  if (bad || !st.equalPosts) return bad ? undefined : scenario;
  const { ref, posts } = scenarioRefOf(st.equalPosts);
  const target = loadScenario(ref, `${at}.equalPosts`, load, problems);
  const own = validateScenario(scenario);
  if (!own.ok) {
    for (const p of own.problems) problems.push({ path: `${at}.${p.path}`, message: p.message });
    return undefined;
  }
  if (!target) return undefined;
  try {
    const scaled = validateScenario(withPostsOf(own.scenario, target, posts));
    if (scaled.ok) return scaled.scenario;
    const [from, to] = [totalPosts(own.scenario, posts), totalPosts(target, posts)];
    const what = posts === 'city' ? 'city posts' : 'posts';
    for (const p of scaled.problems)
      problems.push({
        path: `${at}.equalPosts`,
        message: `scaling the ${fmtPosts(from)} ${what} of ${own.scenario.id} to the ${fmtPosts(to)} of ${target.id} (× ${(to / from).toFixed(3)}) leaves ${p.path}: ${p.message}${posts === 'all' ? '; hold city posts equal instead ({"preset": …, "posts": "city"}), or scale the other structure' : '; scale the other structure instead'}`,
      });
  } catch (e) {
    problems.push({ path: `${at}.equalPosts`, message: (e as Error).message });
  }
  return undefined;
}

const fmtPosts = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 0 });

/**
 * Parse and plan an experiment, reporting every problem at once: when the experiment itself
 * is malformed, the structures that are well formed are still resolved and their problems
 * (unreadable files, invalid scenarios, bad overrides) listed with the others.
 */
export function parseAndPlanExperiment(
  input: unknown,
  load: (ref: { preset?: string; file?: string; scenario?: unknown }) => unknown,
  custom: readonly string[] = [],
): Plan {
  let problems: ScenarioProblem[];
  try {
    return planExperiment(parseExperiment(input, custom), load);
  } catch (e) {
    if (!(e instanceof ExperimentError) || experimentSchema.safeParse(input).success) throw e;
    problems = [...e.problems];
  }
  const structures = (input as { structures?: unknown })?.structures;
  if (Array.isArray(structures)) {
    structures.slice(0, 20).forEach((raw, si) => {
      const st = structureSchema.safeParse(raw);
      if (st.success) resolveStructure(st.data, si, load, problems);
    });
  }
  throw new ExperimentError(problems);
}

const drawsCache = new WeakMap<Experiment, ReturnType<typeof uncertaintyDraws>>();

/** The scenario replication k of structure s runs at sweep point p: under its assumption draw, if any. */
export function scenarioFor(plan: Plan, s: number, p: number, k: number): Scenario {
  const e = plan.experiment;
  if (!e.uncertainty) return plan.scenarios[s][p];
  if (!drawsCache.has(e)) drawsCache.set(e, uncertaintyDraws(e));
  const draws = drawsCache.get(e)!;
  const row = draws.values[k];
  const values = Object.fromEntries(draws.ids.map((id, i) => [id, row[i]]));
  const v = validateScenario(applyAssumptions(plan.scenarios[s][p], values));
  if (!v.ok)
    throw new ExperimentError(
      v.problems.map((q) => ({
        path: `structures[${s}] under the assumption draw of replication ${k}: ${q.path}`,
        message: `${q.message} (narrow the assumption ranges or leave the assumption out of uncertainty.assumptions)`,
      })),
    );
  return v.scenario;
}
