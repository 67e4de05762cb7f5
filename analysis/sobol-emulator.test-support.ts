/** Shared by the emulator-based Sobol tests. */
import { expect } from 'vitest';
import { latinHypercube, maximinLatinHypercube } from './design.ts';
import { fitEmulator, type EmulatorOptions } from './emulator.ts';
import { checkHeldOut, type CheckCriteria } from './emulator-check.ts';
import { normal, seeded } from './random.ts';
import { emulatorSobol, type EmulatorSobolOptions } from './sobol-emulator.ts';

/** Train on a maximin design, check on held-out runs, then the indices. */
export function analyse(
  f: (u: readonly number[]) => number,
  k: number,
  train: number,
  heldOut: number,
  noise: number,
  seed: number,
  fit: EmulatorOptions = {},
  sobol: EmulatorSobolOptions = {},
  criteria: Partial<CheckCriteria> = {},
) {
  const r = seeded(seed);
  const run = (u: readonly number[]) => f(u) + noise * normal(r);
  const design = maximinLatinHypercube(train, k, r).points;
  const em = fitEmulator(design, design.map(run), r, fit);
  const test = latinHypercube(heldOut, k, r);
  const check = checkHeldOut(em, test, test.map(run), criteria);
  const result = emulatorSobol(em, check, r, { baseSamples: 4096, realisations: 16, bootstrap: 30, features: 500, ...sobol });
  return { result, check, evaluations: train + heldOut };
}

export function expectIndices(res: ReturnType<typeof analyse>['result'], first: number[], total: number[], tol: number) {
  res.inputs.forEach((inp, i) => {
    expect(Math.abs(inp.first.estimate - first[i]), `S${i + 1}`).toBeLessThan(tol);
    expect(Math.abs(inp.total.estimate - total[i]), `ST${i + 1}`).toBeLessThan(tol);
    // The intervals hold the true value (to 0.005: a total index estimate is never below 0).
    expect(inp.first.lo).toBeLessThanOrEqual(first[i] + 0.005);
    expect(inp.first.hi).toBeGreaterThanOrEqual(first[i] - 0.005);
    expect(inp.total.lo).toBeLessThanOrEqual(total[i] + 0.005);
    expect(inp.total.hi).toBeGreaterThanOrEqual(total[i] - 0.005);
  });
}
