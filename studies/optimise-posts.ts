/**
 * The best allocation a budget buys: how many middle-level units, and how a fixed number of
 * city posts (Longgang's 1,863 administrative and public-institution posts, 行政事业编制) is
 * shared between the middle level, the social governance centre, the hotline and the
 * departments, to minimise the mean time to close (open cases counted) within a budget and
 * the service targets.
 *
 * - Free parameters (`ALLOCATION_DIMENSIONS`): the number of middle-level units (0 removes
 *   the level: the communities face the city), the posts of the middle level (shared equally
 *   by its units), of the centre and of the hotline. The departments take the rest of the
 *   total, each keeping its share among them; the cadres the reform sends down to the
 *   communities move with the departments' posts as the lever says, so the total of city
 *   posts is held exactly (`allocationScenario`). Grid workers and community staff are not
 *   city posts and stay as the structure has them; so do training, hours, calendars and policy.
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
import { metricInfo } from '../sim/observe/catalog.ts';
import { replicationSeed } from '../sim/random/rng.ts';
import { MODEL_VERSION } from '../sim/version.ts';
import { postsByPlace, totalPosts } from '../scenarios/parts.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { validateScenario } from '../scenarios/validate.ts';

/** The figures every run reports; the first is the objective. */
export const ALLOCATION_METRICS = [
  'hoursToCloseAll.mean',
  'cost.annualYuan',
  'sla.close24h',
  'sla.difficult5wd',
  'sla.accept30m',
  'sla.onsite1h',
  'localResolutionShare',
  'hoursToCloseAll.p90',
] as const;

/** A service target: the metric's mean at least `min`. */
export interface ServiceTarget {
  metric: 'sla.close24h' | 'sla.difficult5wd' | 'sla.accept30m' | 'sla.onsite1h' | 'localResolutionShare';
  min: number;
}

export const ALLOCATION_DIMENSIONS: readonly Dimension[] = [
  { name: 'middleUnits', lo: 0, hi: 102, integer: true },
  { name: 'middlePosts', lo: 30, hi: 700 },
  { name: 'centrePosts', lo: 5, hi: 200 },
  { name: 'hotlinePosts', lo: 5, hi: 120 },
];

/** With `postsPareto`: the total of city posts, as a multiple of the structure's own. */
export const TOTAL_DIMENSION: Dimension = { name: 'totalPosts', lo: 0.6, hi: 1.4 };

const middleOf = (s: Scenario) => s.levels.findIndex((l) => l.kind === 'intermediate');

/** The structure's own allocation, as the dimensions name it. */
export function shippedAllocation(s: Scenario): Record<string, number> {
  const i = middleOf(s);
  const l = i >= 0 ? s.levels[i] : undefined;
  return {
    middleUnits: l ? l.units : 0,
    middlePosts: l ? l.units * l.staffPerUnit : 0,
    centrePosts: s.centre.enabled ? s.centre.staff : 0,
    hotlinePosts: s.hotline.staff,
  };
}

/** An allocation out of range or impossible (the departments would have no posts left). */
export class AllocationError extends RangeError {}

/**
 * The structure `s` with its city posts allocated as `x` says, the total of its city posts
 * held at `total` (default its own); see the module comment. A new scenario.
 */
export function allocationScenario(s: Scenario, x: Record<string, number>, total = totalPosts(s, 'city')): Scenario {
  const mi = middleOf(s);
  if (mi < 0) throw new AllocationError(`${s.id}: has no middle level to allocate posts to`);
  if (!s.centre.enabled) throw new AllocationError(`${s.id}: has no social governance centre to allocate posts to`);
  if (!s.levels[mi].cityPosts) throw new AllocationError(`${s.id}: its middle level's posts are not city posts`);
  for (const d of ALLOCATION_DIMENSIONS) {
    const v = x[d.name];
    if (!(Number.isFinite(v) && v >= d.lo && v <= d.hi) || (d.integer && !Number.isInteger(v)))
      throw new AllocationError(`${d.name}: expected ${d.integer ? 'a whole number' : 'a number'} in [${d.lo}, ${d.hi}], got ${v}`);
  }
  const out = structuredClone(s);
  const units = x.middleUnits;
  if (units === 0) out.levels.splice(mi, 1);
  else {
    out.levels[mi].units = units;
    out.levels[mi].staffPerUnit = x.middlePosts / units;
  }
  out.centre.staff = x.centrePosts;
  out.hotline.staff = x.hotlinePosts;
  // The departments take the rest. Total city posts are linear in a common factor of the
  // departments' posts (the cadres sent down move in proportion), so two evaluations solve it.
  const own = out.departments.map((d) => d.staff);
  const at = (f: number) => {
    out.departments.forEach((d, i) => (d.staff = own[i] * f));
    return totalPosts(out, 'city');
  };
  const t0 = at(0);
  const t1 = at(1);
  const f = (total - t0) / (t1 - t0);
  if (!(f > 0.05))
    throw new AllocationError(
      `posts: the middle level, centre and hotline (${Math.round(t0)} city posts) leave the departments too few of ${Math.round(total)}`,
    );
  at(f);
  const places = allocationPlaces(out);
  out.id = `${s.id}-allocated`;
  out.name = `${s.name.split(/[:：]/)[0].trim()}, posts allocated: ${allocationText(places)}`;
  out.nameZh = `${(s.nameZh ?? s.name).split(/[:：]/)[0].trim()}（编制重新分配）`;
  // An allocation the schema refuses (fewer than one case worker per middle unit, say) cannot be run.
  const v = validateScenario(out);
  if (!v.ok)
    throw new AllocationError(
      `the allocation gives a scenario that is not valid: ${v.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  return out;
}

export interface AllocationPlaces {
  middleUnits: number;
  middle: number;
  centre: number;
  hotline: number;
  departments: number;
  /** Cadres the reform sends down to the communities (city posts working there). */
  communityCadres: number;
  total: number;
}

/** City posts by where they sit. */
export function allocationPlaces(s: Scenario): AllocationPlaces {
  const p = postsByPlace(s, 'city');
  const mi = middleOf(s);
  const middle = mi >= 0 ? (p[s.levels[mi].id] ?? 0) : 0;
  const community = s.levels.filter((l) => l.kind === 'community').reduce((a, l) => a + (p[l.id] ?? 0), 0);
  return {
    middleUnits: mi >= 0 ? s.levels[mi].units : 0,
    middle,
    centre: p.centre ?? 0,
    hotline: p.hotline ?? 0,
    departments: p.departments ?? 0,
    communityCadres: community,
    total: Object.values(p).reduce((a, b) => a + b, 0),
  };
}

const int = (v: number) => Math.round(v).toLocaleString('en');

/** "26 middle units × 11.5, centre 30, hotline 20, departments 1,386, community cadres 127". */
export function allocationText(p: AllocationPlaces): string {
  const mid = p.middleUnits === 0 ? 'no middle level' : `${p.middleUnits} middle units × ${(p.middle / p.middleUnits).toFixed(1)}`;
  return `${mid}, centre ${int(p.centre)}, hotline ${int(p.hotline)}, departments ${int(p.departments)}, community cadres ${int(p.communityCadres)}`;
}

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

/** One batch of (scenario, seed) runs through the executor, each run's ALLOCATION_METRICS back. */
async function runBatch(exec: Executor, scenarios: Scenario[], seeds: number[], days: number, warmupDays: number): Promise<number[][]> {
  return Promise.all(
    scenarios.map(async (scenario, i) => {
      const job: Job = {
        index: i,
        structure: 0,
        point: 0,
        replication: 0,
        seed: seeds[i],
        days,
        warmupDays,
        scenario,
        metrics: [...ALLOCATION_METRICS],
      };
      return (await exec.run(job)).values;
    }),
  );
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
    const seeds = Array.from({ length: opt.budgetReplications }, (_, k) => replicationSeed(opt.seed + 1_000_003, k));
    const vals = await runBatch(
      exec,
      seeds.map(() => base),
      seeds,
      opt.days,
      opt.warmupDays,
    );
    runs += seeds.length;
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
  const impossible = (x: Record<string, number>) => {
    try {
      scenarioAt(x);
      return false;
    } catch (e) {
      if (e instanceof AllocationError) return true;
      throw e;
    }
  };
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
      const ok = batch.map((r) => !impossible(r.x));
      const todo = batch.filter((_, i) => ok[i]);
      const vals = await runBatch(
        exec,
        todo.map((r) => scenarioAt(r.x)),
        todo.map((r) => r.seed),
        opt.days,
        opt.warmupDays,
      );
      runs += todo.length;
      onProgress?.({ stage: 'search', runs });
      let k = 0;
      return batch.map((_, i) =>
        ok[i]
          ? outcome(vals[k++])
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

const fmt = (iv: Interval, digits = 1, scale = 1) =>
  `${(iv.mean * scale).toFixed(digits)} [${(iv.lo * scale).toFixed(digits)}, ${(iv.hi * scale).toFixed(digits)}]`;

/** The result as Markdown: the question, the budget, the finalists with intervals, the best against the shipped allocation. */
export function allocationMarkdown(r: AllocationResult): string {
  const label = (m: string) => metricInfo(m)?.label ?? m;
  const lines: string[] = [];
  const load = r.load === 1 ? "at the structure's own demand" : `at ${r.load}× the structure's demand`;
  lines.push(
    `### The best allocation of ${r.structure.name.split(/[:：]/)[0]}'s ${int(r.totalCityPosts)} city posts`,
    '',
    `Minimise the mean time to close (open cases counted) ${load}, subject to an annual cost of at most ${(r.budget.yuan / 1e6).toFixed(1)} M yuan ` +
      `(${r.budget.how === 'shipped' ? `the shipped structure's own, ${fmt(r.budget.interval!, 1, 1e-6)} over its runs` : 'given'})` +
      `${r.targets.map((t) => ` and ${label(t.metric).toLowerCase()} at least ${(100 * t.min).toFixed(0)}%`).join('')}. ` +
      `${r.days} days a run (${r.warmupDays} of warm-up), ${r.runs} runs (model ${r.modelVersion}); means over the race's replications with 95% intervals.`,
    '',
    '| allocation | runs | mean time to close, h | vs best, h | annual cost, M yuan | closed within 24 h, % | local share, % | feasible |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const d of r.designs) {
    const f = d.figures;
    lines.push(
      `| ${d.shipped ? '**shipped**: ' : ''}${allocationText(d.places)} | ${d.runs} | ${fmt(f['hoursToCloseAll.mean'], 2)} | ${d === r.best ? '—' : fmt(d.difference, 2)} | ${fmt(f['cost.annualYuan'], 1, 1e-6)} | ${fmt(f['sla.close24h'], 1, 100)} | ${fmt(f.localResolutionShare, 1, 100)} | ${d.feasible} |`,
    );
  }
  lines.push(
    '',
    "Ranked as the optimiser ranks them (Deb's rules): a design that keeps to the budget and meets every target on the means comes before one that does not, " +
      'so a faster design can rank below one that meets a target it misses. "vs best" is the paired difference on the same seeds. ' +
      "Feasible: yes when every constraint's 95% interval keeps to it, no when one lies beyond it, uncertain otherwise" +
      (r.budget.how === 'shipped'
        ? " (the shipped allocation's cost is the budget itself, so its cost is uncertain by construction)."
        : '.'),
    '',
    allocationSentence(r),
  );
  return `${lines.join('\n')}\n`;
}

/** One sentence: the best allocation against the shipped one, on the same seeds. */
export function allocationSentence(r: AllocationResult): string {
  if (r.best.shipped) return `The shipped allocation is the best found: no finalist was faster on the same seeds within the budget.`;
  const d = r.shipped.difference;
  const verdict =
    d.lo > 0
      ? `the shipped allocation is slower by ${d.mean.toFixed(2)} h (95% interval ${d.lo.toFixed(2)} to ${d.hi.toFixed(2)} h) on the same seeds`
      : `the shipped allocation is not distinguishable from it (difference ${d.mean.toFixed(2)} h, 95% interval ${d.lo.toFixed(2)} to ${d.hi.toFixed(2)} h)`;
  return `Best found: ${allocationText(r.best.places)} — mean time to close ${fmt(r.best.figures['hoursToCloseAll.mean'], 2)} h (feasible: ${r.best.feasible}); ${verdict}.`;
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
    const ok = batch.map((r) => {
      try {
        scenarioAt(r.x);
        return true;
      } catch (e) {
        if (e instanceof AllocationError) return false;
        throw e;
      }
    });
    const todo = batch.filter((_, i) => ok[i]);
    const vals = await runBatch(
      exec,
      todo.map((r) => scenarioAt(r.x)),
      todo.map((r) => r.seed),
      opt.days,
      opt.warmupDays,
    );
    runs += todo.length;
    onProgress?.({ stage: 'search', runs });
    let k = 0;
    return batch.map((_, i) => {
      if (!ok[i]) return { objectives: [Infinity, Infinity] as [number, number], constraints: opt.targets.map(() => 1) };
      const v = vals[k++];
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
  const seeds = Array.from({ length: opt.budgetReplications }, (_, k) => replicationSeed(opt.seed + 1_000_003, k));
  const vals = await runBatch(
    exec,
    seeds.map(() => base),
    seeds,
    opt.days,
    opt.warmupDays,
  );
  runs += seeds.length;
  const col = (j: number, scale = 1) =>
    meanInterval(
      vals.map((v) => v[j] * scale),
      0.95,
    );
  const shipped: ParetoAllocation = {
    x: { ...shippedAllocation(base), totalPosts: 1 },
    places: allocationPlaces(base),
    runs: seeds.length,
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

/** The front as Markdown: each allocation with its cost and time to close, the shipped one among them. */
export function paretoMarkdown(
  r: PostsParetoResult,
  o: { name: string; days: number; warmupDays: number; targets: ServiceTarget[] },
): string {
  const iv = (x: Interval, d: number) => `${x.mean.toFixed(d)} [${x.lo.toFixed(d)}, ${x.hi.toFixed(d)}]`;
  const rows = [...r.front.map((d) => ({ d, shipped: false })), { d: r.shipped, shipped: true }].sort(
    (a, b) => a.d.cost.mean - b.d.cost.mean,
  );
  const label = (m: string) => metricInfo(m)?.label ?? m;
  const lines = [
    `### Annual cost against the mean time to close: ${o.name.split(/[:：]/)[0]}'s city posts, their total free`,
    '',
    `${r.runs} runs of ${o.days} days (${o.warmupDays} of warm-up); means over each design's race replications with 95% intervals; ` +
      `targets: ${o.targets.map((t) => `${label(t.metric).toLowerCase()} at least ${(100 * t.min).toFixed(0)}%`).join(', ') || 'none'}.`,
    '',
    '| allocation | city posts | annual cost, M yuan | mean time to close, h | runs | targets met |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      ({ d, shipped }) =>
        `| ${shipped ? '**shipped**: ' : ''}${allocationText(d.places)} | ${int(d.places.total)} | ${iv(d.cost, 1)} | ${iv(d.hours, 2)} | ${d.runs} | ${d.feasible} |`,
    ),
    '',
    r.dominating.length === 0
      ? 'No allocation found is both cheaper and faster than the shipped one on the means.'
      : `${r.dominating.length} allocation${r.dominating.length === 1 ? ' is' : 's are'} both cheaper and faster than the shipped one on the means (each on seeds of its own: compare the intervals).`,
  ];
  return `${lines.join('\n')}\n`;
}
