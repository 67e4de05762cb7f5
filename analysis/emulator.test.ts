import { describe, expect, it } from 'vitest';
import { latinHypercube, maximinLatinHypercube } from './design.ts';
import { fitEmulator, negLogLik, restoreEmulator } from './emulator.ts';
import { checkHeldOut, checkLeaveOneOut } from './emulator-check.ts';
import { normal, seeded } from './random.ts';

const f = (u: readonly number[]) => Math.sin(5 * u[0]) + u[1] ** 2 + 0.3 * u[0] * u[2];

describe('Gaussian-process emulator', () => {
  it("has the likelihood's analytic gradient (both kernels, linear mean)", () => {
    const r = seeded(1);
    const x = latinHypercube(25, 3, r);
    const y = x.map((p) => f(p) + 0.1 * normal(r));
    for (const kernel of ['squared-exponential', 'matern52'] as const) {
      const ls = [0.3, 0.5, 1.2];
      const g = 1e-2;
      const at = (l: number[], gg: number) => negLogLik(x, y, l, gg, kernel, 'linear')!.nll;
      const h = 1e-6;
      const grad = negLogLik(x, y, ls, g, kernel, 'linear')!.grad;
      ls.forEach((_, d) => {
        const up = ls.map((v, i) => (i === d ? v * Math.exp(h) : v));
        const down = ls.map((v, i) => (i === d ? v * Math.exp(-h) : v));
        expect(grad[d]).toBeCloseTo((at(up, g) - at(down, g)) / (2 * h), 4);
      });
      expect(grad[3]).toBeCloseTo((at(ls, g * Math.exp(h)) - at(ls, g * Math.exp(-h))) / (2 * h), 4);
    }
  });

  it('predicts held-out runs of a smooth function, passes its checks, and survives JSON', () => {
    const r = seeded(2);
    const design = maximinLatinHypercube(60, 3, r).points;
    const em = fitEmulator(
      design,
      design.map((p) => f(p)),
      r,
    );
    const test = latinHypercube(40, 3, r);
    const check = checkHeldOut(
      em,
      test,
      test.map((p) => f(p)),
    );
    expect(check.r2).toBeGreaterThan(0.99);
    expect(check.passed).toBe(true);
    expect(checkLeaveOneOut(em).r2).toBeGreaterThan(0.98);
    // The third input matters least: its length scale is the longest.
    expect(em.model.lengthScales[2]).toBeGreaterThan(em.model.lengthScales[0]);
    const back = restoreEmulator(JSON.parse(JSON.stringify(em.model)));
    const a = em.predict(test.slice(0, 5));
    const b = back.predict(test.slice(0, 5));
    b.mean.forEach((v, i) => expect(v).toBeCloseTo(a.mean[i], 9));
  });

  it('estimates the seed noise with its nugget', () => {
    const r = seeded(3);
    const design = maximinLatinHypercube(120, 2, r).points;
    const sd = 0.2;
    const em = fitEmulator(
      design,
      design.map((p) => f([...p, 0]) + sd * normal(r)),
      r,
      { kernel: 'squared-exponential', mean: 'linear' },
    );
    const noise = em.model.sigma2 * em.model.nugget;
    expect(Math.sqrt(noise)).toBeGreaterThan(0.7 * sd);
    expect(Math.sqrt(noise)).toBeLessThan(1.3 * sd);
    // The mean response is recovered better than the noise level.
    const test = latinHypercube(50, 2, r);
    const p = em.predict(test);
    const rmse = Math.sqrt(test.reduce((s, u, i) => s + (p.mean[i] - f([...u, 0])) ** 2, 0) / test.length);
    expect(rmse).toBeLessThan(0.5 * sd);
  });
});
