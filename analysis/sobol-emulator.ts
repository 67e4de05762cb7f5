/**
 * Sobol indices from a Gaussian-process emulator, with intervals that include the
 * emulator's own uncertainty and the Monte Carlo error.
 *
 * The indices are those of the mean response (the expectation over seeds): the nugget
 * absorbs the seed noise. Each of S posterior realisations of the mean response is drawn
 * as a function by pathwise conditioning (Wilson et al. 2020, "Efficiently sampling
 * functions from Gaussian process posteriors", ICML): a prior draw by M random Fourier
 * features (Rahimi & Recht 2007; Gaussian frequencies for the squared exponential,
 * Student-t with 5 degrees of freedom for Matérn 5/2), corrected by the kriging update
 * f_s(x) = F(x)β_s + f̃_s(x) + c(x, X) R⁻¹ (y − Fβ_s − f̃_s(X) − ε_s), with β_s from its
 * posterior and ε_s the noise. Each realisation is evaluated on one Saltelli design, its
 * indices estimated (sobol.ts) and bootstrapped over the design's rows; the pooled
 * realisation × bootstrap estimates give the interval (Le Gratiet, Cannamela & Iooss 2014,
 * "A Bayesian approach for global sensitivity analysis of (multifidelity) computer
 * codes", SIAM/ASA JUQ 2). The spread over realisations and the mean bootstrap spread are
 * reported apart, so one can see which to reduce: more runs or more emulator samples.
 *
 * It refuses an emulator whose check (emulator-check.ts) did not pass.
 */
import type { Emulator } from './emulator.ts';
import { requirePassed, type EmulatorCheck } from './emulator-check.ts';
import { chiSquare, normal, type Random } from './random.ts';
import { meanOf, quantile, saltelliDesign, sdOf, sobolBootstrap, sobolFromValues } from './sobol.ts';

export interface EmulatorSobolOptions {
  /** Input names, in column order (default x1, x2, …). */
  names?: string[];
  /** Base sample size N of the Saltelli design (default 2048; N (k + 2) emulator evaluations per realisation). */
  baseSamples?: number;
  /** Posterior realisations S (default 40). */
  realisations?: number;
  /** Bootstrap resamples of the design per realisation (default 50). */
  bootstrap?: number;
  /** Random Fourier features M of each prior draw (default 1000). */
  features?: number;
  /** Interval level (default 0.95). */
  level?: number;
}

export interface IndexEstimate {
  /** Mean over realisations of the full-design estimate. */
  estimate: number;
  lo: number;
  hi: number;
  /** Standard deviation over realisations (emulator uncertainty). */
  emulatorSd: number;
  /** Mean bootstrap standard deviation (Monte Carlo error). */
  monteCarloSd: number;
}

export interface EmulatorSobolResult {
  inputs: { name: string; first: IndexEstimate; total: IndexEstimate }[];
  baseSamples: number;
  realisations: number;
  /** Emulator evaluations (realisations × N (k + 2)). */
  emulatorEvaluations: number;
  /** Variance of the mean response (averaged over realisations) and of the run-to-run noise. */
  variance: { mean: number; noise: number };
  check: EmulatorCheck;
}

function summarise(full: number[], boots: number[][], level: number): IndexEstimate {
  const pooled = boots.flat();
  const a = (1 - level) / 2;
  return {
    estimate: meanOf(full),
    lo: quantile(pooled, a),
    hi: quantile(pooled, 1 - a),
    emulatorSd: sdOf(full),
    monteCarloSd: meanOf(boots.map(sdOf)),
  };
}

/** Sobol first-order and total indices of the emulated mean response (see the module comment). */
export function emulatorSobol(
  emulator: Emulator,
  check: EmulatorCheck,
  rand: Random,
  options: EmulatorSobolOptions = {},
): EmulatorSobolResult {
  requirePassed(check);
  const { model } = emulator;
  const k = model.lengthScales.length;
  const n = model.x.length;
  const names = options.names ?? Array.from({ length: k }, (_, i) => `x${i + 1}`);
  if (names.length !== k) throw new RangeError(`emulatorSobol: ${names.length} names for ${k} inputs`);
  const N = options.baseSamples ?? 2048;
  const S = options.realisations ?? 40;
  const B = options.bootstrap ?? 50;
  const M = options.features ?? 1000;
  const level = options.level ?? 0.95;

  // Random Fourier features shared by the realisations; each has its own weights.
  const omega = new Float64Array(M * k);
  const phase = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    const scale = model.kernel === 'matern52' ? 1 / Math.sqrt(chiSquare(5, rand) / 5) : 1;
    for (let d = 0; d < k; d++) omega[m * k + d] = (normal(rand) * scale) / model.lengthScales[d];
    phase[m] = 2 * Math.PI * rand();
  }
  const amp = Math.sqrt((2 * model.sigma2) / M);
  const features = (x: readonly number[], out: Float64Array) => {
    for (let m = 0; m < M; m++) {
      let t = phase[m];
      for (let d = 0; d < k; d++) t += omega[m * k + d] * x[d];
      out[m] = amp * Math.cos(t);
    }
  };
  const weights = Array.from({ length: S }, () => Float64Array.from({ length: M }, () => normal(rand)));
  const betas = Array.from({ length: S }, () => emulator.sampleBeta(rand));
  const noiseSd = Math.sqrt(model.sigma2 * model.nugget);
  const phi = new Float64Array(M);
  const dotW = (w: Float64Array) => {
    let s = 0;
    for (let m = 0; m < M; m++) s += w[m] * phi[m];
    return s;
  };
  // v_s = R⁻¹ (y − Fβ_s − f̃_s(X) − ε_s).
  const resid = Array.from({ length: S }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    features(model.x[i], phi);
    const f = emulator.basis(model.x[i]);
    for (let s = 0; s < S; s++) {
      const fb = f.reduce((acc, v, j) => acc + v * betas[s][j], 0);
      resid[s][i] = model.y[i] - fb - dotW(weights[s]) - noiseSd * normal(rand);
    }
  }
  const v = resid.map((r) => emulator.solve(r));

  const design = saltelliDesign(N, k, rand);
  const values = Array.from({ length: S }, () => new Float64Array(design.points.length));
  design.points.forEach((x, p) => {
    features(x, phi);
    const c = emulator.correlations(x);
    const f = emulator.basis(x);
    for (let s = 0; s < S; s++) {
      let y = dotW(weights[s]);
      for (let j = 0; j < f.length; j++) y += f[j] * betas[s][j];
      const vs = v[s];
      for (let i = 0; i < n; i++) y += c[i] * vs[i];
      values[s][p] = y;
    }
  });

  const full = values.map((vals) => sobolFromValues(vals, N, k));
  const boots = values.map((vals) => sobolBootstrap(vals, N, k, rand, B));
  const inputs = names.map((name, i) => ({
    name,
    first: summarise(
      full.map((f) => f.first[i]),
      boots.map((b) => b.map((e) => e.first[i])),
      level,
    ),
    total: summarise(
      full.map((f) => f.total[i]),
      boots.map((b) => b.map((e) => e.total[i])),
      level,
    ),
  }));
  return {
    inputs,
    baseSamples: N,
    realisations: S,
    emulatorEvaluations: S * design.points.length,
    variance: { mean: meanOf(full.map((f) => f.variance)), noise: noiseSd ** 2 },
    check,
  };
}
