import { describe, expect, it } from 'vitest';
import { lbfgs } from './lbfgs.ts';

describe('L-BFGS', () => {
  it('minimises the Rosenbrock function in 5 dimensions', () => {
    const f = (x: readonly number[]) => {
      let value = 0;
      const gradient = x.map(() => 0);
      for (let i = 0; i < x.length - 1; i++) {
        const a = x[i + 1] - x[i] * x[i];
        const b = 1 - x[i];
        value += 100 * a * a + b * b;
        gradient[i] += -400 * x[i] * a - 2 * b;
        gradient[i + 1] += 200 * a;
      }
      return { value, gradient };
    };
    const r = lbfgs(f, [-1.2, 1, -1.2, 1, -1.2], { maxIterations: 500, valueTolerance: 0 });
    expect(r.converged).toBe(true);
    r.x.forEach((v) => expect(v).toBeCloseTo(1, 4));
  });
});
