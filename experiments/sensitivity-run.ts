/**
 * Global sensitivity of an experiment's outputs to the assumptions: Morris screening of
 * all of them, then Sobol first-order and total indices of the ones that matter, for each
 * metric of each structure and, most useful, for the difference between each structure
 * and the first. Every run of every design point uses the experiment's base seed (common
 * random numbers), so effects are the assumptions', not chance's; the noise that remains
 * is measured at the presets' own values over the experiment's replications and reported
 * beside the indices.
 *
 * The same code runs in Node (CLI) and in the browser (the app's "What decides the answer"
 * view): jobs go to any Executor.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { z } from 'zod';
import { metricInfo } from '../sim/observe/catalog.ts';
import { replicationSeed, stream } from '../sim/random/rng.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { applyAssumptions, assumptions, assumptionsByIds, valueAt, type Assumption } from '../scenarios/assumptions.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { validateScenario } from '../scenarios/validate.ts';
import { EMULATOR_DEFAULTS, ExperimentError, sensitivitySchema } from './experiment.ts';
import { metricUnit } from './results.ts';
import { type Job, type JobResult } from './jobs.ts';
import { type Plan } from './plan.ts';
import type { Executor } from './executor.ts';
import {
  morrisDesign,
  morrisIndices,
  saltelliDesign,
  saltelliPoints,
  sobolIndices,
  type MorrisIndex,
  type SobolIndex,
} from './sensitivity.ts';

export type SensitivitySpec = z.output<typeof sensitivitySchema>;
export { sensitivitySchema };

/** One output analysed: a metric of one structure, or its difference between a structure and the first. */
export interface SensitivityOutput {
  metric: string;
  label: string;
  unit: string;
  /** A structure's label, or "B − A" for a difference. */
  of: string;
  difference: boolean;
}

export interface SensitivityResult {
  modelVersion: string;
  experiment: Plan['experiment'];
  spec: SensitivitySpec;
  structures: string[];
  days: number;
  seed: number;
  factors: { id: string; range: [number, number]; scale: boolean; unit: string; description: string; reasoning: string }[];
  outputs: SensitivityOutput[];
  /** At the presets' own values: each output's mean and standard deviation over the experiment's seeds. */
  baseline: { mean: number; sd: number; seeds: number }[];
  morris: { trajectories: number; levels: number; runs: number; indices: MorrisIndex[][] };
  /** Factor order for Sobol: the first output's five largest μ*, then each compared output's next in turn. */
  ranking: string[];
  sobol?: { n: number; factors: string[]; runs: number; indices: SobolIndex[][] };
}

export interface SensitivityProgress {
  phase: 'noise' | 'morris' | 'sobol' | 'design';
  done: number;
  total: number;
}

/** The number of simulation runs a sensitivity analysis takes, per phase (an emulator-based one: all in its design). */
export function sensitivityRuns(
  plan: Plan,
  spec: SensitivitySpec,
): { noise: number; morris: number; sobol: number; design: number; total: number } {
  const S = plan.structures.length;
  if (spec.method === 'emulator') {
    const design = (spec.emulator ?? EMULATOR_DEFAULTS).points * S;
    return { noise: 0, morris: 0, sobol: 0, design, total: design };
  }
  const k = factorsOf(spec).length;
  const noise = Math.min(plan.experiment.replications, 10) * S;
  const morris = spec.morris.trajectories * (k + 1) * S;
  const sobol = spec.sobol ? spec.sobol.n * (Math.min(spec.sobol.top, k) + 2) * S : 0;
  return { noise, morris, sobol, design: 0, total: noise + morris + sobol };
}

function factorsOf(spec: SensitivitySpec): Assumption[] {
  return spec.assumptions === 'all' ? assumptions() : assumptionsByIds(spec.assumptions);
}

/** The experiment's sensitivity block, or the defaults. */
export function sensitivitySpec(e: Plan['experiment']): SensitivitySpec {
  return e.sensitivity ?? sensitivitySchema.parse({});
}

function outputsOf(plan: Plan): SensitivityOutput[] {
  const labels = plan.structures.map((s) => s.label);
  const out: SensitivityOutput[] = [];
  for (const metric of plan.experiment.metrics) {
    const label = metricInfo(metric)?.label ?? metric;
    const unit = metricUnit(metric);
    for (let s = 1; s < labels.length; s++) out.push({ metric, label, unit, of: `${labels[s]} − ${labels[0]}`, difference: true });
    for (const l of labels) out.push({ metric, label, unit, of: l, difference: false });
  }
  return out;
}

/** Output values from one design point's results (one per structure, in order). */
function outputValues(plan: Plan, perStructure: number[][]): number[] {
  const S = plan.structures.length;
  const out: number[] = [];
  plan.experiment.metrics.forEach((_, mi) => {
    for (let s = 1; s < S; s++) out.push(perStructure[s][mi] - perStructure[0][mi]);
    for (let s = 0; s < S; s++) out.push(perStructure[s][mi]);
  });
  return out;
}

/** How an analysis gets the results of one phase's jobs, in the order of the jobs. */
export type PhaseRunner = (phase: SensitivityProgress['phase'], jobs: Job[]) => Promise<JobResult[]>;

/** The jobs on an executor, as many at once as it runs, in order; stops when the signal aborts. */
export async function runOn(
  exec: Executor,
  jobs: Job[],
  opts: { signal?: AbortSignal; onDone?: (done: number) => void } = {},
): Promise<JobResult[]> {
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < jobs.length) {
      if (opts.signal?.aborted) throw new DOMException('sensitivity analysis cancelled', 'AbortError');
      const i = next++;
      results[i] = await exec.run(jobs[i]);
      done++;
      opts.onDone?.(done);
    }
  };
  const onAbort = () => exec.cancel();
  opts.signal?.addEventListener('abort', onAbort);
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(exec.size, jobs.length)) }, lane));
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  return results;
}

/**
 * Run the analysis: the noise at the presets' values, Morris over every assumption, then
 * Sobol over the `top` ranked. The experiment gives the structures, days, metrics and base
 * seed; sweeps and uncertainty blocks are refused (the analysis draws the assumptions itself).
 */
export async function runSensitivity(
  plan: Plan,
  spec: SensitivitySpec,
  exec: Executor,
  opts: { signal?: AbortSignal; onProgress?: (p: SensitivityProgress) => void } = {},
): Promise<SensitivityResult> {
  return analyseSensitivity(plan, spec, (phase, jobs) =>
    runOn(exec, jobs, { signal: opts.signal, onDone: (done) => opts.onProgress?.({ phase, done, total: jobs.length }) }),
  );
}

/** A sensitivity analysis draws the assumptions itself: an experiment's own sweep, design or uncertainty is refused. */
export function refuseOwnDesign(plan: Plan): void {
  const e = plan.experiment;
  if (plan.points.length !== 1 || e.sweep.length > 0 || e.design.type === 'list')
    throw new ExperimentError([
      { path: 'sweep', message: 'a sensitivity analysis varies the assumptions itself: leave sweep and design out' },
    ]);
  if (e.uncertainty)
    throw new ExperimentError([
      { path: 'uncertainty', message: 'a sensitivity analysis draws the assumptions itself: leave uncertainty out' },
    ]);
}

/**
 * The analysis itself, with its runs got from `runPhase`: the one-machine run passes an
 * executor's, the shards of a cluster their slices, the merge the runs the shards made. The
 * designs and the bootstrap draw from one seeded stream in a fixed order, so the same runs
 * give the same result, byte for byte, however they were made.
 */
export async function analyseSensitivity(plan: Plan, spec: SensitivitySpec, runPhase: PhaseRunner): Promise<SensitivityResult> {
  const e = plan.experiment;
  if (spec.method === 'emulator')
    throw new ExperimentError([
      {
        path: 'sensitivity.method',
        message: 'an emulator-based analysis runs through analyseAnySensitivity (experiments/sensitivity-any.ts)',
      },
    ]);
  refuseOwnDesign(plan);
  const factors = factorsOf(spec);
  const k = factors.length;
  const S = plan.structures.length;
  const outputs = outputsOf(plan);
  const seed = replicationSeed(e.baseSeed, 0);
  const rand = stream(spec.seed, 'sensitivity');

  let index = 0;
  const jobOf = (scenario: Scenario, structure: number, jobSeed: number, replication = 0): Job => ({
    index: index++,
    structure,
    point: 0,
    replication,
    seed: jobSeed,
    days: e.days,
    scenario,
    metrics: e.metrics,
  });
  /** The jobs of one design point u (unit values of `which`), one per structure. */
  const pointJobs = (u: number[], which: Assumption[]): Job[] => {
    const values = Object.fromEntries(which.map((a, i) => [a.id, valueAt(a, u[i])]));
    return plan.structures.map((st, s) => {
      const v = validateScenario(applyAssumptions(st.scenario, values));
      if (!v.ok)
        throw new ExperimentError(
          v.problems.map((q) => ({
            path: `structures[${s}] at the assumptions ${JSON.stringify(values)}: ${q.path}`,
            message: q.message,
          })),
        );
      return jobOf(v.scenario, s, seed);
    });
  };

  const run = async (phase: SensitivityProgress['phase'], jobs: Job[]): Promise<number[][]> => {
    const results = await runPhase(phase, jobs);
    // Group by design point: S consecutive jobs.
    const points: number[][] = [];
    for (let j = 0; j < results.length; j += S)
      points.push(
        outputValues(
          plan,
          results.slice(j, j + S).map((r) => r.values),
        ),
      );
    return points;
  };
  // Noise at the presets' own values: the spread over seeds the indices should be read against.
  const noiseSeeds = Math.min(e.replications, 10);
  const noiseJobs: Job[] = [];
  for (let r = 0; r < noiseSeeds; r++)
    plan.structures.forEach((st, s) => noiseJobs.push(jobOf(st.scenario, s, replicationSeed(e.baseSeed, r), r)));
  const noise = await run('noise', noiseJobs);
  const baseline = outputs.map((_, o) => {
    const xs = noise.map((p) => p[o]);
    return { mean: mean(xs), sd: xs.length > 1 ? sampleStandardDeviation(xs) : 0, seeds: xs.length };
  });

  // Morris screening of every assumption.
  const design = morrisDesign(k, spec.morris.trajectories, rand, spec.morris.levels);
  const morrisJobs = design.flatMap((t) => t.points.flatMap((u) => pointJobs(u, factors)));
  const morrisOut = await run('morris', morrisJobs);
  const perTrajectory = (o: number) => design.map((t, ti) => t.points.map((_, j) => morrisOut[ti * (k + 1) + j][o]));
  const morris = outputs.map((_, o) => morrisIndices(design, perTrajectory(o), rand, spec.bootstrap));

  // Rank for Sobol: the five most decisive for the first output (the first metric's
  // difference when structures are compared), then each output's next in turn.
  const byOutput = morris.map((m) => factors.map((_, i) => i).sort((a, b) => m[b].muStar.estimate - m[a].muStar.estimate || a - b));
  const order: number[] = [];
  const take = (i: number) => {
    if (!order.includes(i)) order.push(i);
  };
  byOutput[0].slice(0, 5).forEach(take);
  const compared = outputs.map((o, i) => (o.difference || S === 1 ? i : -1)).filter((i) => i >= 0);
  for (let rank = 0; order.length < k && rank < k; rank++) for (const o of compared) take(byOutput[o][rank]);
  for (let i = 0; i < k; i++) take(i);
  const result: SensitivityResult = {
    modelVersion: MODEL_VERSION,
    experiment: e,
    spec,
    structures: plan.structures.map((s) => s.label),
    days: e.days,
    seed,
    factors: factors.map((a) => ({
      id: a.id,
      range: a.range,
      scale: a.scale,
      unit: a.unit,
      description: a.description,
      reasoning: a.reasoning,
    })),
    outputs,
    baseline,
    morris: { trajectories: spec.morris.trajectories, levels: spec.morris.levels, runs: morrisJobs.length, indices: morris },
    ranking: order.map((i) => factors[i].id),
  };
  if (!spec.sobol) return result;

  // Sobol indices of the top-ranked assumptions; the others keep the presets' values.
  const top = order.slice(0, Math.min(spec.sobol.top, k)).map((i) => factors[i]);
  const sd = saltelliDesign(spec.sobol.n, top.length, rand);
  const sobolJobs = saltelliPoints(sd).flatMap((u) => pointJobs(u, top));
  const sobolOut = await run('sobol', sobolJobs);
  result.sobol = {
    n: spec.sobol.n,
    factors: top.map((a) => a.id),
    runs: sobolJobs.length,
    indices: outputs.map((_, o) =>
      sobolIndices(
        sd,
        sobolOut.map((p) => p[o]),
        rand,
        spec.bootstrap,
      ),
    ),
  };
  return result;
}

/** The result as the file `--out` writes (numbers that are not finite as null), the same bytes however its runs were made. */
export function sensitivityJson(result: object): string {
  return `${JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 1)}\n`;
}
