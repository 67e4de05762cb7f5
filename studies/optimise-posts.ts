/**
 * The best allocation a budget buys: how many middle-level units, and how a fixed number of
 * city posts (Longgang's 1,863 administrative and public-institution posts, 行政事业编制) is
 * shared between the middle level, the social governance centre, the hotline and the
 * departments, to minimise the mean time to close (open cases counted) within a budget and
 * the service targets.
 *
 * - Free parameters (`ALLOCATION_DIMENSIONS`, allocation.ts): the number of middle-level
 *   units and the posts of the middle level, the centre and the hotline; the departments take
 *   the rest, so the total of city posts is held exactly.
 * - Objective and constraints: the mean time to close, open cases counted (h), minimised,
 *   subject to the annual administrative cost being at most the budget (by default the
 *   structure's own cost as shipped, measured on its own runs) and every service target named
 *   being met on average (e.g. at least 90% of non-field cases closed within 24 h).
 * - Search: CMA-ES with restarts on common random numbers, then a race of the finalists on
 *   fresh seeds, the shipped allocation always among them (analysis/optimise.ts): every
 *   figure reported is a mean over the race's replications with its 95% interval, and the
 *   shipped allocation is compared with the best on the same seeds.
 * - The Pareto front (`postsPareto`): the total of city posts free as well (a budget that may
 *   grow or shrink), annual cost against the mean time to close, by Chebyshev scalarisations
 *   (analysis/pareto.ts).
 *
 * Every run goes through the executor it is given (a worker pool, the results cache), so a
 * search stopped and started again reuses the runs it made: the same options and seed ask
 * for the same runs. A search is a sequence of generations, each depending on the last, so
 * it is not split into shards across machines.
 */
import { optimise, paretoFront, type Dimension, type Interval, type OptimiseResult, type Run } from '../analysis/index.ts';
import type { Executor } from '../experiments/executor.ts';
import type { Job } from '../experiments/jobs.ts';
import { meanInterval } from '../analysis/stats.ts';
import { replicationSeed } from '../sim/random/rng.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { totalPosts } from '../scenarios/parts.ts';
import type { Scenario } from '../scenarios/schema.ts';
import {
  ALLOCATION_DIMENSIONS,
  ALLOCATION_METRICS,
  AllocationError,
  allocationPlaces,
  allocationScenario,
  shippedAllocation,
  TOTAL_DIMENSION,
  type AllocationPlaces,
  type ServiceTarget,
} from './allocation.ts';

export interface AllocationOptions {
  /** The structure whose posts are allocated (Longgang 2021). */
  base: Scenario;
  /** Runs in all, search and race (default 600). */
  runs?: number;
  days?: number;
  warmupDays?: number;
  /** Demand as a multiple of the structure's (default 1). */
  load?: number;
  /** Annual cost allowed (yuan/year); default the structure's own as shipped, measured on `budgetReplications` runs. */
  budget?: number;
  budgetReplications?: number;
  targets?: ServiceTarget[];
  seed?: number;
}

export const DEFAULT_ALLOCATION = {
  runs: 600,
  days: 120,
  warmupDays: 20,
  load: 1,
  budgetReplications: 10,
  targets: [{ metric: 'sla.close24h', min: 0.85 }] as ServiceTarget[],
  seed: 1,
};

export interface AllocationDesign {
  x: Record<string, number>;
  places: AllocationPlaces;
  runs: number;
  /** Mean over the race's replications with its 95% interval, per ALLOCATION_METRICS. */
  figures: Record<(typeof ALLOCATION_METRICS)[number], Interval>;
  /** Paired difference in the objective from the best design (h; 0 for the best). */
  difference: Interval;
  feasible: 'yes' | 'no' | 'uncertain';
  shipped: boolean;
}

export interface AllocationResult {
  modelVersion: string;
  structure: { id: string; name: string };
  days: number;
  warmupDays: number;
  load: number;
  totalCityPosts: number;
  budget: { yuan: number; how: 'given' | 'shipped'; interval?: Interval };
  targets: ServiceTarget[];
  dimensions: Dimension[];
  /** Finalists, best first; the shipped allocation among them. */
  designs: AllocationDesign[];
  best: AllocationDesign;
  shipped: AllocationDesign;
  runs: number;
  search: OptimiseResult['search'];
}

export interface AllocationProgress {
  stage: 'budget' | 'search';
  runs: number;
}

type Checked = ReturnType<typeof checkOptions>;

/**
 * One batch of candidates through the executor, each run's ALLOCATION_METRICS back; an
 * allocation that cannot be made (AllocationError) is not run and gives undefined.
 */
async function runCandidates(
  exec: Executor,
  batch: readonly { x: Record<string, number>; seed: number }[],
  scenarioAt: (x: Record<string, number>) => Scenario,
  opt: Checked,
): Promise<(number[] | undefined)[]> {
  const scenarios = batch.map((r) => {
    try {
      return scenarioAt(r.x);
    } catch (e) {
      if (e instanceof AllocationError) return undefined;
      throw e;
    }
  });
  return Promise.all(
    scenarios.map(async (scenario, i) => {
      if (!scenario) return undefined;
      const job: Job = {
        index: i,
        structure: 0,
        point: 0,
        replication: 0,
        seed: batch[i].seed,
        days: opt.days,
        warmupDays: opt.warmupDays,
        scenario,
        metrics: [...ALLOCATION_METRICS],
      };
      return (await exec.run(job)).values;
    }),
  );
}

/** The shipped structure on seeds of its own (the budget's runs): each run's ALLOCATION_METRICS. */
async function shippedRuns(exec: Executor, base: Scenario, opt: Checked): Promise<number[][]> {
  const seeds = Array.from({ length: opt.budgetReplications }, (_, k) => replicationSeed(opt.seed + 1_000_003, k));
  const vals = await runCandidates(
    exec,
    seeds.map((seed) => ({ x: {}, seed })),
    () => base,
    opt,
  );
  return vals.map((v) => v!);
}

function withLoad(s: Scenario, load: number): Scenario {
  if (load === 1) return s;
  const out = structuredClone(s);
  out.demand.casesPerResidentYear *= load;
  return out;
}

function checkOptions(o: AllocationOptions) {
  const opt = { ...DEFAULT_ALLOCATION, ...o };
  if (!(Number.isInteger(opt.runs) && opt.runs >= MIN_RUNS))
    throw new RangeError(`runs: expected a whole number ≥ ${MIN_RUNS}, got ${opt.runs}`);
  if (!(opt.days > 0)) throw new RangeError(`days: expected a positive number, got ${opt.days}`);
  if (!(opt.warmupDays >= 0 && opt.warmupDays < opt.days))
    throw new RangeError(`warmupDays: expected 0 ≤ warm-up < days (${opt.days}), got ${opt.warmupDays}`);
  if (!(opt.load > 0 && opt.load <= 10)) throw new RangeError(`load: expected a multiple of demand in (0, 10], got ${opt.load}`);
  if (opt.budget !== undefined && !(opt.budget > 0)) throw new RangeError(`budget: expected yuan/year > 0, got ${opt.budget}`);
  for (const t of opt.targets)
    if (!(ALLOCATION_METRICS as readonly string[]).includes(t.metric) || !(t.min >= 0 && t.min <= 1))
      throw new RangeError(
        `targets: expected a share in [0, 1] of ${ALLOCATION_METRICS.filter((m) => m.startsWith('sla.')).join(', ')}, got ${t.metric} ≥ ${t.min}`,
      );
  return opt;
}

/** Finalists besides the shipped allocation, and the race's share of the runs: at least (5 + 1) × 5 runs race. */
const FINALISTS = 5;
const RACE_SHARE = 0.35;
export const MIN_RUNS = Math.ceil(((FINALISTS + 1) * 5) / RACE_SHARE) + 14;

const ix = (m: (typeof ALLOCATION_METRICS)[number]) => ALLOCATION_METRICS.indexOf(m);

/** Run the optimisation (see the module comment). */
export async function optimisePosts(
  exec: Executor,
  options: AllocationOptions,
  onProgress?: (p: AllocationProgress) => void,
): Promise<AllocationResult> {
  const opt = checkOptions(options);
  const base = withLoad(options.base, opt.load);
  const total = totalPosts(base, 'city');
  const shipped = shippedAllocation(base);
  let runs = 0;

  // The budget: the shipped structure's own annual cost, on seeds of its own.
  let budget: AllocationResult['budget'];
  if (opt.budget !== undefined) budget = { yuan: opt.budget, how: 'given' };
  else {
    const vals = await shippedRuns(exec, base, opt);
    runs += vals.length;
    onProgress?.({ stage: 'budget', runs });
    const iv = meanInterval(
      vals.map((v) => v[ix('cost.annualYuan')]),
      0.95,
    );
    budget = { yuan: iv.mean, how: 'shipped', interval: iv };
  }

  const scenarioAt = (x: Record<string, number>) => allocationScenario(base, x, total);
  const outcome = (v: number[]) => ({
    objective: v[0],
    constraints: [(v[ix('cost.annualYuan')] - budget.yuan) / budget.yuan, ...opt.targets.map((t) => t.min - v[ix(t.metric)])],
    objectives: v,
  });
  const res = await optimise({
    dimensions: [...ALLOCATION_DIMENSIONS],
    seed: opt.seed,
    budget: opt.runs,
    finalists: FINALISTS,
    raceShare: RACE_SHARE,
    include: [shipped],
    start: shipped,
    evaluate: async (batch: Run[]) => {
      // An impossible allocation (departments left without posts) is infeasible without a run.
      const vals = await runCandidates(exec, batch, scenarioAt, opt);
      runs += vals.filter(Boolean).length;
      onProgress?.({ stage: 'search', runs });
      return vals.map((v) =>
        v
          ? outcome(v)
          : { objective: Infinity, constraints: [1, ...opt.targets.map(() => 1)], objectives: ALLOCATION_METRICS.map(() => NaN) },
      );
    },
  });
  const designs: AllocationDesign[] = res.designs.map((d) => {
    const figures = Object.fromEntries(ALLOCATION_METRICS.map((m, j) => [m, d.objectives![j]])) as AllocationDesign['figures'];
    return {
      x: d.x,
      places: allocationPlaces(scenarioAt(d.x)),
      runs: d.runs,
      figures,
      difference: d.difference,
      feasible: d.feasible,
      shipped: d.included,
    };
  });
  return {
    modelVersion: MODEL_VERSION,
    structure: { id: options.base.id, name: options.base.name },
    days: opt.days,
    warmupDays: opt.warmupDays,
    load: opt.load,
    totalCityPosts: total,
    budget,
    targets: opt.targets,
    dimensions: [...ALLOCATION_DIMENSIONS],
    designs,
    best: designs[0],
    shipped: designs.find((d) => d.shipped)!,
    runs,
    search: res.search,
  };
}

const feasibility = (ts: { min: number; iv: Interval }[]): 'yes' | 'no' | 'uncertain' =>
  ts.every((t) => t.iv.lo >= t.min) ? 'yes' : ts.some((t) => t.iv.hi < t.min) ? 'no' : 'uncertain';

export interface ParetoAllocation {
  x: Record<string, number>;
  places: AllocationPlaces;
  runs: number;
  cost: Interval;
  hours: Interval;
  feasible: 'yes' | 'no' | 'uncertain';
}

export interface PostsParetoResult {
  /** Non-dominated feasible allocations found, by increasing cost (the shipped one, raced as a reference, left out). */
  front: ParetoAllocation[];
  runs: number;
  /** The shipped allocation on runs of its own. */
  shipped: ParetoAllocation;
  /** Allocations of the front cheaper and faster than the shipped one on the means. */
  dominating: ParetoAllocation[];
}

/**
 * The front of annual cost against the mean time to close when the total of city posts is
 * free too (TOTAL_DIMENSION), the service targets as constraints.
 */
export async function postsPareto(
  exec: Executor,
  options: AllocationOptions & { points?: number },
  onProgress?: (p: AllocationProgress) => void,
): Promise<PostsParetoResult> {
  const opt = checkOptions(options);
  const points = options.points ?? 5;
  if (!(Number.isInteger(points) && points >= 2)) throw new RangeError(`points: expected a whole number ≥ 2, got ${points}`);
  if (opt.runs < points * MIN_RUNS)
    throw new RangeError(
      `runs: expected at least ${points * MIN_RUNS} for a front of ${points} points (${MIN_RUNS} each), got ${opt.runs}`,
    );
  const base = withLoad(options.base, opt.load);
  const own = totalPosts(base, 'city');
  const dims = [...ALLOCATION_DIMENSIONS, TOTAL_DIMENSION];
  const scenarioAt = (x: Record<string, number>) => allocationScenario(base, x, own * x.totalPosts);
  let runs = 0;
  const evaluate = async (batch: Run[]) => {
    const vals = await runCandidates(exec, batch, scenarioAt, opt);
    runs += vals.filter(Boolean).length;
    onProgress?.({ stage: 'search', runs });
    return vals.map((v) => {
      if (!v) return { objectives: [Infinity, Infinity] as [number, number], constraints: opt.targets.map(() => 1) };
      return {
        objectives: [v[ix('cost.annualYuan')] / 1e6, v[0]] as [number, number],
        constraints: opt.targets.map((t) => t.min - v[ix(t.metric)]),
      };
    });
  };
  const res = await paretoFront({
    dimensions: dims,
    seed: opt.seed,
    budget: opt.runs,
    points,
    finalists: FINALISTS,
    raceShare: RACE_SHARE,
    include: [{ ...shippedAllocation(base), totalPosts: 1 }],
    start: { ...shippedAllocation(base), totalPosts: 1 },
    evaluate,
  });
  const as = (d: (typeof res.front)[number]): ParetoAllocation => ({
    x: d.x,
    places: allocationPlaces(scenarioAt(d.x)),
    runs: d.runs,
    cost: d.objectives[0],
    hours: d.objectives[1],
    feasible: d.feasible,
  });
  // The shipped allocation on seeds of its own.
  const vals = await shippedRuns(exec, base, opt);
  runs += vals.length;
  const col = (j: number, scale = 1) =>
    meanInterval(
      vals.map((v) => v[j] * scale),
      0.95,
    );
  const shipped: ParetoAllocation = {
    x: { ...shippedAllocation(base), totalPosts: 1 },
    places: allocationPlaces(base),
    runs: vals.length,
    cost: col(ix('cost.annualYuan'), 1e-6),
    hours: col(0),
    feasible: feasibility(opt.targets.map((t) => ({ min: t.min, iv: col(ix(t.metric)) }))),
  };
  // The shipped allocation races in every scalarisation as a reference; the front is what was found.
  const isShipped = (x: Record<string, number>) => dims.every((d) => Math.abs(x[d.name] - shipped.x[d.name]) < 1e-9);
  const seen = new Map<string, ParetoAllocation>();
  for (const d of res.front.map(as)) {
    if (isShipped(d.x)) continue;
    const key = JSON.stringify(d.x);
    if (!seen.has(key) || seen.get(key)!.runs < d.runs) seen.set(key, d);
  }
  const front = [...seen.values()].sort((a, b) => a.cost.mean - b.cost.mean);
  const dominating = front.filter((d) => d.cost.mean < shipped.cost.mean && d.hours.mean < shipped.hours.mean);
  return { front, runs, shipped, dominating };
}
