/**
 * Optimisation of a noisy simulator: CMA-ES with restarts (cmaes.ts; IPOP, Auger & Hansen
 * 2005, doubling the population at each restart) searches the dimensions, then a race
 * compares the best candidates honestly on fresh replications.
 *
 * - Common random numbers: the objective takes a candidate and a replication seed; every
 *   candidate of a generation is run with the same seeds, so the ranking is paired, and
 *   the seeds change from one generation to the next, so nothing is tuned to one seed.
 * - Asynchronous batches: `evaluate` receives every (candidate, seed) run of a generation
 *   or a racing round at once and may return a promise — a worker pool can run them.
 * - Constraints g_j ≤ 0 (e.g. cost − budget): Deb's feasibility rules (Deb 2000, "An
 *   efficient constraint handling method for genetic algorithms", CMAME 186) rank
 *   candidates: any feasible one before any infeasible one, feasible ones by objective,
 *   infeasible ones by total violation, all on means over the replications.
 * - The race: the best search candidates (by their search means) and each restart's final
 *   mean go on to a final stage that uses fresh seeds, so the search's selection does not
 *   bias their estimates (the winner's curse). Each round runs every surviving candidate
 *   on the same new seeds; a candidate is dropped once its paired difference from the
 *   current best has a (Bonferroni-adjusted) interval above zero, or a constraint's
 *   interval lies above zero while the best is feasible — racing in the sense of
 *   Maron & Moore (1997) with paired t intervals.
 *
 * The report gives every finalist's objective and constraints with intervals, its paired
 * difference from the best, and whether it is feasible (yes, no, or uncertain).
 */
import { createCmaes } from './cmaes.ts';
import { checkDimensions, named, toUnit, type Dimension } from './dimensions.ts';
import { seeded, seedFrom } from './random.ts';
import { meanInterval, type Interval } from './stats.ts';

/** What one run reports: the objective (minimised), constraints (≤ 0 when met) and, optionally, further objectives. */
export interface Outcome {
  objective: number;
  constraints?: number[];
  objectives?: number[];
}

export interface Run {
  x: Record<string, number>;
  seed: number;
}

export type Evaluate = (batch: Run[]) => Promise<Outcome[]> | Outcome[];

export interface OptimiseOptions {
  dimensions: Dimension[];
  evaluate: Evaluate;
  /** Seed of the search and of the replication seeds. */
  seed: number | string;
  /** Total runs, search and race together. */
  budget: number;
  /** Replications of each candidate during the search (default 2). */
  searchReplications?: number;
  /** Share of the budget kept for the race (default 0.3). */
  raceShare?: number;
  /** Candidates entering the race (default 6). */
  finalists?: number;
  /** Replications added per candidate in each racing round (default 5). */
  roundReplications?: number;
  /** Most replications of one candidate in the race (default 100). */
  maxReplications?: number;
  /** Designs that always enter the race (e.g. the shipped preset), to be compared with the best on the same seeds. */
  include?: Record<string, number>[];
  /** Starting point on the ranges (default the centre). */
  start?: Record<string, number>;
  /** Initial CMA-ES step size on the unit cube (default 0.3). */
  sigma?: number;
  /** Population size of the first CMA-ES run (default 4 + ⌊3 ln n⌋). */
  populationSize?: number;
  /** Interval level (default 0.95). */
  level?: number;
}

export interface DesignReport {
  x: Record<string, number>;
  /** Race replications behind the figures below. */
  runs: number;
  objective: Interval;
  /** Paired difference of the objective from the best design, on their common seeds. */
  difference: Interval;
  constraints: Interval[];
  objectives?: Interval[];
  feasible: 'yes' | 'no' | 'uncertain';
  /** Whether it was still in the race at the end. */
  survived: boolean;
  /** Whether it was one of the `include` designs. */
  included: boolean;
}

export interface OptimiseResult {
  best: DesignReport;
  /** Every finalist, best first. */
  designs: DesignReport[];
  evaluations: number;
  search: { evaluations: number; generations: number; restarts: number; trace: { generation: number; best: number; spread: number }[] };
}

interface Means {
  objective: number;
  violation: number;
}

/** Deb's feasibility rules as a comparison (negative when a is better). */
export function compareFeasibility(a: Means, b: Means): number {
  if (a.violation > 0 || b.violation > 0) return a.violation - b.violation;
  return a.objective - b.objective;
}

function means(outs: readonly Outcome[]): Means {
  const objective = outs.reduce((s, o) => s + o.objective, 0) / outs.length;
  const nc = outs[0]?.constraints?.length ?? 0;
  let violation = 0;
  for (let j = 0; j < nc; j++) violation += Math.max(0, outs.reduce((s, o) => s + (o.constraints?.[j] ?? 0), 0) / outs.length);
  return { objective, violation };
}

interface Entry {
  x: number[];
  outs: Outcome[];
}

export async function optimise(options: OptimiseOptions): Promise<OptimiseResult> {
  const dims = options.dimensions;
  checkDimensions(dims);
  const n = dims.length;
  const level = options.level ?? 0.95;
  const r = Math.max(1, options.searchReplications ?? 2);
  const raceBudget = Math.floor(options.budget * (options.raceShare ?? 0.3));
  const searchBudget = options.budget - raceBudget;
  const rand = seeded(`${options.seed}/search`);
  const seedStream = seeded(`${options.seed}/replications`);
  let evaluations = 0;
  const run = async (xs: readonly number[][], seeds: readonly number[]): Promise<Outcome[][]> => {
    const batch = xs.flatMap((x) => seeds.map((seed) => ({ x: named(dims, x), seed })));
    const outs = await options.evaluate(batch);
    if (outs.length !== batch.length) throw new RangeError(`evaluate: ${batch.length} runs asked, ${outs.length} outcomes returned`);
    evaluations += batch.length;
    return xs.map((_, i) => outs.slice(i * seeds.length, (i + 1) * seeds.length));
  };

  // Search: CMA-ES with IPOP restarts.
  const archive = new Map<string, Entry>();
  const restartMeans: number[][] = [];
  const trace: OptimiseResult['search']['trace'] = [];
  let generations = 0;
  let restarts = 0;
  let lambda = options.populationSize ?? 4 + Math.floor(3 * Math.log(n));
  const start = options.start
    ? toUnit(
        dims,
        dims.map((d) => options.start![d.name]),
      )
    : undefined;
  while (evaluations + lambda * r <= searchBudget) {
    const es = createCmaes(dims, rand, {
      populationSize: lambda,
      sigma: options.sigma ?? 0.3,
      mean: restarts === 0 ? start : dims.map(() => rand()),
    });
    const stall = 10 + Math.ceil((30 * n) / lambda);
    let bestHere = Infinity;
    let sinceImproved = 0;
    while (evaluations + lambda * r <= searchBudget && es.spread() > 1e-6 && sinceImproved < stall) {
      const xs = es.ask();
      const seeds = Array.from({ length: r }, () => seedFrom(seedStream));
      const outs = await run(xs, seeds);
      const ms = outs.map(means);
      xs.forEach((x, i) => {
        const key = JSON.stringify(x);
        const e = archive.get(key);
        if (e) e.outs.push(...outs[i]);
        else archive.set(key, { x, outs: outs[i].slice() });
      });
      const order = ms.map((_, i) => i).sort((a, b) => compareFeasibility(ms[a], ms[b]));
      const rank = new Array<number>(xs.length);
      order.forEach((i, k) => (rank[i] = k));
      es.tell(rank);
      const top = ms[order[0]];
      const score = top.violation > 0 ? Infinity : top.objective;
      if (score < bestHere - 1e-12 * Math.abs(bestHere)) ((bestHere = score), (sinceImproved = 0));
      else sinceImproved++;
      trace.push({ generation: generations++, best: score, spread: es.spread() });
    }
    restartMeans.push(es.mean());
    restarts++;
    lambda *= 2;
  }

  // Finalists: each restart's final mean, then the best archived candidates.
  const finalists: number[][] = [];
  const keyOf = (x: number[]) => JSON.stringify(x);
  const seen = new Set<string>();
  const add = (x: number[]) => {
    if (!seen.has(keyOf(x))) (seen.add(keyOf(x)), finalists.push(x));
  };
  const ranked = [...archive.values()].sort((a, b) => compareFeasibility(means(a.outs), means(b.outs)));
  const nFinal = Math.max(2, options.finalists ?? 6);
  // Included designs race exactly as given (integers rounded, within range): no round trip through the unit cube.
  const included = (options.include ?? []).map((rec) =>
    dims.map((d) => {
      const v = Math.min(d.hi, Math.max(d.lo, rec[d.name]));
      return d.integer ? Math.round(v) : v;
    }),
  );
  for (const x of included) add(x);
  const nIncluded = finalists.length;
  for (const x of restartMeans.slice(-Math.ceil(nFinal / 2))) add(x);
  for (const e of ranked) if (finalists.length < nFinal + nIncluded) add(e.x);

  // The race on fresh common seeds.
  const round = Math.max(2, options.roundReplications ?? 5);
  const maxRep = options.maxReplications ?? 100;
  const results: Outcome[][] = finalists.map(() => []);
  let alive = finalists.map((_, i) => i);
  const bestOf = (ids: number[]) => ids.reduce((b, i) => (compareFeasibility(means(results[i]), means(results[b])) < 0 ? i : b), ids[0]);
  const paired = (i: number, b: number, lv: number) => {
    const m = Math.min(results[i].length, results[b].length);
    return meanInterval(
      results[i].slice(0, m).map((o, s) => o.objective - results[b][s].objective),
      lv,
    );
  };
  const constraintIntervals = (i: number, lv: number) =>
    (results[i][0]?.constraints ?? []).map((_, j) =>
      meanInterval(
        results[i].map((o) => o.constraints![j]),
        lv,
      ),
    );
  while (evaluations + alive.length * round <= options.budget && results[alive[0]].length + round <= maxRep) {
    const seeds = Array.from({ length: round }, () => seedFrom(seedStream));
    const outs = await run(
      alive.map((i) => finalists[i]),
      seeds,
    );
    alive.forEach((i, k) => results[i].push(...outs[k]));
    if (alive.length === 1) continue;
    const b = bestOf(alive);
    const lv = 1 - (1 - level) / (alive.length - 1);
    const bestFeasible = constraintIntervals(b, lv).every((c) => c.hi <= 0);
    alive = alive.filter(
      (i) => i === b || !(paired(i, b, lv).lo > 0 || (bestFeasible && constraintIntervals(i, lv).some((c) => c.lo > 0))),
    );
  }
  if (results[alive[0]].length === 0) throw new RangeError('optimise: the budget left nothing for the race; raise it or raceShare');

  const b = bestOf(alive);
  const reports = finalists
    .map((x, i) => ({ x, i }))
    .filter(({ i }) => results[i].length > 0)
    .map(({ x, i }): DesignReport => {
      const cons = constraintIntervals(i, level);
      const objs = results[i][0].objectives?.map((_, j) =>
        meanInterval(
          results[i].map((o) => o.objectives![j]),
          level,
        ),
      );
      return {
        x: named(dims, x),
        runs: results[i].length,
        objective: meanInterval(
          results[i].map((o) => o.objective),
          level,
        ),
        difference: paired(i, b, level),
        constraints: cons,
        ...(objs ? { objectives: objs } : {}),
        feasible: cons.every((c) => c.hi <= 0) ? 'yes' : cons.some((c) => c.lo > 0) ? 'no' : 'uncertain',
        survived: alive.includes(i),
        included: i < nIncluded,
      };
    });
  const order = reports.map((_, k) => k);
  const m = reports.map((rep) => ({
    objective: rep.objective.mean,
    violation: rep.constraints.reduce((s, c) => s + Math.max(0, c.mean), 0),
  }));
  order.sort((p, q) => Number(reports[q].survived) - Number(reports[p].survived) || compareFeasibility(m[p], m[q]));
  const designs = order.map((k) => reports[k]);
  return {
    best: designs[0],
    designs,
    evaluations,
    search: { evaluations: evaluations - designs.reduce((s, d) => s + d.runs, 0), generations, restarts, trace },
  };
}
