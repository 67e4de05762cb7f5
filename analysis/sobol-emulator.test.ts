import { describe, expect, it } from 'vitest';
import { latinHypercube, maximinLatinHypercube } from './design.ts';
import { fitEmulator } from './emulator.ts';
import { checkHeldOut, EmulatorCheckFailed } from './emulator-check.ts';
import { seeded } from './random.ts';
import { emulatorSobol } from './sobol-emulator.ts';
import { analyse, expectIndices } from './sobol-emulator.test-support.ts';
import { ISHIGAMI, ishigami, linear } from './test-functions.ts';

describe('Sobol indices from an emulator', () => {
  it("recover the Ishigami function's indices from 300 runs (200 to train, 100 held out), within 0.05", () => {
    const { result, check, evaluations } = analyse(ishigami, 3, 200, 100, 0, 1, { kernel: 'squared-exponential' });
    expect(evaluations).toBeLessThan(500);
    expect(check.passed).toBe(true);
    expect(check.r2).toBeGreaterThan(0.98);
    expectIndices(result, ISHIGAMI.first, ISHIGAMI.total, 0.05);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("recover a linear model's indices from 60 noisy runs (k = 5), within 0.02", () => {
    const lin = linear([1, 2, 3, 0, 0.5]);
    const { result, check } = analyse(lin.f, 5, 40, 20, 0.05, 3, { mean: 'linear' }, { baseSamples: 8192, realisations: 8, features: 200 });
    expect(check.passed).toBe(true);
    expectIndices(result, lin.indices, lin.indices, 0.02);
    expect(result.inputs.map((i) => i.name)).toEqual(['x1', 'x2', 'x3', 'x4', 'x5']);
  });

  it('refuse an emulator that fails its held-out check', () => {
    const r = seeded(4);
    const design = maximinLatinHypercube(12, 3, r).points;
    const em = fitEmulator(design, design.map(ishigami), r);
    const test = latinHypercube(50, 3, r);
    const check = checkHeldOut(em, test, test.map(ishigami));
    expect(check.passed).toBe(false);
    expect(check.reasons.length).toBeGreaterThan(0);
    expect(() => emulatorSobol(em, check, r)).toThrow(EmulatorCheckFailed);
  });
});
