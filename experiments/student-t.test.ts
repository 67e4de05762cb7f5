import stdlibCdf from '@stdlib/stats-base-dists-t-cdf';
import stdlibQuantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import { lnGamma, tCdf, tQuantile } from './student-t.ts';

// Replications number at most 1000, so intervals use at most 999 degrees of freedom.
const DFS = [1, 2, 3, 4, 5, 9, 19, 29, 99, 999, 0.5, 2.5];

describe("Student's t distribution", () => {
  it('gives the tabled 97.5% quantiles', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.2622, 4);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.0452, 4);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.95997, 5);
  });
  it('agrees with stdlib to 1e-12 over degrees of freedom and probabilities', () => {
    for (const df of DFS) {
      for (const t of [-50, -8, -3, -1.5, -0.3, 0, 0.01, 0.7, 2, 4.5, 12, 300]) {
        const want = stdlibCdf(t, df);
        expect(Math.abs(tCdf(t, df) - want), `cdf(${t}, ${df})`).toBeLessThan(1e-12 * Math.max(1, Math.abs(want)) + 1e-300);
        expect(Math.abs(tCdf(t, df) - want) / Math.max(want, 1e-300), `relative cdf(${t}, ${df})`).toBeLessThan(1e-9);
      }
      for (const p of [1e-10, 0.001, 0.025, 0.1, 0.5, 0.8, 0.95, 0.975, 0.995, 0.999999]) {
        const want = stdlibQuantile(p, df);
        expect(Math.abs(tQuantile(p, df) - want), `quantile(${p}, ${df})`).toBeLessThan(1e-9 * Math.max(1, Math.abs(want)));
      }
    }
  });
  it('stays within 1e-9 of stdlib at a million degrees of freedom', () => {
    for (const t of [-3, -1.5, 0.2, 2.5]) expect(Math.abs(tCdf(t, 1e6) - stdlibCdf(t, 1e6))).toBeLessThan(1e-9);
    expect(Math.abs(tQuantile(0.975, 1e6) - stdlibQuantile(0.975, 1e6))).toBeLessThan(1e-8);
  });
  it('is symmetric and inverts its CDF', () => {
    for (const df of [3, 17])
      for (const p of [0.01, 0.3, 0.9]) {
        expect(tQuantile(p, df)).toBeCloseTo(-tQuantile(1 - p, df), 12);
        expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 12);
      }
  });
  it('handles the edges', () => {
    expect(tCdf(Infinity, 5)).toBe(1);
    expect(tCdf(-Infinity, 5)).toBe(0);
    expect(tQuantile(0, 5)).toBe(-Infinity);
    expect(tQuantile(1, 5)).toBe(Infinity);
    expect(tQuantile(1.2, 5)).toBeNaN();
    expect(tCdf(1, 0)).toBeNaN();
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
  });
});
