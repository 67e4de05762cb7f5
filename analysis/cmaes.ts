/**
 * CMA-ES, the covariance matrix adaptation evolution strategy, as an ask/tell object
 * (Hansen 2016, "The CMA evolution strategy: a tutorial", arXiv:1604.00772, with its
 * default parameters; rank-μ and rank-one updates, cumulative step-size adaptation).
 *
 * No CMA-ES package is published on npm for Node, Deno and the browser, so it is written
 * here. The search runs on the unit cube of the dimensions' ranges:
 *
 * - bounds: a sample outside [0, 1] is reflected back in (a periodic, piecewise-linear
 *   bound transformation, like pycma's BoundTransform without its smoothing), so every
 *   candidate asked is feasible and the update uses the sample itself;
 * - integers: a candidate's integer coordinates are rounded when mapped onto the ranges,
 *   and the standard deviation of each integer coordinate is kept at least a quarter of an
 *   integer step, so the search never freezes on one value (the idea of Hamano et al.
 *   2022, "CMA-ES with margin", GECCO, in its simplest form).
 *
 * The eigen-decomposition of C is by Jacobi rotations (dimensions up to a few dozen).
 */
import { checkDimensions, fromUnit, type Dimension } from './dimensions.ts';
import { normal, type Random } from './random.ts';

export interface CmaesOptions {
  /** Initial mean on the unit cube (default the centre). */
  mean?: number[];
  /** Initial step size on the unit cube (default 0.3). */
  sigma?: number;
  /** Population size λ (default 4 + ⌊3 ln n⌋). */
  populationSize?: number;
}

export interface Cmaes {
  /** λ candidates, on the dimensions' ranges (integers rounded). */
  ask(): number[][];
  /** Their fitness, lower is better (only the ranking is used), in the order asked. */
  tell(fitness: readonly number[]): void;
  /** Current mean on the ranges. */
  mean(): number[];
  /** Current step size times the largest standard deviation of C, on the unit cube. */
  spread(): number;
  generation(): number;
  populationSize: number;
}

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: C = B diag(d) Bᵀ. */
export function symmetricEigen(c: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = c.length;
  const a = c.map((r) => r.slice());
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i][j] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cs = 1 / Math.sqrt(t * t + 1);
        const sn = t * cs;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = cs * akp - sn * akq;
          a[k][q] = sn * akp + cs * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = cs * apk - sn * aqk;
          a[q][k] = sn * apk + cs * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = cs * vkp - sn * vkq;
          v[k][q] = sn * vkp + cs * vkq;
        }
      }
  }
  return { values: a.map((r, i) => r[i]), vectors: v };
}

/** Reflects a coordinate into [0, 1] (period 2). */
export function reflect(x: number): number {
  const t = ((x % 2) + 2) % 2;
  return t <= 1 ? t : 2 - t;
}

export function createCmaes(dims: readonly Dimension[], rand: Random, options: CmaesOptions = {}): Cmaes {
  checkDimensions(dims);
  const n = dims.length;
  const lambda = options.populationSize ?? 4 + Math.floor(3 * Math.log(n));
  const mu = Math.floor(lambda / 2);
  const raw = Array.from({ length: mu }, (_, i) => Math.log(mu + 0.5) - Math.log(i + 1));
  const sw = raw.reduce((a, b) => a + b, 0);
  const w = raw.map((v) => v / sw);
  const muEff = 1 / w.reduce((s, v) => s + v * v, 0);
  const cs = (muEff + 2) / (n + muEff + 5);
  const ds = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cs;
  const cc = (4 + muEff / n) / (n + 4 + (2 * muEff) / n);
  const c1 = 2 / ((n + 1.3) ** 2 + muEff);
  const cmu = Math.min(1 - c1, (2 * (muEff - 2 + 1 / muEff)) / ((n + 2) ** 2 + muEff));
  const chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
  // Smallest standard deviation of an integer coordinate: a quarter of an integer step.
  const minSd = dims.map((d) => (d.integer ? 0.25 / (d.hi - d.lo) : 0));

  let m = (options.mean ?? dims.map(() => 0.5)).slice();
  let sigma = options.sigma ?? 0.3;
  let c: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let b = c.map((r) => r.slice());
  let dd = Array.from({ length: n }, () => 1);
  const pc = new Array<number>(n).fill(0);
  const ps = new Array<number>(n).fill(0);
  let gen = 0;
  let asked: { x: number[]; y: number[] }[] = [];

  const decompose = () => {
    // Keep integer coordinates from collapsing: scale their rows and columns of C up.
    const f = c.map((row, i) => (minSd[i] > 0 && sigma * Math.sqrt(row[i]) < minSd[i] ? minSd[i] / (sigma * Math.sqrt(row[i])) : 1));
    if (f.some((v) => v !== 1)) c = c.map((row, i) => row.map((v, j) => v * f[i] * f[j]));
    const e = symmetricEigen(c);
    b = e.vectors;
    dd = e.values.map((v) => Math.sqrt(Math.max(v, 1e-20)));
  };

  const ask = () => {
    asked = [];
    for (let k = 0; k < lambda; k++) {
      const z = Array.from({ length: n }, () => normal(rand));
      const y = b.map((row) => row.reduce((s, bij, j) => s + bij * dd[j] * z[j], 0));
      asked.push({ x: m.map((mi, i) => reflect(mi + sigma * y[i])), y });
    }
    return asked.map((a) => fromUnit(dims, a.x));
  };

  const tell = (fitness: readonly number[]) => {
    if (fitness.length !== asked.length) throw new RangeError(`tell: expected ${asked.length} values, got ${fitness.length}`);
    const order = fitness.map((f, i) => [f, i] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const sel = order.slice(0, mu).map(([, i]) => asked[i]);
    // Steps taken in the unit cube (after reflection) rather than the raw samples.
    const ys = sel.map((s) => s.x.map((xi, i) => (xi - m[i]) / sigma));
    const yw = m.map((_, i) => ys.reduce((s, y, k) => s + w[k] * y[i], 0));
    m = m.map((mi, i) => reflect(mi + sigma * yw[i]));
    // C^(−1/2) yw = B D⁻¹ Bᵀ yw.
    const bt = b[0].map((_, j) => b.reduce((s, row, i) => s + row[j] * yw[i], 0) / dd[j]);
    const cInvY = b.map((row) => row.reduce((s, bij, j) => s + bij * bt[j], 0));
    for (let i = 0; i < n; i++) ps[i] = (1 - cs) * ps[i] + Math.sqrt(cs * (2 - cs) * muEff) * cInvY[i];
    const psNorm = Math.sqrt(ps.reduce((s, v) => s + v * v, 0));
    const hs = psNorm / Math.sqrt(1 - (1 - cs) ** (2 * (gen + 1))) < (1.4 + 2 / (n + 1)) * chiN ? 1 : 0;
    for (let i = 0; i < n; i++) pc[i] = (1 - cc) * pc[i] + hs * Math.sqrt(cc * (2 - cc) * muEff) * yw[i];
    const dh = (1 - hs) * cc * (2 - cc);
    c = c.map((row, i) =>
      row.map((cij, j) => {
        let rankMu = 0;
        for (let k = 0; k < mu; k++) rankMu += w[k] * ys[k][i] * ys[k][j];
        return (1 - c1 - cmu) * cij + c1 * (pc[i] * pc[j] + dh * cij) + cmu * rankMu;
      }),
    );
    sigma *= Math.exp((cs / ds) * (psNorm / chiN - 1));
    sigma = Math.min(sigma, 2);
    gen++;
    decompose();
  };

  return {
    ask,
    tell,
    mean: () => fromUnit(dims, m),
    spread: () => sigma * Math.max(...dd),
    generation: () => gen,
    populationSize: lambda,
  };
}
