import { describe, expect, it } from 'vitest';
import { analyse, expectIndices } from './sobol-emulator.test-support.ts';
import { ISHIGAMI, ishigami } from './test-functions.ts';

describe('Sobol indices from an emulator of a noisy simulator', () => {
  it('recover them from noisy runs (noise sd 1, 7% of the variance) from 400 runs, within 0.06', () => {
    const { result, check } = analyse(ishigami, 3, 300, 100, 1, 2, { kernel: 'squared-exponential' }, {}, { minR2: 0.85 });
    // Against the runs R² is at most 1 − 1 / 14.8 ≈ 0.93; against the mean response it is higher.
    expect(check.noiseAdjustedR2).toBeGreaterThan(check.r2);
    expect(check.passed).toBe(true);
    expectIndices(result, ISHIGAMI.first, ISHIGAMI.total, 0.06);
    // The noise is estimated, and its uncertainty shows in the realisations' spread.
    expect(Math.sqrt(result.variance.noise)).toBeGreaterThan(0.7);
    expect(Math.sqrt(result.variance.noise)).toBeLessThan(1.3);
    expect(result.inputs[0].total.emulatorSd).toBeGreaterThan(0);
  });
});
