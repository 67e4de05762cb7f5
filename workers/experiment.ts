/**
 * Experiments as data: the structures compared, replications, days, base seed, an
 * optional sweep over one or two parameters, and the metrics wanted. This module is pure:
 * it validates an experiment, expands it into jobs, runs one job, and turns job results
 * into tidy rows, summaries with 95% intervals, paired differences and a manifest.
 */
import { z } from 'zod';
import { simulate } from '../sim/simulate.ts';
import { DEFAULT_METRICS, METRIC_BY_ID, METRIC_IDS } from '../sim/catalog.ts';
import { replicationSeed } from '../sim/rng.ts';
import { parsePath, setPath, PathError } from '../scenarios/path.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenarios/schema.ts';
import { formatPath, ScenarioError, validateScenario, type ScenarioProblem } from '../scenarios/validate.ts';
import { interval, pairedDifference, tCritical, type Interval, type PairedTest } from './stats.ts';

export const EXPERIMENT_VERSION = 1;
export const FLATGOV_VERSION = '0.1.0';

/** A parameter path, checked when the experiment is read so that every bad path is reported at once. */
const paramPath = z.string().min(1).superRefine((p, ctx) => {
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
    file: z.string().optional().meta({ description: 'A scenario file, relative to the experiment file (CLI only).' }),
    scenario: z.unknown().optional().meta({ description: 'A scenario given inline.' }),
    overrides: z.record(z.string(), z.unknown()).superRefine(checkOverridePaths).default({})
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
  .refine((s) => (s.values !== undefined) !== (s.from !== undefined && s.to !== undefined && s.steps !== undefined), {
    message: 'expected either values, or from, to and steps',
  });

export const experimentSchema = z.strictObject({
  experimentVersion: z.literal(EXPERIMENT_VERSION).default(EXPERIMENT_VERSION),
  name: z.string().default('experiment'),
  structures: z.array(structureSchema).min(1).max(20),
  replications: z.number().int().min(2).max(10_000).default(10),
  days: z.number().positive().max(36_500).default(365),
  baseSeed: z.number().int().min(0).max(2 ** 31).default(1),
  sweep: z.array(sweepSchema).max(2).default([]),
  metrics: z
    .array(z.string().refine((m) => METRIC_BY_ID.has(m), { message: `expected a metric id (${METRIC_IDS.join(', ')})` }))
    .min(1)
    .default(DEFAULT_METRICS),
  sequential: z
    .strictObject({
      relativeHalfWidth: z.number().positive().optional()
        .meta({ description: 'Stop when every metric’s 95% half-width is under this share of its mean.' }),
      halfWidth: z.record(z.string(), z.number().positive()).optional()
        .meta({ description: 'Metric id → absolute half-width target.' }),
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

export function parseExperiment(input: unknown): Experiment {
  const r = experimentSchema.safeParse(input);
  if (r.success) return r.data;
  throw new ExperimentError(r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
}

/**
 * Parse and plan an experiment, reporting every problem at once: when the experiment itself
 * is malformed, the structures that are well formed are still resolved and their problems
 * (unreadable files, invalid scenarios, bad overrides) listed with the others.
 */
export function parseAndPlanExperiment(input: unknown, load: (ref: { preset?: string; file?: string; scenario?: unknown }) => unknown): Plan {
  const r = experimentSchema.safeParse(input);
  if (r.success) return planExperiment(r.data, load);
  const problems: ScenarioProblem[] = r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
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
  const points = e.sweep.reduce((n, s) => n * (s.values?.length ?? s.steps ?? 1), 1);
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
}

export interface JobResult {
  index: number;
  structure: number;
  point: number;
  replication: number;
  seed: number;
  values: number[];
  events: number;
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
 * Resolve and validate every structure at every sweep point. `load` turns a structure's
 * preset or file into scenario JSON (the CLI reads files; the app passes objects).
 */
export function planExperiment(
  experiment: Experiment,
  load: (ref: { preset?: string; file?: string; scenario?: unknown }) => unknown,
): Plan {
  const problems: ScenarioProblem[] = [];
  const structures: ResolvedStructure[] = [];
  const axes = experiment.sweep.map((s) => sweepValues(s).map((v) => ({ param: s.param, value: v })));
  const points: SweepPoint[] =
    axes.length === 0
      ? [{ values: {} }]
      : axes.length === 1
        ? axes[0].map((a) => ({ values: { [a.param]: a.value } }))
        : axes[0].flatMap((a) => axes[1].map((b) => ({ values: { [a.param]: a.value, [b.param]: b.value } })));
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
      if (!v.ok) for (const p of v.problems) problems.push({ path: `structures[${si}] at sweep point ${pi}: ${p.path}`, message: p.message });
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
  st: z.output<typeof structureSchema>, si: number, load: (ref: { preset?: string; file?: string; scenario?: unknown }) => unknown,
  problems: ScenarioProblem[],
): Scenario | undefined {
  let json: unknown;
  try {
    json = load(st);
  } catch (e) {
    const m = (e as Error).message;
    problems.push(...(e instanceof ScenarioError ? e.problems.map((p) => ({ path: `structures[${si}]${p.path ? `.${p.path}` : ''}`, message: p.message })) : [{ path: `structures[${si}]`, message: m }]));
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
          scenario: plan.scenarios[s][p],
          metrics: e.metrics,
        });
  return jobs;
}

/** Run one job: the same function in a worker, a Node worker thread or in process. */
export function runJob(job: Job): JobResult {
  const { summary } = simulate(job.scenario, { seed: job.seed, days: job.days, snapshotEveryMinutes: 0 });
  return {
    index: job.index,
    structure: job.structure,
    point: job.point,
    replication: job.replication,
    seed: job.seed,
    values: job.metrics.map((m) => METRIC_BY_ID.get(m)!.get(summary)),
    events: summary.events,
  };
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

export interface Manifest {
  flatgov: string;
  scenarioSchemaVersion: number;
  experimentVersion: number;
  experiment: Experiment;
  scenarios: { label: string; id: string; sha256: string }[];
  seeds: number[];
  replications: number;
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
      const unit = METRIC_BY_ID.get(metric)!.unit;
      const cols = plan.structures.map((_, s) => column(sorted, s, p, mi, replications));
      plan.structures.forEach((st, s) => summary.push({ structure: st.label, point: pt.values, metric, unit, ...interval(cols[s]) }));
      for (let s = 1; s < plan.structures.length; s++) {
        differences.push({
          a: plan.structures[0].label, b: plan.structures[s].label, point: pt.values, metric, unit,
          ...pairedDifference(cols[0], cols[s]),
          unpairedHalf: welchHalf(cols[0].filter(Number.isFinite), cols[s].filter(Number.isFinite)),
        });
      }
    });
  });
  const rows: TidyRow[] = [];
  for (const r of sorted)
    metrics.forEach((metric, mi) =>
      rows.push({ structure: plan.structures[r.structure].label, point: plan.points[r.point].values, replication: r.replication, seed: r.seed, metric, value: r.values[mi] }),
    );
  return { summary, differences, rows };
}

/** SHA-256 of a value's canonical JSON (keys sorted), as hex. */
export async function sha256(value: unknown): Promise<string> {
  const canonical = JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function manifestFor(
  plan: Plan, replications: number, complete: boolean, date: Date, shard?: { index: number; count: number },
): Promise<Manifest> {
  return {
    flatgov: FLATGOV_VERSION,
    scenarioSchemaVersion: SCHEMA_VERSION,
    experimentVersion: EXPERIMENT_VERSION,
    experiment: plan.experiment,
    scenarios: await Promise.all(plan.structures.map(async (s) => ({ label: s.label, id: s.scenario.id, sha256: await sha256(s.scenario) }))),
    seeds: Array.from({ length: replications }, (_, k) => replicationSeed(plan.experiment.baseSeed, k)),
    replications,
    complete: complete && !shard,
    ...(shard ? { shard: { index: shard.index, count: shard.count, finished: complete } } : {}),
    date: date.toISOString(),
  };
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

/** One CSV cell: quoted when needed, and never a formula a spreadsheet would run. */
export const csvCell = (v: unknown): string => {
  let s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v ?? '');
  // A text cell a spreadsheet would run as a formula (=, +, -, @, tab, return) is prefixed with a quote.
  if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The tidy rows as CSV, the manifest on a first comment line (`#`). */
export function toCsv(result: ExperimentResult): string {
  const params = [...new Set(result.rows.flatMap((r) => Object.keys(r.point)))];
  const header = ['structure', ...params, 'replication', 'seed', 'metric', 'value'];
  const lines = [`# flatgov manifest: ${JSON.stringify(result.manifest)}`, header.join(',')];
  for (const r of result.rows) lines.push([r.structure, ...params.map((p) => r.point[p]), r.replication, r.seed, r.metric, r.value].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

export function toJson(result: ExperimentResult): string {
  return `${JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
