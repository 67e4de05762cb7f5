import { describe, expect, it } from 'vitest';
import { createCmaes, reflect, symmetricEigen } from './cmaes.ts';
import { seeded } from './random.ts';

describe('CMA-ES (ask/tell)', () => {
  it('decomposes a symmetric matrix', () => {
    const c = [
      [4, 1, 0.5],
      [1, 3, 0.2],
      [0.5, 0.2, 2],
    ];
    const { values, vectors } = symmetricEigen(c);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        expect(vectors.reduce((s, _, k) => s + vectors[i][k] * values[k] * vectors[j][k], 0)).toBeCloseTo(c[i][j], 10);
    expect([reflect(1.2), reflect(-0.3), reflect(2.5)].map((v) => +v.toFixed(10))).toEqual([0.8, 0.3, 0.5]);
  });

  it('minimises a rotated ellipsoid to 1e-6 within the bounds', () => {
    const dims = Array.from({ length: 6 }, (_, i) => ({ name: `x${i}`, lo: -5, hi: 5 }));
    const es = createCmaes(dims, seeded(1));
    const f = (x: number[]) =>
      x.reduce((s, _, i) => s + 10 ** ((3 * i) / 5) * (x.slice(0, i + 1).reduce((a, b) => a + b, 0) - 0.5 * (i + 1)) ** 2, 0);
    let best = Infinity;
    for (let g = 0; g < 600 && es.spread() > 1e-9; g++) {
      const xs = es.ask();
      for (const x of xs) for (const v of x) expect(Math.abs(v)).toBeLessThanOrEqual(5);
      const fs = xs.map(f);
      best = Math.min(best, ...fs);
      es.tell(fs);
    }
    expect(best).toBeLessThan(1e-6);
  });

  it('finds an optimum on the boundary and integer coordinates', () => {
    const dims = [
      { name: 'a', lo: 0, hi: 10 },
      { name: 'units', lo: 1, hi: 20, integer: true },
      { name: 'b', lo: -3, hi: 3 },
    ];
    const es = createCmaes(dims, seeded(2));
    const f = (x: number[]) => (x[0] - 12) ** 2 + (x[1] - 7.3) ** 2 + (x[2] + 1) ** 2;
    for (let g = 0; g < 200; g++) {
      const xs = es.ask();
      for (const x of xs) expect(Number.isInteger(x[1])).toBe(true);
      es.tell(xs.map(f));
    }
    const m = es.mean();
    expect(m[0]).toBeGreaterThan(9.99);
    expect(m[1]).toBe(7);
    expect(m[2]).toBeCloseTo(-1, 3);
  });
});
