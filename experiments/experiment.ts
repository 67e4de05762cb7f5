/**
 * Experiments as data: the structures compared, replications, days, base seed, an
 * optional sweep over any number of parameters (a grid, a Latin hypercube or a list of
 * points), the metrics wanted at the end of each run and, optionally, as time series. This module is pure:
 * it validates an experiment, expands it into jobs, runs one job, and turns job results
 * into tidy rows, summaries with 95% intervals, paired differences and a manifest.
 */
import { z } from 'zod';
import { DEFAULT_METRICS, METRIC_ID_HINT, metricInfo } from '../sim/observe/catalog.ts';
import { replicationSeed, stream } from '../sim/random/rng.ts';
import { createSimulation } from '../sim/simulate.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import type { Snapshot } from '../sim/observe/metrics.ts';
import { DEFAULT_SERIES_METRICS, SERIES_ID_HINT, seriesMetricInfo } from '../sim/observe/series.ts';
import { parsePath, setPath, PathError } from '../scenarios/path.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenarios/schema.ts';
import { formatPath, ScenarioError, validateScenario, type ScenarioProblem } from '../scenarios/validate.ts';
import { csvText, type Cell } from './csv.ts';
import { latinHypercube } from './sensitivity.ts';
import { applyAssumptions, assumptions, assumptionsByIds, pathText, valueAt } from '../scenarios/assumptions.ts';
export { csvCell } from './csv.ts';
import { interval, pairedDifference, tCritical, type Interval, type PairedTest } from './stats.ts';
import { FLATGOV_VERSION, sha256 } from './identity.ts';
export { FLATGOV_VERSION, sha256 } from './identity.ts';

export const EXPERIMENT_VERSION = 1;

/** A parameter path, checked when the experiment is read so that every bad path is reported at once. */
const paramPath = z
  .string()
  .min(1)
  .superRefine((p, ctx) => {
    try {
      parsePath(p);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  });

function checkOverridePaths(overrides: Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const p of Object.keys(overrides)) {
    try {
      parsePath(p);
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: [p], message: (e as Error).message });
    }
  }
}

const structureSchema = z
  .strictObject({
    label: z.string().min(1).optional().meta({ description: 'Name in results; defaults to the scenario id.' }),
    preset: z.string().optional().meta({ description: 'A preset id.' }),
    file: z.string().optional().meta({ description: 'A scenario file, relative to the experiment file (or, from code, to baseDir).' }),
    scenario: z.unknown().optional().meta({ description: 'A scenario given inline.' }),
    overrides: z
      .record(z.string(), z.unknown())
      .superRefine(checkOverridePaths)
      .default({})
      .meta({ description: 'Parameter path → value, e.g. {"levels[community].staffPerUnit": 10}.' }),
  })
  .refine((s) => [s.preset, s.file, s.scenario].filter((x) => x !== undefined).length === 1, {
    message: 'expected exactly one of preset, file or scenario',
  });

const sweepSchema = z
  .strictObject({
    param: paramPath.meta({ description: 'Parameter path, e.g. demand.casesPerResidentYear.' }),
    values: z.array(z.unknown()).min(1).optional(),
    from: z.number().optional(),
    to: z.number().optional(),
    steps: z.number().int().min(2).max(1000).optional(),
  })
  .refine((s) => (s.values !== undefined) !== (s.from !== undefined && s.to !== undefined), {
    message: 'expected either values, or from and to (with steps in a grid)',
  });

const designSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('grid') }).meta({ description: 'Every combination of the sweep values (the default).' }),
    z
      .strictObject({
        type: z.literal('latin-hypercube'),
        points: z.number().int().min(2).max(10_000).meta({ description: 'Number of design points.' }),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .default(1)
          .meta({ description: 'Seed of the design (not of the runs).' }),
      })
      .meta({
        description: 'A Latin hypercube over the sweep ranges: each parameter’s range cut into `points` strata, one point in each.',
      }),
    z
      .strictObject({
        type: z.literal('list'),
        points: z
          .array(z.record(z.string(), z.unknown()))
          .min(1)
          .max(10_000)
          .meta({ description: 'The design points, each a map of parameter path → value.' }),
      })
      .meta({ description: 'Design points listed one by one (the sweep is not used).' }),
  ])
  .meta({ description: 'How sweep parameters combine into design points.' });

const seriesSchema = z
  .strictObject({
    every: z.enum(['daily', 'weekly']).default('daily').meta({ description: 'One row per simulated day or week.' }),
    metrics: z
      .array(z.string())
      .min(1)
      .default(DEFAULT_SERIES_METRICS)
      .meta({ description: 'Series metric ids, e.g. open, closedInInterval, levels[community].queued.' }),
  })
  .meta({ description: 'Time series of every run, in tidy rows (structure, point, replication, seed, day, metric, value).' });

/** Global sensitivity to the assumptions (experiments/sensitivity-run.ts). */
export const sensitivitySchema = z
  .strictObject({
    assumptions: z
      .union([z.literal('all'), z.array(z.string()).min(2)])
      .default('all')
      .meta({ description: 'Assumption ids to analyse (npm run scenario -- assumptions lists them), or "all".' }),
    morris: z
      .strictObject({
        trajectories: z
          .number()
          .int()
          .min(2)
          .max(1000)
          .default(6)
          .meta({ description: 'Morris trajectories r: r(k + 1) runs per structure for k assumptions.' }),
        levels: z
          .number()
          .int()
          .min(2)
          .max(20)
          .refine((p) => p % 2 === 0, 'expected an even number')
          .default(4)
          .meta({ description: 'Grid levels p of each assumption’s range (even).' }),
      })
      .prefault({}),
    sobol: z
      .strictObject({
        top: z
          .number()
          .int()
          .min(2)
          .max(60)
          .default(8)
          .meta({ description: 'How many assumptions, ranked by Morris μ*, get Sobol indices.' }),
        n: z.number().int().min(4).max(100_000).default(32).meta({ description: 'Base sample size N: N(top + 2) runs per structure.' }),
      })
      .nullable()
      .prefault({})
      .meta({ description: 'Sobol indices of the assumptions that matter most; null for Morris screening only.' }),
    bootstrap: z.number().int().min(10).max(100_000).default(1000).meta({ description: 'Bootstrap resamples for the intervals.' }),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(1)
      .meta({ description: 'Seed of the designs and the bootstrap (not of the runs).' }),
  })
  .meta({
    description: 'Global sensitivity to the assumptions: Morris screening, then Sobol indices (npm run experiment -- sensitivity).',
  });
export const experimentSchema = z.strictObject({
  $schema: z.string().optional().meta({ description: 'The JSON Schema this file follows (for editors).' }),
  experimentVersion: z.literal(EXPERIMENT_VERSION).default(EXPERIMENT_VERSION),
  name: z.string().default('experiment'),
  structures: z.array(structureSchema).min(1).max(20),
  replications: z.number().int().min(2).max(10_000).default(10),
  days: z.number().positive().max(36_500).default(365),
  baseSeed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
  sweep: z.array(sweepSchema).max(50).default([]),
  design: designSchema.default({ type: 'grid' }),
  metrics: z
    .array(z.string())
    .min(1)
    .default(DEFAULT_METRICS)
    .meta({ description: 'End-of-run metric ids, e.g. hoursToClose.mean, levels[community].utilisation.' }),
  series: seriesSchema.optional(),
  uncertainty: z
    .strictObject({
      assumptions: z
        .union([z.literal('all'), z.array(z.string()).min(1)])
        .default('all')
        .meta({ description: 'Assumption ids to draw (see `npm run scenario -- assumptions`), or "all".' }),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31)
        .default(1)
        .meta({ description: 'Seed of the draws (not of the runs).' }),
    })
    .optional()
    .meta({
      description:
        'Uncertainty over assumptions: replication k draws every named assumption from its range (a Latin hypercube over the replications) and applies the same draw to every structure, so intervals cover what is not known as well as chance, and differences stay paired.',
    }),
  sensitivity: sensitivitySchema.optional(),
  sequential: z
    .strictObject({
      relativeHalfWidth: z
        .number()
        .positive()
        .optional()
        .meta({ description: 'Stop when every metric’s 95% half-width is under this share of its mean.' }),
      halfWidth: z.record(z.string(), z.number().positive()).optional().meta({ description: 'Metric id → absolute half-width target.' }),
      maxReplications: z.number().int().min(2).max(10_000).default(200),
      batch: z.number().int().min(1).max(1000).default(10),
    })
    .optional(),
});
export type ExperimentInput = z.input<typeof experimentSchema>;
export type Experiment = z.output<typeof experimentSchema>;

export class ExperimentError extends Error {
  readonly problems: ScenarioProblem[];
  constructor(problems: ScenarioProblem[]) {
    super(`experiment is not valid:\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
    this.name = 'ExperimentError';
    this.problems = problems;
  }
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** A zod issue as a sentence: what was expected and what was found. */
function issueProblem(i: z.core.$ZodIssue): ScenarioProblem {
  const input = (i as { input?: unknown }).input;
  let message = i.message;
  if (i.code === 'invalid_type')
    message = input === undefined ? `required: expected ${i.expected}` : `expected ${i.expected}, got ${describeValue(input)}`;
  else if (i.code === 'unrecognized_keys')
    message = `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  return { path: formatPath(i.path), message };
}

/**
 * Validate an experiment, filling defaults. `custom` names metrics computed by hooks in the
 * API (see `withMetricHooks`), which the file may then list beside the catalogue's.
 */
export function parseExperiment(input: unknown, custom: readonly string[] = []): Experiment {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ExperimentError([{ path: '', message: `expected an experiment object, got ${describeValue(input)}` }]);
  const r = experimentSchema.safeParse(input, { reportInput: true });
  const problems: ScenarioProblem[] = r.success ? [] : r.error.issues.map(issueProblem);
  // Metric ids are checked here, not in the schema, so that hooks' names are known.
  const raw = (input ?? {}) as { metrics?: unknown; series?: { metrics?: unknown } };
  const ids = (v: unknown): [number, string][] =>
    Array.isArray(v) ? v.flatMap((m, i): [number, string][] => (typeof m === 'string' ? [[i, m]] : [])) : [];
  for (const [i, m] of ids(raw.metrics))
    if (!metricInfo(m) && !custom.includes(m)) problems.push({ path: `metrics[${i}]`, message: `expected ${METRIC_ID_HINT}, got "${m}"` });
  for (const [i, m] of ids(raw.series?.metrics))
    if (!seriesMetricInfo(m) && !custom.includes(m))
      problems.push({ path: `series.metrics[${i}]`, message: `expected ${SERIES_ID_HINT}, got "${m}"` });
  if (!r.success) throw new ExperimentError(problems);
  const d = r.data.design;
  if (d.type === 'grid')
    r.data.sweep.forEach((sw, i) => {
      if (sw.values === undefined && sw.steps === undefined)
        problems.push({
          path: `sweep[${i}].steps`,
          message: 'required in a grid: expected the number of values from "from" to "to" (≥ 2)',
        });
    });
  if (d.type === 'latin-hypercube' && r.data.sweep.length === 0)
    problems.push({ path: 'sweep', message: 'a Latin hypercube needs at least one sweep parameter' });
  if (d.type === 'list' && r.data.sweep.length > 0)
    problems.push({ path: 'sweep', message: 'a listed design gives its points itself: leave sweep out' });
  const sens = r.data.sensitivity;
  if (sens && sens.assumptions !== 'all') {
    const known = new Set(assumptions().map((a) => a.id));
    sens.assumptions.forEach((id, i) => {
      if (!known.has(id))
        problems.push({
          path: `sensitivity.assumptions[${i}]`,
          message: `expected an assumption id (npm run scenario -- assumptions lists them), got "${id}"`,
        });
    });
  }
  const u = r.data.uncertainty;
  if (u) {
    const known = new Map(assumptions().map((a) => [a.id, a]));
    if (u.assumptions !== 'all')
      u.assumptions.forEach((id, i) => {
        if (!known.has(id))
          problems.push({
            path: `uncertainty.assumptions[${i}]`,
            message: `expected an assumption id (npm run scenario -- assumptions lists them), got "${id}"`,
          });
      });
    const drawn = u.assumptions === 'all' ? [...known.values()] : u.assumptions.flatMap((id) => known.get(id) ?? []);
    const swept = [...r.data.sweep.map((sw) => sw.param), ...(d.type === 'list' ? d.points.flatMap((pt) => Object.keys(pt)) : [])];
    for (const param of new Set(swept)) {
      const pattern = param.replace(/\[[^\]]*\]/g, '[]');
      const a = drawn.find((x) => x.paths.some((p) => pathText(p) === pattern));
      if (a)
        problems.push({
          path: 'uncertainty.assumptions',
          message: `"${param}" is swept and also drawn as the assumption "${a.id}": leave it out of uncertainty.assumptions (list the others)`,
        });
    }
  }
  if (problems.length > 0) throw new ExperimentError(problems);
  return r.data;
}

/**
 * The assumption draws of an experiment with `uncertainty`: a Latin hypercube over as many
 * replications as it may run, each row the values (multipliers for `scale` assumptions)
 * replication k applies to every structure. Undefined without uncertainty.
 */
export function uncertaintyDraws(e: Experiment): { ids: string[]; values: number[][] } | undefined {
  const u = e.uncertainty;
  if (!u) return undefined;
  const list = u.assumptions === 'all' ? assumptions() : assumptionsByIds(u.assumptions);
  const n = Math.max(e.replications, e.sequential?.maxReplications ?? 0);
  const cube = latinHypercube(n, list.length, stream(u.seed, 'uncertainty'));
  return { ids: list.map((a) => a.id), values: cube.map((row) => row.map((x, i) => valueAt(list[i], x))) };
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

/** The unit of a metric id (catalogue, level or department); custom metrics have none. */
export function metricUnit(id: string): string {
  return metricInfo(id)?.unit ?? seriesMetricInfo(id)?.unit ?? '';
}

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

/** Past this many sweep points, planning alone takes minutes and gigabytes. */
export const MAX_SWEEP_POINTS = 10_000;

/** Sweep points and runs of an experiment, counted without planning it. */
export function experimentSize(e: Experiment): { points: number; runs: number } {
  const d = e.design;
  const points =
    d.type === 'list'
      ? d.points.length
      : d.type === 'latin-hypercube'
        ? d.points
        : e.sweep.reduce((n, s) => n * (s.values?.length ?? s.steps ?? 1), 1);
  return { points, runs: points * e.structures.length * (e.sequential?.maxReplications ?? e.replications) };
}

/** A structure resolved to a validated scenario. */
export interface ResolvedStructure {
  label: string;
  scenario: Scenario;
}

export interface SweepPoint {
  /** Parameter path → value at this point. */
  values: Record<string, unknown>;
}

export interface Plan {
  experiment: Experiment;
  structures: ResolvedStructure[];
  points: SweepPoint[];
  /** Scenario of structure s at sweep point p, validated. */
  scenarios: Scenario[][];
}

export interface Job {
  index: number;
  structure: number;
  point: number;
  replication: number;
  seed: number;
  days: number;
  scenario: Scenario;
  metrics: string[];
  /** Time series wanted: snapshot interval in days and series metric ids. */
  series?: { everyDays: number; metrics: string[] };
  /** Return every snapshot and the final one, for metric hooks run by the caller. */
  snapshots?: boolean;
}

export interface JobResult {
  index: number;
  structure: number;
  point: number;
  replication: number;
  seed: number;
  values: number[];
  events: number;
  /** Days of the series' snapshots and, per series metric, its value at each. */
  series?: { days: number[]; values: number[][] };
  /** With `job.snapshots`: the snapshots, the final one, and the tier ids they follow. */
  snapshots?: { series: Snapshot[]; final: Snapshot; tiers: string[] };
}

export interface JobFailure {
  index: number;
  structure: string;
  scenario: string;
  seed: number;
  replication: number;
  message: string;
}

function sweepValues(s: Experiment['sweep'][number]): unknown[] {
  if (s.values) return s.values;
  const { from, to, steps } = s as { from: number; to: number; steps: number };
  return Array.from({ length: steps }, (_, i) => from + ((to - from) * i) / (steps - 1));
}

/**
 * The design points of an experiment: the grid of the sweep values (the first parameter
 * varies slowest), a Latin hypercube over the sweep ranges, or the listed points.
 */
export function designPoints(e: Pick<Experiment, 'sweep' | 'design'>): SweepPoint[] {
  const d = e.design;
  if (d.type === 'list') return d.points.map((values) => ({ values: { ...values } }));
  if (d.type === 'latin-hypercube') {
    // Its own named stream: the design never shares draws with the runs.
    const cube = latinHypercube(d.points, e.sweep.length, stream(d.seed, 'design'));
    return cube.map((row) => ({
      values: Object.fromEntries(
        e.sweep.map((sw, c) => {
          const u = row[c];
          return [
            sw.param,
            sw.values ? sw.values[Math.min(sw.values.length - 1, Math.floor(u * sw.values.length))] : sw.from! + (sw.to! - sw.from!) * u,
          ];
        }),
      ),
    }));
  }
  let points: SweepPoint[] = [{ values: {} }];
  for (const sw of e.sweep) points = points.flatMap((pt) => sweepValues(sw).map((v) => ({ values: { ...pt.values, [sw.param]: v } })));
  return points;
}

/**
 * Resolve and validate every structure at every sweep point. `load` turns a structure's
 * preset or file into scenario JSON (the CLI reads files; the app passes objects).
 */
export function planExperiment(
  experiment: Experiment,
  load: (ref: { preset?: string; file?: string; scenario?: unknown }) => unknown,
): Plan {
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
  if (problems.length > 0) throw new ExperimentError(problems);
  return { experiment, structures, points, scenarios };
}

/** A structure's scenario with its overrides applied, or undefined with its problems pushed. */
function resolveStructure(
  st: z.output<typeof structureSchema>,
  si: number,
  load: (ref: { preset?: string; file?: string; scenario?: unknown }) => unknown,
  problems: ScenarioProblem[],
): Scenario | undefined {
  let json: unknown;
  try {
    json = load(st);
  } catch (e) {
    const m = (e as Error).message;
    problems.push(
      ...(e instanceof ScenarioError
        ? e.problems.map((p) => ({ path: `structures[${si}]${p.path ? `.${p.path}` : ''}`, message: p.message }))
        : [{ path: `structures[${si}]`, message: m }]),
    );
    return undefined;
  }
  const base = validateScenario(json);
  if (!base.ok) {
    for (const p of base.problems) problems.push({ path: `structures[${si}].${p.path}`, message: p.message });
    return undefined;
  }
  let scenario = base.scenario;
  let bad = false;
  for (const [path, value] of Object.entries(st.overrides)) {
    try {
      scenario = setPath(scenario, path, value);
    } catch (e) {
      problems.push({ path: `structures[${si}].overrides[${JSON.stringify(path)}]`, message: (e as Error).message });
      bad = true;
    }
  }
  return bad ? undefined : scenario;
}

/** Jobs for replications [from, to) of every structure and sweep point, in a fixed order. */
export function jobsFor(plan: Plan, from: number, to: number): Job[] {
  const { experiment: e } = plan;
  const jobs: Job[] = [];
  const S = plan.structures.length;
  const P = plan.points.length;
  for (let k = from; k < to; k++)
    for (let s = 0; s < S; s++)
      for (let p = 0; p < P; p++)
        jobs.push({
          // Replication-major, so that replications can be added in batches.
          index: (k * S + s) * P + p,
          structure: s,
          point: p,
          replication: k,
          // Common random numbers: replication k of every structure uses the same seed.
          seed: replicationSeed(e.baseSeed, k),
          days: e.days,
          scenario: scenarioFor(plan, s, p, k),
          metrics: e.metrics,
          ...(e.series ? { series: { everyDays: e.series.every === 'weekly' ? 7 : 1, metrics: e.series.metrics } } : {}),
        });
  return jobs;
}

/** Run one job: the same function in a worker, a Node worker thread or in process. */
export function runJob(job: Job): JobResult {
  if (!Number.isFinite(job.days) || job.days <= 0) throw new RangeError(`days: expected a positive number of days, got ${job.days}`);
  const every = job.series?.everyDays ?? (job.snapshots ? 1 : 0);
  const sim = createSimulation(job.scenario, { seed: job.seed, snapshotEveryMinutes: every * 1440 });
  sim.advanceTo(job.days * 1440);
  const summary = sim.summary();
  // Metrics the catalogue does not know are computed by the caller's hooks (NaN until then).
  const result: JobResult = {
    index: job.index,
    structure: job.structure,
    point: job.point,
    replication: job.replication,
    seed: job.seed,
    values: job.metrics.map((m) => metricInfo(m)?.get(summary) ?? NaN),
    events: summary.events,
  };
  const tiers = sim.view.tierIds();
  if (job.series) {
    const snaps = sim.series;
    result.series = {
      days: snaps.map((x) => x.day),
      values: job.series.metrics.map((m) => {
        const info = seriesMetricInfo(m);
        return snaps.map((x) => (info ? info.get(x, tiers) : NaN));
      }),
    };
  }
  if (job.snapshots) result.snapshots = { series: [...sim.series], final: sim.peek(), tiers };
  return result;
}

export interface SummaryRow extends Interval {
  structure: string;
  point: Record<string, unknown>;
  metric: string;
  unit: string;
}

export interface DifferenceRow extends PairedTest {
  /** Baseline (a) and compared structure (b); the difference is b − a. */
  a: string;
  b: string;
  point: Record<string, unknown>;
  metric: string;
  unit: string;
  /** Half-width of the unpaired (Welch) interval on the same runs, for comparison. */
  unpairedHalf: number;
}

export interface TidyRow {
  structure: string;
  point: Record<string, unknown>;
  replication: number;
  seed: number;
  metric: string;
  value: number;
}

/** One value of a time series: a run's metric on one day (the end of its day or week). */
export interface SeriesRow extends TidyRow {
  day: number;
}

export interface Manifest {
  /** The package version (FLATGOV_VERSION). */
  flatgov: string;
  /** The model version (sim/version.ts): the same scenario and seed give the same result within one. */
  modelVersion: string;
  /** The git commit of the code that ran ("-dirty" when it had uncommitted changes), or "unknown". */
  commit: string;
  scenarioSchemaVersion: number;
  experimentVersion: number;
  experiment: Experiment;
  scenarios: { label: string; id: string; sha256: string }[];
  seeds: number[];
  replications: number;
  /** With `uncertainty`: the assumption values of each replication (multipliers for `scale` assumptions). */
  assumptionDraws?: { ids: string[]; values: number[][] };
  /** Whether this file holds every replication of the experiment (never true for a shard). */
  complete: boolean;
  /** Set when this file is one slice of the experiment: which one, and whether it ran all of it. */
  shard?: { index: number; count: number; finished: boolean };
  date: string;
}

export interface ExperimentResult {
  manifest: Manifest;
  summary: SummaryRow[];
  differences: DifferenceRow[];
  rows: TidyRow[];
  /** Time series of every run, when the experiment asks for them. */
  series?: SeriesRow[];
  failures: JobFailure[];
}

/** Values of metric m for structure s at point p, indexed by replication (NaN if missing). */
function column(results: JobResult[], s: number, p: number, mi: number, reps: number): number[] {
  const out = new Array<number>(reps).fill(NaN);
  for (const r of results) if (r.structure === s && r.point === p && r.replication < reps) out[r.replication] = r.values[mi];
  return out;
}

function welchHalf(a: number[], b: number[]): number {
  const x = interval(a);
  const y = interval(b);
  const va = (x.sd * x.sd) / x.n;
  const vb = (y.sd * y.sd) / y.n;
  const df = (va + vb) ** 2 / ((va * va) / (x.n - 1) + (vb * vb) / (y.n - 1));
  return tCritical(Number.isFinite(df) && df > 0 ? df : x.n + y.n - 2) * Math.sqrt(va + vb);
}

/** Summaries, paired differences (each structure against the first) and tidy rows. */
export function aggregate(plan: Plan, results: JobResult[], replications: number) {
  const sorted = [...results].sort((a, b) => a.index - b.index);
  const { metrics } = plan.experiment;
  const summary: SummaryRow[] = [];
  const differences: DifferenceRow[] = [];
  plan.points.forEach((pt, p) => {
    metrics.forEach((metric, mi) => {
      const unit = metricUnit(metric);
      const cols = plan.structures.map((_, s) => column(sorted, s, p, mi, replications));
      plan.structures.forEach((st, s) => summary.push({ structure: st.label, point: pt.values, metric, unit, ...interval(cols[s]) }));
      for (let s = 1; s < plan.structures.length; s++) {
        differences.push({
          a: plan.structures[0].label,
          b: plan.structures[s].label,
          point: pt.values,
          metric,
          unit,
          ...pairedDifference(cols[0], cols[s]),
          unpairedHalf: welchHalf(cols[0].filter(Number.isFinite), cols[s].filter(Number.isFinite)),
        });
      }
    });
  });
  const rows: TidyRow[] = [];
  for (const r of sorted)
    metrics.forEach((metric, mi) =>
      rows.push({
        structure: plan.structures[r.structure].label,
        point: plan.points[r.point].values,
        replication: r.replication,
        seed: r.seed,
        metric,
        value: r.values[mi],
      }),
    );
  const seriesMetrics = plan.experiment.series?.metrics;
  if (!seriesMetrics) return { summary, differences, rows };
  const series: SeriesRow[] = [];
  for (const r of sorted) {
    if (!r.series) continue;
    const base = {
      structure: plan.structures[r.structure].label,
      point: plan.points[r.point].values,
      replication: r.replication,
      seed: r.seed,
    };
    r.series.days.forEach((day, k) =>
      seriesMetrics.forEach((metric, mi) => series.push({ ...base, day, metric, value: r.series!.values[mi][k] })),
    );
  }
  return { summary, differences, rows, series };
}

/** The manifest of a run: versions, the commit (passed in: this module reads no files), the experiment, hashes and seeds. */
export async function manifestFor(
  plan: Plan,
  replications: number,
  complete: boolean,
  date: Date,
  shard?: { index: number; count: number },
  commit = 'unknown',
): Promise<Manifest> {
  return {
    flatgov: FLATGOV_VERSION,
    modelVersion: MODEL_VERSION,
    commit,
    scenarioSchemaVersion: SCHEMA_VERSION,
    experimentVersion: EXPERIMENT_VERSION,
    experiment: plan.experiment,
    scenarios: await Promise.all(
      plan.structures.map(async (s) => ({ label: s.label, id: s.scenario.id, sha256: await sha256(s.scenario) })),
    ),
    seeds: Array.from({ length: replications }, (_, k) => replicationSeed(plan.experiment.baseSeed, k)),
    replications,
    ...(plan.experiment.uncertainty ? { assumptionDraws: draws(plan.experiment, replications) } : {}),
    complete: complete && !shard,
    ...(shard ? { shard: { index: shard.index, count: shard.count, finished: complete } } : {}),
    date: date.toISOString(),
  };
}

function draws(e: Experiment, replications: number): { ids: string[]; values: number[][] } {
  const d = uncertaintyDraws(e)!;
  return { ids: d.ids, values: d.values.slice(0, replications) };
}

/** Whether every metric's interval is narrow enough for the sequential targets. */
export function precise(plan: Plan, summary: SummaryRow[]): boolean {
  const seq = plan.experiment.sequential;
  if (!seq) return true;
  return summary.every((r) => {
    const abs = seq.halfWidth?.[r.metric];
    if (abs !== undefined && !(r.half <= abs)) return false;
    if (seq.relativeHalfWidth !== undefined && !(r.half <= seq.relativeHalfWidth * Math.abs(r.mean)) && !(r.half === 0)) return false;
    return true;
  });
}

/** The columns of a result's sweep parameters, in order of first appearance. */
function paramColumns(rows: readonly { point: Record<string, unknown> }[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.point)) seen.add(k);
  return [...seen];
}

const cell = (v: unknown): Cell => (v === null || typeof v !== 'object' ? (v as Cell) : JSON.stringify(v));

/**
 * The end-of-run rows as CSV (structure, each sweep parameter, replication, seed, metric,
 * value). The manifest goes in its own file (`manifestJson`), so the CSV parses as is.
 */
export function toCsv(result: Pick<ExperimentResult, 'rows'>): string {
  const params = paramColumns(result.rows);
  return csvText(
    ['structure', ...params, 'replication', 'seed', 'metric', 'value'],
    result.rows.map((r) => [r.structure, ...params.map((p) => cell(r.point[p])), r.replication, r.seed, r.metric, r.value]),
  );
}

/** The time series as CSV: structure, sweep parameters, replication, seed, day, metric, value. */
export function seriesToCsv(result: Pick<ExperimentResult, 'series'>): string {
  const rows = result.series ?? [];
  const params = paramColumns(rows);
  return csvText(
    ['structure', ...params, 'replication', 'seed', 'day', 'metric', 'value'],
    rows.map((r) => [r.structure, ...params.map((p) => cell(r.point[p])), r.replication, r.seed, r.day, r.metric, r.value]),
  );
}

/** The manifest as the sidecar file beside a CSV (`results.csv` → `results.manifest.json`). */
export function manifestJson(result: Pick<ExperimentResult, 'manifest'>): string {
  return `${JSON.stringify(result.manifest, null, 2)}\n`;
}

export function toJson(result: ExperimentResult): string {
  return `${JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
