import { describe, expect, it } from 'vitest';
import { checkDimensions, fromUnit, named, toUnit } from './dimensions.ts';
import { chiSquare, normal, seeded, shuffled } from './random.ts';

describe('seeded randomness and dimensions', () => {
  it('repeats for a seed, and the normal and chi-square draws have their moments', () => {
    expect(seeded(1)()).toBe(seeded(1)());
    const r = seeded(5);
    const z = Array.from({ length: 20000 }, () => normal(r));
    const m = z.reduce((a, b) => a + b) / z.length;
    const v = z.reduce((a, b) => a + (b - m) ** 2, 0) / z.length;
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.04);
    const c = Array.from({ length: 5000 }, () => chiSquare(5, r));
    expect(Math.abs(c.reduce((a, b) => a + b) / c.length - 5)).toBeLessThan(0.15);
    expect(shuffled([1, 2, 3, 4], r).sort()).toEqual([1, 2, 3, 4]);
  });

  it('maps the unit cube onto named ranges, rounding integers', () => {
    const dims = [
      { name: 'units', lo: 2, hi: 12, integer: true },
      { name: 'share', lo: 0.1, hi: 0.5 },
    ];
    checkDimensions(dims);
    expect(fromUnit(dims, [0.52, 0.5])).toEqual([7, expect.closeTo(0.3, 12)]);
    expect(toUnit(dims, [7, 0.3])).toEqual([0.5, expect.closeTo(0.5, 12)]);
    expect(named(dims, [7, 0.3])).toEqual({ units: 7, share: 0.3 });
    expect(() => checkDimensions([{ name: 'a', lo: 1, hi: 1 }])).toThrow(RangeError);
  });
});
