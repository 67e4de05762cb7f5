import { describe, expect, it } from 'vitest';
import { stream } from '../sim/random/rng.ts';
import { latinHypercube, morrisDesign, morrisIndices, saltelliDesign, saltelliPoints, sobolIndices } from './sensitivity.ts';

/** Ishigami–Homma function on [−π, π]³ with a = 7, b = 0.1 (Saltelli et al. 2008, §4.1). */
const ishigami = (u: number[]) => {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
};
// Analytic indices: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2; V1 = (1 + bπ⁴/5)²/2; V2 = a²/8; V13 = b²π⁸(1/18 − 1/50).
const a = 7,
  b = 0.1,
  pi4 = Math.PI ** 4,
  pi8 = Math.PI ** 8;
const V = (a * a) / 8 + (b * pi4) / 5 + (b * b * pi8) / 18 + 0.5;
const V1 = (1 + (b * pi4) / 5) ** 2 / 2;
const V2 = (a * a) / 8;
const V13 = b * b * pi8 * (1 / 18 - 1 / 50);
const exact = { S: [V1 / V, V2 / V, 0], ST: [(V1 + V13) / V, V2 / V, V13 / V] };

/** Sobol's g-function: the importance of factor i falls with a_i; a = 99 is all but inert. */
const gA = [0, 1, 4.5, 9, 99, 99, 99, 99];
const gFunction = (u: number[]) => u.reduce((p, x, i) => (p * (Math.abs(4 * x - 2) + gA[i])) / (1 + gA[i]), 1);

describe('Latin hypercube', () => {
  it('puts exactly one point in each of the n strata of every column', () => {
    const pts = latinHypercube(50, 4, stream(3, 'lhs'));
    for (let c = 0; c < 4; c++) expect(new Set(pts.map((p) => Math.floor(p[c] * 50))).size).toBe(50);
  });
});

describe('Sobol indices (Saltelli sampling, Jansen estimators)', () => {
  it('reproduce the Ishigami function’s analytic first-order and total indices within their bootstrap intervals', () => {
    const d = saltelliDesign(8192, 3, stream(1, 'design'));
    const y = saltelliPoints(d).map(ishigami);
    const s = sobolIndices(d, y, stream(1, 'bootstrap'), 300);
    s.forEach((x, i) => {
      expect(exact.S[i]).toBeGreaterThanOrEqual(x.first.lo);
      expect(exact.S[i]).toBeLessThanOrEqual(x.first.hi);
      expect(exact.ST[i]).toBeGreaterThanOrEqual(x.total.lo);
      expect(exact.ST[i]).toBeLessThanOrEqual(x.total.hi);
      expect(Math.abs(x.first.estimate - exact.S[i])).toBeLessThan(0.03);
      expect(Math.abs(x.total.estimate - exact.ST[i])).toBeLessThan(0.03);
    });
    // The intervals are informative, not the whole [0, 1].
    for (const x of s) expect(x.total.hi - x.total.lo).toBeLessThan(0.1);
  });

  it('give 0 for a constant output and refuse outputs of the wrong length', () => {
    const d = saltelliDesign(16, 2, stream(1, 'design'));
    const s = sobolIndices(
      d,
      saltelliPoints(d).map(() => 5),
      stream(1, 'b'),
      10,
    );
    for (const x of s) expect([x.first.estimate, x.total.estimate]).toEqual([0, 0]);
    expect(() => sobolIndices(d, [1, 2, 3], stream(1, 'b'))).toThrow(/expected 64 values/);
  });
});

describe('Morris elementary effects', () => {
  it('move every factor once per trajectory by ±Δ on the grid', () => {
    const tr = morrisDesign(6, 5, stream(2, 'm'));
    for (const t of tr) {
      expect([...t.factor].sort()).toEqual([0, 1, 2, 3, 4, 5]);
      t.factor.forEach((i, j) => {
        const diff = t.points[j + 1].map((v, c) => v - t.points[j][c]);
        diff.forEach((dv, c) => expect(Math.abs(dv)).toBeCloseTo(c === i ? 2 / 3 : 0, 12));
      });
      for (const p of t.points) for (const v of p) (expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1));
    }
  });

  it('rank the g-function’s inert factors (a = 99) last, and its most important first', () => {
    const design = morrisDesign(8, 20, stream(4, 'morris'));
    const y = design.map((t) => t.points.map(gFunction));
    const m = morrisIndices(design, y, stream(4, 'boot'), 200);
    const order = m
      .map((x, i) => [x.muStar.estimate, i] as const)
      .sort((p, q) => q[0] - p[0])
      .map(([, i]) => i);
    expect(order[0]).toBe(0);
    expect(new Set(order.slice(4))).toEqual(new Set([4, 5, 6, 7]));
    // μ* of the inert factors is tiny next to the first factor's.
    for (const i of [4, 5, 6, 7]) expect(m[i].muStar.estimate).toBeLessThan(0.05 * m[0].muStar.estimate);
  });

  it('find a linear function’s coefficients exactly, with no spread', () => {
    const c = [3, -2, 0, 0.5];
    const design = morrisDesign(4, 6, stream(5, 'm'));
    const m = morrisIndices(
      design,
      design.map((t) => t.points.map((u) => u.reduce((s, x, i) => s + c[i] * x, 0))),
      stream(5, 'b'),
      50,
    );
    m.forEach((x, i) => {
      expect(x.mu).toBeCloseTo(c[i], 10);
      expect(x.muStar.estimate).toBeCloseTo(Math.abs(c[i]), 10);
      expect(x.sigma).toBeCloseTo(0, 10);
    });
  });
});
