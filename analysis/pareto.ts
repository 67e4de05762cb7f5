/**
 * A Pareto front of two noisy objectives (e.g. annual cost against a service measure, both
 * minimised: negate a measure to be maximised), by scalarisation: the optimiser
 * (optimise.ts) minimises each objective alone, which fixes the front's ends and the
 * ranges used to normalise, then the augmented Chebyshev scalarisation
 * max(w f̂₁, (1 − w) f̂₂) + ρ (f̂₁ + f̂₂), f̂ the objectives normalised by those ranges, for
 * weights w spread between (Miettinen 1999, "Nonlinear Multiobjective Optimization",
 * §3.4; every Pareto-optimal point is reachable, on convex and non-convex fronts). Each
 * run's surviving finalists, with objective intervals from their race replications, are
 * pooled, and the front is the feasible ones no other dominates on the means.
 */
import type { Dimension } from './dimensions.ts';
import { optimise, type DesignReport, type OptimiseOptions, type Run } from './optimise.ts';
import type { Interval } from './stats.ts';

export interface ParetoOutcome {
  /** The two objectives, both minimised. */
  objectives: [number, number];
  constraints?: number[];
}

export interface ParetoOptions extends Omit<OptimiseOptions, 'evaluate' | 'budget' | 'dimensions'> {
  dimensions: Dimension[];
  evaluate: (batch: Run[]) => Promise<ParetoOutcome[]> | ParetoOutcome[];
  /** Total runs, shared equally by the scalarisations. */
  budget: number;
  /** Scalarisations, the two ends included (default 7). */
  points?: number;
  /** Augmentation ρ of the Chebyshev scalarisation (default 0.05). */
  rho?: number;
}

export interface ParetoDesign {
  x: Record<string, number>;
  runs: number;
  objectives: [Interval, Interval];
  constraints: Interval[];
  feasible: DesignReport['feasible'];
  /** Weight of the first objective in the scalarisation that found it. */
  weight: number;
}

export interface ParetoResult {
  /** Non-dominated feasible designs, by increasing first objective. */
  front: ParetoDesign[];
  /** Every design the scalarisations kept. */
  designs: ParetoDesign[];
  evaluations: number;
}

/** Indices of the points no other point dominates (all coordinates minimised). */
export function nonDominated(points: readonly (readonly number[])[]): number[] {
  const dominates = (a: readonly number[], b: readonly number[]) => a.every((v, i) => v <= b[i]) && a.some((v, i) => v < b[i]);
  return points.map((_, i) => i).filter((i) => !points.some((q, j) => j !== i && dominates(q, points[i])));
}

export async function paretoFront(options: ParetoOptions): Promise<ParetoResult> {
  const k = Math.max(2, options.points ?? 7);
  const per = Math.floor(options.budget / k);
  const rho = options.rho ?? 0.05;
  const designs: ParetoDesign[] = [];
  let evaluations = 0;
  const solve = async (weight: number, scalar: (f: readonly number[]) => number, seed: string) => {
    const res = await optimise({
      ...options,
      seed,
      budget: per,
      evaluate: async (batch) => {
        const outs = await options.evaluate(batch);
        return outs.map((o) => ({ objective: scalar(o.objectives), constraints: o.constraints, objectives: o.objectives }));
      },
    });
    evaluations += res.evaluations;
    for (const d of res.designs)
      if (d.survived && d.objectives)
        designs.push({
          x: d.x,
          runs: d.runs,
          objectives: [d.objectives[0], d.objectives[1]],
          constraints: d.constraints,
          feasible: d.feasible,
          weight,
        });
  };
  await solve(1, (f) => f[0], `${options.seed}/end-1`);
  await solve(0, (f) => f[1], `${options.seed}/end-2`);
  const usable = () => designs.filter((d) => d.feasible !== 'no');
  const pool = usable().length > 0 ? usable() : designs;
  const ideal = [0, 1].map((j) => Math.min(...pool.map((d) => d.objectives[j].mean)));
  const nadir = [0, 1].map((j) => Math.max(...pool.map((d) => d.objectives[j].mean)));
  const range = [0, 1].map((j) => Math.max(nadir[j] - ideal[j], 1e-12));
  for (let p = 1; p < k - 1; p++) {
    const w = 1 - p / (k - 1);
    await solve(
      w,
      (f) => {
        const a = (f[0] - ideal[0]) / range[0];
        const b = (f[1] - ideal[1]) / range[1];
        return Math.max(w * a, (1 - w) * b) + rho * (a + b);
      },
      `${options.seed}/w-${p}`,
    );
  }
  const feasible = usable();
  const front = nonDominated(feasible.map((d) => d.objectives.map((o) => o.mean)))
    .map((i) => feasible[i])
    .sort((a, b) => a.objectives[0].mean - b.objectives[0].mean);
  return { front, designs, evaluations };
}
