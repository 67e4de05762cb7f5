import { describe, expect, it } from 'vitest';
import { saltelliDesign, sobolBootstrap, sobolFromValues, quantile } from './sobol.ts';
import { seeded } from './random.ts';
import { ISHIGAMI, ishigami } from './test-functions.ts';

describe('Saltelli design and estimators', () => {
  it("give the Ishigami function's indices from 2^14 base samples, inside their bootstrap intervals", () => {
    const r = seeded(1);
    const n = 16384;
    const d = saltelliDesign(n, 3, r);
    expect(d.points).toHaveLength(n * 5);
    const values = d.points.map(ishigami);
    const est = sobolFromValues(values, n, 3);
    const boots = sobolBootstrap(values, n, 3, r, 100);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(est.first[i] - ISHIGAMI.first[i])).toBeLessThan(0.03);
      expect(Math.abs(est.total[i] - ISHIGAMI.total[i])).toBeLessThan(0.02);
      const t = boots.map((b) => b.total[i]);
      expect(quantile(t, 0.005)).toBeLessThan(ISHIGAMI.total[i]);
      expect(quantile(t, 0.995)).toBeGreaterThan(ISHIGAMI.total[i]);
    }
    expect(est.variance).toBeCloseTo(13.845, 0);
  });
});
