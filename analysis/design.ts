/**
 * Space-filling designs on the unit cube: Latin hypercubes and maximin Latin hypercubes.
 *
 * The maximin design starts from a random Latin hypercube and swaps two values within a
 * column whenever the swap lowers Morris & Mitchell's φ_p criterion,
 * φ_p = (Σ_{i<j} d_ij^(−p))^(1/p), which for large p ranks designs as the maximin distance
 * does but also rewards fewer pairs at the minimum (Morris & Mitchell 1995, "Exploratory
 * designs for computational experiments", J. Stat. Planning and Inference 43). A swap
 * changes only the distances of two rows, so each trial costs O(n k). Swaps keep every
 * column a permutation of the strata, so the result is still a Latin hypercube.
 */
import { integer, type Random } from './random.ts';

/** n points of a k-dimensional Latin hypercube in [0, 1): one point in each of n strata per column. */
export function latinHypercube(n: number, k: number, rand: Random): number[][] {
  const cols: number[][] = [];
  for (let c = 0; c < k; c++) {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = integer(i + 1, rand);
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    cols.push(strata.map((s) => (s + rand()) / n));
  }
  return Array.from({ length: n }, (_, i) => cols.map((col) => col[i]));
}

export interface MaximinOptions {
  /** Swaps tried (default 30 n, at most 20 000). */
  iterations?: number;
  /** Exponent p of φ_p (default 50). */
  p?: number;
}

export interface MaximinDesign {
  points: number[][];
  /** Smallest distance between two points. */
  minDistance: number;
  /** Smallest distance of the random Latin hypercube the search started from. */
  startMinDistance: number;
}

function minDistance(x: readonly (readonly number[])[]): number {
  let m = Infinity;
  for (let i = 0; i < x.length; i++)
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let d = 0; d < x[i].length; d++) s += (x[i][d] - x[j][d]) ** 2;
      m = Math.min(m, s);
    }
  return Math.sqrt(m);
}

/** A maximin Latin hypercube of n points in k dimensions (see the module comment). */
export function maximinLatinHypercube(n: number, k: number, rand: Random, options: MaximinOptions = {}): MaximinDesign {
  const x = latinHypercube(n, k, rand);
  const start = minDistance(x);
  if (n < 3 || k === 0) return { points: x, minDistance: start, startMinDistance: start };
  const p = options.p ?? 50;
  const iterations = options.iterations ?? Math.min(20_000, 30 * n);
  // Squared distances, scaled by the starting minimum so that d^(−p) stays finite.
  const scale = start > 0 ? start * start : 1;
  const d2 = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += (x[i][c] - x[j][c]) ** 2;
      d2[i * n + j] = d2[j * n + i] = s / scale;
    }
  const term = (s: number) => Math.pow(Math.max(s, 1e-12), -p / 2);
  const tm = d2.map(term);
  const rowA = new Float64Array(n);
  const rowB = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    const c = integer(k, rand);
    const a = integer(n, rand);
    let b = integer(n - 1, rand);
    if (b >= a) b++;
    const va = x[a][c];
    const vb = x[b][c];
    let delta = 0;
    for (let j = 0; j < n; j++) {
      if (j === a || j === b) continue;
      const xj = x[j][c];
      const na = d2[a * n + j] + ((vb - xj) ** 2 - (va - xj) ** 2) / scale;
      const nb = d2[b * n + j] + ((va - xj) ** 2 - (vb - xj) ** 2) / scale;
      rowA[j] = na;
      rowB[j] = nb;
      delta += term(na) + term(nb) - tm[a * n + j] - tm[b * n + j];
    }
    if (delta < 0) {
      x[a][c] = vb;
      x[b][c] = va;
      for (let j = 0; j < n; j++) {
        if (j === a || j === b) continue;
        d2[a * n + j] = d2[j * n + a] = rowA[j];
        d2[b * n + j] = d2[j * n + b] = rowB[j];
        tm[a * n + j] = tm[j * n + a] = term(rowA[j]);
        tm[b * n + j] = tm[j * n + b] = term(rowB[j]);
      }
    }
  }
  return { points: x, minDistance: minDistance(x), startMinDistance: start };
}
