/**
 * Sobol first-order and total indices by Monte Carlo: Saltelli's sampling scheme (two
 * independent N × k matrices A and B, and for each input i the matrix A_B⁽ⁱ⁾, A with
 * column i from B), Saltelli's first-order estimator and Jansen's total estimator
 * (Saltelli et al. 2010, "Variance based sensitivity analysis of model output",
 * Computer Physics Communications 181, table 2, (b) and (f)):
 *
 *   V_i  = (1/N) Σ f(B)_j (f(A_B⁽ⁱ⁾)_j − f(A)_j),      S_i  = V_i / V
 *   VT_i = (1/2N) Σ (f(A)_j − f(A_B⁽ⁱ⁾)_j)²,            ST_i = VT_i / V
 *
 * with V the variance of f(A) and f(B) pooled, and f(B) centred on their pooled mean in V_i
 * (the expectation is unchanged, the variance much smaller when the mean is far from zero).
 * Cost: N (k + 2) evaluations.
 */
import { integer, type Random } from './random.ts';

export interface SaltelliDesign {
  n: number;
  k: number;
  /** The N (k + 2) points: the rows of A, then of B, then of A_B⁽¹⁾ … A_B⁽ᵏ⁾. */
  points: number[][];
}

/** Saltelli's design of base size n over k inputs on the unit cube. */
export function saltelliDesign(n: number, k: number, rand: Random): SaltelliDesign {
  const a = Array.from({ length: n }, () => Array.from({ length: k }, () => rand()));
  const b = Array.from({ length: n }, () => Array.from({ length: k }, () => rand()));
  const points = [...a, ...b];
  for (let i = 0; i < k; i++)
    for (let j = 0; j < n; j++) {
      const row = a[j].slice();
      row[i] = b[j][i];
      points.push(row);
    }
  return { n, k, points };
}

export interface SobolPoint {
  first: number[];
  total: number[];
  variance: number;
}

/**
 * Indices from the outputs at a Saltelli design's points (in its order), using the rows
 * listed in `rows` (all by default; a bootstrap passes a resample).
 */
export function sobolFromValues(values: ArrayLike<number>, n: number, k: number, rows?: ArrayLike<number>): SobolPoint {
  const m = rows ? rows.length : n;
  const row = (j: number) => (rows ? rows[j] : j);
  let s = 0;
  let s2 = 0;
  for (let j = 0; j < m; j++) {
    const fa = values[row(j)];
    const fb = values[n + row(j)];
    s += fa + fb;
    s2 += fa * fa + fb * fb;
  }
  const mu = s / (2 * m);
  const variance = Math.max(0, s2 / (2 * m) - mu * mu) * ((2 * m) / (2 * m - 1));
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < k; i++) {
    const off = (2 + i) * n;
    let v = 0;
    let vt = 0;
    for (let j = 0; j < m; j++) {
      const r = row(j);
      const fa = values[r];
      const fab = values[off + r];
      v += (values[n + r] - mu) * (fab - fa);
      vt += (fa - fab) ** 2;
    }
    first.push(variance > 0 ? v / m / variance : 0);
    total.push(variance > 0 ? vt / (2 * m) / variance : 0);
  }
  return { first, total, variance };
}

/** B bootstrap estimates (rows of the base sample resampled with replacement). */
export function sobolBootstrap(values: ArrayLike<number>, n: number, k: number, rand: Random, b: number): SobolPoint[] {
  const out: SobolPoint[] = [];
  const rows = new Int32Array(n);
  for (let t = 0; t < b; t++) {
    for (let j = 0; j < n; j++) rows[j] = integer(n, rand);
    out.push(sobolFromValues(values, n, k, rows));
  }
  return out;
}

/** The q-quantile of values (linear interpolation between order statistics). */
export function quantile(values: readonly number[], q: number): number {
  const s = values.slice().sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}

export function meanOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function sdOf(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = meanOf(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}
