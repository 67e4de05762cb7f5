/**
 * Global sensitivity analysis, on the unit hypercube: Latin hypercube samples, Morris
 * elementary effects (screening) and Sobol first-order and total indices (Saltelli's
 * sampling scheme, Jansen's estimators) with bootstrap intervals. Pure functions of a
 * seeded random stream and the model outputs, so any model can be analysed with them; the
 * experiment runner (sensitivity-run.ts) maps the unit values onto assumption ranges.
 *
 * No maintained npm package offers Morris or Saltelli–Jansen for Node, Deno and the
 * browser alike; the sums and quantiles come from simple-statistics.
 *
 * References: Morris (1991); Campolongo, Cariboni & Saltelli (2007) for μ*; Saltelli et al.
 * (2010) "Variance based sensitivity analysis of model output", Computer Physics
 * Communications 181, table 2 (Jansen's estimators).
 */
import { mean, quantileSorted, sampleVariance } from 'simple-statistics';
import type { Random } from '../sim/random/rng.ts';

/** n points of a k-dimensional Latin hypercube in [0, 1): each column has one point in each of n strata. */
export function latinHypercube(n: number, k: number, rand: Random): number[][] {
  const cols: number[][] = [];
  for (let c = 0; c < k; c++) {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    cols.push(strata.map((s) => (s + rand()) / n));
  }
  return Array.from({ length: n }, (_, i) => cols.map((col) => col[i]));
}

/** One Morris trajectory: k + 1 points, each differing from the one before in one factor. */
export interface Trajectory {
  points: number[][];
  /** The factor changed between point j and j + 1. */
  factor: number[];
  /** The signed step of that change (±Δ). */
  step: number[];
}

/**
 * r Morris trajectories over k factors on a grid of p levels (p even), with step
 * Δ = p / (2(p − 1)): each factor moves once per trajectory, in a random order, up by Δ
 * from the lower half of the grid or down by Δ from the upper half.
 */
export function morrisDesign(k: number, r: number, rand: Random, p = 4): Trajectory[] {
  if (p < 2 || p % 2 !== 0) throw new RangeError(`levels: expected an even number ≥ 2, got ${p}`);
  const delta = p / (2 * (p - 1));
  const out: Trajectory[] = [];
  for (let t = 0; t < r; t++) {
    let x = Array.from({ length: k }, () => Math.floor(rand() * p) / (p - 1));
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const points = [x];
    const step: number[] = [];
    for (const i of order) {
      const s = x[i] + delta <= 1 + 1e-12 ? delta : -delta;
      x = x.slice();
      x[i] = Math.min(1, Math.max(0, x[i] + s));
      points.push(x);
      step.push(s);
    }
    out.push({ points, factor: order, step });
  }
  return out;
}

export interface Estimate {
  estimate: number;
  /** 95% bootstrap percentile interval. */
  lo: number;
  hi: number;
}

export interface MorrisIndex {
  /** Mean of the elementary effects. */
  mu: number;
  /** Mean of their absolute values (μ*, Campolongo et al.), with a bootstrap interval over trajectories. */
  muStar: Estimate;
  /** Their standard deviation: interaction and non-linearity. */
  sigma: number;
}

/**
 * Elementary effects from the outputs y[t][j] at the points of each trajectory: for each
 * factor, μ, μ* and σ over the r trajectories, on the unit scale (a change of the output
 * per full range of the factor).
 */
export function morrisIndices(design: Trajectory[], y: number[][], rand: Random, bootstrap = 1000): MorrisIndex[] {
  const k = design[0]?.factor.length ?? 0;
  const ee: number[][] = Array.from({ length: k }, () => []);
  design.forEach((tr, t) => {
    tr.factor.forEach((i, j) => ee[i].push((y[t][j + 1] - y[t][j]) / tr.step[j]));
  });
  const r = design.length;
  return ee.map((e) => {
    const abs = e.map(Math.abs);
    const boots: number[] = [];
    for (let b = 0; b < bootstrap; b++) {
      let s = 0;
      for (let t = 0; t < r; t++) s += abs[Math.floor(rand() * r)];
      boots.push(s / r);
    }
    boots.sort((a, b) => a - b);
    return {
      mu: mean(e),
      muStar: { estimate: mean(abs), lo: quantileSorted(boots, 0.025), hi: quantileSorted(boots, 0.975) },
      sigma: r > 1 ? Math.sqrt(sampleVariance(e)) : 0,
    };
  });
}

/** The points a Saltelli design evaluates: rows of A, B and, for each factor i, A with column i from B. */
export interface SaltelliDesign {
  n: number;
  k: number;
  A: number[][];
  B: number[][];
  /** AB[i][j]: row j of A with factor i taken from row j of B. */
  AB: number[][][];
}

/** A Saltelli design of base size n over k factors; A and B are independent Latin hypercubes. Costs n(k + 2) runs. */
export function saltelliDesign(n: number, k: number, rand: Random): SaltelliDesign {
  const A = latinHypercube(n, k, rand);
  const B = latinHypercube(n, k, rand);
  const AB = Array.from({ length: k }, (_, i) => A.map((a, j) => a.map((v, c) => (c === i ? B[j][i] : v))));
  return { n, k, A, B, AB };
}

/** The design's points in evaluation order: A, B, then AB for each factor. */
export function saltelliPoints(d: SaltelliDesign): number[][] {
  return [...d.A, ...d.B, ...d.AB.flat()];
}

export interface SobolIndex {
  first: Estimate;
  total: Estimate;
}

function jansen(fA: number[], fB: number[], fAB: number[][], rows: number[]): { first: number[]; total: number[] } {
  const n = rows.length;
  const all: number[] = [];
  for (const j of rows) all.push(fA[j], fB[j]);
  const v = sampleVariance(all);
  return {
    first: fAB.map((f) => {
      let s = 0;
      for (const j of rows) s += (fB[j] - f[j]) ** 2;
      return v > 0 ? (v - s / (2 * n)) / v : 0;
    }),
    total: fAB.map((f) => {
      let s = 0;
      for (const j of rows) s += (fA[j] - f[j]) ** 2;
      return v > 0 ? s / (2 * n) / v : 0;
    }),
  };
}

/**
 * Sobol first-order and total indices from the outputs at a Saltelli design's points (in
 * saltelliPoints order), by Jansen's estimators, with 95% bootstrap intervals over the n
 * base rows. Indices are shares of the output's variance; a constant output gives 0.
 */
export function sobolIndices(d: SaltelliDesign, y: number[], rand: Random, bootstrap = 1000): SobolIndex[] {
  const { n, k } = d;
  if (y.length !== n * (k + 2)) throw new RangeError(`outputs: expected ${n * (k + 2)} values (n(k + 2)), got ${y.length}`);
  const fA = y.slice(0, n);
  const fB = y.slice(n, 2 * n);
  const fAB = Array.from({ length: k }, (_, i) => y.slice((2 + i) * n, (3 + i) * n));
  const rows = Array.from({ length: n }, (_, j) => j);
  const point = jansen(fA, fB, fAB, rows);
  const bf: number[][] = Array.from({ length: k }, () => []);
  const bt: number[][] = Array.from({ length: k }, () => []);
  for (let b = 0; b < bootstrap; b++) {
    const sample = rows.map(() => Math.floor(rand() * n));
    const e = jansen(fA, fB, fAB, sample);
    for (let i = 0; i < k; i++) {
      bf[i].push(e.first[i]);
      bt[i].push(e.total[i]);
    }
  }
  const est = (x: number, boots: number[]): Estimate => {
    const s = boots.slice().sort((a, b) => a - b);
    return { estimate: x, lo: quantileSorted(s, 0.025), hi: quantileSorted(s, 0.975) };
  };
  return point.first.map((f, i) => ({ first: est(f, bf[i]), total: est(point.total[i], bt[i]) }));
}
