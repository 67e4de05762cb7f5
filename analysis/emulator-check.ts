/**
 * Checking an emulator before using it: on held-out runs (or by leave-one-out), the share
 * of variance it explains (R²), the standardised prediction errors (y − μ)/s, which should
 * look like draws from N(0, 1), and the coverage of the 95% predictive intervals
 * (Bastos & O'Hagan 2009, "Diagnostics for Gaussian process emulators", Technometrics 51).
 * The report says whether the emulator passes and, if not, why; `requirePassed` turns a
 * failed report into an `EmulatorCheckFailed` error, and the emulator-based Sobol analysis
 * refuses an emulator without a passed report.
 */
import type { Emulator, Prediction } from './emulator.ts';

export interface CheckCriteria {
  /**
   * Smallest acceptable R² against the runs (default 0.9). For a noisy simulator the
   * attainable R² is 1 − the noise share of the runs' variance: lower it accordingly.
   */
  minR2: number;
  /** Acceptable coverage of the 95% predictive intervals (default [0.85, 1]). */
  coverage: [number, number];
  /**
   * Largest acceptable standard deviation of the standardised errors (default 1.6): above
   * it the intervals are too narrow. Below 1 they are wide, which only makes the indices'
   * intervals conservative, so it is not refused.
   */
  maxErrorSd: number;
}

export const DEFAULT_CRITERIA: CheckCriteria = { minR2: 0.9, coverage: [0.85, 1], maxErrorSd: 1.6 };

export interface EmulatorCheck {
  method: 'held-out' | 'leave-one-out';
  runs: number;
  /** R² against the runs themselves: at most 1 − (noise share of their variance). */
  r2: number;
  /**
   * R² against the mean response, estimated as 1 − (MSE − σ²g) / (Var y − σ²g) with the
   * emulator's own noise variance σ²g: for information, as it trusts that estimate.
   */
  noiseAdjustedR2: number;
  rmse: number;
  /** Of the standardised errors (y − μ)/s with s the predictive standard deviation of a run. */
  standardisedErrors: { mean: number; sd: number; maxAbs: number };
  /** Share of runs inside their 95% predictive interval. */
  coverage95: number;
  criteria: CheckCriteria;
  passed: boolean;
  /** Why it failed (empty when it passed). */
  reasons: string[];
}

export class EmulatorCheckFailed extends Error {
  readonly reasons: string[];
  constructor(reasons: string[]) {
    super(`the emulator failed its check: ${reasons.join('; ')}`);
    this.name = 'EmulatorCheckFailed';
    this.reasons = reasons;
  }
}

function report(
  method: EmulatorCheck['method'],
  y: readonly number[],
  p: Prediction,
  noise: number,
  criteria: Partial<CheckCriteria>,
): EmulatorCheck {
  const c: CheckCriteria = { ...DEFAULT_CRITERIA, ...criteria };
  const n = y.length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  let ssRes = 0;
  let ssTot = 0;
  const z: number[] = [];
  // Errors at the level of rounding (an output exactly linear in its inputs, say) are not
  // the emulator's: its predictive sd is floored at 1e-12 of the outputs' magnitude.
  const floor = (1e-12 * y.reduce((m, v) => Math.max(m, Math.abs(v)), 0)) ** 2;
  for (let i = 0; i < n; i++) {
    ssRes += (y[i] - p.mean[i]) ** 2;
    ssTot += (y[i] - mean) ** 2;
    z.push((y[i] - p.mean[i]) / Math.sqrt(Math.max(p.variance[i], floor, 1e-300)));
  }
  const r2 = ssTot > 0 ? 1 - ssRes / ssTot : ssRes === 0 ? 1 : -Infinity;
  const zm = z.reduce((a, b) => a + b, 0) / n;
  const zsd = Math.sqrt(z.reduce((s, v) => s + (v - zm) ** 2, 0) / Math.max(1, n - 1));
  const coverage95 = z.filter((v) => Math.abs(v) <= 1.959964).length / n;
  const reasons: string[] = [];
  if (n < 10) reasons.push(`only ${n} runs to check against (at least 10 needed)`);
  if (!(r2 >= c.minR2)) reasons.push(`R² ${r2.toFixed(3)} below ${c.minR2}`);
  if (coverage95 < c.coverage[0] || coverage95 > c.coverage[1])
    reasons.push(
      `95% intervals cover ${(100 * coverage95).toFixed(1)}% of runs, outside [${100 * c.coverage[0]}%, ${100 * c.coverage[1]}%]`,
    );
  if (!(zsd <= c.maxErrorSd))
    reasons.push(`standardised errors have sd ${zsd.toFixed(2)}, above ${c.maxErrorSd}: the intervals are too narrow`);
  return {
    method,
    runs: n,
    r2,
    noiseAdjustedR2: ssTot > 0 ? 1 - (ssRes / n - noise) / (ssTot / n - noise) : r2,
    rmse: Math.sqrt(ssRes / n),
    standardisedErrors: { mean: zm, sd: zsd, maxAbs: Math.max(...z.map(Math.abs)) },
    coverage95,
    criteria: c,
    passed: reasons.length === 0,
    reasons,
  };
}

const noiseOf = (e: Emulator) => e.model.sigma2 * e.model.nugget;

/** Checks the emulator against runs it was not trained on (unit-cube inputs and outputs). */
export function checkHeldOut(
  emulator: Emulator,
  x: readonly (readonly number[])[],
  y: readonly number[],
  criteria: Partial<CheckCriteria> = {},
): EmulatorCheck {
  if (x.length !== y.length) throw new RangeError(`checkHeldOut: ${x.length} inputs but ${y.length} outputs`);
  return report('held-out', y, emulator.predict(x, { observation: true }), noiseOf(emulator), criteria);
}

/** Checks the emulator by leave-one-out on its own training runs (no runs held out). */
export function checkLeaveOneOut(emulator: Emulator, criteria: Partial<CheckCriteria> = {}): EmulatorCheck {
  return report('leave-one-out', emulator.model.y, emulator.leaveOneOut(), noiseOf(emulator), criteria);
}

/** Throws EmulatorCheckFailed unless the check passed. */
export function requirePassed(check: EmulatorCheck): void {
  if (!check.passed) throw new EmulatorCheckFailed(check.reasons);
}
