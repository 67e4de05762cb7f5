import { describe, expect, it } from 'vitest';
import { latinHypercube, maximinLatinHypercube } from './design.ts';
import { seeded } from './random.ts';

const isLatin = (x: number[][]) =>
  x[0].every((_, c) => {
    const strata = x.map((r) => Math.floor(r[c] * x.length)).sort((a, b) => a - b);
    return strata.every((s, i) => s === i);
  });

describe('space-filling designs', () => {
  it('a Latin hypercube has one point per stratum in every column', () => {
    expect(isLatin(latinHypercube(37, 5, seeded(1)))).toBe(true);
  });

  it('the maximin search keeps the Latin property and spreads the points', () => {
    const d = maximinLatinHypercube(60, 4, seeded(2));
    expect(isLatin(d.points)).toBe(true);
    expect(d.minDistance).toBeGreaterThan(1.5 * d.startMinDistance);
    // Deterministic for a seed.
    expect(maximinLatinHypercube(60, 4, seeded(2)).points).toEqual(d.points);
  });
});
