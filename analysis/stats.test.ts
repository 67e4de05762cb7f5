import tQuantileRef from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import { meanInterval, normalQuantile, tQuantile } from './stats.ts';

describe('quantiles and intervals', () => {
  it('agree with @stdlib', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    for (const nu of [1, 2, 4, 5, 10, 29, 100])
      for (const p of [0.9, 0.975, 0.995]) {
        const tol = nu >= 4 && p <= 0.975 ? 0.002 : nu >= 4 ? 0.02 : 1e-9;
        expect(Math.abs(tQuantile(p, nu) - tQuantileRef(p, nu))).toBeLessThan(tol);
      }
  });

  it('gives a t interval for a mean', () => {
    const i = meanInterval([1, 2, 3, 4, 5]);
    expect(i.mean).toBe(3);
    expect(i.hi - 3).toBeCloseTo((tQuantileRef(0.975, 4) * Math.sqrt(2.5)) / Math.sqrt(5), 2);
    expect(meanInterval([7])).toEqual({ mean: 7, lo: 7, hi: 7, n: 1 });
  });
});
