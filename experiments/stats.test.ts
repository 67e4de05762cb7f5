import { describe, expect, it } from 'vitest';
import { interval, pairedDifference, tCritical } from './stats.ts';

describe('statistics of replications', () => {
  it('uses Student t quantiles', () => {
    expect(tCritical(9)).toBeCloseTo(2.262, 3);
    expect(tCritical(29)).toBeCloseTo(2.045, 3);
    expect(tCritical(1e6)).toBeCloseTo(1.96, 2);
  });
  it('gives the mean and its 95% interval', () => {
    const iv = interval([1, 2, 3, 4, 5]);
    expect(iv.mean).toBe(3);
    expect(iv.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(iv.half).toBeCloseTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 3);
  });
  it('tests paired differences', () => {
    const a = [10, 11, 12, 13, 14, 15];
    const b = a.map((x, i) => x + 1 + (i % 2 ? 0.1 : -0.1));
    const d = pairedDifference(a, b);
    expect(d.mean).toBeCloseTo(1, 12);
    expect(d.p).toBeLessThan(1e-5);
    expect(
      pairedDifference(
        a,
        a.map((x, i) => x + (i % 2 ? 0.1 : -0.1)),
      ).p,
    ).toBeGreaterThan(0.5);
  });
});
