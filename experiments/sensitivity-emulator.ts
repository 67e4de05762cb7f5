/**
 * Sensitivity to the assumptions from emulators: which assumptions decide the answer, with
 * intervals narrow enough to rank them, from a few hundred runs.
 *
 * 1. A maximin Latin hypercube (analysis/design.ts) over the assumptions' ranges. Design
 *    point p runs every structure once, all on the seed of replication p (the same seed for
 *    every structure, so differences are paired; another seed at each point, so the
 *    emulators' nugget measures the seed noise and the indices are of the mean over seeds).
 * 2. Cost-only assumptions (cost-only.ts) are in the design but not in the runs: a run is
 *    made with the structure's own costs, and the point's cost values are applied to it
 *    afterwards. For the outputs that are not costs they cannot matter, and are left out
 *    of the emulators (their indices are 0 by construction, and so reported).
 * 3. One Gaussian-process emulator (analysis/emulator.ts) per output: each metric of each
 *    structure and each structure's difference from the first. About a fifth of the points
 *    are held out; each emulator is checked on them (R², standardised errors, coverage of
 *    the 95% intervals: analysis/emulator-check.ts) and an emulator that fails gives no
 *    indices, only the reasons it failed.
 * 4. Sobol first-order and total indices of every assumption from the emulator
 *    (analysis/sobol-emulator.ts), with 95% intervals that include the emulator's own
 *    uncertainty and the Monte Carlo error.
 *
 * The runs come through a PhaseRunner (one phase, 'design'), so the analysis shards,
 * resumes and uses the results cache as every design does (sensitivity-shard.ts); the
 * rest is a pure function of the runs and the seed, so a merge gives the same bytes.
 */
import { mean as meanOf, sampleStandardDeviation } from 'simple-statistics';
import {
  checkHeldOut,
  emulatorSobol,
  fitEmulator,
  maximinLatinHypercube,
  seeded,
  type EmulatorCheck,
  type IndexEstimate,
} from '../analysis/index.ts';
import { shuffled } from '../analysis/random.ts';
import { metricInfo } from '../sim/observe/catalog.ts';
import { replicationSeed } from '../sim/random/rng.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { applyAssumptions, assumptions, assumptionsByIds, valueAt, type Assumption } from '../scenarios/assumptions.ts';
import { validateScenario } from '../scenarios/validate.ts';
import { COST_PARTS, costsUnder, isCostMetric, isCostOnly } from './cost-only.ts';
import { EMULATOR_DEFAULTS, ExperimentError, warmupOf, type emulatorSpecSchema } from './experiment.ts';
import type { Job } from './jobs.ts';
import type { Plan } from './plan.ts';
import { metricUnit } from './results.ts';
import type { z } from 'zod';
import { refuseOwnDesign, type PhaseRunner, type SensitivityOutput, type SensitivitySpec } from './sensitivity-run.ts';

export type EmulatorSpec = z.output<typeof emulatorSpecSchema>;

/** The emulator block of a spec, with its defaults. */
export function emulatorSpecOf(spec: SensitivitySpec): EmulatorSpec {
  return spec.emulator ?? EMULATOR_DEFAULTS;
}

export interface EmulatorOutputResult {
  /** The assumptions the emulator takes (cost-only ones left out of outputs that are not costs). */
  inputs: string[];
  /** The held-out check. */
  check: EmulatorCheck;
  /** The fitted emulator in brief: length scales on the unit range (long: the assumption hardly matters), nugget, variance. */
  emulator?: { mean: 'linear' | 'constant'; lengthScales: number[]; noiseSd: number; processSd: number };
  /** Over the design's runs. */
  runs: { mean: number; sd: number };
  /** Sobol indices of every factor (in `factors` order), or undefined when the check failed. */
  indices?: { first: IndexEstimate; total: IndexEstimate }[];
  /** Why no indices are reported (a failed check, values that are not numbers). */
  refused?: string[];
  /** Variance of the mean response and of the seed noise, in the output's unit squared. */
  variance?: { mean: number; noise: number };
}

export interface EmulatorSensitivityResult {
  method: 'emulator';
  modelVersion: string;
  experiment: Plan['experiment'];
  spec: SensitivitySpec;
  structures: string[];
  days: number;
  /** The base seed; design point p runs on replication p's seed. */
  seed: number;
  factors: {
    id: string;
    range: [number, number];
    scale: boolean;
    unit: string;
    description: string;
    reasoning: string;
    /** Changes only costs: applied to the finished runs, not run. */
    costOnly: boolean;
  }[];
  design: { points: number; train: number; heldOut: number; runs: number; minDistance: number };
  outputs: SensitivityOutput[];
  results: EmulatorOutputResult[];
}

/** Runs of an emulator-based analysis: every structure at every design point. */
export function emulatorRuns(plan: Plan, spec: SensitivitySpec): number {
  return emulatorSpecOf(spec).points * plan.structures.length;
}

function factorsOf(spec: SensitivitySpec): Assumption[] {
  return spec.assumptions === 'all' ? assumptions() : assumptionsByIds(spec.assumptions);
}

/** The outputs analysed, each with its metric's index and the structure it is of (with `difference`, its difference from the first). */
function outputsOf(plan: Plan, which: EmulatorSpec['outputs']): { output: SensitivityOutput; metric: number; structure: number }[] {
  const labels = plan.structures.map((s) => s.label);
  const out: { output: SensitivityOutput; metric: number; structure: number }[] = [];
  plan.experiment.metrics.forEach((metric, mi) => {
    const label = metricInfo(metric)?.label ?? metric;
    const unit = metricUnit(metric);
    for (let s = 1; s < labels.length; s++)
      out.push({ output: { metric, label, unit, of: `${labels[s]} − ${labels[0]}`, difference: true }, metric: mi, structure: s });
    if (which === 'all' || labels.length === 1)
      labels.forEach((l, s) => out.push({ output: { metric, label, unit, of: l, difference: false }, metric: mi, structure: s }));
  });
  return out;
}

/** The analysis (see the module comment), its runs got from `runPhase`. */
export async function analyseEmulatorSensitivity(
  plan: Plan,
  spec: SensitivitySpec,
  runPhase: PhaseRunner,
): Promise<EmulatorSensitivityResult> {
  const e = plan.experiment;
  const es = emulatorSpecOf(spec);
  refuseOwnDesign(plan);
  const factors = factorsOf(spec);
  const k = factors.length;
  const S = plan.structures.length;
  const P = es.points;
  const nHeld = Math.max(10, Math.round(P * es.heldOut));
  if (P - nHeld < 10)
    throw new ExperimentError([
      { path: 'sensitivity.emulator.points', message: `expected enough points to train on and hold out ${nHeld}, got ${P}` },
    ]);
  const rand = seeded(`sensitivity-emulator/${spec.seed}`);
  const design = maximinLatinHypercube(P, k, rand);
  const dynamic = factors.map((a, i) => (isCostOnly(a.id) ? -1 : i)).filter((i) => i >= 0);
  const costly = factors.map((a, i) => (isCostOnly(a.id) ? i : -1)).filter((i) => i >= 0);
  const wantsCosts = costly.length > 0 && e.metrics.some(isCostMetric);
  const metrics = wantsCosts ? [...e.metrics, ...COST_PARTS] : e.metrics;
  const warmupDays = warmupOf(e);

  const jobs: Job[] = [];
  const runScenarios = design.points.map((u, p) => {
    const values = Object.fromEntries(dynamic.map((i) => [factors[i].id, valueAt(factors[i], u[i])]));
    return plan.structures.map((st, s) => {
      const v = validateScenario(applyAssumptions(st.scenario, values));
      if (!v.ok)
        throw new ExperimentError(
          v.problems.map((q) => ({
            path: `structures[${s}] at design point ${p} (${JSON.stringify(values)}): ${q.path}`,
            message: `${q.message} (narrow the assumption ranges or leave the assumption out of sensitivity.assumptions)`,
          })),
        );
      jobs.push({
        index: p * S + s,
        structure: s,
        point: 0,
        replication: p,
        seed: replicationSeed(e.baseSeed, p),
        days: e.days,
        warmupDays,
        scenario: v.scenario,
        metrics,
      });
      return v.scenario;
    });
  });
  const results = await runPhase('design', jobs);

  // Per point and structure, the metrics wanted, with the point's cost values applied.
  const nm = e.metrics.length;
  const valueOf = (p: number, s: number): number[] => {
    const r = results[p * S + s].values;
    const own = r.slice(0, nm);
    if (!wantsCosts) return own;
    const costValues = Object.fromEntries(costly.map((i) => [factors[i].id, valueAt(factors[i], design.points[p][i])]));
    const priced = costsUnder(runScenarios[p][s], r.slice(nm), costValues, e.metrics, { days: e.days, warmupDays });
    return own.map((v, m) => (isCostMetric(e.metrics[m]) ? priced[m] : v));
  };
  const perPoint = design.points.map((_, p) => Array.from({ length: S }, (_, s) => valueOf(p, s)));
  const analysed = outputsOf(plan, es.outputs);
  const outputs = analysed.map((a) => a.output);
  const ys = analysed.map(({ output, metric, structure }) =>
    perPoint.map((v) => (output.difference ? v[structure][metric] - v[0][metric] : v[structure][metric])),
  );

  // Hold out a fifth of the points, chosen at random (the design is space-filling either way).
  const order = shuffled(
    Array.from({ length: P }, (_, i) => i),
    rand,
  );
  const held = order.slice(0, nHeld).sort((a, b) => a - b);
  const train = order.slice(nHeld).sort((a, b) => a - b);

  const outResults = outputs.map((o, oi): EmulatorOutputResult => {
    const y = ys[oi];
    const cols = isCostMetric(o.metric) ? factors.map((_, i) => i) : dynamic;
    const inputs = cols.map((i) => factors[i].id);
    const finite = y.filter(Number.isFinite);
    const runs = { mean: finite.length > 0 ? meanOf(finite) : NaN, sd: finite.length > 1 ? sampleStandardDeviation(finite) : 0 };
    const emptyCheck = (reasons: string[]): EmulatorCheck => ({
      method: 'held-out',
      runs: held.length,
      r2: NaN,
      noiseAdjustedR2: NaN,
      rmse: NaN,
      standardisedErrors: { mean: NaN, sd: NaN, maxAbs: NaN },
      coverage95: NaN,
      criteria: { ...es.check },
      passed: false,
      reasons,
    });
    if (finite.length < y.length) {
      const reasons = [`${y.length - finite.length} of ${y.length} runs give no value (NaN)`];
      return { inputs, check: emptyCheck(reasons), runs, refused: reasons };
    }
    if (runs.sd === 0) {
      const reasons = ['the output is the same in every run: no assumption changes it'];
      return { inputs, check: emptyCheck(reasons), runs, refused: reasons };
    }
    const xOf = (rows: number[]) => rows.map((p) => cols.map((i) => design.points[p][i]));
    // A linear mean when there are runs enough to estimate it well (three per coefficient), else a constant.
    const mean: 'linear' | 'constant' = train.length >= 3 * (cols.length + 1) ? 'linear' : 'constant';
    const em = fitEmulator(
      xOf(train),
      train.map((p) => y[p]),
      rand,
      { kernel: es.kernel, mean },
    );
    const check = checkHeldOut(
      em,
      xOf(held),
      held.map((p) => y[p]),
      es.check,
    );
    const emulator = {
      mean,
      lengthScales: em.model.lengthScales,
      noiseSd: Math.sqrt(em.model.sigma2 * em.model.nugget),
      processSd: Math.sqrt(em.model.sigma2),
    };
    if (!check.passed) return { inputs, check, emulator, runs, refused: check.reasons };
    const sob = emulatorSobol(em, check, rand, {
      names: inputs,
      baseSamples: es.baseSamples,
      realisations: es.realisations,
    });
    const zero: IndexEstimate = { estimate: 0, lo: 0, hi: 0, emulatorSd: 0, monteCarloSd: 0 };
    const indices = factors.map((_, i) => {
      const c = cols.indexOf(i);
      return c >= 0 ? { first: sob.inputs[c].first, total: sob.inputs[c].total } : { first: zero, total: zero };
    });
    return { inputs, check, emulator, runs, indices, variance: sob.variance };
  });

  return {
    method: 'emulator',
    modelVersion: MODEL_VERSION,
    experiment: e,
    spec,
    structures: plan.structures.map((s) => s.label),
    days: e.days,
    seed: e.baseSeed,
    factors: factors.map((a) => ({
      id: a.id,
      range: a.range,
      scale: a.scale,
      unit: a.unit,
      description: a.description,
      reasoning: a.reasoning,
      costOnly: isCostOnly(a.id),
    })),
    design: { points: P, train: train.length, heldOut: held.length, runs: jobs.length, minDistance: design.minDistance },
    outputs,
    results: outResults,
  };
}

/** Whether a parsed result is an emulator-based one. */
export function isEmulatorResult(r: unknown): r is EmulatorSensitivityResult {
  return !!r && typeof r === 'object' && (r as EmulatorSensitivityResult).method === 'emulator';
}
