import { describe, expect, it } from 'vitest';
import { binomialUpperTail, prim, primQuantile, rowsInBox, type PrimColumn } from './prim.ts';
import { primStability } from './prim-stability.ts';
import { seeded } from './random.ts';

/** 1,000 runs over five inputs and a category; the outcome is likely inside x1 ∈ [0.2, 0.6], x2 ≥ 0.5. */
function planted(seed: number) {
  const r = seeded(seed);
  const n = 1000;
  const cols = Array.from({ length: 5 }, () => Array.from({ length: n }, () => r()));
  const kind = Array.from({ length: n }, () => ['a', 'b', 'c'][Math.floor(r() * 3)]);
  const inside = (i: number) => cols[0][i] >= 0.2 && cols[0][i] <= 0.6 && cols[1][i] >= 0.5;
  const y = Array.from({ length: n }, (_, i) => r() < (inside(i) ? 0.9 : 0.05));
  const inputs: PrimColumn[] = [...cols.map((values, j) => ({ name: `x${j + 1}`, values })), { name: 'kind', categories: kind }];
  // The planted box's own coverage and density on this sample.
  const inRows = y.map((_, i) => i).filter(inside);
  const k = inRows.filter((i) => y[i]).length;
  return { inputs, y, truth: { coverage: k / y.filter(Boolean).length, density: k / inRows.length } };
}

describe('PRIM', () => {
  it('recovers a planted box: the right inputs, limits within 0.07, coverage and density within 0.1 of the box', () => {
    const { inputs, y, truth } = planted(1);
    const res = prim(inputs, y, { threshold: 0.9 });
    const box = res.boxes[0];
    const names = box.box.limits.map((l) => l.name).sort();
    expect(names).toEqual(['x1', 'x2']);
    const x1 = box.box.limits.find((l) => l.name === 'x1') as { lo: number; hi: number };
    const x2 = box.box.limits.find((l) => l.name === 'x2') as { lo: number; hi?: number };
    expect(Math.abs(x1.lo - 0.2)).toBeLessThan(0.07);
    expect(Math.abs(x1.hi - 0.6)).toBeLessThan(0.07);
    expect(Math.abs(x2.lo - 0.5)).toBeLessThan(0.07);
    expect(x2.hi).toBeUndefined();
    expect(Math.abs(box.box.coverage - truth.coverage)).toBeLessThan(0.1);
    expect(Math.abs(box.box.density - truth.density)).toBeLessThan(0.1);
    expect(box.box.density).toBeGreaterThanOrEqual(0.9);
    expect(box.description).toMatch(/x1 ≤ 0\.\d+ and x2 ≥ 0\.\d+|≤ x1 ≤/);
    // Both restrictions matter: the box without either is much less dense.
    for (const r of box.restrictions) expect(r.qp).toBeLessThan(1e-6);
    expect(rowsInBox(inputs, box.box.limits)).toHaveLength(box.box.n);
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
  });

  it('has a peeling trajectory that starts with every run, falls in coverage and mass, and rises in density', () => {
    const { inputs, y } = planted(2);
    const t = prim(inputs, y).boxes[0].trajectory;
    expect(t[0]).toMatchObject({ coverage: 1, mass: 1, limits: [] });
    expect(t.length).toBeGreaterThan(10);
    for (let i = 1; i < t.length; i++) {
      expect(t[i].coverage).toBeLessThanOrEqual(t[i - 1].coverage);
      expect(t[i].mass).toBeLessThan(t[i - 1].mass);
      expect(t[i].density).toBeGreaterThan(t[i - 1].density);
    }
    expect(t[t.length - 1].mass).toBeGreaterThanOrEqual(0.05);
  });

  it('selects a chosen step, and peels categories', () => {
    const r = seeded(3);
    const n = 600;
    const x = Array.from({ length: n }, () => r());
    const kind = Array.from({ length: n }, () => ['a', 'b', 'c'][Math.floor(r() * 3)]);
    const y = kind.map((k, i) => (k === 'b' ? r() < 0.85 : r() < 0.05) && x[i] >= 0);
    const inputs: PrimColumn[] = [
      { name: 'x', values: x },
      { name: 'kind', categories: kind },
    ];
    const box = prim(inputs, y).boxes[0];
    expect(box.box.limits).toEqual([{ name: 'kind', categories: ['b'] }]);
    expect(prim(inputs, y, { step: 1 }).boxes[0].selected).toBe(1);
  });

  it('says how often each restriction reappears in bootstrap resamples', () => {
    const { inputs, y } = planted(4);
    const res = prim(inputs, y);
    const s = primStability(inputs, y, res.boxes[0], seeded(5), { resamples: 20 });
    const by = Object.fromEntries(s.inputs.map((i) => [i.name, i]));
    expect(by.x1.reproduceCoverage).toBeGreaterThanOrEqual(0.9);
    expect(by.x2.reproduceCoverage).toBeGreaterThanOrEqual(0.9);
    for (const name of ['x3', 'x4', 'x5', 'kind']) expect(by[name].reproduceCoverage).toBeLessThanOrEqual(0.4);
    expect(s.meanOverlap).toBeGreaterThan(0.7);
  });

  it("matches EMA's quantile and an exact binomial tail", () => {
    expect(primQuantile([1, 2, 3, 4, 5], 0.05)).toBe(1.5);
    expect(primQuantile([1, 1, 1, 2, 3], 0.05)).toBe(1.5);
    expect(primQuantile([1, 2, 3, 4, 5], 0.95)).toBe(4.5);
    expect(binomialUpperTail(3, 3, 0.5)).toBeCloseTo(0.125, 12);
    expect(binomialUpperTail(2, 4, 0.5)).toBeCloseTo(11 / 16, 12);
  });
});
