/**
 * A Gaussian-process emulator on the unit cube: y(x) = F(x)β + f(x) + ε, with F(x) = [1]
 * (constant mean) or [1, x₁ … x_k] (linear mean), f a zero-mean process with covariance
 * σ² c(x, x′), c an anisotropic squared-exponential or Matérn 5/2 correlation with one
 * length scale per input, and ε independent noise of variance σ² g (the nugget: the seed
 * noise of a stochastic simulator, or a small jitter for a deterministic one).
 *
 * β and σ² are profiled out (generalised least squares), and the length scales and nugget
 * maximise the concentrated likelihood, by L-BFGS with its analytic gradient from a few
 * starts (Santner, Williams & Notz 2003, "The Design and Analysis of Computer Experiments",
 * §3.3; Rasmussen & Williams 2006, "Gaussian Processes for Machine Learning", §5.4).
 * Predictions are universal kriging: the variance includes the uncertainty of β.
 *
 * The fitted model is a plain object (`Emulator.model`) that serialises to JSON;
 * `restoreEmulator` rebuilds the predictor from it.
 */
import { cholesky, cholSolve, inverseFromCholesky, logDet, solveLower, square, type Square } from './linalg.ts';
import { lbfgs } from './lbfgs.ts';
import { normal, type Random } from './random.ts';

export type Kernel = 'squared-exponential' | 'matern52';
export type MeanFunction = 'constant' | 'linear';

export interface EmulatorOptions {
  kernel?: Kernel;
  mean?: MeanFunction;
  /** Starts of the likelihood maximisation (default 4: two typical, the rest random; each runs 10 iterations, the best goes on). */
  restarts?: number;
  /** A fixed nugget (relative to σ²), or 'estimate' (default). */
  nugget?: number | 'estimate';
  /** Range of the estimated nugget (default [1e-8, 1e4]: from a jitter to a response all noise). */
  nuggetRange?: [number, number];
  /**
   * Range of each length scale on the unit cube (default [0.1, 100]). Shorter scales cannot
   * be learnt from a few hundred runs, and allowing them lets the likelihood take seed
   * noise for signal (a near-white process in place of the nugget).
   */
  lengthScaleRange?: [number, number];
  /**
   * A log-normal prior on each length scale, log ℓ ~ N(√2 + ½ log k, 3) (Hvarfner, Hellsten
   * & Nardi 2024, "Vanilla Bayesian optimization performs great in high dimensions",
   * ICML), making the fit a posterior mode: where the likelihood cannot tell a short-scale
   * process from the nugget, it takes the smoother one. 'none' for plain maximum likelihood.
   * Default 'dimension-scaled'.
   */
  lengthScalePrior?: 'dimension-scaled' | 'none';
  /** L-BFGS iterations per start (default 100). */
  maxIterations?: number;
}

/** The fitted emulator as plain data. */
export interface GpModel {
  kernel: Kernel;
  mean: MeanFunction;
  /** Training inputs on the unit cube and outputs. */
  x: number[][];
  y: number[];
  lengthScales: number[];
  /** Noise variance relative to σ². */
  nugget: number;
  /** Process variance. */
  sigma2: number;
  beta: number[];
  logLikelihood: number;
}

export interface Prediction {
  mean: number[];
  variance: number[];
}

export interface Emulator {
  model: GpModel;
  /** Mean and variance at unit-cube points: of the mean response, or with `observation`, of a new run (adds the noise). */
  predict(points: readonly (readonly number[])[], options?: { observation?: boolean }): Prediction;
  /** Closed-form leave-one-out predictions of each training run (Dubrule 1983), hyperparameters and β held fixed. */
  leaveOneOut(): Prediction;
  /** Correlations c(x, xᵢ) with every training input. */
  correlations(x: readonly number[]): Float64Array;
  /** The regressors F(x). */
  basis(x: readonly number[]): number[];
  /** R⁻¹ b, R = C + g I the training correlation matrix. */
  solve(b: ArrayLike<number>): Float64Array;
  /** A draw of β from its posterior N(β̂, σ² (Fᵀ R⁻¹ F)⁻¹). */
  sampleBeta(rand: Random): number[];
}

const SQRT5 = Math.sqrt(5);

/** Correlation at scaled squared distance r² = Σ ((xᵢ − x′ᵢ)/ℓᵢ)². */
function corr(kernel: Kernel, r2: number): number {
  if (kernel === 'squared-exponential') return Math.exp(-0.5 * r2);
  const r = Math.sqrt(r2);
  return (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
}

/** ∂c/∂(log ℓ_d) divided by r_d² (the same factor for every input). */
function corrSlope(kernel: Kernel, r2: number, c: number): number {
  if (kernel === 'squared-exponential') return c;
  const r = Math.sqrt(r2);
  return (5 / 3) * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
}

function basisOf(mean: MeanFunction, x: readonly number[]): number[] {
  return mean === 'constant' ? [1] : [1, ...x];
}

interface Fit {
  nll: number;
  grad: number[];
}

/** The training-side state of a fitted model: factorisations and weights. */
interface State {
  l: Square;
  alpha: Float64Array;
  beta: number[];
  sigma2: number;
  /** G = L⁻¹ F, column by column (p columns of length n). */
  g: Float64Array[];
  /** Cholesky factor of Fᵀ R⁻¹ F = Gᵀ G. */
  a: Square;
}

function correlationMatrix(x: readonly (readonly number[])[], ls: readonly number[], nugget: number, kernel: Kernel): Square {
  const n = x.length;
  const m = square(n);
  const inv = ls.map((l) => 1 / (l * l));
  for (let i = 0; i < n; i++) {
    m.a[i * n + i] = 1 + nugget;
    for (let j = 0; j < i; j++) {
      let r2 = 0;
      for (let d = 0; d < inv.length; d++) r2 += (x[i][d] - x[j][d]) ** 2 * inv[d];
      m.a[i * n + j] = m.a[j * n + i] = corr(kernel, r2);
    }
  }
  return m;
}

interface Inputs {
  x: readonly (readonly number[])[];
  y: readonly number[];
  lengthScales: readonly number[];
  nugget: number;
  kernel: Kernel;
  mean: MeanFunction;
}

function state(model: Inputs): State | null {
  const { x, y } = model;
  const n = x.length;
  const l = cholesky(correlationMatrix(x, model.lengthScales, model.nugget, model.kernel));
  if (!l) return null;
  const f = x.map((xi) => basisOf(model.mean, xi));
  const p = f[0].length;
  const g = Array.from({ length: p }, (_, c) =>
    solveLower(
      l,
      f.map((row) => row[c]),
    ),
  );
  const a = square(p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) a.a[i * p + j] = g[i].reduce((s, v, t) => s + v * g[j][t], 0);
  const ac = cholesky(a);
  if (!ac) return null;
  const ly = solveLower(l, y);
  const rhs = g.map((gc) => gc.reduce((s, v, t) => s + v * ly[t], 0));
  const beta = Array.from(cholSolve(ac, rhs));
  const resid = y.map((v, i) => v - f[i].reduce((s, fv, c) => s + fv * beta[c], 0));
  const alpha = cholSolve(l, resid);
  const sigma2 = Math.max(1e-300, resid.reduce((s, v, i) => s + v * alpha[i], 0) / n);
  return { l, alpha, beta, sigma2, g, a: ac };
}

/** Negative concentrated log-likelihood (constants dropped) and its gradient in (log ℓ, log g). */
export function negLogLik(
  x: readonly (readonly number[])[],
  y: readonly number[],
  ls: number[],
  nugget: number,
  kernel: Kernel,
  mean: MeanFunction,
): Fit | null {
  const s = state({ x, y, lengthScales: ls, nugget, kernel, mean });
  if (!s) return null;
  const n = x.length;
  const k = ls.length;
  const nll = 0.5 * n * Math.log(s.sigma2) + 0.5 * logDet(s.l);
  const rinv = inverseFromCholesky(s.l).a;
  const inv = ls.map((l) => 1 / (l * l));
  const grad = new Array<number>(k + 1).fill(0);
  const al = s.alpha;
  const rd = new Float64Array(k);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      let r2 = 0;
      for (let d = 0; d < k; d++) r2 += rd[d] = (x[i][d] - x[j][d]) ** 2 * inv[d];
      const c = corr(kernel, r2);
      // ½ Σ_ij (R⁻¹ − α αᵀ / σ²)_ij ∂R_ij: each pair i < j counted twice.
      const w = ((al[i] * al[j]) / s.sigma2 - rinv[i * n + j]) * corrSlope(kernel, r2, c);
      for (let d = 0; d < k; d++) grad[d] -= w * rd[d];
    }
  let tr = 0;
  let aa = 0;
  for (let i = 0; i < n; i++) ((tr += rinv[i * n + i]), (aa += al[i] * al[i]));
  grad[k] = 0.5 * nugget * (tr - aa / s.sigma2);
  return { nll, grad };
}

const logistic = (u: number) => 1 / (1 + Math.exp(-u));
const logit = (p: number) => Math.log(p / (1 - p));

/** Fits the emulator to runs at unit-cube inputs (see the module comment). */
export function fitEmulator(
  x: readonly (readonly number[])[],
  y: readonly number[],
  rand: Random,
  options: EmulatorOptions = {},
): Emulator {
  const n = x.length;
  if (n < 3 || y.length !== n)
    throw new RangeError(`fitEmulator: expected ≥ 3 runs with one output each, got ${n} inputs and ${y.length} outputs`);
  const k = x[0].length;
  const kernel = options.kernel ?? 'matern52';
  const mean = options.mean ?? 'constant';
  const [lsLo, lsHi] = (options.lengthScaleRange ?? [0.1, 100]).map(Math.log);
  const fixedNugget = typeof options.nugget === 'number' ? options.nugget : null;
  const [gLo, gHi] = (options.nuggetRange ?? [1e-8, 1e4]).map(Math.log);
  const xs = x.map((r) => r.slice());
  const ys = y.slice();
  // Parameters θ (log ℓ₁…ℓ_k, log g) as lo + (hi − lo) logistic(u), so u is unconstrained.
  const bounds = [...Array.from({ length: k }, () => [lsLo, lsHi]), [gLo, gHi]];
  const np = fixedNugget === null ? k + 1 : k;
  const toTheta = (u: readonly number[]) => u.map((v, i) => bounds[i][0] + (bounds[i][1] - bounds[i][0]) * logistic(v));
  const toU = (t: readonly number[]) =>
    t.map((v, i) => logit(Math.min(1 - 1e-9, Math.max(1e-9, (v - bounds[i][0]) / (bounds[i][1] - bounds[i][0])))));
  const prior = (options.lengthScalePrior ?? 'dimension-scaled') === 'dimension-scaled';
  const priorMean = Math.SQRT2 + 0.5 * Math.log(k);
  const objective = (u: readonly number[]) => {
    const t = toTheta(u);
    const ls = t.slice(0, k).map(Math.exp);
    const g = fixedNugget ?? Math.exp(t[k]);
    const fit = negLogLik(xs, ys, ls, g, kernel, mean);
    if (!fit) return { value: Infinity, gradient: u.map(() => 0) };
    let value = fit.nll;
    if (prior)
      for (let d = 0; d < k; d++) {
        value += (t[d] - priorMean) ** 2 / 6;
        fit.grad[d] += (t[d] - priorMean) / 3;
      }
    const gradient = u.map((v, i) => fit.grad[i] * (bounds[i][1] - bounds[i][0]) * logistic(v) * (1 - logistic(v)));
    return { value, gradient };
  };
  // Every start runs a few iterations; the best of them then runs to convergence.
  const restarts = Math.max(1, options.restarts ?? 4);
  const typical = Math.log(0.3 * Math.sqrt(k));
  const starts: { u: number[]; value: number }[] = [];
  for (let r = 0; r < restarts; r++) {
    // Smooth with a small nugget; smooth with a large one; then random.
    const t0 =
      r < 2
        ? [...Array.from({ length: k }, () => typical), Math.log(r === 0 ? 1e-3 : 1)]
        : [...Array.from({ length: k }, () => typical + (rand() - 0.5) * 3), Math.log(1e-6) + rand() * (Math.log(3) - Math.log(1e-6))];
    const res = restarts === 1 ? { x: toU(t0).slice(0, np), value: 0 } : lbfgs(objective, toU(t0).slice(0, np), { maxIterations: 10 });
    if (Number.isFinite(res.value)) starts.push({ u: res.x, value: res.value });
  }
  starts.sort((a, b) => a.value - b.value);
  let best: { u: number[]; value: number } | null = null;
  if (starts.length > 0) {
    const res = lbfgs(objective, starts[0].u, { maxIterations: options.maxIterations ?? 100, valueTolerance: 1e-8 });
    if (Number.isFinite(res.value)) best = { u: res.x, value: res.value };
  }
  if (!best) throw new RangeError('fitEmulator: the correlation matrix is singular at every start (duplicate inputs without a nugget?)');
  const t = toTheta(best.u);
  const lengthScales = t.slice(0, k).map(Math.exp);
  const nugget = fixedNugget ?? Math.exp(t[k]);
  const s = state({ x: xs, y: ys, lengthScales, nugget, kernel, mean })!;
  const penalty = prior ? t.slice(0, k).reduce((acc, v) => acc + (v - priorMean) ** 2 / 6, 0) : 0;
  const logLikelihood = -(best.value - penalty) - 0.5 * n * (1 + Math.log(2 * Math.PI));
  return build({ kernel, mean, x: xs, y: ys, lengthScales, nugget, sigma2: s.sigma2, beta: s.beta, logLikelihood }, s);
}

/** Rebuilds an emulator from its model (e.g. read back from JSON). */
export function restoreEmulator(model: GpModel): Emulator {
  const s = state(model);
  if (!s) throw new RangeError('restoreEmulator: the correlation matrix is not positive definite');
  return build(model, s);
}

function build(model: GpModel, s: State): Emulator {
  const { x, kernel, lengthScales } = model;
  const n = x.length;
  const inv = lengthScales.map((l) => 1 / (l * l));
  const p = s.beta.length;
  const { sigma2, beta } = model;
  const correlations = (pt: readonly number[]) => {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let r2 = 0;
      for (let d = 0; d < inv.length; d++) r2 += (pt[d] - x[i][d]) ** 2 * inv[d];
      c[i] = corr(kernel, r2);
    }
    return c;
  };
  const basis = (pt: readonly number[]) => basisOf(model.mean, pt);
  const predict = (points: readonly (readonly number[])[], options: { observation?: boolean } = {}): Prediction => {
    const mean: number[] = [];
    const variance: number[] = [];
    for (const pt of points) {
      const c = correlations(pt);
      const f = basis(pt);
      let m = 0;
      for (let j = 0; j < p; j++) m += f[j] * beta[j];
      for (let i = 0; i < n; i++) m += c[i] * s.alpha[i];
      const v = solveLower(s.l, c);
      let q = 0;
      for (let i = 0; i < n; i++) q += v[i] * v[i];
      const u = f.map((fj, j) => fj - s.g[j].reduce((acc, gv, i) => acc + gv * v[i], 0));
      const w = solveLower(s.a, u);
      const extra = w.reduce((acc, wv) => acc + wv * wv, 0);
      mean.push(m);
      variance.push(Math.max(0, sigma2 * (1 - q + extra + (options.observation ? model.nugget : 0))));
    }
    return { mean, variance };
  };
  const leaveOneOut = (): Prediction => {
    const rinv = inverseFromCholesky(s.l).a;
    const mean = model.y.map((v, i) => v - s.alpha[i] / rinv[i * n + i]);
    const variance = model.y.map((_, i) => sigma2 / rinv[i * n + i]);
    return { mean, variance };
  };
  const sampleBeta = (rand: Random) => {
    // β̂ + σ L_A⁻ᵀ z has covariance σ² (Gᵀ G)⁻¹.
    const z = Array.from({ length: p }, () => normal(rand));
    const d = new Float64Array(p);
    for (let i = p - 1; i >= 0; i--) {
      let t = z[i];
      for (let j = i + 1; j < p; j++) t -= s.a.a[j * p + i] * d[j];
      d[i] = t / s.a.a[i * p + i];
    }
    return beta.map((b, i) => b + Math.sqrt(sigma2) * d[i]);
  };
  return { model, predict, leaveOneOut, correlations, basis, solve: (b) => cholSolve(s.l, b), sampleBeta };
}
